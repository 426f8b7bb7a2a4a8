// lcngeom/real_roots.hpp -- certified real roots of binary forms in P^1.
//
// Roots are points (t:1) of the affine chart, t = x/y, plus possibly (1:0).
// Counting and isolation use Descartes' rule of signs on Bernstein
// coefficients with bisection, certified by a double-precision filter with
// rigorous error bounds, multi-word fixed point where that cannot decide, and
// exact arithmetic for roots on subdivision points (any degree, any
// coefficient size; lib/forms/isolate.cpp).  real_roots isolates the
// square-free parts of a form after dividing out their rational roots, and
// factors over Q only when a root's irreducible defining polynomial is asked
// for (RealRoot::defining_polynomial, computed once per square-free part);
// signs at rational points are certified by fixed point or Arb balls (exact
// evaluation as the last resort).  Rational roots are returned exactly.
#ifndef LCNGEOM_REAL_ROOTS_HPP
#define LCNGEOM_REAL_ROOTS_HPP

#include <memory>
#include <string>
#include <vector>

#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

namespace detail {
struct RealRootFactory;  // lib/forms/detail/real_root_factory.hpp: builds certified roots
class RootPolynomial;    // lib/forms/real_roots.cpp: square-free polynomial + lazy factorisation
}

/// A certified real root of a form p.
///   post: either at_infinity() (the root (1:0)), or lo() <= t <= hi() for
///         exactly one real root (t:1) of the square-free part of p, and
///         lo() == hi() iff that root is rational (then it is t = lo() exactly);
///         for lo() < hi() the square-free polynomial squarefree_polynomial()
///         (and the defining polynomial, a factor of it) has opposite nonzero
///         signs at lo() and hi(), and t is its only root in [lo(), hi()].
///
/// Eager and lazy parts.  A root knows a square-free integer polynomial g
/// that its interval isolates a root of (squarefree_polynomial()); refine,
/// split_at, to_decimal and the comparisons of AlgebraicReal work with g
/// and its signs alone.  The irreducible defining polynomial (the factor of
/// g over Q that vanishes at t) is what defining_polynomial() returns; for
/// roots of real_roots(p) with lo() < hi() it is computed on the first call
/// (FLINT's factorisation of g, shared by every root -- and every copy of a
/// root -- that came from the same square-free part of p, computed at most
/// once, thread-safely), so that isolating a random (irreducible) form does
/// not pay for the proof of its irreducibility.  Exact roots, roots made by
/// the constructor and roots of real_roots_squarefree carry their defining
/// polynomial from the start (g is then that polynomial).  Copies are cheap
/// (the polynomial is shared, immutable) and may be used from several
/// threads; one RealRoot object is not to be refined by two threads at once.
class RealRoot {
 public:
  /// The root (1:0) with multiplicity m.
  static RealRoot infinity(int multiplicity);
  /// The root of the irreducible primitive polynomial `defining` (in t) inside
  /// [lo, hi]; the caller guarantees isolation (checked: sign change or exact root).
  RealRoot(IntPoly defining, Rational lo, Rational hi, int multiplicity);

  /// True for the root (1:0) (a leading zero coefficient: y divides p).
  bool at_infinity() const noexcept { return infinity_; }
  /// Lower end of the isolating interval (the root itself when is_exact()).
  const Rational& lo() const noexcept { return lo_; }
  /// Upper end of the isolating interval (the root itself when is_exact()).
  const Rational& hi() const noexcept { return hi_; }
  /// Multiplicity of the root in p (>= 1).
  int multiplicity() const noexcept { return multiplicity_; }
  /// The Q-irreducible factor of p(t, 1) this root belongs to (primitive,
  /// positive leading coefficient, as factor(p) gives it; the zero
  /// polynomial for (1:0)).  For a root of real_roots(p) with lo() < hi()
  /// the first call factors squarefree_polynomial() over Q (see the class
  /// comment: once per square-free part, shared by copies, thread-safe);
  /// later calls, and calls on any other root, cost nothing.  The reference
  /// stays valid while this root or a copy of it lives.
  const IntPoly& defining_polynomial() const;
  /// True if defining_polynomial() is known without factoring (always, except
  /// for roots of real_roots(p) whose square-free part was not factored yet).
  bool has_defining_polynomial() const noexcept;
  /// The square-free polynomial in t whose only root in [lo(), hi()] this
  /// root is: a square-free factor of p(t, 1) (for real_roots: a square-free
  /// part of p with its rational roots divided out), or the defining
  /// polynomial when that is known from the start (see the class comment).
  /// Never factors; the zero polynomial for (1:0).
  const IntPoly& squarefree_polynomial() const noexcept;
  /// True if the root is known exactly: (1:0), or a rational t = lo() = hi().
  bool is_exact() const noexcept { return infinity_ || lo_ == hi_; }
  /// hi() - lo() (0 when exact).
  Rational width() const { return hi_ - lo_; }

  /// Shrinks the interval until hi - lo <= max_width (> 0).  Exact: the result
  /// is certified by signs of squarefree_polynomial() at its ends (a sign
  /// change inside the previous isolating interval), never by floating point.
  /// First a safeguarded floating-point Newton iteration (bisection of an
  /// estimated bracket where a step would leave it) to about max_width / 4,
  /// confirmed by two certified signs; then, or where Newton is not
  /// confirmed (clusters), quadratic interval refinement (secant-guided
  /// N-section with N squared on success, certified signs), so that the work
  /// grows like log(digits) evaluations on a simple root.
  void refine(const Rational& max_width);
  /// refine(2^-bits) (bits >= 0).
  void refine_bits(long bits);
  /// t rounded to `digits` significant digits (decimal.hpp's policy, exact:
  /// a copy is refined as needed); "inf" for (1:0).
  std::string to_decimal(int digits) const;
  /// Splits at the rational point c (lo < c < hi) keeping the half that
  /// contains the root (the point itself if it is the root), by the sign of
  /// squarefree_polynomial() at c.
  void split_at(const Rational& c);

 private:
  RealRoot() = default;
  // Without the sign re-check: for intervals certified by the isolation engine.
  static RealRoot certified(IntPoly defining, Rational lo, Rational hi, int multiplicity);
  friend std::vector<RealRoot> real_roots(const BinaryForm& p);
  friend std::vector<RealRoot> real_roots_squarefree(const IntPoly& f);
  friend struct detail::RealRootFactory;
  // Null only for (1:0).  Shared by the roots of one square-free polynomial
  // and their copies; immutable except for its once-computed factorisation.
  std::shared_ptr<const detail::RootPolynomial> poly_;
  int index_ = 0;  // which real root of poly_ (increasing order) this is
  Rational lo_, hi_;
  int multiplicity_ = 0;
  bool infinity_ = false;
};

/// Number of distinct real roots of p in P^1 ((1:0) included).  Exact
/// (Descartes' rule with certified subdivision on the square-free part).
/// Throws domain_error for the zero form.
int count_real_roots(const BinaryForm& p);

/// All real roots of p in P^1 with multiplicities, isolated by pairwise
/// disjoint intervals, in increasing order of t with (1:0) last.  Exact: the
/// intervals are as the isolation engine left them (refine them with
/// RealRoot::refine / refine_bits, print with to_decimal).  Each root's
/// defining polynomial is the primitive irreducible factor of p (as
/// factor(p) gives it) that vanishes there; rational roots a/b are exact
/// (lo() == hi()) with defining polynomial b t - a, and every rational root
/// is found.
/// Computed eagerly: the square-free decomposition of p (modular certificate
/// first); per square-free part g, all rational roots by a modular search
/// (Hensel lifting, certified by exact division; complete: an irrational
/// interval never hides a rational root), and the real roots of the rest
/// h = g / prod (b t - a) isolated in one piece (Descartes/Bernstein
/// subdivision), each root's squarefree_polynomial() being h.  Lazily, on
/// the first defining_polynomial() of a root of h: factor(h) (Zassenhaus /
/// van Hoeij; for random forms 80-90 % of what the eager version cost, see
/// docs/benchmarks-roots.md), once for all roots of h.  The multiplicities,
/// the order, the exactness and the defining polynomials are those of
/// detail::real_roots_by_factoring (factor(p) first); the intervals are too
/// whenever h is irreducible or has no real roots (random forms, products,
/// the planted family), otherwise they are the engine's intervals for h
/// rather than for each factor of h (isolating the same roots).  Throws
/// domain_error for 0.
std::vector<RealRoot> real_roots(const BinaryForm& p);

/// The real roots of a square-free integer polynomial f(t) of degree >= 1,
/// without factoring it (the fast path at high degree): pairwise disjoint
/// isolating intervals in increasing order, each with multiplicity 1 and
/// defining_polynomial() == f (square-free, not necessarily irreducible),
/// except that a rational root a/b found exactly (on a subdivision point, or
/// by the modular search for rational roots from degree 64 on) is returned
/// exact with the defining polynomial b t - a (refine the others with
/// RealRoot::refine / refine_bits).  Square-freeness is checked
/// (modular certificate, else gcd(f, f') = 1); throws domain_error otherwise
/// or for deg f < 1.
std::vector<RealRoot> real_roots_squarefree(const IntPoly& f);

/// A real irreducible factor of a form: x - r y (degree 1), the factor y
/// (the root (1:0)), or x^2 + b xy + c y^2 with b^2 < 4c (a complex pair).
struct RealFactor {
  /// 1 or 2.
  int degree = 1;
  /// Coefficients as a form of that degree, first coefficient 1 except for y
  /// = (0, 1): (1, -r) or (1, b, c).  Certified enclosures; radius 0 when exact.
  std::vector<Ball> coefficients;
  int multiplicity = 1;  ///< multiplicity of the factor in p
  /// True if the coefficients are exact rationals (the factor is defined over Q).
  bool exact = false;
  /// The Q-irreducible factor of p (normalized as in factor()) that this factor divides.
  BinaryForm rational_factor;
};

/// p = unit * prod factors_i^{multiplicity_i} over R.
struct RealFactorization {
  Rational unit;  ///< the leading factor, a rational: p = unit * prod factors (over R)
  std::vector<RealFactor> factors;  ///< real linear and irreducible quadratic factors with multiplicities
};

/// The factorization of p into real irreducible factors (eq. 3.1): each
/// Q-irreducible factor is kept exact when it is linear or a quadratic
/// without real roots, and otherwise split with Arb's certified root
/// isolation, giving coefficient balls of relative accuracy about `prec` bits
/// (working precision, decimal.hpp's convention)
/// (real roots r -> x - r y; conjugate pairs z -> x^2 - 2 Re(z) xy + |z|^2 y^2).
/// Factors are listed real-linear first (increasing root, (1:0) last), then
/// quadratics.  The number of linear factors (with multiplicity) is the
/// number of real roots of p.  Throws domain_error for the zero form,
/// invalid_argument for prec < 16.
RealFactorization real_factorization(const BinaryForm& p, long prec);

}  // namespace lcngeom

#endif
