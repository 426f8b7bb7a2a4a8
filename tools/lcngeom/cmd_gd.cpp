// lcngeom gd: the gradient-descent experiments of Sections 7.1-7.3.
//   gd table1     Table 1 (rrmps reached by gradient descent on random data)
//   gd table2     Table 2 (distinct solutions, Euclidean vs Bombieri)
//   gd run        one run with a trace summary (Section 7.3's example, or a
//                 replay of one Table 1 dataset)
//   gd precision  the same datasets in double and in MPFR
// Every run is classified three ways: (a) the paper's tolerance rule, (b) the
// certified critical point (limit_certificate.hpp), (c) the exact rrmp of the
// float end-to-end filter.  See docs/gradient-descent.md.
#include <boost/multiprecision/mpfr.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "command.hpp"
#include "gd_output.hpp"
#include "json_forms.hpp"
#include "options.hpp"
#include "section5_args.hpp"
#include "units.hpp"

namespace lcngeom::cli {

namespace {

struct GdOptions {
  // shared
  std::vector<std::string> filters;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  bool quiet = false, json = false;
  std::string format = "text", records;
  double step = 0.01, tolerance = 1e-14;
  long max_iterations = -1;  // -1: the method's default
  std::string gradient = "true", method = "auto";
  double root_tolerance = 1e-4, solution_tolerance = 1e-4;
  bool no_certify = false, no_exact_float = false, no_exact_classes = false, per_sample = false;
  int samples = 10;
  long certificate_bits = 128;
  std::string global_minimum = "auto";
  bool no_algebraic = false;  // run: skip w* as an exact algebraic point  // exact | cheap | auto (run: exact, tables: cheap)
  // table1 / precision
  std::size_t datasets = 10000;
  // table2
  std::size_t targets = 500, inits = 50;
  std::string norms = "euclidean,bombieri";
  // run
  std::string target, norm = "euclidean", weights;
  long dataset = -1;
  std::size_t init = 0;
  std::string run_filters;  // run: one architecture
  int digits = kDefaultDigits;
  // precision
  long bits = 128;
};

std::vector<std::vector<int>> parse_architectures(const std::vector<std::string>& texts) {
  std::vector<std::vector<int>> out;
  for (const std::string& text : texts) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t end = text.find(';', start);
      const std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      out.push_back(parse_filters_arg(part).filters());
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return out;
}

DescentOptions descent_options(const GdOptions& o, DescentMethod method) {
  DescentOptions d;
  d.step = o.step;
  d.tolerance = o.tolerance;
  d.gradient = parse_gradient_convention(o.gradient);
  d.method = method;
  d.max_iterations =
      o.max_iterations >= 0 ? o.max_iterations : (method == DescentMethod::gradient_flow ? 1000000 : 15000);
  d.validate();
  return d;
}

// Whether (b) runs the exact search behind "w* is the global minimum of l on
// M_k" when the cheap rules of limit_certificate.hpp do not decide it (about
// 0.1-0.5 s per dataset whose target lies outside M_k).
bool exact_global_minimum(const GdOptions& o, bool table) {
  if (o.global_minimum == "exact") return true;
  if (o.global_minimum == "cheap") return false;
  if (o.global_minimum == "auto") return !table;
  throw invalid_argument("--global-minimum '" + o.global_minimum + "': expected exact, cheap or auto");
}

ProtocolOptions protocol_options(const GdOptions& o) {
  ProtocolOptions p;
  p.seed = o.seed;
  p.samples = o.samples;
  if (o.method == "flow") throw invalid_argument("--method flow is only available for gd run");
  p.descent = descent_options(o, DescentMethod::gradient_descent);
  p.per_sample_loss = o.per_sample;
  p.root_tolerance = o.root_tolerance;
  p.solution_tolerance = o.solution_tolerance;
  p.exact_classes = !o.no_exact_classes;
  p.exact_float_rrmp = !o.no_exact_float;
  p.certify = !o.no_certify;
  p.certificate.precision = o.certificate_bits;
  p.certificate.seed = o.seed;
  p.certificate.decide_global_minimum = exact_global_minimum(o, true);
  p.threads = o.threads;
  p.validate();
  return p;
}

nlohmann::json protocol_json(const ProtocolOptions& p) {
  return {{"seed", p.seed},
          {"samples", p.samples},
          {"step", p.descent.step},
          {"gradient_tolerance", p.descent.tolerance},
          {"max_iterations", p.descent.max_iterations},
          {"gradient", std::string(to_string(p.descent.gradient))},
          {"per_sample_loss", p.per_sample_loss},
          {"root_tolerance", p.root_tolerance},
          {"solution_tolerance", p.solution_tolerance},
          {"exact_classes", p.exact_classes},
          {"exact_float_rrmp", p.exact_float_rrmp},
          {"certify", p.certify},
          {"exact_global_minimum", p.certificate.decide_global_minimum},
          {"threads", resolve_threads(p.threads)}};
}

std::string protocol_text(const ProtocolOptions& p) {
  return "seed " + std::to_string(p.seed) + ", N = " + std::to_string(p.samples) + ", step " + gd_num(p.descent.step) +
         ", stop at ||grad L||^2 <= " + gd_num(p.descent.tolerance) + ", at most " +
         std::to_string(p.descent.max_iterations) + " updates, gradient " + std::string(to_string(p.descent.gradient)) +
         (p.per_sample_loss ? ", per-sample loss" : "") + ", tol (a) " + gd_num(p.root_tolerance) + ", " +
         std::to_string(resolve_threads(p.threads)) + " threads";
}

void add_shared(CLI::App& app, GdOptions& o) {
  add_seed_option(app, o.seed, "random seed (default 1); every run has its own stream (docs/gradient-descent.md)");
  app.add_option("--threads", o.threads, "worker threads (default: all hardware threads); output does not depend on it")
      ->check(CLI::Range(1u, 1024u));
  add_quiet_flag(app, o.quiet, "no progress bar (it is drawn on stderr only when stderr is a terminal)");
  add_json_flag(app, o.json);
  app.add_option("--step", o.step, "gradient-descent step (default 0.01)");
  app.add_option("--tolerance", o.tolerance, "stop when ||grad L||^2 <= tolerance (default 1e-14)");
  app.add_option("--max-iterations", o.max_iterations, "at most this many updates (default 15000; flow: 10^6 steps)");
  app.add_option("--gradient", o.gradient,
                 "true (default: the gradient of ||WX - Y||^2) | appendix-a (Appendix A's WXX^T - YX^T, half of it)");
  app.add_option("--root-tolerance", o.root_tolerance, "tol of the paper's root rule (a) (default 1e-4)");
  app.add_flag("--no-certify", o.no_certify, "skip the certified classification (b)");
  app.add_flag("--no-exact-float", o.no_exact_float, "skip the exact rrmp of the float filter (c)");
  app.add_option("--certificate-bits", o.certificate_bits, "working precision of certificates (default 128)");
  app.add_option("--global-minimum", o.global_minimum,
                 "exact | cheap | auto (default: exact for gd run, cheap for tables): decide 'w* is the global "
                 "minimum on M_k' by the exact search when the cheap rules do not");
}

void add_table_shared(CLI::App& app, GdOptions& o) {
  add_shared(app, o);
  app.add_option("--filters", o.filters,
                 "architectures, e.g. --filters 2,2 --filters 4,2 or \"2,2;4,2\" (default: the five of Example 4.6)");
  app.add_option("--format", o.format, "text (default) | markdown");
  app.add_option("--records", o.records, "write every run to FILE (.csv, or .jsonl for JSON Lines)");
  app.add_flag("--no-exact-classes", o.no_exact_classes,
               "group targets and initializations by rule (a) instead of their exact rrmp");
}

bool markdown(const GdOptions& o) {
  if (o.format != "text" && o.format != "markdown")
    throw invalid_argument("--format '" + o.format + "': expected text or markdown");
  return o.format == "markdown";
}

// ----------------------------------------------------------------- table1

// lcngeom-mpi's units of Table 1: slices of up to unit_size() datasets (default
// 1000) of one architecture.  A slice's result is the part of each RunRecord
// that summarize_table1 reads, so rank 0 summarises exactly the records
// run_table1 would (same order, same doubles): the output is the same.

nlohmann::json slice_number(double x) {
  if (std::isfinite(x)) return x;
  return std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
}

double slice_double(const nlohmann::json& j) {
  if (j.is_number()) return j.get<double>();
  const std::string s = j.get<std::string>();
  return s == "nan" ? std::nan("") : (s == "inf" ? HUGE_VAL : -HUGE_VAL);
}

nlohmann::json slice_rrmp(const std::optional<Rrmp>& r) {
  return r ? nlohmann::json(r->to_string()) : nlohmann::json();
}

std::optional<Rrmp> slice_rrmp(const nlohmann::json& j) {
  return j.is_null() ? std::nullopt : std::optional<Rrmp>(Rrmp::parse(j.get<std::string>()));
}

nlohmann::json slice_bool(const std::optional<bool>& b) { return b ? nlohmann::json(*b) : nlohmann::json(); }

std::optional<bool> slice_bool(const nlohmann::json& j) {
  return j.is_null() ? std::nullopt : std::optional<bool>(j.get<bool>());
}

// `jsonl`: with --records, also the slice's lines of the records file
// (records_jsonl: their format), written by rank 0 in dataset order.
std::string encode_slice(const Table1Result& r, std::optional<bool> jsonl) {
  const Table1Architecture& a = r.architectures.at(0);
  nlohmann::json records = nlohmann::json::array();
  for (const RunRecord& x : r.records) {
    const CertifiedLimit& c = x.certified;
    records.push_back({static_cast<int>(x.result.status), slice_rrmp(x.target_class), slice_rrmp(x.init_class),
                       slice_rrmp(x.rule_a), slice_rrmp(x.exact_float), slice_number(x.result.loss),
                       slice_number(x.loss_per_sample), c.certified,
                       c.certified ? nlohmann::json(c.rrmp.to_string()) : nlohmann::json(),
                       slice_bool(c.global_minimum), slice_bool(c.pure), c.is_target, c.compatible, c.reason});
  }
  nlohmann::json j{{"disagreements", {a.target_rule_disagreements, a.init_rule_disagreements}},
                   {"seconds", {a.descent_seconds, a.classify_seconds, a.exact_seconds}},
                   {"records", records}};
  if (jsonl) {
    std::string lines;
    for (const RunRecord& x : r.records) lines += record_line(x, *jsonl);
    j["lines"] = lines;
  }
  return j.dump();
}

RunRecord decode_record(const std::vector<int>& filters, std::size_t dataset, const nlohmann::json& j) {
  RunRecord r;
  r.filters = filters;
  r.dataset = dataset;
  r.norm = "data";
  r.result.status = static_cast<DescentStatus>(j[0].get<int>());
  r.target_class = slice_rrmp(j[1]);
  r.init_class = slice_rrmp(j[2]);
  r.rule_a = slice_rrmp(j[3]);
  r.exact_float = slice_rrmp(j[4]);
  r.result.loss = slice_double(j[5]);
  r.loss_per_sample = slice_double(j[6]);
  CertifiedLimit& c = r.certified;
  c.certified = j[7].get<bool>();
  if (c.certified) c.rrmp = Rrmp::parse(j[8].get<std::string>());
  c.global_minimum = slice_bool(j[9]);
  c.pure = slice_bool(j[10]);
  c.is_target = j[11].get<bool>();
  c.compatible = j[12].get<bool>();
  c.reason = j[13].get<std::string>();
  return r;
}

// `records_path`: --records FILE, written on the printing rank from the
// units' lines (the file lcngeom's write_records writes), or empty.
Table1Result run_table1_units(const Table1Options& t, const std::string& records_path) {
  struct Slice {
    std::size_t arch, first, count;
  };
  const std::size_t per = unit_size() > 0 ? unit_size() : 1000;
  std::vector<Slice> slices;
  for (std::size_t a = 0; a < t.architectures.size(); ++a)
    for (std::size_t b = 0; b < t.datasets; b += per) slices.push_back({a, b, std::min(per, t.datasets - b)});
  UnitJob job;
  job.command = "gd table1";
  nlohmann::json args = protocol_json(t.protocol);
  args.erase("threads");  // results do not depend on it
  args["certificate_bits"] = t.protocol.certificate.precision;
  args["datasets"] = t.datasets;
  args["architectures"] = t.architectures;
  args["datasets_per_unit"] = per;
  std::optional<bool> jsonl;  // with --records: its format, which the unit results hold
  if (!records_path.empty()) {
    jsonl = records_jsonl(records_path);
    args["records"] = *jsonl ? "jsonl" : "csv";
  }
  job.arguments = args;
  job.units = slices.size();
  job.run = [&](std::size_t i) {
    Table1Options u = t;
    u.architectures = {t.architectures[slices[i].arch]};
    u.first_dataset = slices[i].first;
    u.datasets = slices[i].count;
    u.keep_records = true;
    u.protocol.progress = nullptr;
    return encode_slice(run_table1(u), jsonl);
  };
  // Opened at the first result, on the printing rank only (every rank runs
  // this function up to run_units); a resumed job rewrites it from the start.
  std::ofstream out;
  auto open_records = [&] {
    if (records_path.empty() || out.is_open()) return;
    out.open(records_path);
    if (!out) throw invalid_argument("--records: cannot write '" + records_path + "'");
    out << records_header(*jsonl);
  };
  Table1Result result;
  std::vector<RunRecord> records;
  std::size_t dis_t = 0, dis_i = 0;
  double sec[3] = {0, 0, 0};
  job.emit = [&](std::size_t i, const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text);
    const Slice& s = slices[i];
    const std::vector<int>& filters = t.architectures[s.arch];
    std::size_t d = s.first;
    for (const nlohmann::json& x : j["records"]) records.push_back(decode_record(filters, d++, x));
    if (jsonl) {
      open_records();
      out << j["lines"].get<std::string>();
    }
    dis_t += j["disagreements"][0].get<std::size_t>();
    dis_i += j["disagreements"][1].get<std::size_t>();
    for (int k = 0; k < 3; ++k) sec[k] += j["seconds"][k].get<double>();
    if (s.first + s.count == t.datasets) {  // the architecture is complete
      Table1Architecture a = summarize_table1(filters, records);
      a.descent_seconds = sec[0];
      a.classify_seconds = sec[1];
      a.exact_seconds = sec[2];
      a.target_rule_disagreements = dis_t;
      a.init_rule_disagreements = dis_i;
      result.architectures.push_back(std::move(a));
      records.clear();
      dis_t = dis_i = 0;
      sec[0] = sec[1] = sec[2] = 0;
    }
    return true;
  };
  run_units(job);
  open_records();  // every unit is in (or none was)
  if (out.is_open() && !(out.flush()))
    throw invalid_argument("--records: error writing '" + records_path + "'");
  return result;
}

void print_table1(const GdOptions& o, const Table1Options& t, const Table1Result& r) {
  const bool md = markdown(o);
  if (o.json) {
    nlohmann::json archs = nlohmann::json::array();
    for (const auto& a : r.architectures) archs.push_back(table1_json(a));
    print_json({{"experiment", "table1"},
                {"protocol", protocol_json(t.protocol)},
                {"datasets", t.datasets},
                {"architectures", archs},
                {"records", o.records.empty() ? nlohmann::json() : nlohmann::json(o.records)}});
    return;
  }
  std::cout << (md ? "## " : "")
            << "Table 1 (Section 7.1): rrmps of gradient-descent solutions; ours beside the paper's\n"
            << (md ? "\n" : "") << "protocol: " << protocol_text(t.protocol) << "\n"
            << "% conv = share of converged runs, % all = share of all runs; losses are l = (wbar-u)^T XX^T (wbar-u)\n"
            << "(the square loss above its minimum), mean/N = per sample; (b) = certified classification\n\n";
  for (const auto& a : r.architectures) std::cout << table1_text(a, md) << '\n';
  if (!o.records.empty()) std::cout << "records: " << o.records << '\n';
}

int run_table1_cmd(const GdOptions& o) {
  markdown(o);  // checks --format before any work
  Table1Options t;
  t.protocol = protocol_options(o);
  t.protocol.samples = o.samples;
  t.datasets = o.datasets;
  if (!o.filters.empty()) t.architectures = parse_architectures(o.filters);
  t.keep_records = !o.records.empty();
  if (distributed()) {
    t.validate();
    print_table1(o, t, run_table1_units(t, o.records));
    return 0;
  }
  auto bar = std::make_shared<ProgressReporter>(o.quiet, false, "lcngeom gd");
  t.protocol.progress = [bar](const Progress& p) { (*bar)(p); };
  const Table1Result r = run_table1(t);
  bar->finish();
  if (!o.records.empty()) write_records(o.records, r.records);
  print_table1(o, t, r);
  return 0;
}

// ----------------------------------------------------------------- table2

std::vector<std::string> split_norms(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(',', start);
    std::string n = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (n == "I") n = "euclidean";
    if (n == "B") n = "bombieri";
    out.push_back(n);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

int run_table2_cmd(const GdOptions& o) {
  const bool md = markdown(o);
  Table2Options t;
  t.protocol = protocol_options(o);
  t.targets = o.targets;
  t.inits = o.inits;
  t.norms = split_norms(o.norms);
  if (!o.filters.empty()) t.architectures = parse_architectures(o.filters);
  t.keep_records = !o.records.empty();
  auto bar = std::make_shared<ProgressReporter>(o.quiet, false, "lcngeom gd");
  t.protocol.progress = [bar](const Progress& p) { (*bar)(p); };
  const Table2Result r = run_table2(t);
  bar->finish();
  if (!o.records.empty()) write_records(o.records, r.records);
  if (o.json) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& c : r.cells) cells.push_back(table2_json(c));
    nlohmann::json proto = protocol_json(t.protocol);
    proto.erase("samples");
    print_json({{"experiment", "table2"},
                {"protocol", proto},
                {"targets", t.targets},
                {"inits", t.inits},
                {"norms", t.norms},
                {"cells", cells},
                {"records", o.records.empty() ? nlohmann::json() : nlohmann::json(o.records)}});
    return 0;
  }
  std::cout << (md ? "## " : "") << "Table 2 (Section 7.2): " << t.targets << " random targets U ~ N(0, I) x "
            << t.inits << " initializations per architecture, loss ||mu(theta) - U||^2_Sigma\n"
            << (md ? "\n" : "") << "protocol: " << protocol_text(t.protocol)
            << ", solutions equal by the paper's rule with tol " << gd_num(t.protocol.solution_tolerance) << "\n\n"
            << table2_text(r.cells, md);
  for (const auto& c : r.cells)
    std::cout << "  " << gd_arch(c.filters) << ' ' << c.norm << ": (a) vs (b): " << tally_text(c.b) << "; time descent "
              << gd_num(c.descent_seconds, 3) << " s, exact " << gd_num(c.exact_seconds, 3)
              << " s\n    (b): " << tally_facts(c.b) << '\n';
  if (!o.records.empty()) std::cout << "records: " << o.records << '\n';
  return 0;
}

// ----------------------------------------------------------------- run

// Coarse decimal of a rational, for display.
std::string decimal_of(const Rational& q) { return gd_num(q.to_double(), 12); }

std::vector<double> to_doubles(const std::vector<Rational>& v) {
  std::vector<double> out;
  for (const Rational& q : v) out.push_back(q.to_double());
  return out;
}

Filters exact_of(const FilterSet<double>& t) {
  Filters out;
  for (const auto& w : t) {
    out.emplace_back();
    for (double x : w) out.back().push_back(exact_rational(x));
  }
  return out;
}

std::vector<double> invariants(const FilterSet<double>& t) {
  std::vector<double> d;
  for (std::size_t l = 0; l + 1 < t.size(); ++l) {
    double a = 0, b = 0;
    for (double x : t[l]) a += x * x;
    for (double x : t[l + 1]) b += x * x;
    d.push_back(b - a);
  }
  return d;
}

// The best rational approximation p/q of x with q <= qmax (continued fractions).
Rational best_rational(double x, long qmax) {
  long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
  double r = x;
  for (int i = 0; i < 64; ++i) {
    const double a = std::floor(r);
    if (std::abs(a) > 1e15) break;
    const long ai = static_cast<long>(a);
    const long p2 = ai * p1 + p0, q2 = ai * q1 + q0;
    if (q2 > qmax || q2 <= 0) break;
    p0 = p1;
    q0 = q1;
    p1 = p2;
    q1 = q2;
    if (r - a < 1e-12) break;
    r = 1.0 / (r - a);
  }
  return q1 ? Rational(p1, q1) : Rational(0L);
}

struct ScaleCheck {
  bool done = false;
  std::string source, why;
  BinaryForm limit;
  std::string notation;
  std::vector<std::string> kappa;  // decimals, kappa_1..kappa_L
  std::vector<RealRoot> kappa_roots;
  std::vector<std::string> minimal_polynomial;
  double distance = 0;
  std::size_t classes = 0, enclosed = 0;
};

ScaleCheck scale_check(const Architecture& arch, const Filters& init, const RunRecord& r, int digits) {
  ScaleCheck s;
  if (!r.converged()) {
    s.why = "the run did not converge";
    return s;
  }
  if (r.certified.certified && r.certified.exact_point) {
    s.limit = *r.certified.exact_point;
    s.source = "certified limit (b)";
  } else {
    std::vector<Rational> q;
    double scale = 1, err = 0;
    for (double x : r.wbar) scale = std::max(scale, std::abs(x));
    for (double x : r.wbar) {
      q.push_back(best_rational(x, 1000));
      err = std::max(err, std::abs(q.back().to_double() - x));
    }
    if (err > 1e-6 * scale) {
      s.why =
          "mu(theta) has no rational approximation with denominators <= 1000 within 1e-6 (and (b) gave no exact point)";
      return s;
    }
    s.limit = BinaryForm(q);
    s.source = "rational reconstruction of mu(theta) (denominators <= 1000, within " + gd_num(err, 2) +
               "; a cross-check, not a certificate)";
  }
  ScaleRecovery rec;
  try {
    rec = recover_scales(arch, init, s.limit, 128);
  } catch (const lcngeom::error& e) {
    s.why = std::string("recover_scales: ") + e.what();
    return s;
  }
  s.classes = rec.classes.size();
  s.enclosed = rec.enclosed.size();
  double best = INFINITY;
  for (const ClassScales& c : rec.classes)
    for (const ScaledPoint& p : c.points) {
      double d2 = 0;
      std::vector<std::string> kap, poly;
      std::vector<RealRoot> roots;
      for (std::size_t l = 0; l < p.kappa.size(); ++l) {
        const double k = std::stod(decimal_text(p.kappa[l], 17));
        for (std::size_t j = 0; j < c.representative[l].size(); ++j) {
          const double v = k * c.representative[l][j].to_double() - r.result.theta[l][j];
          d2 += v * v;
        }
        kap.push_back(decimal_text(p.kappa[l], digits));
        roots.push_back(p.kappa[l]);
        poly.push_back(p.kappa[l].defining_polynomial().to_string("t"));
      }
      if (std::sqrt(d2) < best) {
        best = std::sqrt(d2);
        s.kappa = kap;
        s.kappa_roots = roots;
        s.minimal_polynomial = poly;
        s.notation = c.notation;
      }
    }
  if (!std::isfinite(best)) {
    s.why = "no rational scaling class (only classes with irrational factors)";
    return s;
  }
  s.distance = best;
  s.done = true;
  return s;
}

int run_one_cmd(const GdOptions& o) {
  const Architecture arch = parse_filters_arg(o.run_filters);
  const std::vector<int> f = arch.filters();
  const int k = arch.end_to_end_filter_size();
  const bool has_target = !o.target.empty();
  if (has_target == (o.dataset >= 0))
    throw invalid_argument(
        "gd run needs exactly one of --target (loss ||mu(theta) - u||^2_Sigma) or --dataset (a Table 1 dataset)");
  DescentMethod method = has_target ? DescentMethod::gradient_flow : DescentMethod::gradient_descent;
  if (o.method != "auto") method = parse_descent_method(o.method);
  const DescentOptions d = descent_options(o, method);
  // The problem: exact (for (b) and the scale check) and in doubles.
  std::optional<FilterSquareLoss> exact;
  QuadraticLoss<double> loss;
  std::string problem;
  FilterSet<double> theta0;
  if (has_target) {
    const BinaryForm u = parse_form(o.target);
    if (u.degree() != k - 1)
      throw invalid_argument("--target has " + std::to_string(u.degree() + 1) + " coefficients, the architecture " +
                             arch.to_string() + " needs d_0 = k = " + std::to_string(k));
    const InnerProduct sigma = parse_norm_arg(o.norm, k - 1);
    std::vector<double> s;
    for (long i = 0; i < k; ++i)
      for (long j = 0; j < k; ++j) s.push_back(sigma.matrix().at(i, j).to_double());
    loss = quadratic_loss_from_target(s, to_doubles(u.coefficients()));
    exact = FilterSquareLoss{sigma, u, Rational(0L)};
    problem = "loss ||mu(theta) - u||^2_" + sigma.name() + ", u = (" + u.to_coefficient_string() + ")";
  } else {
    const Table1Dataset ds = table1_dataset(f, o.seed, static_cast<std::size_t>(o.dataset), o.samples);
    if (o.samples < k)
      throw invalid_argument("--samples " + std::to_string(o.samples) + " < d_0 = k = " + std::to_string(k));
    loss = quadratic_loss_from_data(ds.x, ds.y, static_cast<std::size_t>(k));
    std::vector<std::vector<Rational>> X(static_cast<std::size_t>(k)), Y(1);
    for (int i = 0; i < k; ++i)
      for (int s = 0; s < o.samples; ++s)
        X[static_cast<std::size_t>(i)].push_back(exact_rational(ds.x[static_cast<std::size_t>(i * o.samples + s)]));
    for (double y : ds.y) Y[0].push_back(exact_rational(y));
    exact = filter_square_loss(RatMatrix(X), RatMatrix(Y), k);
    theta0 = ds.theta0;
    problem = "Table 1 dataset " + std::to_string(o.dataset) + " (seed " + std::to_string(o.seed) +
              ", N = " + std::to_string(o.samples) + "), loss ||wbar^T X - Y||^2";
  }
  Filters init_exact;
  if (!o.weights.empty()) {
    init_exact = parse_weights_arg(o.weights);
    theta0.clear();
    for (const auto& w : init_exact) theta0.push_back(to_doubles(w));
  } else if (has_target) {
    theta0 = table2_init(f, o.seed, 0, o.init);
  }
  if (theta0.size() != f.size())
    throw invalid_argument("--weights has " + std::to_string(theta0.size()) + " filters, the architecture " +
                           arch.to_string() + " " + std::to_string(f.size()));
  for (std::size_t l = 0; l < f.size(); ++l)
    if (theta0[l].size() != static_cast<std::size_t>(f[l]))
      throw invalid_argument("--weights: filter " + std::to_string(l + 1) + " has " + std::to_string(theta0[l].size()) +
                             " coefficients, the architecture needs k_" + std::to_string(l + 1) + " = " +
                             std::to_string(f[l]));
  if (init_exact.empty()) init_exact = exact_of(theta0);
  // The run, with a trace at t = 0, 1, 2, 4, 8, ...
  struct TraceRow {
    long t;
    double loss, g2;
  };
  std::vector<TraceRow> trace;
  long next = 0;
  const DescentResult<double> res =
      descend<double>(loss, theta0, d, [&](long t, const FilterSet<double>& th, const double& g2) {
        if (t == next) {
          trace.push_back({t, excess_loss(loss, end_to_end_filter(th)), g2});
          next = next == 0 ? 1 : 2 * next;
        }
      });
  if (trace.empty() || trace.back().t != res.iterations)
    trace.push_back({res.iterations, res.loss, res.gradient_norm2});
  RunRecord r;
  r.filters = f;
  r.theta0 = theta0;
  r.result = res;
  r.wbar = end_to_end_filter(res.theta);
  r.rule_a = tolerance_rrmp(res.theta, o.root_tolerance);
  if (!o.no_exact_float) r.exact_float = exact_rrmp_of_float_filter(res.theta);
  if (o.no_certify) {
    r.certified.reason = "not requested";
  } else if (!r.converged()) {
    r.certified.reason = res.status == DescentStatus::diverged ? "run diverged" : "run did not converge";
  } else {
    try {
      LimitCertificateOptions co;
      co.precision = o.certificate_bits;
      co.seed = o.seed;
      co.decide_global_minimum = exact_global_minimum(o, false);
      co.exact_description = !o.no_algebraic;
      const LimitCertifier c(arch, exact->target, exact->sigma, co);
      r.certified = c.certify(exact_of(res.theta));
    } catch (const lcngeom::error& e) {
      r.certified.reason = std::string("certifier failed: ") + e.what();
    }
  }
  const ScaleCheck sc = scale_check(arch, init_exact, r, o.digits);
  const std::vector<double> delta0 = invariants(theta0), delta1 = invariants(res.theta);
  const std::string method_text = method == DescentMethod::gradient_flow
                                      ? "gradient flow (Dormand-Prince 5(4), initial step " + gd_num(d.step) + ")"
                                      : "gradient descent, step " + gd_num(d.step);
  if (o.json) {
    nlohmann::json tr = nlohmann::json::array();
    for (const auto& row : trace)
      tr.push_back({{"t", row.t}, {"loss", gd_json_num(row.loss)}, {"gradient_norm2", gd_json_num(row.g2)}});
    nlohmann::json check = {{"done", sc.done}}, kappa_json = nlohmann::json::array();
    for (const RealRoot& k : sc.kappa_roots) kappa_json.push_back(certified_real_json(k, o.digits));
    if (sc.done)
      check.update({{"limit", form_json(sc.limit)},
                    {"limit_source", sc.source},
                    {"class", sc.notation},
                    {"kappa", kappa_json},
                    {"minimal_polynomial", sc.minimal_polynomial},
                    {"distance", sc.distance}});
    else check["reason"] = sc.why;
    print_json({{"experiment", "run"},
                {"filters", f},
                {"problem", problem},
                {"target", gd_vec_json(loss.target)},
                {"method", std::string(to_string(method))},
                {"step", d.step},
                {"gradient", std::string(to_string(d.gradient))},
                {"gradient_tolerance", d.tolerance},
                {"max_iterations", d.max_iterations},
                {"theta0", gd_filters_json(theta0)},
                {"delta0", gd_vec_json(delta0)},
                {"trace", tr},
                {"status", std::string(to_string(res.status))},
                {"iterations", res.iterations},
                {"gradient_evaluations", res.gradient_evaluations},
                {"gradient_norm2", gd_json_num(res.gradient_norm2)},
                {"theta", gd_filters_json(res.theta)},
                {"wbar", gd_vec_json(r.wbar)},
                {"loss", gd_json_num(res.loss)},
                {"delta", gd_vec_json(delta1)},
                {"rule_a", gd_rrmp(r.rule_a)},
                {"exact_float", gd_rrmp(r.exact_float)},
                {"certified", certified_json(r.certified)},
                {"scale_check", check}});
    return 0;
  }
  std::cout << "gd run: k = " << gd_arch(f) << ", " << problem << "\n"
            << "method: " << method_text << ", gradient " << to_string(d.gradient)
            << ", stop at ||grad L||^2 <= " << gd_num(d.tolerance) << ", at most " << d.max_iterations
            << (method == DescentMethod::gradient_flow ? " steps" : " updates") << "\ntheta_0 = " << gd_filters(theta0)
            << "   delta_0 = (" << gd_vec(delta0, ", ") << ")\n"
            << "trace:\n";
  for (const auto& row : trace)
    std::cout << "  t = " << row.t << "  loss " << gd_num(row.loss, 6) << "  ||grad||^2 " << gd_num(row.g2, 3) << '\n';
  std::cout << "status: " << to_string(res.status) << " after " << res.iterations
            << (method == DescentMethod::gradient_flow
                    ? " steps (" + std::to_string(res.gradient_evaluations) + " gradient evaluations)"
                    : " updates")
            << ", ||grad L||^2 = " << gd_num(res.gradient_norm2, 3) << "\n"
            << "theta  = " << gd_filters(res.theta) << "\n"
            << "mu(theta) = (" << gd_vec(r.wbar, ", ") << ")   loss l = " << gd_num(res.loss, 6) << "\n"
            << "delta  = (" << gd_vec(delta1, ", ") << ")  (Prop. 5.13: constant along the flow)\n"
            << "(a) rule, tol " << gd_num(o.root_tolerance) << ": "
            << (r.rule_a ? r.rule_a->to_string() : "unclassified") << "\n"
            << "(b) " << summary(r.certified) << "\n";
  if (r.certified.certified) {
    const CertifiedLimit& c = r.certified;
    std::cout << "    w* = (" << certified_point_text(c)
              << "), l(w*) = " << (c.loss_exact ? c.loss_exact->to_string() : c.loss.to_string(20))
              << ", |mu(theta) - w*| <= " << c.distance_bound.to_double() << " < r/3, r = " << c.radius.to_double()
              << "\n    global minimum of l on M_k: "
              << (c.global_minimum ? (*c.global_minimum ? "yes" : "no") : "undecided") << " ("
              << c.global_minimum_reason << "); theta "
              << (c.pure ? (*c.pure ? "pure" : "spurious") : "neither (w* outside M_k)")
              << " (Section 5.1); rrmp compatible with k (Cor. 5.5): " << (c.compatible ? "yes" : "no") << '\n';
    if (c.algebraic && !c.exact_point) {
      const CertifiedAlgebraicPoint& a = *c.algebraic;
      std::cout << "    w* exactly: coordinates in Q(z), z the root in [" << decimal_of(a.root.lo()) << ", "
                << decimal_of(a.root.hi()) << "] of an irreducible polynomial of degree "
                << a.minimal_polynomial.degree() << " (orbit " << a.orbit << " of critical_points on Delta"
                << c.lambda.to_string() << "; the polynomials with --json)\n";
    }
    for (const std::string& note : c.notes) std::cout << "    note: " << note << '\n';
  }
  std::cout << "(c) exact rrmp of the float filter: " << (r.exact_float ? r.exact_float->to_string() : "-") << "\n";
  if (sc.done) {
    std::cout << "Corollary 5.14 (recover-scale) on limit (" << sc.limit.to_coefficient_string() << ") from "
              << sc.source << ":\n  nearest point: class " << sc.notation << ", kappa = (";
    for (std::size_t l = 0; l < sc.kappa.size(); ++l) std::cout << (l ? ", " : "") << sc.kappa[l];
    std::cout << "), kappa_L root of " << sc.minimal_polynomial.back()
              << "; |theta - point| = " << gd_num(sc.distance, 3) << '\n';
  } else {
    std::cout << "Corollary 5.14 cross-check not made: " << sc.why << '\n';
  }
  return 0;
}

// ----------------------------------------------------------------- precision

using mpfr = boost::multiprecision::mpfr_float;

FilterSet<mpfr> to_mp(const FilterSet<double>& t) {
  FilterSet<mpfr> out;
  for (const auto& w : t) {
    out.emplace_back();
    for (double x : w) out.back().push_back(mpfr(x));
  }
  return out;
}

// The exact value z 2^e of an MPFR number (mpfr_get_z_2exp).
Rational exact_mpfr(const mpfr& x) {
  if (!boost::multiprecision::isfinite(x)) throw domain_error("precision study: an MPFR coefficient is not finite");
  mpz_t z;
  mpz_init(z);
  const long e = mpfr_get_z_2exp(z, x.backend().data());
  std::string digits(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(digits.data(), 10, z);
  mpz_clear(z);
  digits.resize(std::char_traits<char>::length(digits.c_str()));
  return Rational(std::string_view(digits)) * pow(Rational(2L), e);
}

Filters exact_filters_mpfr(const FilterSet<mpfr>& t) {
  Filters out;
  for (const auto& w : t) {
    out.emplace_back();
    for (const mpfr& x : w) out.back().push_back(exact_mpfr(x));
  }
  return out;
}

int run_precision_cmd(const GdOptions& o) {
  if (o.bits < 24 || o.bits > 100000)
    throw invalid_argument("--bits must be in 24..100000, got " + std::to_string(o.bits));
  ProtocolOptions p = protocol_options(o);
  const std::vector<std::vector<int>> archs =
      o.filters.empty() ? paper_architectures() : parse_architectures(o.filters);
  if (o.datasets == 0) throw invalid_argument("zero datasets");
  // digits10 with at least `bits` bits (Boost 1.74 sets MPFR precision in decimal digits).
  const unsigned digits10 = static_cast<unsigned>(std::ceil(static_cast<double>(o.bits) * 0.30103)) + 1;
  mpfr::default_precision(digits10);
  const unsigned threads = resolve_threads(o.threads);
  auto bar = std::make_shared<ProgressReporter>(o.quiet, false, "lcngeom gd");
  nlohmann::json out = nlohmann::json::array();
  if (!o.json)
    std::cout << "Precision study: the same datasets in double and in MPFR (" << mpfr().precision()
              << " decimal digits, "
              << "about " << static_cast<long>(mpfr().precision() * 3.3219) << " bits)\nprotocol: " << protocol_text(p)
              << "\n\n";
  for (const auto& f : archs) {
    Table1Options t;
    t.protocol = p;
    t.protocol.progress = [bar](const Progress& pr) { (*bar)(pr); };
    t.architectures = {f};
    t.datasets = o.datasets;
    t.protocol.certify = false;  // both limits are certified below, by one certifier per dataset
    const Table1Result dbl = run_table1(t);
    const int k = end_to_end_size(f);
    std::vector<DescentResult<mpfr>> mp(o.datasets);
    std::vector<std::optional<Rrmp>> mp_rule(o.datasets);
    std::vector<CertifiedLimit> mp_cert(o.datasets), dbl_cert(o.datasets);
    std::atomic<std::size_t> next{0}, done{0};
    const Architecture arch(f);
    auto worker = [&] {
      mpfr::default_precision(digits10);
      for (;;) {
        const std::size_t i = next.fetch_add(1);
        if (i >= o.datasets) break;
        const Table1Dataset ds = table1_dataset(f, o.seed, i, o.samples);
        std::vector<mpfr> x(ds.x.begin(), ds.x.end()), y(ds.y.begin(), ds.y.end());
        QuadraticLoss<mpfr> loss = quadratic_loss_from_data(x, y, static_cast<std::size_t>(k));
        if (o.per_sample)
          for (auto* v : {&loss.sigma, &loss.c})
            for (mpfr& z : *v) z /= o.samples;
        mp[i] = descend<mpfr>(loss, to_mp(ds.theta0), p.descent);
        mp_rule[i] = tolerance_rrmp(mp[i].theta, p.root_tolerance);
        if (p.certify && mp[i].status == DescentStatus::converged) {
          const RunRecord& rd = dbl.records[i];
          try {
            std::vector<std::vector<Rational>> X(static_cast<std::size_t>(k)), Y(1);
            for (int a = 0; a < k; ++a)
              for (int s = 0; s < o.samples; ++s)
                X[static_cast<std::size_t>(a)].push_back(
                    exact_rational(ds.x[static_cast<std::size_t>(a * o.samples + s)]));
            for (double v : ds.y) Y[0].push_back(exact_rational(v));
            const FilterSquareLoss ex = filter_square_loss(RatMatrix(X), RatMatrix(Y), k);
            // One certifier for both limits, so that point_index identifies w* across precisions.
            const LimitCertifier c(arch, ex.target, ex.sigma, p.certificate);
            mp_cert[i] = c.certify(exact_filters_mpfr(mp[i].theta));
            if (rd.converged()) dbl_cert[i] = c.certify(exact_of(rd.result.theta));
          } catch (const lcngeom::error& e) {
            mp_cert[i].reason = std::string("certifier failed: ") + e.what();
          }
        } else {
          mp_cert[i].reason = p.certify ? "run did not converge" : "not requested";
        }
        (*bar)({"mpfr k=" + gd_arch(f), ++done, o.datasets});
      }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < threads; ++w)
      pool.emplace_back([&worker] {
        worker();
        lcngeom::free_thread_caches();  // FLINT's per-thread caches (LeakSanitizer)
      });
    for (auto& th : pool) th.join();
    bar->finish();
    std::size_t both = 0, status_changed = 0, rule_changed = 0, cert_changed = 0, cert_both = 0, iter_changed = 0;
    double max_dist = 0;
    std::map<std::string, std::size_t> changes, cert_changes;
    std::size_t cert_missing = 0;
    for (std::size_t i = 0; i < o.datasets; ++i) {
      const RunRecord& rd = dbl.records[i];
      if (rd.result.status != mp[i].status) ++status_changed;
      if (rd.result.status != DescentStatus::converged || mp[i].status != DescentStatus::converged) continue;
      ++both;
      if (rd.result.iterations != mp[i].iterations) ++iter_changed;
      const std::string a = gd_rrmp(rd.rule_a), b = gd_rrmp(mp_rule[i]);
      if (a != b) {
        ++rule_changed;
        ++changes[a + " -> " + b];
      }
      const auto wm = end_to_end_filter(mp[i].theta);
      for (std::size_t j = 0; j < wm.size(); ++j)
        max_dist = std::max(max_dist, std::abs(static_cast<double>(wm[j]) - rd.wbar[j]));
      if (dbl_cert[i].certified && mp_cert[i].certified) {
        ++cert_both;
        if (dbl_cert[i].point_index != mp_cert[i].point_index || dbl_cert[i].rrmp != mp_cert[i].rrmp) {
          ++cert_changed;
          ++cert_changes[dbl_cert[i].rrmp.to_string() + " -> " + mp_cert[i].rrmp.to_string()];
        }
      } else {
        ++cert_missing;
      }
    }
    if (o.json) {
      out.push_back({{"filters", f},
                     {"datasets", o.datasets},
                     {"status_changed", status_changed},
                     {"both_converged", both},
                     {"iterations_changed", iter_changed},
                     {"rule_a_changed", rule_changed},
                     {"rule_a_changes", changes},
                     {"max_wbar_difference", max_dist},
                     {"both_certified", cert_both},
                     {"not_both_certified", cert_missing},
                     {"certified_changed", cert_changed},
                     {"certified_changes", cert_changes}});
    } else {
      std::cout << "k = " << gd_arch(f) << ": " << o.datasets << " datasets; status differs in " << status_changed
                << "; both converged " << both << " (iterations differ in " << iter_changed << "); rule (a) differs in "
                << rule_changed;
      for (const auto& [c, n] : changes) std::cout << " [" << c << ": " << n << "]";
      std::cout << "; max |wbar_double - wbar_mpfr| = " << gd_num(max_dist, 3) << "; certified in both: " << cert_both
                << ", certified point differs: " << cert_changed;
      for (const auto& [c, n] : cert_changes) std::cout << " [" << c << ": " << n << "]";
      std::cout << "; not certified in both: " << cert_missing << '\n';
    }
  }
  if (o.json)
    print_json({{"experiment", "precision"},
                {"bits", o.bits},
                {"digits10", digits10},
                {"protocol", protocol_json(p)},
                {"architectures", out}});
  return 0;
}

const bool registered = register_command(
    {710, "gd",
     "Sections 7.1-7.3: gradient descent on LCNs (gd table1 | table2 | run | precision), each limit classified by the "
     "paper's rule, by certificate and exactly",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<GdOptions>();
       app.require_subcommand(1);
       CLI::App* t1 = app.add_subcommand("table1", "Table 1: rrmps of gradient-descent solutions for random data");
       add_table_shared(*t1, *o);
       t1->add_option("--datasets", o->datasets, "datasets per architecture (default 10000)");
       t1->add_option("--samples", o->samples, "data points N per dataset (default 10)");
       t1->add_flag("--per-sample-loss", o->per_sample, "descend on (1/N)||WX - Y||^2 instead of ||WX - Y||^2");
       CLI::App* t2 =
           app.add_subcommand("table2", "Table 2: distinct solutions for random targets, Euclidean vs Bombieri");
       add_table_shared(*t2, *o);
       t2->add_option("--targets", o->targets, "random targets per architecture (default 500)");
       t2->add_option("--inits", o->inits, "initializations per target (default 50)");
       t2->add_option("--norm", o->norms, "norms to run: euclidean,bombieri (default both; I, B accepted)");
       t2->add_option("--solution-tolerance", o->solution_tolerance,
                      "tol of the distinct-solution rule (default 1e-4)");
       CLI::App* run = app.add_subcommand("run", "one run with a trace summary (Section 7.3) or a Table 1 replay");
       add_shared(*run, *o);
       add_filters_option(*run, o->run_filters, true, "filter sizes k_1,...,k_L (stride one, d_L = 1), e.g. 4,2");
       run->add_option("--target", o->target,
                       std::string("target u of the loss ||mu(theta) - u||^2_Sigma (or use --dataset): ") + kFormSyntax);
       add_norm_option(*run, o->norm);
       add_weights_option(*run, o->weights, "initial filters theta(0) (default: random N(0,1), see --init)", {});
       run->add_option("--dataset", o->dataset,
                       "replay Table 1 dataset I (with --seed, --samples) instead of --target");
       run->add_option("--samples", o->samples, "data points N of the replayed dataset (default 10)");
       run->add_option("--init", o->init, "index of the random initialization (with --target, no --weights)");
       run->add_option(
           "--method", o->method,
           "auto (default: flow with --target, gd with --dataset) | gd (fixed step) | flow (gradient flow)");
       run->add_flag("--no-algebraic", o->no_algebraic,
                     "skip the exact algebraic description of w* (critical_points on its locus)");
       add_digits_option(*run, o->digits);
       CLI::App* pr = app.add_subcommand("precision", "the same Table 1 datasets in double and in MPFR");
       add_shared(*pr, *o);
       pr->add_option("--filters", o->filters, "architectures (default: the five of Example 4.6)");
       pr->add_option("--datasets", o->datasets, "datasets per architecture (default 10000; try 500)");
       pr->add_option("--samples", o->samples, "data points N per dataset (default 10)");
       pr->add_option("--bits", o->bits, "MPFR precision in bits (default 128)");
       pr->add_flag("--per-sample-loss", o->per_sample, "descend on (1/N)||WX - Y||^2");
       return [o, t1, t2, run, pr]() -> int {
         if (t1->parsed()) return run_table1_cmd(*o);
         if (t2->parsed()) return run_table2_cmd(*o);
         if (run->parsed()) return run_one_cmd(*o);
         if (pr->parsed()) return run_precision_cmd(*o);
         throw invalid_argument("gd needs a subcommand: table1, table2, run or precision");
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
