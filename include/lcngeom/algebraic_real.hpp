// lcngeom/algebraic_real.hpp -- exact real algebraic numbers.
//
// An AlgebraicReal is a real number x algebraic over Q, held as its minimal
// polynomial m (primitive in Z[t], irreducible over Q, positive leading
// coefficient) and a rational isolating interval [lo, hi]:
//     lo == hi          iff x is rational, and then x = lo exactly (m = den t - num);
//     lo <  hi          m(lo) m(hi) < 0 and x is the only real root of m in [lo, hi].
// The pair is a canonical, exact representation: two AlgebraicReals are equal
// iff their minimal polynomials are equal and their intervals contain a
// common root, and distinct values are separated by refining the intervals
// (bisection with exact rational sign evaluations), which always terminates.
// So comparisons and sorting are exact -- never decided on decimals -- and a
// decimal is produced only when printing (decimal.hpp's digits policy).
//
// Values in a number field.  For a real root zeta of an irreducible f and
// q in Q[z], evaluate(q, zeta) returns q(zeta) as an AlgebraicReal: its
// minimal polynomial is the square-free part of the characteristic
// polynomial of multiplication by q in Q[z]/(f) (a power of the minimal
// polynomial, since Q(zeta) is a field), and the root is picked among that
// polynomial's real roots by a certified Arb enclosure of q(zeta).  This is
// how the coordinates and distances of critical points (critical_points.hpp,
// function_space_minimum.hpp) become exact values.
//
// Example:
//   auto r = lcngeom::real_roots(lcngeom::BinaryForm{1, 0, -2});   // t = -sqrt 2, sqrt 2
//   lcngeom::AlgebraicReal s(r[1]);                                 // sqrt 2
//   s.to_decimal(10);                                               // "1.414213562"
//   lcngeom::evaluate(lcngeom::RatPoly({0, 0, 1}), s) == lcngeom::AlgebraicReal(lcngeom::Rational(2));
//   s < lcngeom::Rational(3, 2);                                    // true, exact
#ifndef LCNGEOM_ALGEBRAIC_REAL_HPP
#define LCNGEOM_ALGEBRAIC_REAL_HPP

#include <compare>
#include <iosfwd>
#include <string>
#include <vector>

#include "lcngeom/ball.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

class AlgebraicReal {
 public:
  /// The number 0.
  AlgebraicReal();
  /// The rational q (minimal polynomial den t - num, interval [q, q]).
  explicit AlgebraicReal(const Rational& q);
  /// The finite root r of a form (real_roots()): its defining polynomial is
  /// Q-irreducible and its interval isolating.  Throws invalid_argument for (1:0).
  explicit AlgebraicReal(const RealRoot& r);
  /// The unique real root of p (nonzero) in [lo, hi].  Throws
  /// invalid_argument unless p has exactly one distinct real root in [lo, hi]
  /// (checked exactly: p is factored and its roots isolated).
  static AlgebraicReal root_of(const IntPoly& p, const Rational& lo, const Rational& hi);

  /// Primitive, Q-irreducible, positive leading coefficient.
  const IntPoly& minimal_polynomial() const noexcept { return root_.defining_polynomial(); }
  /// Degree of x over Q (1 iff x is rational).
  long degree() const noexcept { return minimal_polynomial().degree(); }
  const Rational& lo() const noexcept { return root_.lo(); }
  const Rational& hi() const noexcept { return root_.hi(); }
  bool is_rational() const noexcept { return root_.is_exact(); }
  /// The value if x is rational; throws domain_error otherwise.
  const Rational& rational() const;
  /// -1, 0 or 1, exact.
  int sign() const;

  /// Bisects until hi - lo <= max_width (> 0); a rational x is already exact.
  void refine(const Rational& max_width);
  /// Bisects until hi - lo <= 2^-bits (bits >= 0).
  void refine_bits(long bits);
  /// A ball containing x with relative radius about 2^-prec (radius 0 when x
  /// is a dyadic rational).  prec >= 2.
  Ball enclosure(long prec) const;

  /// x rounded to `digits` significant digits (decimal.hpp's policy), exact.
  std::string to_decimal(int digits) const;
  /// The same, refining this interval in place until every point of [lo, hi]
  /// rounds to the returned decimal (so [lo, hi] certifies it).
  std::string refine_decimal(int digits);

  /// sign(a - b), exact; refines both intervals in place (cheaper for
  /// repeated comparisons than the operators, which work on copies).
  friend int compare(AlgebraicReal& a, AlgebraicReal& b);
  /// sign(a - q), exact; refines a in place.
  friend int compare(AlgebraicReal& a, const Rational& q);

  friend bool operator==(const AlgebraicReal& a, const AlgebraicReal& b);
  friend std::strong_ordering operator<=>(const AlgebraicReal& a, const AlgebraicReal& b);
  friend bool operator==(const AlgebraicReal& a, const Rational& q);
  friend std::strong_ordering operator<=>(const AlgebraicReal& a, const Rational& q);
  /// -x.
  friend AlgebraicReal operator-(const AlgebraicReal& x);
  /// c x for a rational c (minimal polynomial c^d m(t / c), made primitive).
  friend AlgebraicReal operator*(const Rational& c, const AlgebraicReal& x);

  /// The isolated root as a RealRoot of multiplicity 1.
  const RealRoot& root() const noexcept { return root_; }

 private:
  struct Trusted {};
  AlgebraicReal(RealRoot r, Trusted) : root_(std::move(r)) {}
  friend std::vector<AlgebraicReal> evaluate(const RatPoly& q, std::vector<AlgebraicReal> conjugates);
  RealRoot root_;
};

/// q(x_1), ..., q(x_m) for real conjugates x_i (AlgebraicReals with one and
/// the same minimal polynomial f): the minimal polynomial of q(x) is computed
/// once (file comment).  Throws invalid_argument if the x_i are not conjugate.
std::vector<AlgebraicReal> evaluate(const RatPoly& q, std::vector<AlgebraicReal> conjugates);
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
