// lcngeom/detail/algebraic_eval.hpp -- certified evaluation at a real
// algebraic number alpha given by an irreducible polynomial f and an
// isolating interval (a RealRoot), and real-root counting of polynomials with
// coefficients in Q(alpha) (internal).
#ifndef LCNGEOM_DETAIL_ALGEBRAIC_EVAL_HPP
#define LCNGEOM_DETAIL_ALGEBRAIC_EVAL_HPP

#include <optional>

#include "lcngeom/ball.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom::detail {

/// Refines the isolating interval of a finite root of a square-free
/// (irreducible) defining polynomial until hi - lo <= max_width (> 0): interval
/// Newton steps in Arb (quadratic convergence; each new interval is re-checked
/// by RealRoot's exact sign-change test), bisection where Newton does not
/// contract.  Much faster than RealRoot::refine for hundreds of bits.
void refine_root(RealRoot& root, const Rational& max_width);

/// A ball containing q(alpha) of radius <= max_radius (> 0); `root` is
/// refined in place as needed.
Ball enclose_at_root(const RatPoly& q, RealRoot& root, const Rational& max_radius);

/// The sign of q(alpha), exact: 0 iff the defining polynomial f of the root
/// divides q (f irreducible); otherwise certified by interval refinement.
int sign_at_root(const RatPoly& q, const RatPoly& f, RealRoot& root);

/// Number of distinct real roots in P^1 of the binary form with coefficient
/// vector `form` (a_0..a_d in K = Q[z]/(f), f irreducible) at the real root
/// alpha of f: leading zeros count as the root (1:0); the rest by a Sturm
/// sequence over K with certified signs.  The form must be square-free and
/// nonzero at alpha (else domain_error).
int count_real_roots_at(const RatQuotient& K, const Vec<RatQuotient>& form, RealRoot& root);

/// The characteristic polynomial chi(t) = prod_i (t - num(z_i)/den(z_i)) over
/// the roots z_i of f (integer, degree d >= 1, square-free), monic of degree
/// d, for num, den in Q[z] with den(z_i) != 0: the norm the conjugate classes
/// of algebraic_real.cpp take the minimal polynomial of their values from.
/// Multimodular (characteristic polynomials of the multiplication matrices
/// over F_p, CRT and rational reconstruction until stable), then proven over
/// Q: chi(num/den) = 0 in Q[z]/(f) is checked exactly, which with deg chi = d
/// and the monic form is what the callers use (every value is a root).
/// std::nullopt if that check fails or the reconstruction does not settle
/// within max_bits of modulus (the caller falls back to resultants).
std::optional<RatPoly> conjugate_norm_modular(const IntPoly& f, const RatPoly& num, const RatPoly& den,
                                              long max_bits = 1L << 22);

/// The same polynomial up to a nonzero constant factor, by d + 1 exact
/// resultants Res_z(f, k den - num) and interpolation in k (the reference).
RatPoly conjugate_norm_resultant(const IntPoly& f, const RatPoly& num, const RatPoly& den);

}  // namespace lcngeom::detail

#endif
