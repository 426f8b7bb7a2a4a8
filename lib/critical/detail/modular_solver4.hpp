// lcngeom/detail/modular_solver4.hpp -- the critical-point count modulo a
// prime on the loci of pure powers Delta(k, ..., k), by linear algebra in the
// quotient ring of a Bezout-tight system (internal engine of ed_degree.hpp for
// loci the resultant engine of modular_solver.hpp cannot reach).
//
// A point of Delta(k^m) (m parts equal to k, n = k m) is w = g^k for a form g
// of degree m (the scalar of w = c P^k is absorbed in g, so g has m + 1 free
// coefficients and no cell structure).  The tangent space there is
// g^{k-1} R_m (eq. 5.3), so w is critical for ||w - u||^2_Sigma iff
//     E_i(g) = < g^k - u, g^{k-1} x^{m-i} y^i >_Sigma = 0,   i = 0..m:
// m + 1 equations of degree 2k - 1 in m + 1 unknowns.  Homogenised with x_0
// (the u-term gets x_0^k) they have at most (2k-1)^{m+1} projective solutions
// (Bezout), and every solution g != 0 comes with its k images zeta g
// (zeta^k = 1), which give the same w.  For (2,2,2,2) that is 3^5 = 243 =
// 2 * 121 + 1 with the Euclidean norm: the system is Bezout-tight, so a
// Macaulay matrix in the regularity degree (m+1)(2k-2)+1 gives the quotient
// ring (truncated normal forms, Telen-Mourrain-Van Barel 2018) and its
// multiplication matrices, with no Groebner basis and no iterated resultants.
// The matrix is reduced by structure (pivot rows mu * E_i found from the
// leading monomials, rows redundant by the F5 criterion never built, a dense
// Schur complement on the remaining columns); LCNGEOM_MODULAR_ENGINE=reference
// (set_modular_reference_engine) keeps the dense reduced echelon form.
//
// With solutions at infinity (the Bombieri product, SO(2)-invariant, gives
// curves of them) the Macaulay degree is raised and the basis is multiplied
// by x_0^s (Mourrain-Telen-Van Barel 2021, truncated normal forms with a
// dehomogenising form): the multiplication maps x_v / l_0 are defined on
// N(x_0^s l_0 R_{D-1}) and checked to close on the whole quotient, which
// makes every affine solution an eigenvalue; the degrees are raised until they
// close (or the matrix limit refuses).
#ifndef LCNGEOM_DETAIL_MODULAR_SOLVER4_HPP
#define LCNGEOM_DETAIL_MODULAR_SOLVER4_HPP

#include <cstdint>
#include <vector>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/detail/rings.hpp"

namespace lcngeom::detail {

/// True if the structure is a pure power (k^m), k >= 2 (no simple roots, one
/// tracked factor): the loci count_power_locus_modp handles.
bool power_engine_applies(const CriticalStructure& s);

/// Number of columns of the Macaulay matrix count_power_locus_modp builds
/// (monomials of the regularity degree in m + 2 variables); 0 if it does not apply.
long power_engine_columns(const CriticalStructure& s);

/// Largest Macaulay matrix (columns) the power engine accepts: (2,2,2,2) needs
/// 4368, (3,3,3) 5985; (2,2,2,2,2) would need 27132.
constexpr long kMaxPowerEngineColumns = 6000;

/// Largest Macaulay matrix (columns) used when the system has solutions at
/// infinity (the degree is raised until the affine part closes).
constexpr long kMaxPowerEngineColumnsAtInfinity = 12000;

/// Critical points of ||w - u||^2_Sigma with pattern exactly (k^m) over F_p,
/// counted on the whole locus (every cell at once): `critical` is the number
/// of points w, `eliminant` the degree of the square-free eliminant of the
/// affine solutions g (k per point w, and g = 0), `removed` its roots that are
/// not exact-pattern critical points (counted as roots g).
///
/// Proven mod p in the sense of modular_solver.hpp: every affine solution g
/// with l_0(g) != 0 (l_0 a random linear form) is an eigenvalue of the
/// multiplication matrices (the evaluation at it vanishes on the Macaulay
/// span), the separating form is checked square-free on the affine part and
/// the multiplication matrices are checked to commute, so the coordinates read
/// off at every root are those of the solution; every root is then classified
/// exactly in F_p[z]/(t) by classify_point.  With solutions at infinity the
/// identity N(x_0^s x_v b_j) = sum_i (M_v)_ij N(x_0^s l_0 b_i) is checked on
/// the whole quotient in the raised degree, which gives the same eigenvalue
/// argument (and l_0(z) != 0 at every affine solution z).  Throws ShapeFailure
/// (retry with another seed) when the random form does not separate,
/// not_supported when the system is not zero-dimensional at this target, the
/// quotient is not certified, the maps do not close within
/// kMaxPowerEngineColumnsAtInfinity, or the structure is not a pure power or
/// too large.
CellCount count_power_locus_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                                 const Vec<NmodField>& sigma_u, std::uint64_t seed);

/// The critical points found by count_power_locus_modp as a univariate
/// representation in a given separating form z = sum_i form[i] g_i.
struct PowerRur {
  /// Product of the irreducible factors of the eliminant (in z) whose roots
  /// are critical points with g_0 != 0 (the top cell: P = g / g_0 monic in x,
  /// w = g_0^k P^k); k roots zeta g per point w.
  NmodPoly T;
  /// g_0..g_m as polynomials in z reduced mod T: the root z of T is the
  /// solution g_i = g[i](z).
  std::vector<NmodPoly> g;
  /// Critical roots (counted as roots g) with g_0 = 0 (P(1:0) = 0).
  int infinity_roots = 0;
};

/// The hook of the exact solver (critical_points.hpp, by lifting): the same
/// computation as count_power_locus_modp, with the random separating form
/// replaced by `form` (units mod p, one per g_i; an integer form reduced mod
/// p, so that the representations at several primes lift to one over Q),
/// and the critical roots returned in `out`.  Throws as
/// count_power_locus_modp (ShapeFailure when `form` does not separate the
/// affine solutions mod p), invalid_argument for a malformed form.
CellCount power_locus_rur_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                               const Vec<NmodField>& sigma_u, std::uint64_t seed, const std::vector<ulong>& form,
                               PowerRur& out);

}  // namespace lcngeom::detail

#endif
