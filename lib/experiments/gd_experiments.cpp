// The experiments of Sections 7.1 and 7.2 (gd_experiments.hpp).
#include "lcngeom/gd_experiments.hpp"

#include <flint/flint.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <set>
#include <thread>

#include "lcngeom/architecture.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/limit_classification.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/random_stream.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom {

std::vector<std::vector<int>> paper_architectures() { return {{2, 2}, {2, 2, 2}, {4, 2}, {3, 2, 2}, {2, 2, 2, 2}}; }

unsigned resolve_threads(unsigned threads) noexcept {
  if (threads > 0) return threads;
  const unsigned h = std::thread::hardware_concurrency();
  return h > 0 ? h : 1;
}

std::vector<std::uint64_t> stream_key(std::uint64_t seed, StreamTag tag, std::span<const int> filters,
                                      std::uint64_t index, std::uint64_t init) {
  std::vector<std::uint64_t> key{seed, static_cast<std::uint64_t>(tag), filters.size()};
  for (int k : filters) key.push_back(static_cast<std::uint64_t>(k));
  key.push_back(index);
  key.push_back(init);
  return key;
}

namespace {

std::string arch_text(std::span<const int> f) {
  std::string s = "(";
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(f[i]);
  }
  return s + ")";
}

int checked_k(std::span<const int> filters) {
  if (filters.empty()) throw invalid_argument("architecture without filters");
  for (int k : filters)
    if (k < 1)
      throw invalid_argument("architecture " + arch_text(filters) + ": filter size " + std::to_string(k) + " < 1");
  const int k = end_to_end_size(filters);
  if (k > 64)
    throw invalid_argument("architecture " + arch_text(filters) + ": end-to-end size " + std::to_string(k) + " > 64");
  return k;
}

FilterSet<double> draw_filters(RandomStream& r, std::span<const int> filters) {
  FilterSet<double> theta;
  for (int k : filters) {
    std::vector<double> w(static_cast<std::size_t>(k));
    for (double& x : w) x = r.normal();
    theta.push_back(std::move(w));
  }
  return theta;
}

std::string show(const std::optional<Rrmp>& r) { return r ? r->to_string() : std::string("unclassified"); }

// Runs fn(begin, end) over [0, n) in chunks on `threads` threads; reports
// progress; rethrows the first exception after all workers stopped.
void parallel_chunks(std::size_t n, std::size_t chunk, unsigned threads, const std::string& phase,
                     const std::function<void(const Progress&)>& progress,
                     const std::function<void(std::size_t, std::size_t)>& fn) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mu;
  std::size_t done = 0;
  if (progress) progress({phase, 0, n});
  auto worker = [&] {
    for (;;) {
      if (failed.load()) break;
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= n) break;
      const std::size_t end = std::min(n, begin + chunk);
      try {
        fn(begin, end);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        failed = true;
        break;
      }
      std::lock_guard<std::mutex> lock(mu);
      done += end - begin;
      if (progress) progress({phase, done, n});
    }
  };
  const unsigned t = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>((n + chunk - 1) / chunk)));
  if (t == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned i = 0; i < t; ++i)
      pool.emplace_back([&] {
        worker();
        flint_cleanup();  // this thread's FLINT caches
      });
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

RatMatrix exact_matrix(const std::vector<double>& v, long rows, long cols) {
  std::vector<std::vector<Rational>> m(static_cast<std::size_t>(rows));
  for (long i = 0; i < rows; ++i)
    for (long j = 0; j < cols; ++j)
      m[static_cast<std::size_t>(i)].push_back(exact_rational(v[static_cast<std::size_t>(i * cols + j)]));
  return RatMatrix(m);
}

Filters exact_filters(const FilterSet<double>& theta) {
  Filters out;
  for (const auto& w : theta) {
    out.emplace_back();
    for (double x : w) out.back().push_back(exact_rational(x));
  }
  return out;
}

// The certificate of one run (never throws: failures become reasons).
CertifiedLimit certify_run(const LimitCertifier* certifier, const std::string& certifier_error, const RunRecord& r) {
  CertifiedLimit c;
  if (r.result.status == DescentStatus::not_converged) {
    c.reason = "run did not converge";
  } else if (r.result.status == DescentStatus::diverged) {
    c.reason = "run diverged";
  } else if (!certifier) {
    c.reason = certifier_error;
  } else {
    try {
      c = certifier->certify(exact_filters(r.result.theta));
      if (!c.certified && c.reason.empty()) c.reason = "no reason given";
    } catch (const std::exception& e) {
      c = CertifiedLimit{};
      c.reason = std::string("certifier failed: ") + e.what();
    }
  }
  return c;
}

void tally(CertificationTally& t, const RunRecord& r) {
  const CertifiedLimit& c = r.certified;
  if (c.certified) {
    ++t.certified;
    const std::string s = c.rrmp.to_string();
    ++t.certified_rrmps[s];
    if (r.rule_a && r.rule_a->to_string() == s) ++t.agree;
    else ++t.disagree;
    if (!c.global_minimum) ++t.global_minimum_undecided;
    else if (*c.global_minimum) ++t.global_minima;
    else ++t.not_global_minima;
    if (c.pure) ++(*c.pure ? t.pure : t.spurious);
    if (c.is_target) ++t.reached_target;
    if (!c.compatible) ++t.incompatible;
  } else {
    ++t.uncertified;
    ++t.reasons[c.reason.empty() ? "not computed" : c.reason];
  }
}

LossSummary summarize(std::vector<double> v) {
  LossSummary s;
  s.count = v.size();
  if (v.empty()) {
    s.mean = s.median = std::nan("");
    return s;
  }
  double acc = 0;
  for (double x : v) acc += x;
  s.mean = acc / static_cast<double>(v.size());
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  s.median = v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  return s;
}

// Position of an rrmp string in the paper's order (all_rrmps), others after.
struct RrmpOrder {
  std::vector<std::string> order;
  explicit RrmpOrder(int n) {
    for (const Rrmp& r : all_rrmps(n)) order.push_back(r.to_string());
  }
  bool operator()(const std::string& a, const std::string& b) const {
    auto pos = [&](const std::string& s) {
      auto it = std::find(order.begin(), order.end(), s);
      return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
    };
    const std::size_t pa = pos(a), pb = pos(b);
    return pa != pb ? pa < pb : a < b;
  }
};

void count_status(const RunRecord& r, std::size_t& converged, std::size_t& not_converged, std::size_t& diverged) {
  switch (r.result.status) {
    case DescentStatus::converged: ++converged; break;
    case DescentStatus::not_converged: ++not_converged; break;
    default: ++diverged;
  }
}

void validate_architectures(const std::vector<std::vector<int>>& archs) {
  if (archs.empty()) throw invalid_argument("no architectures");
  for (const auto& f : archs) {
    const int k = checked_k(f);
    if (k < 2)
      throw invalid_argument("architecture " + arch_text(f) + ": end-to-end size k = 1 has no roots to classify");
  }
}

}  // namespace

void ProtocolOptions::validate() const {
  descent.validate();
  if (samples < 1) throw invalid_argument("samples " + std::to_string(samples) + " < 1");
  if (!(root_tolerance >= 0)) throw invalid_argument("root tolerance is negative or NaN");
  if (!(solution_tolerance >= 0)) throw invalid_argument("solution tolerance is negative or NaN");
}

void Table1Options::validate() const {
  protocol.validate();
  if (datasets == 0) throw invalid_argument("zero datasets");
  if (first_dataset > std::numeric_limits<std::size_t>::max() - datasets)
    throw invalid_argument("first dataset " + std::to_string(first_dataset) + " + datasets overflows");
  validate_architectures(architectures);
  for (const auto& f : architectures) {
    const int k = end_to_end_size(f);
    if (protocol.samples < k)
      throw invalid_argument("architecture " + arch_text(f) + ": N = " + std::to_string(protocol.samples) +
                             " samples < d_0 = k = " + std::to_string(k) + " (XX^T would be singular)");
  }
}

void Table2Options::validate() const {
  protocol.validate();
  if (targets == 0) throw invalid_argument("zero targets");
  if (inits == 0) throw invalid_argument("zero initialisations");
  validate_architectures(architectures);
  if (norms.empty()) throw invalid_argument("no norms");
  for (const auto& n : norms)
    if (n != "euclidean" && n != "bombieri") throw invalid_argument("norm '" + n + "': expected euclidean or bombieri");
}

Table1Dataset table1_dataset(std::span<const int> filters, std::uint64_t seed, std::size_t index, int samples) {
  const int k = checked_k(filters);
  if (samples < 1) throw invalid_argument("samples " + std::to_string(samples) + " < 1");
  Table1Dataset d;
  RandomStream data(stream_key(seed, StreamTag::table1_data, filters, index));
  d.x.resize(static_cast<std::size_t>(k) * static_cast<std::size_t>(samples));
  d.y.resize(static_cast<std::size_t>(samples));
  for (double& v : d.x) v = data.normal();
  for (double& v : d.y) v = data.normal();
  RandomStream init(stream_key(seed, StreamTag::table1_init, filters, index));
  d.theta0 = draw_filters(init, filters);
  return d;
}

std::vector<double> table2_target(std::span<const int> filters, std::uint64_t seed, std::size_t index) {
  const int k = checked_k(filters);
  RandomStream r(stream_key(seed, StreamTag::table2_target, filters, index));
  std::vector<double> u(static_cast<std::size_t>(k));
  for (double& v : u) v = r.normal();
  return u;
}

FilterSet<double> table2_init(std::span<const int> filters, std::uint64_t seed, std::size_t target, std::size_t init) {
  checked_k(filters);
  RandomStream r(stream_key(seed, StreamTag::table2_init, filters, target, init));
  return draw_filters(r, filters);
}

std::vector<double> table2_sigma(const std::string& norm, int k) {
  if (k < 1) throw invalid_argument("table2_sigma: size " + std::to_string(k) + " < 1");
  std::vector<double> s(static_cast<std::size_t>(k * k), 0.0);
  if (norm == "euclidean") {
    for (int i = 0; i < k; ++i) s[static_cast<std::size_t>(i * k + i)] = 1.0;
  } else if (norm == "bombieri") {
    const InnerProduct b = InnerProduct::bombieri(k - 1);
    for (int i = 0; i < k; ++i) s[static_cast<std::size_t>(i * k + i)] = b.matrix().at(i, i).to_double();
  } else {
    throw invalid_argument("norm '" + norm + "': expected euclidean or bombieri");
  }
  return s;
}

Table1Architecture summarize_table1(const std::vector<int>& filters, const std::vector<RunRecord>& records) {
  Table1Architecture a;
  a.filters = filters;
  a.kernel = descent_kernel_name(filters);
  const int n = end_to_end_size(filters) - 1;
  const RrmpOrder order(n);
  // target -> init -> solution -> runs
  std::map<std::string, std::map<std::string, std::map<std::string, std::vector<const RunRecord*>>>> cells;
  std::map<std::string, std::map<std::string, std::vector<const RunRecord*>>> all;  // target -> init -> every run
  for (const RunRecord& r : records) {
    ++a.datasets;
    count_status(r, a.converged, a.not_converged, a.diverged);
    const std::string t = show(r.target_class), i = show(r.init_class);
    auto& d = a.init_distribution[i];
    ++d.first;
    all[t][i].push_back(&r);
    if (r.converged()) {
      ++d.second;
      cells[t][i][show(r.rule_a)].push_back(&r);
      tally(a.b, r);
      if (r.exact_float) {
        ++a.exact_float_computed;
        if (r.rule_a && *r.rule_a == *r.exact_float) ++a.exact_float_equal_rule_a;
      }
    }
  }
  std::vector<std::string> targets;
  for (const auto& [t, _] : all) targets.push_back(t);
  std::sort(targets.begin(), targets.end(), order);
  for (const std::string& t : targets) {
    TargetGroup tg;
    tg.target = t;
    std::vector<std::string> inits;
    for (const auto& [i, _] : all[t]) inits.push_back(i);
    std::sort(inits.begin(), inits.end(), order);
    for (const std::string& i : inits) {
      InitGroup ig;
      ig.init = i;
      for (const RunRecord* r : all[t][i]) {
        ++ig.runs;
        count_status(*r, ig.converged, ig.not_converged, ig.diverged);
      }
      std::vector<std::string> sols;
      for (const auto& [s, _] : cells[t][i]) sols.push_back(s);
      std::sort(sols.begin(), sols.end(), order);
      for (const std::string& s : sols) {
        SolutionCell c;
        c.solution = s;
        std::vector<double> loss, lps;
        for (const RunRecord* r : cells[t][i][s]) {
          ++c.runs;
          loss.push_back(r->result.loss);
          lps.push_back(r->loss_per_sample);
          tally(c.b, *r);
          if (r->exact_float) ++c.exact_float[r->exact_float->to_string()];
        }
        c.loss = summarize(loss);
        c.loss_per_sample = summarize(lps);
        ig.solutions.push_back(std::move(c));
      }
      tg.runs += ig.runs;
      tg.converged += ig.converged;
      tg.not_converged += ig.not_converged;
      tg.diverged += ig.diverged;
      tg.inits.push_back(std::move(ig));
    }
    a.targets.push_back(std::move(tg));
  }
  return a;
}

Table1Result run_table1(const Table1Options& options) {
  options.validate();
  const ProtocolOptions& p = options.protocol;
  const unsigned threads = resolve_threads(p.threads);
  Table1Result result;
  for (const auto& filters : options.architectures) {
    const int k = end_to_end_size(filters);
    const std::size_t n = options.datasets;
    const std::string name = "k=" + arch_text(filters);
    std::vector<RunRecord> records(n);
    std::vector<Table1Dataset> data(n);
    // Phase 1: data, losses and the descent (kernel batches of 256 runs).
    auto t0 = std::chrono::steady_clock::now();
    parallel_chunks(n, 256, threads, "descent " + name, p.progress, [&](std::size_t begin, std::size_t end) {
      std::vector<QuadraticLoss<double>> losses;
      std::vector<DescentJob> jobs;
      for (std::size_t d = begin; d < end; ++d) {
        data[d] = table1_dataset(filters, p.seed, options.first_dataset + d, p.samples);
        QuadraticLoss<double> loss = quadratic_loss_from_data(data[d].x, data[d].y, static_cast<std::size_t>(k));
        if (p.per_sample_loss) {
          const double N = p.samples;
          for (double& v : loss.sigma) v /= N;
          for (double& v : loss.c) v /= N;
        }
        losses.push_back(std::move(loss));
        jobs.push_back({d - begin, data[d].theta0});
      }
      std::vector<DescentResult<double>> res = descend_batch(filters, losses, jobs, p.descent);
      for (std::size_t d = begin; d < end; ++d) {
        RunRecord& r = records[d];
        r.filters = filters;
        r.dataset = options.first_dataset + d;
        r.norm = "data";
        r.target = losses[d - begin].target;
        r.theta0 = data[d].theta0;
        r.result = std::move(res[d - begin]);
        // The loss in the sum scaling whatever the descent used.
        if (p.per_sample_loss) r.result.loss *= p.samples;
        r.loss_per_sample = r.result.loss / p.samples;
      }
    });
    const double descent_seconds = seconds_since(t0);
    // Phase 2: rule (a) (and the rule-based classes of targets and initialisations).
    t0 = std::chrono::steady_clock::now();
    std::vector<std::optional<Rrmp>> target_rule(n), init_rule(n);
    parallel_chunks(n, 512, threads, "rule (a) " + name, p.progress, [&](std::size_t begin, std::size_t end) {
      for (std::size_t d = begin; d < end; ++d) {
        RunRecord& r = records[d];
        r.wbar = end_to_end_filter(r.result.theta);
        r.rule_a = tolerance_rrmp(r.result.theta, p.root_tolerance);
        target_rule[d] = tolerance_rrmp(FilterSet<double>{r.target}, p.root_tolerance);
        init_rule[d] = tolerance_rrmp(r.theta0, p.root_tolerance);
        r.target_class = target_rule[d];
        r.init_class = init_rule[d];
      }
    });
    const double classify_seconds = seconds_since(t0);
    // Phase 3: exact classes, (c) and (b).
    t0 = std::chrono::steady_clock::now();
    std::size_t target_dis = 0, init_dis = 0;
    if (p.exact_classes || p.exact_float_rrmp || p.certify) {
      const Architecture arch(filters);
      parallel_chunks(n, 16, threads, "exact " + name, p.progress, [&](std::size_t begin, std::size_t end) {
        for (std::size_t d = begin; d < end; ++d) {
          RunRecord& r = records[d];
          std::optional<FilterSquareLoss> exact;
          std::string exact_error;
          try {
            exact = filter_square_loss(exact_matrix(data[d].x, k, p.samples), exact_matrix(data[d].y, 1, p.samples), k);
          } catch (const std::exception& e) {
            exact_error = std::string("exact data failed: ") + e.what();
          }
          if (p.exact_classes) {
            r.target_class =
                exact && !exact->target.is_zero() ? std::optional<Rrmp>(rrmp(exact->target)) : std::nullopt;
            r.init_class = exact_rrmp_of_float_filter(r.theta0);
          }
          if (p.exact_float_rrmp) r.exact_float = exact_rrmp_of_float_filter(r.result.theta);
          if (p.certify) {
            std::optional<LimitCertifier> certifier;
            std::string why = exact_error;
            if (exact && r.converged()) {
              try {
                certifier.emplace(arch, exact->target, exact->sigma, p.certificate);
              } catch (const std::exception& e) {
                why = std::string("certifier failed: ") + e.what();
              }
            }
            r.certified = certify_run(certifier ? &*certifier : nullptr, why, r);
          } else {
            r.certified.reason = "not requested";
          }
        }
      });
      if (p.exact_classes)
        for (std::size_t d = 0; d < n; ++d) {
          target_dis += show(records[d].target_class) != show(target_rule[d]);
          init_dis += show(records[d].init_class) != show(init_rule[d]);
        }
    } else {
      for (RunRecord& r : records) r.certified.reason = "not requested";
    }
    const double exact_seconds = seconds_since(t0);
    Table1Architecture a = summarize_table1(filters, records);
    a.descent_seconds = descent_seconds;
    a.classify_seconds = classify_seconds;
    a.exact_seconds = exact_seconds;
    a.target_rule_disagreements = target_dis;
    a.init_rule_disagreements = init_dis;
    result.architectures.push_back(std::move(a));
    if (options.keep_records)
      for (RunRecord& r : records) result.records.push_back(std::move(r));
  }
  return result;
}

Table2Result run_table2(const Table2Options& options) {
  options.validate();
  const ProtocolOptions& p = options.protocol;
  const unsigned threads = resolve_threads(p.threads);
  Table2Result result;
  for (const auto& filters : options.architectures) {
    const int k = end_to_end_size(filters);
    const std::string name = "k=" + arch_text(filters);
    const std::size_t T = options.targets, I = options.inits, M = options.norms.size();
    // Records: norm-major, then target, then initialisation.
    std::vector<RunRecord> records(M * T * I);
    std::vector<std::vector<double>> targets(T);
    for (std::size_t t = 0; t < T; ++t) targets[t] = table2_target(filters, p.seed, t);
    auto t0 = std::chrono::steady_clock::now();
    // Descent: one chunk = one target (all norms and initialisations).
    parallel_chunks(T, 4, threads, "descent " + name, p.progress, [&](std::size_t begin, std::size_t end) {
      std::vector<QuadraticLoss<double>> losses;
      std::vector<DescentJob> jobs;
      std::vector<std::size_t> slot;
      for (std::size_t t = begin; t < end; ++t) {
        std::vector<FilterSet<double>> inits(I);
        for (std::size_t i = 0; i < I; ++i) inits[i] = table2_init(filters, p.seed, t, i);
        for (std::size_t m = 0; m < M; ++m) {
          losses.push_back(quadratic_loss_from_target(table2_sigma(options.norms[m], k), targets[t]));
          for (std::size_t i = 0; i < I; ++i) {
            jobs.push_back({losses.size() - 1, inits[i]});
            slot.push_back((m * T + t) * I + i);
          }
        }
      }
      std::vector<DescentResult<double>> res = descend_batch(filters, losses, jobs, p.descent);
      for (std::size_t j = 0; j < jobs.size(); ++j) {
        RunRecord& r = records[slot[j]];
        const std::size_t m = slot[j] / (T * I), t = (slot[j] / I) % T, i = slot[j] % I;
        r.filters = filters;
        r.dataset = t;
        r.init = i;
        r.norm = options.norms[m];
        r.target = targets[t];
        r.theta0 = jobs[j].theta0;
        r.result = std::move(res[j]);
        r.loss_per_sample = r.result.loss;
        r.wbar = end_to_end_filter(r.result.theta);
        r.rule_a = tolerance_rrmp(r.result.theta, p.root_tolerance);
        r.target_class = tolerance_rrmp(FilterSet<double>{r.target}, p.root_tolerance);
        r.init_class = tolerance_rrmp(r.theta0, p.root_tolerance);
      }
    });
    const double descent_seconds = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    if (p.exact_classes || p.exact_float_rrmp || p.certify) {
      const Architecture arch(filters);
      parallel_chunks(M * T, 1, threads, "exact " + name, p.progress, [&](std::size_t begin, std::size_t end) {
        for (std::size_t mt = begin; mt < end; ++mt) {
          const std::size_t m = mt / T, t = mt % T;
          std::vector<Rational> u;
          for (double x : targets[t]) u.push_back(exact_rational(x));
          const BinaryForm target(u);
          std::optional<LimitCertifier> certifier;
          std::string why;
          if (p.certify) {
            try {
              const InnerProduct sigma =
                  options.norms[m] == "bombieri" ? InnerProduct::bombieri(k - 1) : InnerProduct::euclidean(k - 1);
              certifier.emplace(arch, target, sigma, p.certificate);
            } catch (const std::exception& e) {
              why = std::string("certifier failed: ") + e.what();
            }
          }
          for (std::size_t i = 0; i < I; ++i) {
            RunRecord& r = records[mt * I + i];
            if (p.exact_classes) {
              r.target_class = target.is_zero() ? std::nullopt : std::optional<Rrmp>(rrmp(target));
              r.init_class = exact_rrmp_of_float_filter(r.theta0);
            }
            if (p.exact_float_rrmp) r.exact_float = exact_rrmp_of_float_filter(r.result.theta);
            if (p.certify) r.certified = certify_run(certifier ? &*certifier : nullptr, why, r);
            else r.certified.reason = "not requested";
          }
        }
      });
    } else {
      for (RunRecord& r : records) r.certified.reason = "not requested";
    }
    const double exact_seconds = seconds_since(t0);
    for (std::size_t m = 0; m < M; ++m) {
      Table2Cell c;
      c.filters = filters;
      c.norm = options.norms[m];
      c.targets = T;
      c.descent_seconds = descent_seconds;
      c.exact_seconds = exact_seconds;
      for (std::size_t t = 0; t < T; ++t) {
        std::vector<std::vector<double>> sols;
        std::set<std::size_t> points;
        bool all_certified = true;
        for (std::size_t i = 0; i < I; ++i) {
          const RunRecord& r = records[(m * T + t) * I + i];
          ++c.runs;
          count_status(r, c.converged, c.not_converged, c.diverged);
          if (!r.converged()) continue;
          sols.push_back(r.wbar);
          tally(c.b, r);
          if (r.certified.certified) points.insert(r.certified.point_index);
          else all_certified = false;
        }
        if (sols.empty()) {
          ++c.targets_without_converged_run;
          continue;
        }
        const auto labels = distinct_solution_labels(sols, p.solution_tolerance);
        const std::size_t by_rule = *std::max_element(labels.begin(), labels.end()) + 1;
        ++c.distinct_rule[by_rule];
        if (all_certified) {
          ++c.distinct_exact[points.size()];
          if (points.size() != by_rule) ++c.disagreements;
        } else {
          ++c.targets_uncertified;
        }
      }
      result.cells.push_back(std::move(c));
    }
    if (options.keep_records)
      for (RunRecord& r : records) result.records.push_back(std::move(r));
  }
  return result;
}

}  // namespace lcngeom
