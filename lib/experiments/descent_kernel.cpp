// The batched gradient-descent kernel behind descend_batch().
//
// Structure of arrays: a batch holds kLanes problems, one per SIMD lane, and
// every quantity of the iteration (the filters, Sigma, c, the end-to-end
// filter, the gradients) is a GCC vector of kLanes doubles.  Each lane performs
// exactly the IEEE operations of descend<double> in the same order (no FMA:
// the library is compiled without floating-point contraction), so a lane's
// result does not depend on its neighbours, on the batching or on the number
// of threads, and equals the reference engine bit for bit.  Lanes that stop
// are frozen by masks; every kBlock iterations finished lanes are refilled
// with the next problem, so the vectors stay full.
//
// The body is compiled three times (AVX-512F, AVX2, baseline x86-64) through
// function-level target attributes and chosen at run time; filter sizes of the
// five architectures of Example 4.6 are template parameters (loops fully
// unrolled, everything in registers); other architectures go through
// descend<double> itself, one problem at a time (same results, scalar speed).
#include <algorithm>
#include <cfloat>
#include <memory>
#include <string>

#include "lcngeom/gradient_descent.hpp"

// clang reads the GCC unroll pragmas of descent_block.inc and warns when a
// sanitizer build keeps it from unrolling; the loops are correct either way.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpass-failed"
#endif

namespace lcngeom {

namespace {

constexpr int kLanes = 8;
constexpr int kBlock = 16;
typedef double vd __attribute__((vector_size(kLanes * sizeof(double))));
using vm = decltype(vd{} < vd{});

template <int... K>
struct Fixed {
  static constexpr int L = sizeof...(K);
  static constexpr int k[L] = {K...};
  static constexpr int P = (K + ...);
  static constexpr int KE = P - L + 1;
  static constexpr int cap_L = L, cap_P = P, cap_K = KE;
};

template <class S>
struct Lanes {
  vd theta[S::cap_P];
  vd sigma[S::cap_K * S::cap_K];
  vd c[S::cap_K];
  vd iters, g2, status;  // status: 0 converged, 1 not converged, 2 diverged
  vm active;
};

struct BlockParams {
  double step, tol, maxit, gscale;
};

// A macro, not a function: a function returning a 64-byte vector outside the
// target-specific blocks changes the ABI without AVX-512 (GCC warns, clang
// refuses to compile it); the braced list is built inside each block.
#define LCNGEOM_SPLAT(x) (vd{(x), (x), (x), (x), (x), (x), (x), (x)})
static_assert(kLanes == 8, "LCNGEOM_SPLAT lists the lanes");

#define LCNGEOM_BLOCK_TARGET __attribute__((target("avx512f")))
#define LCNGEOM_BLOCK_NAME block_avx512
#include "descent_block.inc"
#undef LCNGEOM_BLOCK_TARGET
#undef LCNGEOM_BLOCK_NAME
#define LCNGEOM_BLOCK_TARGET __attribute__((target("avx2")))
#define LCNGEOM_BLOCK_NAME block_avx2
#include "descent_block.inc"
#undef LCNGEOM_BLOCK_TARGET
#undef LCNGEOM_BLOCK_NAME
#define LCNGEOM_BLOCK_TARGET
#define LCNGEOM_BLOCK_NAME block_base
#include "descent_block.inc"
#undef LCNGEOM_BLOCK_TARGET
#undef LCNGEOM_BLOCK_NAME

enum class Isa { avx512, avx2, base };

Isa detect_isa() {
  static const Isa isa = [] {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return Isa::avx512;
    if (__builtin_cpu_supports("avx2")) return Isa::avx2;
    return Isa::base;
  }();
  return isa;
}

const char* isa_name(Isa i) { return i == Isa::avx512 ? "avx512" : i == Isa::avx2 ? "avx2" : "sse2"; }

template <class S>
void run_lanes(const S& sh, std::span<const QuadraticLoss<double>> losses, std::span<const DescentJob> jobs,
               const DescentOptions& o, std::vector<DescentResult<double>>& out) {
  void (*block)(const S&, Lanes<S>&, const BlockParams&) = nullptr;
  switch (detect_isa()) {
    case Isa::avx512: block = &block_avx512<S>; break;
    case Isa::avx2: block = &block_avx2<S>; break;
    default: block = &block_base<S>;
  }
  const int K = sh.KE, L = sh.L;
  auto st = std::make_unique<Lanes<S>>();
  for (auto& v : st->theta) v = vd{};
  for (auto& v : st->sigma) v = vd{};
  for (auto& v : st->c) v = vd{};
  st->iters = st->g2 = st->status = vd{};
  st->active = st->iters != st->iters;  // all false
  long lane_job[kLanes];
  std::fill(lane_job, lane_job + kLanes, -1L);
  std::size_t next = 0;
  const BlockParams bp{o.step, o.tolerance, static_cast<double>(o.max_iterations),
                       o.gradient == GradientConvention::true_gradient ? 2.0 : 1.0};
  for (;;) {
    bool any = false;
    for (int lane = 0; lane < kLanes; ++lane) {
      if (lane_job[lane] >= 0 && st->active[lane] == 0) {  // harvest
        DescentResult<double>& r = out[static_cast<std::size_t>(lane_job[lane])];
        const DescentJob& job = jobs[static_cast<std::size_t>(lane_job[lane])];
        r.theta.assign(static_cast<std::size_t>(L), {});
        int p = 0;
        for (int l = 0; l < L; ++l)
          for (int j = 0; j < sh.k[l]; ++j) r.theta[static_cast<std::size_t>(l)].push_back(st->theta[p++][lane]);
        r.iterations = static_cast<long>(st->iters[lane]);
        r.gradient_norm2 = st->g2[lane];
        r.gradient_evaluations = r.iterations + 1;
        r.status = st->status[lane] == 0.0   ? DescentStatus::converged
                   : st->status[lane] == 2.0 ? DescentStatus::diverged
                                             : DescentStatus::not_converged;
        r.loss = excess_loss(losses[job.loss], end_to_end_filter(r.theta));
        lane_job[lane] = -1;
      }
      if (lane_job[lane] < 0 && next < jobs.size()) {  // refill
        const DescentJob& job = jobs[next];
        const QuadraticLoss<double>& loss = losses[job.loss];
        int p = 0;
        for (int l = 0; l < L; ++l)
          for (int j = 0; j < sh.k[l]; ++j) st->theta[p++][lane] = job.theta0[static_cast<std::size_t>(l)][j];
        for (int i = 0; i < K * K; ++i) st->sigma[i][lane] = loss.sigma[static_cast<std::size_t>(i)];
        for (int i = 0; i < K; ++i) st->c[i][lane] = loss.c[static_cast<std::size_t>(i)];
        st->iters[lane] = 0.0;
        st->g2[lane] = 0.0;
        st->status[lane] = 1.0;
        st->active[lane] = -1;
        lane_job[lane] = static_cast<long>(next++);
      }
      any = any || lane_job[lane] >= 0;
    }
    if (!any) break;
    block(sh, *st, bp);
  }
}

template <int... K>
bool try_fixed(std::span<const int> filters, std::span<const QuadraticLoss<double>> losses,
               std::span<const DescentJob> jobs, const DescentOptions& o, std::vector<DescentResult<double>>& out) {
  constexpr int ks[] = {K...};
  if (filters.size() != sizeof...(K) || !std::equal(filters.begin(), filters.end(), ks)) return false;
  run_lanes(Fixed<K...>{}, losses, jobs, o, out);
  return true;
}

bool is_fixed(std::span<const int> f) {
  const std::vector<std::vector<int>> fixed = {{2, 2}, {2, 2, 2}, {4, 2}, {3, 2, 2}, {2, 2, 2, 2}};
  return std::any_of(fixed.begin(), fixed.end(),
                     [&](const std::vector<int>& v) { return std::equal(v.begin(), v.end(), f.begin(), f.end()); });
}

}  // namespace

std::vector<DescentResult<double>> descend_batch(std::span<const int> filters,
                                                 std::span<const QuadraticLoss<double>> losses,
                                                 std::span<const DescentJob> jobs, const DescentOptions& options) {
  options.validate();
  end_to_end_size(filters);  // validates the sizes
  for (const DescentJob& job : jobs) {
    if (job.loss >= losses.size())
      throw invalid_argument("descend_batch: loss index " + std::to_string(job.loss) + " out of range (" +
                             std::to_string(losses.size()) + " losses)");
    if (job.theta0.size() != filters.size())
      throw invalid_argument("descend_batch: an initialisation has " + std::to_string(job.theta0.size()) +
                             " filters, the architecture " + std::to_string(filters.size()));
    for (std::size_t l = 0; l < filters.size(); ++l)
      if (job.theta0[l].size() != static_cast<std::size_t>(filters[l]))
        throw invalid_argument("descend_batch: filter " + std::to_string(l + 1) + " of an initialisation has size " +
                               std::to_string(job.theta0[l].size()) + ", the architecture " +
                               std::to_string(filters[l]));
    check_descent_problem(losses[job.loss], job.theta0);
  }
  std::vector<DescentResult<double>> out(jobs.size());
  if (jobs.empty()) return out;
  if (options.method == DescentMethod::gradient_descent) {
    if (try_fixed<2, 2>(filters, losses, jobs, options, out) ||
        try_fixed<2, 2, 2>(filters, losses, jobs, options, out) ||
        try_fixed<4, 2>(filters, losses, jobs, options, out) ||
        try_fixed<3, 2, 2>(filters, losses, jobs, options, out) ||
        try_fixed<2, 2, 2, 2>(filters, losses, jobs, options, out))
      return out;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) out[i] = descend<double>(losses[jobs[i].loss], jobs[i].theta0, options);
  return out;
}

std::string descent_kernel_name(std::span<const int> filters) {
  std::string ks = "k=(";
  for (std::size_t i = 0; i < filters.size(); ++i) {
    if (i) ks += ',';
    ks += std::to_string(filters[i]);
  }
  ks += ")";
  if (is_fixed(filters)) return std::string(isa_name(detect_isa())) + " " + ks + " fixed sizes";
  return "scalar " + ks + " (descend<double>)";
}

}  // namespace lcngeom
