// bench/support/float_baseline.hpp -- the floating-point rrmp baseline of the
// benchmarks: Eigen companion-matrix eigenvalues + the tolerance rule of the
// paper's Section 7.1.  Not part of the library: it is what lcngeom's exact
// classifier is measured against, and it is not exact.
#ifndef LCNGEOM_BENCH_FLOAT_BASELINE_HPP
#define LCNGEOM_BENCH_FLOAT_BASELINE_HPP

#include <complex>
#include <span>

#include "lcngeom/rrmp.hpp"

namespace lcngeom::bench {

/// Roots of the monic t^r + c[r-1] t^{r-1} + ... + c[0] (1 <= r <= 64) as the
/// eigenvalues of its companion matrix (Eigen::EigenSolver, no eigenvectors);
/// a fixed-size Eigen::Matrix<double, r, r> for r = 4, 8, 16, 32, dynamic
/// size otherwise.  Each fixed size lives in its own translation unit
/// (companion_<r>.cpp): one EigenSolver instantiation takes about a minute to
/// compile at -O3.
void companion_roots(const double* c, int r, std::complex<double>* roots);

/// The rrmp by the rule of Section 7.1: a root z is real if |z - Re z| <=
/// tol |z|, roots z, z' are the same if |z - z'| <= tol max(|z|, |z'|);
/// clusters are the connected components of "the same", formed separately
/// among the real roots and among the roots with Im z > 0 (conjugates are
/// not counted twice).  Exact roots at (1:0) and (0:1) -- leading and
/// trailing zero coefficients of a (descending) -- are stripped first and
/// counted exactly; a relative tolerance could never merge a multiple root at 0.
Rrmp float_rrmp(std::span<const long> a, double tol = 1e-4);

}  // namespace lcngeom::bench

#endif
