// lcngeom/algebraic_real.hpp -- exact real algebraic numbers.
//
// An AlgebraicReal is a real number x algebraic over Q.  Its canonical form
// is its minimal polynomial m (primitive in Z[t], irreducible over Q, positive
// leading coefficient) and a rational isolating interval [lo, hi]:
//     lo == hi          iff x is rational, and then x = lo exactly (m = den t - num);
//     lo <  hi          m(lo) m(hi) < 0 and x is the only real root of m in [lo, hi].
// Two numbers are equal iff their minimal polynomials are equal and their
// intervals contain a common root; distinct numbers are separated by
// refining intervals (exact rational sign evaluations, interval Newton),
// which always terminates.  So comparisons and sorting are exact -- never
// decided on decimals -- and a decimal is made only when printing, by
// decimal.hpp's digits policy.
//
// Values in a number field.  For a real root zeta of an irreducible f and
// num, den in Q[z], evaluate(num, den, zeta) returns num(zeta) / den(zeta),
// exactly but lazily: it is held as (num, den, zeta) with a certified
// enclosure (Arb evaluation on zeta's interval), which is all that printing,
// enclosures and comparisons of distinct numbers need.  The canonical form
// is computed only when asked for (minimal_polynomial(), is_rational(),
// root()) or when enclosures cannot decide (equal numbers, a decimal on a
// rounding boundary): the minimal polynomial is the square-free part of the
// norm prod_{f(z) = 0} (den(z) y - num(z)) (up to a constant the
// characteristic polynomial of multiplication by num/den in Q(zeta), a power
// of the minimal polynomial), interpolated from the formal-degree resultants
// Res_z(f, k den - num), k = 0..deg f, once for all the conjugates evaluated
// together; x is then the root of it that its enclosure meets.  This is how
// the coordinates and distances of critical points (critical_points.hpp,
// function_space_minimum.hpp) are exact values without paying for minimal
// polynomials nobody looks at.
//
// Caching.  Intervals, enclosures and the canonical form are caches: const
// operations (comparisons, enclosures, printing) may narrow [lo(), hi()] or
// compute the canonical form -- the value never changes.  Copies, and the
// values evaluated at one root, share these caches, so use the numbers of
// one computation from one thread at a time.
//
// Example:
//   auto r = lcngeom::real_roots(lcngeom::BinaryForm{1, 0, -2});   // t = -sqrt 2, sqrt 2
//   lcngeom::AlgebraicReal s(r[1]);                                 // sqrt 2
//   s.to_decimal(10);                                               // "1.414213562"
//   lcngeom::evaluate(lcngeom::RatPoly(std::vector<lcngeom::Rational>{0, 0, 1}), s)
//       == lcngeom::Rational(2);                                    // true, exact
//   s < lcngeom::Rational(3, 2);                                    // true, exact
#ifndef LCNGEOM_ALGEBRAIC_REAL_HPP
#define LCNGEOM_ALGEBRAIC_REAL_HPP

#include <compare>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "lcngeom/ball.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

namespace detail {
struct LazyAlgebraic;
}

/// An exact real algebraic number: minimal polynomial over Q and an isolating interval
/// with rational ends (see the file comment); comparisons are exact.
class AlgebraicReal {
 public:
  /// The number 0.
  AlgebraicReal();
  /// The rational q (minimal polynomial den t - num, interval [q, q]).
  explicit AlgebraicReal(const Rational& q);
  /// The finite root r of a form (real_roots()): its defining polynomial is
  /// Q-irreducible and its interval isolating.  Does not factor: a root whose
  /// defining polynomial is still lazy (RealRoot's class comment) stays so,
  /// and printing, refining and comparing (equality by the gcd of square-free
  /// polynomials) never ask for it; minimal_polynomial() and degree() do.
  /// Throws invalid_argument for (1:0).
  explicit AlgebraicReal(const RealRoot& r);
  /// The unique real root of p (nonzero) in [lo, hi].  Throws
  /// invalid_argument unless p has exactly one distinct real root in [lo, hi]
  /// (checked exactly: p is factored and its roots isolated).
  static AlgebraicReal root_of(const IntPoly& p, const Rational& lo, const Rational& hi);

  /// Primitive, Q-irreducible, positive leading coefficient (computes the
  /// canonical form of a lazy value, and factors a root of real_roots whose
  /// defining polynomial was not asked for yet).
  const IntPoly& minimal_polynomial() const { return root().defining_polynomial(); }
  /// Degree of x over Q (1 iff x is rational).
  long degree() const { return minimal_polynomial().degree(); }
  /// The canonical form: the isolated root x of minimal_polynomial(), multiplicity 1.
  const RealRoot& root() const;
  /// True if the canonical form is known (always, except for a lazy value
  /// of evaluate() that nothing has needed it of yet).
  bool is_canonical() const noexcept { return lazy_ == nullptr; }
  /// An interval containing x: the isolating interval of the canonical form,
  /// or the current enclosure of a lazy value.  It only ever shrinks.
  const Rational& lo() const noexcept;
  /// The upper end of that interval (see lo()).
  const Rational& hi() const noexcept;
  /// x is rational (computes the canonical form of a lazy value).
  bool is_rational() const { return root().is_exact(); }
  /// The value if x is rational; throws domain_error otherwise.
  const Rational& rational() const;
  /// -1, 0 or 1, exact.
  int sign() const;

  /// Narrows [lo(), hi()] until hi - lo <= max_width (> 0); exact for a rational.
  void refine(const Rational& max_width) const;
  /// Narrows until hi - lo <= 2^-bits (bits >= 0).
  void refine_bits(long bits) const;
  /// A ball containing x with relative radius about 2^-prec (radius 0 when x
  /// is a dyadic rational).  prec >= 2.
  Ball enclosure(long prec) const;

  /// x rounded to `digits` significant digits (decimal.hpp's policy), exact.
  /// Afterwards every point of [lo(), hi()] rounds to the returned decimal,
  /// so the interval certifies it.
  std::string to_decimal(int digits) const;

  /// sign(a - b) and sign(a - q), exact.
  friend int compare(const AlgebraicReal& a, const AlgebraicReal& b);
  /// sign(a - q), exact.
  friend int compare(const AlgebraicReal& a, const Rational& q);
  /// Exact comparison (sign of the difference), with AlgebraicReal or Rational.
  ///@{
  friend bool operator==(const AlgebraicReal& a, const AlgebraicReal& b) { return compare(a, b) == 0; }
  friend std::strong_ordering operator<=>(const AlgebraicReal& a, const AlgebraicReal& b) {
    return compare(a, b) <=> 0;
  }
  friend bool operator==(const AlgebraicReal& a, const Rational& q) { return compare(a, q) == 0; }
  friend std::strong_ordering operator<=>(const AlgebraicReal& a, const Rational& q) { return compare(a, q) <=> 0; }
  ///@}
  /// -x.
  friend AlgebraicReal operator-(const AlgebraicReal& x);
  /// c x for a rational c.
  friend AlgebraicReal operator*(const Rational& c, const AlgebraicReal& x);

  /// num(x_i) / den(x_i) for real conjugates x_i (one minimal polynomial f),
  /// as lazy values sharing one norm computation (file comment).  Throws
  /// invalid_argument if the x_i are not conjugate, domain_error if f divides den.
  friend std::vector<AlgebraicReal> evaluate(const RatPoly& num, const RatPoly& den,
                                             const std::vector<AlgebraicReal>& conjugates);

 private:
  explicit AlgebraicReal(std::shared_ptr<RealRoot> root) : root_(std::move(root)) {}
  // Narrows a lazy value's enclosure by about `bits` bits.
  void narrow(long bits) const;
  // Replaces a lazy value by its canonical form.
  void canonicalize() const;
  mutable std::shared_ptr<RealRoot> root_;                // canonical form (null while lazy)
  mutable std::shared_ptr<detail::LazyAlgebraic> lazy_;  // (num, den, zeta) and enclosure, while lazy
};

/// q(x_1), ..., q(x_m) for real conjugates x_i.
std::vector<AlgebraicReal> evaluate(const RatPoly& q, const std::vector<AlgebraicReal>& conjugates);
/// q(x).
AlgebraicReal evaluate(const RatPoly& q, const AlgebraicReal& x);
/// num(x) / den(x); throws domain_error if den(x) = 0.
AlgebraicReal evaluate(const RatPoly& num, const RatPoly& den, const AlgebraicReal& x);

/// x rounded to `digits` significant digits (decimal.hpp).
std::string to_decimal(const AlgebraicReal& x, int digits);

/// Prints the decimal with default_digits digits and, for an irrational x,
/// " (root of m in [lo, hi])".
std::ostream& operator<<(std::ostream& os, const AlgebraicReal& x);

}  // namespace lcngeom

#endif
