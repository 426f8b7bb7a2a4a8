// lcngeom/detail/algebraic_eval.hpp -- certified evaluation at a real
// algebraic number alpha given by an irreducible polynomial f and an
// isolating interval (a RealRoot), and real-root counting of polynomials with
// coefficients in Q(alpha) (internal).
#ifndef LCNGEOM_DETAIL_ALGEBRAIC_EVAL_HPP
#define LCNGEOM_DETAIL_ALGEBRAIC_EVAL_HPP

#include "lcngeom/ball.hpp"
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

}  // namespace lcngeom::detail

#endif
