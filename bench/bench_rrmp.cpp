// bench_rrmp -- exact rrmp classification against a floating-point baseline
// measured in the same run (issue 2, item 8).
//
// Families, degrees 4, 8, 16, 32 (100000 / 20000 / 5000 / 2000 forms per set,
// times $LCNGEOM_BENCH_SCALE):
//   random   coefficients uniform in [-100, 100];
//   planted  products of small integer linear forms a x + b y (0 <= a <= 2,
//            |b| <= 3; x and y included, i.e. roots at 0 and infinity) and
//            irreducible quadratics (1 <= a, c <= 3, |b| <= 3, b^2 < 4ac),
//            pairwise coprime, with multiplicities 1-4 (weights 4:3:2:1) and
//            at least one multiplicity >= 2; forms with a coefficient beyond
//            2^62 are redrawn; the planted rrmp is the truth.
// Classifiers:
//   exact    lcngeom::rrmp(std::span<const long>) (the batch entry point);
//   float    bench::float_rrmp (support/float_baseline.hpp): the paper's
//            Section 7.1 rule, tol = 1e-4, on Eigen companion-matrix
//            eigenvalues (fixed-size Eigen::Matrix<double, N, N> for
//            N = 4, 8, 16, 32), exact roots at 0 and infinity stripped first;
//   flint    lcngeom::rrmp_general (plain FLINT: square-free decomposition +
//            Sturm), for reference.
// Times are CPU time (the machines are shared); wall-clock ratios are printed
// too.  After the timings a table is printed: ns/form of each, the ratio
// exact/float, the float rule's misclassification rate against the exact
// answer, and the exact classifier's disagreements with the planted truth and
// with rrmp_general (both must be 0).
//
//   bench_rrmp [google-benchmark flags]
//   bench_rrmp --emit FAMILY DEGREE COUNT [SEED]   writes COUNT forms, one
//              coefficient list per line (input for `lcngeom rrmp --batch`)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "float_baseline.hpp"
#include "lcngeom/lcngeom.hpp"

namespace {

using lcngeom::Rrmp;
__extension__ typedef __int128 i128;

constexpr double kTol = 1e-4;
constexpr int kDegrees[] = {4, 8, 16, 32};
constexpr const char* kFamilies[] = {"random", "planted"};

// Forms per set: enough distinct forms that the branch predictor cannot learn
// the data set (degree 4 classifies in tens of ns); $LCNGEOM_BENCH_SCALE
// multiplies the counts.
int forms_per_set(int degree) {
  const char* env = std::getenv("LCNGEOM_BENCH_SCALE");
  const double scale = env && *env ? std::atof(env) : 1.0;
  const int base = degree <= 4 ? 100000 : degree <= 8 ? 20000 : degree <= 16 ? 5000 : 2000;
  return std::max(1, static_cast<int>(base * scale));
}

// ------------------------------------------------------------------ inputs

std::vector<long> random_form(std::mt19937_64& g, int n) {
  std::uniform_int_distribution<long> u(-100, 100);
  std::vector<long> a(static_cast<std::size_t>(n) + 1);
  do {
    for (long& v : a) v = u(g);
  } while (std::all_of(a.begin(), a.end(), [](long v) { return v == 0; }));
  return a;
}

struct Planted {
  std::vector<long> a;
  Rrmp truth;
};

// p <- p * f; false if a coefficient leaves |c| < 2^62.
bool multiply(std::vector<i128>& p, const std::vector<i128>& f) {
  std::vector<i128> r(p.size() + f.size() - 1, 0);
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t j = 0; j < f.size(); ++j) r[i + j] += p[i] * f[j];
  for (i128 v : r)
    if (v >= (i128(1) << 62) || v <= -(i128(1) << 62)) return false;
  p = std::move(r);
  return true;
}

Planted planted_form(std::mt19937_64& g, int n) {
  auto uni = [&](long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(g); };
  for (;;) {
    std::vector<int> rho, gamma;
    bool multiple = false;
    for (int left = n; left > 0;) {
      const long w = uni(0, 9);
      int m = w < 4 ? 1 : w < 7 ? 2 : w < 9 ? 3 : 4;
      m = std::min(m, left);
      if (2 * m <= left && uni(0, 1)) {
        gamma.push_back(m);
        left -= 2 * m;
      } else {
        rho.push_back(m);
        left -= m;
      }
      multiple = multiple || m >= 2;
    }
    if (!multiple) continue;
    std::vector<i128> p{uni(1, 3) * (uni(0, 1) ? 1 : -1)};
    std::vector<std::vector<i128>> used;
    bool ok = true;
    auto fresh = [&](auto make) {
      for (int tries = 0; tries < 200; ++tries) {
        std::vector<i128> f = make();
        if (std::find(used.begin(), used.end(), f) == used.end()) {
          used.push_back(f);
          return f;
        }
      }
      ok = false;
      return std::vector<i128>{1};
    };
    auto linear = [&] {
      for (;;) {
        long a = uni(0, 2), b = uni(-3, 3);
        if ((a == 0 && b == 0) || std::gcd(a, b) != 1) continue;
        if (a == 0) b = 1;  // the form y: a root at (1:0)
        return std::vector<i128>{a, b};
      }
    };
    auto quadratic = [&] {
      for (;;) {
        long a = uni(1, 3), b = uni(-3, 3), c = uni(1, 3);
        if (b * b >= 4 * a * c || std::gcd(std::gcd(a, b), c) != 1) continue;
        return std::vector<i128>{a, b, c};
      }
    };
    for (int m : rho) {
      std::vector<i128> f = fresh(linear);
      for (int k = 0; k < m && ok; ++k) ok = multiply(p, f);
    }
    for (int m : gamma) {
      std::vector<i128> f = fresh(quadratic);
      for (int k = 0; k < m && ok; ++k) ok = multiply(p, f);
    }
    if (!ok) continue;
    Planted out;
    for (i128 v : p) out.a.push_back(static_cast<long>(v));
    out.truth = Rrmp(rho, gamma);
    return out;
  }
}

struct Dataset {
  std::string family;
  int degree = 0;
  int count = 0;
  std::vector<long> flat;   // count * (degree + 1) coefficients
  std::vector<Rrmp> truth;  // planted truth (planted family only)
  std::vector<Rrmp> exact;  // lcngeom::rrmp
  std::vector<lcngeom::BinaryForm> forms;
  std::span<const long> form(int i) const {
    const std::size_t w = static_cast<std::size_t>(degree) + 1;
    return {flat.data() + static_cast<std::size_t>(i) * w, w};
  }
};

Dataset make_dataset(const std::string& family, int degree, int count, std::uint64_t seed) {
  Dataset d;
  d.family = family;
  d.degree = degree;
  d.count = count;
  std::mt19937_64 g(seed * 1000003ULL + static_cast<std::uint64_t>(degree) * 7919ULL + (family == "planted"));
  for (int i = 0; i < count; ++i) {
    if (family == "random") {
      std::vector<long> a = random_form(g, degree);
      d.flat.insert(d.flat.end(), a.begin(), a.end());
    } else {
      Planted p = planted_form(g, degree);
      d.flat.insert(d.flat.end(), p.a.begin(), p.a.end());
      d.truth.push_back(p.truth);
    }
  }
  return d;
}

// ------------------------------------------------------------------ benchmarks

std::vector<Dataset>& datasets() {
  static std::vector<Dataset> all;
  return all;
}

void bm_float(benchmark::State& state, const Dataset* d) {
  for (auto _ : state)
    for (int i = 0; i < d->count; ++i) benchmark::DoNotOptimize(lcngeom::bench::float_rrmp(d->form(i), kTol));
  state.SetItemsProcessed(state.iterations() * d->count);
}

void bm_exact(benchmark::State& state, const Dataset* d) {
  for (auto _ : state)
    for (int i = 0; i < d->count; ++i) benchmark::DoNotOptimize(lcngeom::rrmp(d->form(i)));
  state.SetItemsProcessed(state.iterations() * d->count);
}

void bm_flint(benchmark::State& state, const Dataset* d) {
  for (auto _ : state)
    for (int i = 0; i < d->count; ++i)
      benchmark::DoNotOptimize(lcngeom::rrmp_general(d->forms[static_cast<std::size_t>(i)]));
  state.SetItemsProcessed(state.iterations() * d->count);
}

// Keeps every run's time per form (ns) by benchmark name, and prints as usual.
class TableReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, std::vector<double>> ns_per_form;  // CPU time
  std::map<std::string, std::vector<double>> wall_ns_per_form;
  std::map<std::string, int> forms;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs)
      if (r.run_type == Run::RT_Iteration && !r.error_occurred && r.iterations > 0) {
        const std::string name = r.run_name.function_name;
        const double per_iteration = static_cast<double>(r.iterations) * forms[name];
        ns_per_form[name].push_back(r.cpu_accumulated_time * 1e9 / per_iteration);
        wall_ns_per_form[name].push_back(r.real_accumulated_time * 1e9 / per_iteration);
      }
    ConsoleReporter::ReportRuns(runs);
  }
  static double median(const std::map<std::string, std::vector<double>>& m, const std::string& name) {
    auto it = m.find(name);
    if (it == m.end() || it->second.empty()) return std::nan("");
    std::vector<double> v = it->second;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
};

int emit(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: bench_rrmp --emit FAMILY DEGREE COUNT [SEED]\n";
    return 2;
  }
  const std::string family = argv[2];
  const int degree = std::atoi(argv[3]);
  const long count = std::atol(argv[4]);
  const std::uint64_t seed = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 1;
  if ((family != "random" && family != "planted") || degree < 1 || count < 0) {
    std::cerr << "bench_rrmp --emit: FAMILY is random or planted, DEGREE >= 1\n";
    return 2;
  }
  std::mt19937_64 g(seed);
  std::string line;
  for (long i = 0; i < count; ++i) {
    const std::vector<long> a = family == "random" ? random_form(g, degree) : planted_form(g, degree).a;
    line.clear();
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (k) line += ',';
      line += std::to_string(a[k]);
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--emit") == 0) return emit(argc, argv);
  TableReporter reporter;
  std::vector<Dataset>& sets = datasets();
  sets.reserve(8);
  for (const char* family : kFamilies)
    for (int n : kDegrees) {
      Dataset d = make_dataset(family, n, forms_per_set(n), 20221027);
      for (int i = 0; i < d.count; ++i) {
        d.forms.emplace_back(std::vector<long>(d.form(i).begin(), d.form(i).end()));
        d.exact.push_back(lcngeom::rrmp(d.form(i)));
      }
      sets.push_back(std::move(d));
    }
  for (const Dataset& d : sets) {
    const std::string tag = d.family + "/" + std::to_string(d.degree);
    const Dataset* p = &d;
    reporter.forms["exact/" + tag] = reporter.forms["float/" + tag] = reporter.forms["flint/" + tag] = d.count;
    benchmark::RegisterBenchmark(("exact/" + tag).c_str(), bm_exact, p)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("float/" + tag).c_str(), bm_float, p)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("flint/" + tag).c_str(), bm_flint, p)->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  // Accuracy (outside the timed loops) and the summary table.
  std::printf(
      "\nrrmp classification, tol = %g; CPU ns per form (median over repetitions;\n"
      "wall-clock exact/float in the last column)\n\n",
      kTol);
  std::printf(
      "| family | degree | forms | exact ns/form | float ns/form | exact/float | float misclassified | FLINT ns/form | "
      "exact != truth | exact != rrmp_general | wall exact/float |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  int bad_exact = 0;
  for (const Dataset& d : sets) {
    int float_wrong = 0, truth_wrong = 0, general_wrong = 0;
    for (int i = 0; i < d.count; ++i) {
      const Rrmp& e = d.exact[static_cast<std::size_t>(i)];
      if (!(lcngeom::bench::float_rrmp(d.form(i), kTol) == e)) ++float_wrong;
      if (!d.truth.empty() && !(d.truth[static_cast<std::size_t>(i)] == e)) ++truth_wrong;
      if (!(lcngeom::rrmp_general(d.forms[static_cast<std::size_t>(i)]) == e)) ++general_wrong;
    }
    bad_exact += truth_wrong + general_wrong;
    const std::string tag = d.family + "/" + std::to_string(d.degree);
    const auto& cpu = reporter.ns_per_form;
    const auto& wall = reporter.wall_ns_per_form;
    const double ex = TableReporter::median(cpu, "exact/" + tag), fl = TableReporter::median(cpu, "float/" + tag),
                 fi = TableReporter::median(cpu, "flint/" + tag);
    const double wall_ratio = TableReporter::median(wall, "exact/" + tag) / TableReporter::median(wall, "float/" + tag);
    std::printf("| %s | %d | %d | %.0f | %.0f | %.3f | %.1f %% | %.0f | %s | %d | %.3f |\n", d.family.c_str(), d.degree,
                d.count, ex, fl, ex / fl, 100.0 * float_wrong / d.count, fi,
                d.truth.empty() ? "n/a" : std::to_string(truth_wrong).c_str(), general_wrong, wall_ratio);
  }
  std::printf("\nexact classifier disagreements (truth + reference): %d\n", bad_exact);
  return bad_exact == 0 ? 0 : 1;
}
