// lcngeom/detail/modular_solver.hpp -- the critical-point count modulo a
// prime (internal engine of ed_degree.hpp).
#ifndef LCNGEOM_DETAIL_MODULAR_SOLVER_HPP
#define LCNGEOM_DETAIL_MODULAR_SOLVER_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/rings.hpp"

namespace lcngeom::detail {

// Sigma (or Sigma u) over F_p as constants of a ring over F_p, e.g. the
// quotient F_p[z]/(t) in which a point is classified.
template <class R>
Vec<R> constants_over(const R& A, const Vec<NmodField>& v) {
  Vec<R> out;
  for (ulong e : v) out.push_back(A.from_ui(e));
  return out;
}
template <class R>
Mat<R> constants_over(const R& A, const Mat<NmodField>& m) {
  Mat<R> out;
  for (const auto& row : m) out.push_back(constants_over(A, row));
  return out;
}

/// Thrown when the chosen linear projection does not separate the points of a
/// cell (a recovery gcd of degree >= 2); the caller retries with another shear.
struct ShapeFailure {};

/// Counts of one cell.
struct CellCount {
  int critical = 0;   ///< points with pattern exactly lambda
  int eliminant = 0;  ///< degree of the square-free intersected eliminant
  int removed = 0;    ///< roots that are not exact-pattern critical points
};

/// The critical points of one cell over F_p as a rational univariate
/// representation (RUR): T is monic and square-free in the separating
/// coordinate z = sum_i linear_form[i] v_i of the cell's coordinates v (the
/// integer form does not depend on p, so the representations at several
/// primes lift to one over Q: modular_lift.hpp), and the point above the root
/// zeta of T has v_i = coords[i](zeta).  T is the product of the factors
/// classified critical (pattern exactly lambda): removed roots are not in it,
/// and at every root of T the nondegeneracy conditions of classify_point
/// (P_j square-free and coprime, h square-free and coprime to them, Gram
/// block of full rank) were checked to be units of F_p[z]/(T).
struct CellSolution {
  CellCount count;
  NmodPoly T;
  /// v_0..v_{dim-1}, then h_0..h_{c_1} (the free factor, from the kernel of
  /// N(P)), all reduced mod T.
  std::vector<NmodPoly> coords;
  std::vector<long> linear_form;
};

/// Critical points of ||w - u||^2_Sigma with pattern exactly the structure's
/// in one cell, over F_p, with their RUR (the one engine behind both the
/// counts of ed_degree.hpp and the exact solver of critical_points.hpp).
/// `small_shear` draws the separating form's coefficients from [-24, 24]
/// (small heights over Q) instead of 61-bit integers.  The cell must have
/// dimension >= 1.  Throws ShapeFailure, not_supported.
CellSolution solve_cell_modp(const CriticalStructure& s, const Cell& cell, const NmodField& field,
                             const Mat<NmodField>& sigma, const Vec<NmodField>& sigma_u, std::uint64_t seed,
                             bool mix_all, bool small_shear);

/// Critical points of ||w - u||^2_Sigma with pattern exactly the structure's
/// in one cell, over F_p.  sigma and sigma_u are reduced mod p.  `mix_all`
/// shears all coordinates together (slower, but separates points sharing the
/// coordinates of the last block).  Throws ShapeFailure, not_supported.
CellCount count_cell_modp(const CriticalStructure& s, const Cell& cell, const NmodField& field,
                          const Mat<NmodField>& sigma, const Vec<NmodField>& sigma_u, std::uint64_t seed, bool mix_all);

/// The reference engine (as before the speed work of issue 11: one
/// determinant per combination and grid point, and so on) instead of the fast
/// paths.  Counts, eliminant degrees and removed roots agree: the fast paths
/// compute the same polynomials mod p, except that a 3-coordinate cell may
/// take its final eliminant in the unsheared x_2 instead of z (counting only;
/// the same degree whenever x_2 separates the points, which recovery checks,
/// else that cell falls back to z).  For tests and the same-run baselines of bench/
/// only.  Initially on iff the environment variable LCNGEOM_MODULAR_ENGINE is
/// "reference" (so one binary measures both); process-wide, set it only while
/// no count is running.
void set_modular_reference_engine(bool on);
bool modular_reference_engine();

}  // namespace lcngeom::detail

#endif
