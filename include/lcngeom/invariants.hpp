// lcngeom/invariants.hpp -- discriminant and resultant of binary forms.
//
// Both are polynomials in the coefficients evaluated exactly over Q, with the
// *formal* degrees of the forms, so roots at (1:0) are handled like any other
// root (a plain fmpz_poly_discriminant would use the actual degree and be wrong
// for a form with a_0 = 0).
#ifndef LCNGEOM_INVARIANTS_HPP
#define LCNGEOM_INVARIANTS_HPP

#include "lcngeom/binary_form.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// Discriminant of a binary form p of degree n >= 2 (Section 3 of the paper):
///   Disc(p) = a_0^{2n-2} prod_{i<j} (r_i - r_j)^2   (roots r_i of p(t, 1)),
/// extended continuously to a_0 = 0; equivalently, for a_0 != 0,
///   Disc(p) = (-1)^{n(n-1)/2} Res(p, dp/dx) / a_0.
/// It is a homogeneous polynomial of degree 2n - 2 in (a_0, ..., a_n) and
/// vanishes iff p has a double root in P^1 (roots at infinity included), or
/// p = 0.  Examples: b^2 - 4ac for ax^2 + bxy + cy^2; for the cubic
/// ax^3 + bx^2y + cxy^2 + dy^3, b^2c^2 - 4ac^3 - 4b^3d - 27a^2d^2 + 18abcd
/// (Example 3.3).  For a_0 = 0: Disc(p) = a_1^2 Disc(p / y).  Convention:
/// Disc(p) = 1 for n <= 1.  Under a substitution (x, y) -> (x, y) M the
/// discriminant gets multiplied by det(M)^{n(n-1)}.
Rational discriminant(const BinaryForm& p);

/// Homogeneous resultant of forms p, q of degrees m, n: the determinant of the
/// (m+n) x (m+n) Sylvester matrix built from the formal coefficient vectors
/// (a_0..a_m), (b_0..b_n).  For a_0 b_0 != 0 it equals
/// a_0^n b_0^m prod_{i,j} (r_i - s_j).  It vanishes iff p and q have a common
/// root in P^1 (in particular if a_0 = b_0 = 0), or one of them is zero (with
/// Res = 1 for m = n = 0, and Res(c, q) = c^n for a constant c).
/// Symmetry: Res(q, p) = (-1)^{mn} Res(p, q).  Multiplicativity:
/// Disc(pq) = Disc(p) Disc(q) Res(p, q)^2.  Algorithm: FLINT's
/// fmpq_poly_resultant at the actual degrees of p(t, 1) and q(t, 1), extended
/// to the formal degrees by expanding the Sylvester determinant along the
/// columns only one form reaches (the library's one formal-degree rule,
/// shared with the modular engine).
Rational resultant(const BinaryForm& p, const BinaryForm& q);

/// The same resultant as the Sylvester determinant itself, by the library's
/// generic determinant over Q (O((m+n)^3) exact operations): the
/// definition, kept as the independent reference resultant() is tested
/// against.
Rational resultant_sylvester(const BinaryForm& p, const BinaryForm& q);

}  // namespace lcngeom

#endif
