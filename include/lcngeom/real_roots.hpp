// lcngeom/real_roots.hpp -- certified real roots of binary forms in P^1.
//
// Roots are points (t:1) of the affine chart, t = x/y, plus possibly (1:0).
// Counting and isolation use Descartes' rule of signs on Bernstein
// coefficients with bisection, certified by a double-precision filter with
// rigorous error bounds, multi-word fixed point where that cannot decide, and
// exact arithmetic for roots on subdivision points (any degree, any
// coefficient size; lib/forms/isolate.cpp).  real_roots isolates each
// Q-irreducible factor that carries real roots; signs at rational points are certified by Arb balls
// (exact evaluation as the last resort).  Rational roots are returned exactly.
#ifndef LCNGEOM_REAL_ROOTS_HPP
#define LCNGEOM_REAL_ROOTS_HPP

#include <string>
#include <vector>

#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

namespace detail {
struct RealRootFactory;  // lib/forms/real_roots.cpp: builds certified roots
}

/// A certified real root of a form p.
///   post: either at_infinity() (the root (1:0)), or lo() <= t <= hi() for
///         exactly one real root (t:1) of the square-free part of p, and
///         lo() == hi() iff that root is rational (then it is t = lo() exactly);
///         for lo() < hi() the defining polynomial has opposite nonzero signs
///         at lo() and hi().
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
  /// The Q-irreducible factor of p(t, 1) this root belongs to (y for (1:0)).
  const IntPoly& defining_polynomial() const noexcept { return defining_; }
  /// True if the root is known exactly: (1:0), or a rational t = lo() = hi().
  bool is_exact() const noexcept { return infinity_ || lo_ == hi_; }
  /// hi() - lo() (0 when exact).
  Rational width() const { return hi_ - lo_; }

  /// Shrinks the interval until hi - lo <= max_width (> 0).  Exact: the result
  /// is certified by signs of the defining polynomial at its ends (a sign
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
  /// Splits at the rational point c (not a root of the defining polynomial,
  /// lo < c < hi) keeping the half that contains the root.
  void split_at(const Rational& c);

 private:
  RealRoot() = default;
  // Without the sign re-check: for intervals certified by the isolation engine.
  static RealRoot certified(IntPoly defining, Rational lo, Rational hi, int multiplicity);
  friend std::vector<RealRoot> real_roots(const BinaryForm& p);
  friend std::vector<RealRoot> real_roots_squarefree(const IntPoly& f);
  friend struct detail::RealRootFactory;
  IntPoly defining_;
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
/// factor(p) gives it) that vanishes there; rational roots a/b are exact with
/// defining polynomial b t - a.  The result is that of factoring p first, but
/// p is not factored in full: square-free decomposition (modular certificate
/// first), rational roots of each square-free part by a modular search,
/// certified by exact division, and factor() only on what is left with real
/// roots (proving a random polynomial irreducible costs about as much as
/// factoring it; see docs/benchmarks-roots.md).  Throws domain_error for 0.
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
