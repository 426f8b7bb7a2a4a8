// Output of `lcngeom gd`: tables (text, Markdown, JSON), per-run records (CSV,
// JSON Lines); the progress bar is progress.hpp's.  The JSON keys are documented in
// docs/gradient-descent.md.
#ifndef LCNGEOM_TOOLS_GD_OUTPUT_HPP
#define LCNGEOM_TOOLS_GD_OUTPUT_HPP

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gd_paper.hpp"
#include "progress.hpp"
#include "lcngeom/lcngeom.hpp"

namespace lcngeom::cli {

// ----------------------------------------------------------------- numbers

/// %.{digits}g of a double ("nan", "inf" as such).
inline std::string gd_num(double x, int digits = 4) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

/// Round-trip decimal of a double (17 significant digits).
inline std::string gd_exact_num(double x) { return gd_num(x, 17); }

/// A JSON number, or null for NaN / inf (JSON has neither).
inline nlohmann::json gd_json_num(double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); }

inline double gd_percent(std::size_t part, std::size_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : std::nan("");
}

inline std::string gd_arch(const std::vector<int>& f) {
  std::string s = "(";
  for (std::size_t i = 0; i < f.size(); ++i) {
    s += i ? "," : "";
    s += std::to_string(f[i]);
  }
  return s + ")";
}

inline std::string gd_vec(const std::vector<double>& v, const char* sep = ",") {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += gd_exact_num(v[i]);
  }
  return s;
}

inline std::string gd_filters(const FilterSet<double>& t) {
  std::string s;
  for (std::size_t l = 0; l < t.size(); ++l) {
    if (l) s += ';';
    s += gd_vec(t[l]);
  }
  return s;
}

inline nlohmann::json gd_filters_json(const FilterSet<double>& t) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& w : t) {
    nlohmann::json f = nlohmann::json::array();
    for (double x : w) f.push_back(gd_json_num(x));
    a.push_back(f);
  }
  return a;
}

inline nlohmann::json gd_vec_json(const std::vector<double>& v) {
  nlohmann::json a = nlohmann::json::array();
  for (double x : v) a.push_back(gd_json_num(x));
  return a;
}

inline nlohmann::json gd_opt_json(const std::optional<double>& x) { return x ? nlohmann::json(*x) : nlohmann::json(); }

// ----------------------------------------------------------------- records

inline std::string gd_rrmp(const std::optional<Rrmp>& r) { return r ? r->to_string() : ""; }

/// A certified real {decimal, lo, hi}: exact rational bounds of an Arb ball
/// and its midpoint as a decimal (the CLI's convention for enclosures).
inline nlohmann::json gd_ball_json(const Ball& b) {
  std::string d = to_decimal(b, 17);  // the digits the ball decides
  if (d.empty() || d.front() == '[') d = to_decimal(b.midpoint(), 17);  // too wide: its midpoint
  return {{"decimal", d}, {"lo", b.lower().to_string()}, {"hi", b.upper().to_string()}};
}

inline nlohmann::json certified_json(const CertifiedLimit& c) {
  nlohmann::json j = {{"certified", c.certified}};
  if (!c.certified) {
    j["reason"] = c.reason;
    return j;
  }
  nlohmann::json point = nlohmann::json::array();
  for (const Ball& b : c.point) point.push_back(gd_ball_json(b));
  j["rrmp"] = c.rrmp.to_string();
  j["lambda"] = c.lambda.parts();
  j["point"] = point;
  if (c.exact_point) {
    nlohmann::json e = nlohmann::json::array();
    for (const Rational& q : c.exact_point->coefficients()) e.push_back(q.to_string());
    j["exact_point"] = e;
  }
  j["loss"] = c.loss_exact ? nlohmann::json(c.loss_exact->to_string()) : gd_ball_json(c.loss);
  j["loss_exact"] = c.loss_exact.has_value();
  j["radius"] = c.radius.to_string();
  j["distance_bound"] = c.distance_bound.to_string();
  j["is_target"] = c.is_target;
  j["compatible"] = c.compatible;
  j["local_minimum_on_stratum"] =
      c.local_minimum_on_stratum ? nlohmann::json(*c.local_minimum_on_stratum) : nlohmann::json();
  j["global_minimum"] = c.global_minimum ? nlohmann::json(*c.global_minimum) : nlohmann::json();
  j["global_minimum_reason"] = c.global_minimum_reason;
  j["pure"] = c.pure ? nlohmann::json(*c.pure) : nlohmann::json();
  j["point_index"] = c.point_index;
  j["notes"] = c.notes;
  if (c.algebraic) {
    const CertifiedAlgebraicPoint& a = *c.algebraic;
    nlohmann::json num = nlohmann::json::array();
    for (const RatPoly& p : a.numerators) num.push_back(p.to_string("z"));
    j["algebraic"] = {{"orbit", a.orbit},
                      {"minimal_polynomial", a.minimal_polynomial.to_string("z")},
                      {"root", {{"lo", a.root.lo().to_string()}, {"hi", a.root.hi().to_string()}}},
                      {"numerators", num},
                      {"denominator", a.denominator.to_string("z")}};
  }
  return j;
}

/// w* as text: exact coefficients "a_0 ... a_n" when rational, otherwise
/// their enclosures (balls); empty when uncertified.
inline std::string certified_point_text(const CertifiedLimit& c) {
  if (!c.certified) return "";
  std::string s;
  if (c.exact_point) {
    for (const Rational& q : c.exact_point->coefficients()) {
      s += s.empty() ? "" : " ";
      s += q.to_string();
    }
  } else {
    for (const Ball& b : c.point) {
      s += s.empty() ? "" : " ";
      s += b.to_string(17);
    }
  }
  return s;
}

inline nlohmann::json record_json(const RunRecord& r) {
  return {{"architecture", r.filters},
          {"norm", r.norm},
          {"dataset", r.dataset},
          {"init", r.init},
          {"target", gd_vec_json(r.target)},
          {"target_rrmp", gd_rrmp(r.target_class)},
          {"init_rrmp", gd_rrmp(r.init_class)},
          {"theta0", gd_filters_json(r.theta0)},
          {"theta", gd_filters_json(r.result.theta)},
          {"wbar", gd_vec_json(r.wbar)},
          {"iterations", r.result.iterations},
          {"status", std::string(to_string(r.result.status))},
          {"gradient_norm2", gd_json_num(r.result.gradient_norm2)},
          {"loss", gd_json_num(r.result.loss)},
          {"loss_per_sample", gd_json_num(r.loss_per_sample)},
          {"rule_a", gd_rrmp(r.rule_a)},
          {"exact_float", gd_rrmp(r.exact_float)},
          {"certified", certified_json(r.certified)}};
}

inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + '"';
}

/// Whether a --records file is JSON Lines (it ends in .jsonl or .json) or CSV.
inline bool records_jsonl(const std::string& path) {
  return path.size() >= 5 && (path.ends_with(".jsonl") || path.ends_with(".json"));
}

/// The first line of a --records file: the CSV header, nothing for JSON Lines.
inline std::string records_header(bool jsonl) {
  if (jsonl) return "";
  return "architecture,norm,dataset,init,target,target_rrmp,init_rrmp,theta0,theta,wbar,iterations,status,"
         "gradient_norm2,loss,loss_per_sample,rule_a,exact_float,certified,certified_rrmp,certified_reason,"
         "point_index,certified_point,certified_loss,is_target,compatible,global_minimum,pure\n";
}

/// The line of one run in a --records file (with its newline).
inline std::string record_line(const RunRecord& r, bool jsonl) {
  if (jsonl) return record_json(r).dump() + '\n';
  const CertifiedLimit& c = r.certified;
  auto tri = [](const std::optional<bool>& b) { return b ? std::string(*b ? "true" : "false") : std::string(); };
  std::ostringstream out;
  out << csv_field(gd_arch(r.filters)) << ',' << r.norm << ',' << r.dataset << ',' << r.init << ','
      << csv_field(gd_vec(r.target, " ")) << ',' << gd_rrmp(r.target_class) << ',' << gd_rrmp(r.init_class) << ','
      << csv_field(gd_filters(r.theta0)) << ',' << csv_field(gd_filters(r.result.theta)) << ','
      << csv_field(gd_vec(r.wbar, " ")) << ',' << r.result.iterations << ',' << to_string(r.result.status) << ','
      << gd_exact_num(r.result.gradient_norm2) << ',' << gd_exact_num(r.result.loss) << ','
      << gd_exact_num(r.loss_per_sample) << ',' << gd_rrmp(r.rule_a) << ',' << gd_rrmp(r.exact_float) << ','
      << (c.certified ? "true" : "false") << ',' << (c.certified ? c.rrmp.to_string() : "") << ','
      << csv_field(c.reason) << ',' << (c.certified ? std::to_string(c.point_index) : "") << ','
      << csv_field(certified_point_text(c)) << ','
      << csv_field(!c.certified   ? ""
                   : c.loss_exact ? c.loss_exact->to_string()
                                  : c.loss.to_string(20))
      << ',' << (c.certified ? (c.is_target ? "true" : "false") : "") << ','
      << (c.certified ? (c.compatible ? "true" : "false") : "") << ',' << tri(c.global_minimum) << ','
      << tri(c.pure) << '\n';
  return out.str();
}

/// Writes records to `path`: JSON Lines if it ends in .jsonl or .json, CSV
/// otherwise.  Throws invalid_argument if the file cannot be written.
inline void write_records(const std::string& path, const std::vector<RunRecord>& records) {
  std::ofstream out(path);
  if (!out) throw invalid_argument("--records: cannot write '" + path + "'");
  const bool jsonl = records_jsonl(path);
  out << records_header(jsonl);
  for (const RunRecord& r : records) out << record_line(r, jsonl);
  if (!out) throw invalid_argument("--records: error writing '" + path + "'");
}

// ----------------------------------------------------------------- tallies

inline nlohmann::json tally_json(const CertificationTally& t) {
  return {{"certified", t.certified},
          {"agree_with_rule_a", t.agree},
          {"disagree_with_rule_a", t.disagree},
          {"uncertified", t.uncertified},
          {"uncertified_reasons", t.reasons},
          {"certified_rrmps", t.certified_rrmps},
          {"global_minima", t.global_minima},
          {"not_global_minima", t.not_global_minima},
          {"global_minimum_undecided", t.global_minimum_undecided},
          {"pure", t.pure},
          {"spurious", t.spurious},
          {"reached_target", t.reached_target},
          {"incompatible", t.incompatible}};
}

/// "(b) uncertified (not implemented)" or "(b) 97 cert: 95 agree, 2 disagree; 3 uncert."
inline std::string tally_text(const CertificationTally& t) {
  if (t.certified == 0) {
    std::string reasons;
    for (const auto& [why, n] : t.reasons) {
      reasons += reasons.empty() ? "" : "; ";
      reasons += why;
    }
    return "uncertified (" + reasons + ")";
  }
  std::string s = std::to_string(t.certified) + " cert, " + std::to_string(t.agree) + " agree, " +
                  std::to_string(t.disagree) + " disagree";
  if (t.uncertified) s += ", " + std::to_string(t.uncertified) + " uncert";
  return s;
}

/// The certified facts of a tally in one line: global minima, pure/spurious,
/// Corollary 5.5, and why runs were not certified.
inline std::string tally_facts(const CertificationTally& t) {
  std::string s = "global minimum of l on M: " + std::to_string(t.global_minima) + " yes, " +
                  std::to_string(t.not_global_minima) + " no, " + std::to_string(t.global_minimum_undecided) +
                  " undecided; theta pure " + std::to_string(t.pure) + ", spurious " + std::to_string(t.spurious) +
                  "; w* = u in " + std::to_string(t.reached_target) +
                  "; rrmp incompatible with k (Cor. 5.5): " + std::to_string(t.incompatible);
  if (!t.reasons.empty()) {
    s += "; uncertified:";
    for (const auto& [why, n] : t.reasons) s += " [" + why + ": " + std::to_string(n) + "]";
  }
  return s;
}

// ----------------------------------------------------------------- Table 1

/// How far our Table 1 block is from the paper's (a comparison, not a result):
/// total variation distance of the target distributions (% of converged
/// runs), mean absolute difference in percentage points over the paper's
/// solution cells (ours 0 where we have no run), and the median over the
/// paper's boundary cells (paper mean loss > 1e-6) of our mean and median
/// loss divided by the paper's mean loss, in the sum and per-sample scalings.
struct PaperDistance {
  bool available = false;
  double target_tv = 0, cell_mad = 0;
  std::size_t cells = 0, loss_cells = 0;
  double mean_ratio = 0, median_ratio = 0, mean_ratio_per_sample = 0, median_ratio_per_sample = 0;
};

inline double gd_median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

inline PaperDistance paper_distance(const Table1Architecture& a) {
  PaperDistance d;
  const PaperTable1* paper = find_paper_table1(a.filters);
  if (!paper || a.converged == 0) return d;
  d.available = true;
  std::map<std::string, double> ours, theirs;
  for (const TargetGroup& t : a.targets) ours[t.target] = gd_percent(t.converged, a.converged);
  for (const PaperShare& p : paper->targets) theirs[p.rrmp] = p.percent;
  std::set<std::string> keys;
  for (const auto& [k, _] : ours) keys.insert(k);
  for (const auto& [k, _] : theirs) keys.insert(k);
  for (const std::string& k : keys) d.target_tv += std::abs(ours[k] - theirs[k]) / 2;
  std::vector<double> mr, dr, mrn, drn;
  for (const PaperCell& pc : paper->cells) {
    double pct = 0;
    const SolutionCell* cell = nullptr;
    for (const TargetGroup& t : a.targets)
      if (t.target == pc.target)
        for (const InitGroup& g : t.inits)
          if (g.init == pc.init)
            for (const SolutionCell& c : g.solutions)
              if (c.solution == pc.solution) {
                pct = gd_percent(c.runs, g.converged);
                cell = &c;
              }
    d.cell_mad += std::abs(pct - pc.percent);
    ++d.cells;
    if (cell && pc.mean_loss > 1e-6 && cell->runs > 0) {
      mr.push_back(cell->loss.mean / pc.mean_loss);
      dr.push_back(cell->loss.median / pc.mean_loss);
      mrn.push_back(cell->loss_per_sample.mean / pc.mean_loss);
      drn.push_back(cell->loss_per_sample.median / pc.mean_loss);
    }
  }
  if (d.cells) d.cell_mad /= static_cast<double>(d.cells);
  d.loss_cells = mr.size();
  d.mean_ratio = gd_median(mr);
  d.median_ratio = gd_median(dr);
  d.mean_ratio_per_sample = gd_median(mrn);
  d.median_ratio_per_sample = gd_median(drn);
  return d;
}

inline nlohmann::json paper_distance_json(const PaperDistance& d) {
  if (!d.available) return nlohmann::json();
  return {{"target_total_variation", d.target_tv},
          {"cell_mean_abs_difference", d.cell_mad},
          {"cells", d.cells},
          {"loss_cells", d.loss_cells},
          {"mean_loss_ratio", gd_json_num(d.mean_ratio)},
          {"median_loss_ratio", gd_json_num(d.median_ratio)},
          {"mean_loss_per_sample_ratio", gd_json_num(d.mean_ratio_per_sample)},
          {"median_loss_per_sample_ratio", gd_json_num(d.median_ratio_per_sample)}};
}

inline std::string paper_distance_text(const PaperDistance& d) {
  if (!d.available) return "no paper values for this architecture";
  return "targets TV " + gd_num(d.target_tv, 3) + " points, solution cells mean |diff| " + gd_num(d.cell_mad, 3) +
         " points over " + std::to_string(d.cells) + " paper cells; loss / paper mean loss (median over " +
         std::to_string(d.loss_cells) + " boundary cells): mean " + gd_num(d.mean_ratio, 3) + ", median " +
         gd_num(d.median_ratio, 3) + ", per sample mean " + gd_num(d.mean_ratio_per_sample, 3) + ", median " +
         gd_num(d.median_ratio_per_sample, 3);
}

inline nlohmann::json table1_json(const Table1Architecture& a) {
  const PaperTable1* paper = find_paper_table1(a.filters);
  nlohmann::json inits = nlohmann::json::array();
  for (const auto& [rrmp, n] : a.init_distribution)
    inits.push_back({{"rrmp", rrmp},
                     {"runs", n.first},
                     {"converged", n.second},
                     {"percent_of_converged", gd_json_num(gd_percent(n.second, a.converged))},
                     {"percent_of_all", gd_json_num(gd_percent(n.first, a.datasets))},
                     {"paper_percent", paper ? gd_opt_json(paper_share(paper->inits, rrmp)) : nlohmann::json()}});
  nlohmann::json targets = nlohmann::json::array();
  for (const TargetGroup& t : a.targets) {
    nlohmann::json tinits = nlohmann::json::array();
    for (const InitGroup& g : t.inits) {
      nlohmann::json sols = nlohmann::json::array();
      for (const SolutionCell& c : g.solutions) {
        const PaperCell* pc = paper_cell(paper, t.target, g.init, c.solution);
        sols.push_back({{"rrmp", c.solution},
                        {"runs", c.runs},
                        {"percent_of_converged", gd_json_num(gd_percent(c.runs, g.converged))},
                        {"percent_of_all", gd_json_num(gd_percent(c.runs, g.runs))},
                        {"mean_loss", gd_json_num(c.loss.mean)},
                        {"median_loss", gd_json_num(c.loss.median)},
                        {"mean_loss_per_sample", gd_json_num(c.loss_per_sample.mean)},
                        {"median_loss_per_sample", gd_json_num(c.loss_per_sample.median)},
                        {"paper_percent", pc ? nlohmann::json(pc->percent) : nlohmann::json()},
                        {"paper_mean_loss", pc ? nlohmann::json(pc->mean_loss) : nlohmann::json()},
                        {"certified", tally_json(c.b)},
                        {"exact_float", c.exact_float}});
      }
      tinits.push_back({{"rrmp", g.init},
                        {"runs", g.runs},
                        {"converged", g.converged},
                        {"not_converged", g.not_converged},
                        {"diverged", g.diverged},
                        {"solutions", sols}});
    }
    targets.push_back({{"rrmp", t.target},
                       {"runs", t.runs},
                       {"converged", t.converged},
                       {"not_converged", t.not_converged},
                       {"diverged", t.diverged},
                       {"percent_of_converged", gd_json_num(gd_percent(t.converged, a.converged))},
                       {"percent_of_all", gd_json_num(gd_percent(t.runs, a.datasets))},
                       {"paper_percent", paper ? gd_opt_json(paper_share(paper->targets, t.target)) : nlohmann::json()},
                       {"initializations", tinits}});
  }
  return {{"filters", a.filters},
          {"kernel", a.kernel},
          {"datasets", a.datasets},
          {"converged", a.converged},
          {"not_converged", a.not_converged},
          {"diverged", a.diverged},
          {"initializations", inits},
          {"targets", targets},
          {"certified", tally_json(a.b)},
          {"exact_float_computed", a.exact_float_computed},
          {"exact_float_equal_rule_a", a.exact_float_equal_rule_a},
          {"target_rule_a_disagreements", a.target_rule_disagreements},
          {"init_rule_a_disagreements", a.init_rule_disagreements},
          {"paper_distance", paper_distance_json(paper_distance(a))},
          {"seconds", {{"descent", a.descent_seconds}, {"rule_a", a.classify_seconds}, {"exact", a.exact_seconds}}}};
}

/// Table 1 of one architecture in the paper's shape, our values beside the
/// paper's (text columns aligned, or a Markdown table).
inline std::string table1_text(const Table1Architecture& a, bool markdown) {
  const PaperTable1* paper = find_paper_table1(a.filters);
  std::ostringstream o;
  auto pc = [](double x) { return std::isnan(x) ? std::string("-") : gd_num(x, 3); };
  auto opt = [&](const std::optional<double>& x) { return x ? gd_num(*x, 3) : std::string("-"); };
  o << (markdown ? "### " : "") << "M_" << gd_arch(a.filters) << ": " << a.datasets << " datasets, " << a.converged
    << " converged, " << a.not_converged << " not converged, " << a.diverged << " diverged\n";
  if (markdown) o << '\n';
  for (const auto& [rrmp, n] : a.init_distribution)
    o << (markdown ? "- " : "  ") << "initialization " << rrmp << ": " << pc(gd_percent(n.second, a.converged))
      << "% of converged, " << pc(gd_percent(n.first, a.datasets)) << "% of all (paper "
      << (paper ? opt(paper_share(paper->inits, rrmp)) : "-") << "%)\n";
  if (markdown) o << '\n';
  const std::vector<std::string> head = {"target",
                                         "% conv",
                                         "% all",
                                         "paper %",
                                         "init",
                                         "solution",
                                         "% conv",
                                         "% all",
                                         "paper %",
                                         "mean loss",
                                         "paper",
                                         "median loss",
                                         "mean/N",
                                         "median/N",
                                         "(b) certified vs (a)",
                                         "(c) exact float rrmp"};
  std::vector<std::vector<std::string>> rows;
  for (const TargetGroup& t : a.targets) {
    bool first_t = true;
    for (const InitGroup& g : t.inits) {
      bool first_g = true;
      std::vector<const PaperCell*> paper_only;
      if (paper)
        for (const PaperCell& c : paper->cells)
          if (c.target == t.target && c.init == g.init &&
              std::none_of(g.solutions.begin(), g.solutions.end(),
                           [&](const SolutionCell& s) { return s.solution == c.solution; }))
            paper_only.push_back(&c);
      auto prefix = [&](std::vector<std::string>& row) {
        row.push_back(first_t ? t.target : "");
        row.push_back(first_t ? pc(gd_percent(t.converged, a.converged)) : "");
        row.push_back(first_t ? pc(gd_percent(t.runs, a.datasets)) : "");
        row.push_back(first_t ? (paper ? opt(paper_share(paper->targets, t.target)) : "-") : "");
        row.push_back(first_g ? g.init : "");
        first_t = first_g = false;
      };
      for (const SolutionCell& c : g.solutions) {
        std::vector<std::string> row;
        prefix(row);
        const PaperCell* p = paper_cell(paper, t.target, g.init, c.solution);
        std::string cf;
        for (const auto& [r, n] : c.exact_float) {
          cf += cf.empty() ? "" : " ";
          cf += r + ":" + std::to_string(n);
        }
        row.insert(row.end(),
                   {c.solution, pc(gd_percent(c.runs, g.converged)), pc(gd_percent(c.runs, g.runs)),
                    p ? gd_num(p->percent, 3) : "-", gd_num(c.loss.mean, 3), p ? gd_num(p->mean_loss, 3) : "-",
                    gd_num(c.loss.median, 3), gd_num(c.loss_per_sample.mean, 3), gd_num(c.loss_per_sample.median, 3),
                    tally_text(c.b), cf});
        rows.push_back(row);
      }
      for (const PaperCell* p : paper_only) {
        std::vector<std::string> row;
        prefix(row);
        row.insert(row.end(),
                   {p->solution, "0", "0", gd_num(p->percent, 3), "-", gd_num(p->mean_loss, 3), "-", "-", "-", "", ""});
        rows.push_back(row);
      }
      if (g.solutions.empty() && paper_only.empty()) {
        std::vector<std::string> row;
        prefix(row);
        row.insert(row.end(), {"(no converged run)", "", "", "", "", "", "", "", "", "", ""});
        rows.push_back(row);
      }
    }
  }
  if (markdown) {
    o << '|';
    for (const auto& h : head) o << ' ' << h << " |";
    o << "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) o << "---|";
    o << '\n';
    for (const auto& r : rows) {
      o << '|';
      for (const auto& c : r) o << ' ' << c << " |";
      o << '\n';
    }
  } else {
    std::vector<std::size_t> w(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) {
      w[i] = head[i].size();
      for (const auto& r : rows) w[i] = std::max(w[i], r[i].size());
    }
    auto line = [&](const std::vector<std::string>& r) {
      std::string s = "  ";
      for (std::size_t i = 0; i < r.size(); ++i) {
        s += r[i] + std::string(w[i] - r[i].size(), ' ');
        if (i + 1 < r.size()) s += "  ";
      }
      while (!s.empty() && s.back() == ' ') s.pop_back();
      o << s << '\n';
    };
    line(head);
    for (const auto& r : rows) line(r);
  }
  o << (markdown ? "\n" : "") << "  (a) vs (b) over all converged runs: " << tally_text(a.b)
    << "\n  (b): " << tally_facts(a.b) << "\n  (c) = (a) in " << a.exact_float_equal_rule_a << " of "
    << a.exact_float_computed << " converged runs";
  if (a.target_rule_disagreements || a.init_rule_disagreements)
    o << "; exact class differs from rule (a) for " << a.target_rule_disagreements << " targets and "
      << a.init_rule_disagreements << " initializations";
  o << "\n  distance to the paper's block: " << paper_distance_text(paper_distance(a));
  o << "\n  time: descent " << gd_num(a.descent_seconds, 3) << " s, rule (a) " << gd_num(a.classify_seconds, 3)
    << " s, exact (b)+(c) " << gd_num(a.exact_seconds, 3) << " s; kernel " << a.kernel << "\n";
  return o.str();
}

// ----------------------------------------------------------------- Table 2

inline std::size_t table2_max_count(const Table2Cell& c) {
  std::size_t m = 4;
  for (const auto& [n, _] : c.distinct_rule) m = std::max(m, n);
  for (const auto& [n, _] : c.distinct_exact) m = std::max(m, n);
  return m;
}

inline nlohmann::json table2_json(const Table2Cell& c) {
  const PaperTable2Row* p = find_paper_table2(c.filters, c.norm);
  const std::size_t with = c.targets - c.targets_without_converged_run;
  nlohmann::json rule = nlohmann::json::object(), exact = nlohmann::json::object(), pct = nlohmann::json::object(),
                 paper = nlohmann::json::object();
  for (const auto& [n, t] : c.distinct_rule) {
    rule[std::to_string(n)] = t;
    pct[std::to_string(n)] = gd_json_num(gd_percent(t, with));
  }
  for (const auto& [n, t] : c.distinct_exact) exact[std::to_string(n)] = t;
  if (p)
    for (std::size_t i = 0; i < p->percent.size(); ++i) paper[std::to_string(i + 1)] = p->percent[i];
  return {{"filters", c.filters},
          {"norm", c.norm},
          {"targets", c.targets},
          {"runs", c.runs},
          {"converged", c.converged},
          {"not_converged", c.not_converged},
          {"diverged", c.diverged},
          {"targets_without_converged_run", c.targets_without_converged_run},
          {"distinct_by_rule", rule},
          {"percent_by_rule", pct},
          {"paper_percent", p ? paper : nlohmann::json()},
          {"distinct_exact", exact},
          {"targets_uncertified", c.targets_uncertified},
          {"rule_vs_exact_disagreements", c.disagreements},
          {"certified", tally_json(c.b)},
          {"seconds", {{"descent", c.descent_seconds}, {"exact", c.exact_seconds}}}};
}

inline std::string table2_text(const std::vector<Table2Cell>& cells, bool markdown) {
  std::size_t maxn = 4;
  for (const auto& c : cells) maxn = std::max(maxn, table2_max_count(c));
  std::vector<std::string> head = {"k", "norm", "targets", "converged runs"};
  for (std::size_t n = 1; n <= maxn; ++n) head.push_back(std::to_string(n) + " (paper)");
  head.insert(head.end(), {"exact counts (certified targets)", "uncertified targets", "rule != exact"});
  std::vector<std::vector<std::string>> rows;
  for (const Table2Cell& c : cells) {
    const PaperTable2Row* p = find_paper_table2(c.filters, c.norm);
    const std::size_t with = c.targets - c.targets_without_converged_run;
    std::vector<std::string> r = {gd_arch(c.filters),
                                  c.norm == "euclidean"  ? "I"
                                  : c.norm == "bombieri" ? "B"
                                                         : c.norm,
                                  std::to_string(c.targets),
                                  std::to_string(c.converged) + "/" + std::to_string(c.runs)};
    for (std::size_t n = 1; n <= maxn; ++n) {
      auto it = c.distinct_rule.find(n);
      const double ours = gd_percent(it == c.distinct_rule.end() ? 0 : it->second, with);
      std::string ps = "-";
      if (p) ps = n <= p->percent.size() ? gd_num(p->percent[n - 1], 3) : "0";
      r.push_back(gd_num(ours, 3) + " (" + ps + ")");
    }
    std::string ex;
    for (const auto& [n, t] : c.distinct_exact) {
      ex += ex.empty() ? "" : " ";
      ex += std::to_string(n) + ":" + std::to_string(t);
    }
    r.push_back(ex.empty() ? "-" : ex);
    r.push_back(std::to_string(c.targets_uncertified) +
                (c.b.certified == 0 && !c.b.reasons.empty() ? " (" + c.b.reasons.begin()->first + ")" : ""));
    r.push_back(std::to_string(c.disagreements));
    rows.push_back(r);
  }
  std::ostringstream o;
  o << (markdown ? "### " : "")
    << "Table 2: % of targets (with a converged run) by number of distinct solutions (paper's rule, tol on entries)\n";
  if (markdown) {
    o << "\n|";
    for (const auto& h : head) o << ' ' << h << " |";
    o << "\n|";
    for (std::size_t i = 0; i < head.size(); ++i) o << "---|";
    o << '\n';
    for (const auto& r : rows) {
      o << '|';
      for (const auto& c : r) o << ' ' << c << " |";
      o << '\n';
    }
  } else {
    std::vector<std::size_t> w(head.size());
    for (std::size_t i = 0; i < head.size(); ++i) {
      w[i] = head[i].size();
      for (const auto& r : rows) w[i] = std::max(w[i], r[i].size());
    }
    for (const auto* r : {&head}) {
      std::string s = "  ";
      for (std::size_t i = 0; i < r->size(); ++i) s += (*r)[i] + std::string(w[i] - (*r)[i].size() + 2, ' ');
      o << s << '\n';
    }
    for (const auto& r : rows) {
      std::string s = "  ";
      for (std::size_t i = 0; i < r.size(); ++i) s += r[i] + std::string(w[i] - r[i].size() + 2, ' ');
      while (!s.empty() && s.back() == ' ') s.pop_back();
      o << s << '\n';
    }
  }
  return o.str();
}

}  // namespace lcngeom::cli

#endif
