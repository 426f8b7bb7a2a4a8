// lcngeom/quadric_multiplier.hpp -- the Lagrange-multiplier polynomial (6.7)
// of Example 6.5: critical points of the square loss on the quadric cone
// B^2 = 4AC, the boundary of the function space of k = (2, 2).
#ifndef LCNGEOM_QUADRIC_MULTIPLIER_HPP
#define LCNGEOM_QUADRIC_MULTIPLIER_HPP

#include "lcngeom/mpoly.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom {

/// The polynomial (6.7) of Example 6.5 for the boundary B^2 = 4AC of the
/// function space of k = (2, 2): with S = XX^T (3 x 3, SPD) and
/// YX^T = U S (U = (u1, u2, u3) the unconstrained optimum of eq. 6.1),
///   (U S adj(S - l J)_{:,2})^2 - 4 (U S adj(S - l J)_{:,1}) (U S adj(S - l J)_{:,3}),
/// J = [[0,0,1],[0,-1/2,0],[1,0,0]], as a polynomial in Q[u1, u2, u3, l]
/// (variable names "u1","u2","u3","l").  For S = I it is the quartic (6.8),
/// for S = diag(1, 1/2, 1) the factorisation (6.12) (see docs/paper-map.md:
/// the printed (6.12) is this polynomial with YX^T = U S^{-1} in place of
/// U S, a convention slip; the second overload reproduces it).
/// Throws invalid_argument unless S is a 3 x 3 SPD matrix.
RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt);
/// The same with YX^T = U M for a given 3 x 3 matrix M (M = S is eq. 6.1).
RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt, const RatMatrix& yxt_of_u);

}  // namespace lcngeom

#endif
