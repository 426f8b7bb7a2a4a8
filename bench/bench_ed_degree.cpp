// Benchmarks of issue 5: ED-degree tables of all partitions of n (both inner
// products, two independent modular counts per row, as `lcngeom ed-degree`
// computes them) and the exact Section 7.3 computation (`lcngeom verify-7.3`).
// External anchors measured on this machine (issue 5): Singular modular
// Groebner ~5 s for the n <= 6 tables, ~2 min for n = 7; Macaulay2 7-8 min for
// n <= 7; Section 7.3: Singular ~4 s, Macaulay2 ~50 s.  The in-run baseline is
// the exact solver over Q at a random rational target (no modular counting).
#include <benchmark/benchmark.h>

#include "lcngeom/lcngeom.hpp"

using namespace lcngeom;

namespace {

void BM_EdTable(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string norm = state.range(1) ? "bombieri" : "euclidean";
  int total = 0;
  for (auto _ : state) {
    EdDegreeOptions o;
    o.trials = 2;
    total = 0;
    for (const EdDegreeResult& r : ed_degree_table(n, norm, o)) total += r.ed_degree;
    benchmark::DoNotOptimize(total);
  }
  state.SetLabel("n=" + std::to_string(n) + " " + norm + " sum of ED degrees " + std::to_string(total));
}
BENCHMARK(BM_EdTable)->ArgsProduct({{4, 5, 6}, {0, 1}})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EdTable)->ArgsProduct({{7}, {0, 1}})->Unit(benchmark::kMillisecond)->Iterations(1);

// Section 7.3: all critical points of the four loci, certified to 20 digits, and
// the compatibility with the four quartic architectures.
void BM_Section7_3(benchmark::State& state) {
  const BinaryForm u{2, 0, 5, 0, 2};
  int real = 0;
  for (auto _ : state) {
    real = 0;
    for (const char* l : {"2,1,1", "3,1", "2,2", "4"}) {
      CriticalPointSet r = critical_points(Partition::parse(l), u, InnerProduct::euclidean(4), {20, 1});
      real += r.real_count;
      for (const RealCriticalPoint& p : r.real_points)
        for (const std::vector<int>& k : {std::vector<int>{4, 2}, {3, 3}, {3, 2, 2}, {2, 2, 2, 2}})
          benchmark::DoNotOptimize(is_compatible(p.rrmp, k));
    }
  }
  state.SetLabel(std::to_string(real) + " real critical points");
}
BENCHMARK(BM_Section7_3)->Unit(benchmark::kMillisecond);

// In-run baseline: exact critical points (over Q, no modular arithmetic) at a
// random rational target, for the loci the exact solver handles.
void BM_ExactSolverBaseline(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const BinaryForm u = n == 4 ? BinaryForm{3, -1, 4, 1, -5} : BinaryForm{3, -1, 4, 1, -5, 2};
  int complex = 0;
  for (auto _ : state) {
    complex = 0;
    for (const Partition& l : partitions(n))
      if (root_coordinates(l) <= 2) complex += critical_points(l, u, InnerProduct::euclidean(n), {10, 1}).complex_count;
  }
  state.SetLabel("n=" + std::to_string(n) + " exact, sum of counts " + std::to_string(complex));
}
BENCHMARK(BM_ExactSolverBaseline)->Arg(4)->Arg(5)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
