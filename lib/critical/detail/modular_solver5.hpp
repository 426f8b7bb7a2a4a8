// lcngeom/detail/modular_solver5.hpp -- the critical-point count modulo a
// prime on a whole multiple root locus by the determinantal ("minors")
// formulation: the simple-root part h and the scalar stay linear and are
// eliminated as a rank condition, the repeated parts P_j are projective
// coordinates, and the zero set of the maximal minors is solved by linear
// algebra in its multigraded quotient ring (internal engine of ed_degree.hpp
// for loci the resultant engine of modular_solver.hpp cannot reach).
//
// A point of Delta_lambda is w = h * prod_j P_j^{e_j} (critical_algebra.hpp);
// it is critical iff N(P) (h, -1)^T = 0 for the (r+1) x (c_1+2) matrix N(P)
// of critical_algebra.hpp (r + 1 = dim S_r, the tangent space being
// (w / rad w) S_r, paper eq. 5.3).  The entries of a column are multihomogeneous
// in the coefficients of the P_j, so with P_j in P^{c_j} (one projective
// point per w: P_j is the product of the roots of multiplicity e_j) the
// critical points lie in the zero set X of the maximal minors of N(P), a
// determinantal locus of expected codimension r - c_1 = sum_j c_j in
// prod_j P^{c_j}.  Its degree is the Thom-Porteous number of the locus: for
// (2,2,2,2,1) the columns have degrees (3, 3, 1) in P^4 and
// [1 / ((1-3a)^2 (1-a))]_4 = 547; for (3,2,2,2) the columns have bidegrees
// (5,3), (2,1) in P^1 x P^3 and the coefficient of a b^3 in
// 1 / ((1-5a-3b)(1-2a-b)) is 826.
//
// The engine builds the multigraded Macaulay matrix of the minors in a
// multidegree D, reduces it densely over F_p, and takes the quotient
// Q_D = R_D / I_D.  With L = prod_j l_j (l_j random linear forms) it checks
// that L * R_{D-1} maps ONTO Q_D; then every point z of X is an eigenvalue:
// the evaluation at z vanishes on I_D, it cannot vanish on all of Q_D (some
// monomial of degree D is nonzero at z), so L(z) != 0 and (b_i(z))_i over the
// selected basis b_i is a common left eigenvector of the maps x_v / l_j
// defined by N(x_v prod_{i != j} l_i b_k) = sum_i (M_v)_ik N(L b_i).  If the
// maps do not commute with a random combination Z, or L is not onto, D is
// raised (below the regularity the quotient is not yet that of X).  With Z of
// square-free characteristic polynomial every M_v is a polynomial q_v(Z), so
// the coordinates read off at a root of it are those of the point; every root
// is then classified exactly in F_p[z]/(t) by classify_point (so eigenvalues
// that are not critical points, e.g. points of X where the kernel of N has
// no -1 entry, are removed, never counted).  Roots of higher multiplicity in
// charpoly(Z) (a non-reduced point of X, or a projection that merges points)
// are split off by their generalised eigenspaces and classified there when
// that eigenspace holds one point (see count_minors_locus_modp).
//
// When the quotient keeps growing (X has a positive-dimensional excess
// component, e.g. Bombieri (2,2,2,2,1)), the engine restricts it to
// V = N(phi^k R_{D - k deg phi}) for a fixed form phi vanishing on every
// Gram-degenerate point: the Gram determinant of G S_{c_1} under Sigma
// (first when c_1 = 0) or the isotropic-root form prod_j P_j(1,i) P_j(1,-i)
// (which misses part of the Bombieri (2,2,2,2) excess).  Every point of X
// with phi != 0 is still an eigenvalue (phi^k l_j R onto V, checked), the
// points with phi = 0 drop out, and for a generic target no critical point
// has phi = 0 (a fixed proper closed subset of Delta_lambda); refused if V
// keeps growing through every stage.
#ifndef LCNGEOM_DETAIL_MODULAR_SOLVER5_HPP
#define LCNGEOM_DETAIL_MODULAR_SOLVER5_HPP

#include <cstdint>
#include <vector>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/detail/rings.hpp"

namespace lcngeom::detail {

/// Largest multigraded Macaulay matrix (columns) the minors engine builds
/// (an unsaturated run still open here is retried saturated: Bombieri
/// (3,2,2,2) closes saturated at 6188 columns, about 0.9 GB per trial).
constexpr long kMaxMinorsEngineColumns = 8000;

/// True if the structure has at least one repeated factor and at most 8
/// projective coordinates in all (the engine's monomial packing).
bool minors_engine_applies(const CriticalStructure& s);

/// Number of columns of the minors engine's first Macaulay matrix (the
/// multidegree it starts from); 0 if it does not apply.  The engine raises
/// the degree until the quotient closes, so this is a lower bound.
long minors_engine_first_columns(const CriticalStructure& s);

/// Critical points of ||w - u||^2_Sigma with pattern exactly lambda over F_p,
/// counted on the whole locus at once (every cell): `critical` points w,
/// `eliminant` the dimension of the certified quotient (points of X with
/// multiplicity), `removed` = eliminant - critical.
///
/// Proven mod p in the sense of modular_solver.hpp: every critical point is a
/// point of X and hence an eigenvalue of the multiplication maps (L onto
/// Q_D, checked); the maps are checked to commute with the separating
/// combination Z; a root of charpoly(Z) is counted only if classify_point
/// certifies it in F_p[z]/(t) (pattern exactly lambda, h and the P_j
/// square-free and coprime, Gram block invertible).  With an excess
/// component the points of X with phi = 0 (header comment) are not counted:
/// the count is the generic one for a generic target.  Throws ShapeFailure
/// (retry with another seed) when Z does not separate the points,
/// not_supported when the maps do not close within kMaxMinorsEngineColumns,
/// the excess is not inside phi = 0, the critical set is not finite, or the
/// structure does not apply.
CellCount count_minors_locus_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                                  const Vec<NmodField>& sigma_u, std::uint64_t seed);

}  // namespace lcngeom::detail

#endif
