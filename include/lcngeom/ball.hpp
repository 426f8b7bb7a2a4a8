// lcngeom/ball.hpp -- Ball: an RAII value type over Arb's arb_t.
//
// A Ball is a certified real enclosure [mid - rad, mid + rad].  Operations
// take the working precision in bits as their last argument (Arb's
// convention); results always contain the exact result of the operation on
// any points of the operand balls.  Predicates return certainty only:
// contains() / is_positive() etc. are "certainly" answers, so "false" means
// "not certified", not "the opposite holds".  The arb_t is reached with
// raw(), which needs the opt-in header <lcngeom/flint.hpp>.
#ifndef LCNGEOM_BALL_HPP
#define LCNGEOM_BALL_HPP

#include <iosfwd>
#include <string>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// A certified real enclosure [mid - rad, mid + rad] (Arb's arb_t; see the file comment).
class Ball {
 public:
  /// The exact ball 0.
  Ball() noexcept;
  /// The exact value (radius 0) for an integer or a dyadic; a rational is
  /// enclosed at `prec` bits.
  explicit Ball(long value) noexcept;
  /// Ball(long(value)): exact.
  explicit Ball(int value) noexcept : Ball(static_cast<long>(value)) {}
  /// An enclosure of the rational `value` at `prec` bits (exact when the rational is dyadic and fits).
  Ball(const Rational& value, long prec);
  /// [lo, hi] (lo <= hi), rounded outward at `prec` bits.
  static Ball from_interval(const Rational& lo, const Rational& hi, long prec);
  /// Copies an Arb arb_t (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<Ball> F>
  explicit Ball(const F* x) : Ball(from_flint, x) {}

  /// Value semantics: copies are deep, a moved-from ball is 0.
  ///@{
  Ball(const Ball& o);
  Ball(Ball&& o) noexcept : Ball() { v_.swap(o.v_); }
  Ball& operator=(const Ball& o);
  Ball& operator=(Ball&& o) noexcept {
    v_.swap(o.v_);
    return *this;
  }
  ///@}
  ~Ball();

  /// The arb_struct (Arb escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = Ball>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The arb_t (Arb escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = Ball>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// Radius 0: the ball is a single (dyadic) number.
  bool is_exact() const noexcept;
  /// Midpoint and radius are finite.
  bool is_finite() const noexcept;
  /// Exact rational lower / upper endpoints (throws domain_error if infinite).
  Rational lower() const;
  /// See lower().
  Rational upper() const;
  /// The midpoint, exactly (a dyadic rational); throws domain_error if infinite.
  Rational midpoint() const;
  /// Upper bound on the radius as an exact rational.
  Rational radius() const;
  /// The midpoint rounded to the nearest double (an approximation, not certified).
  double mid_double() const;
  /// Certainly contains the rational q.
  bool contains(const Rational& q) const;
  /// Certainly > 0 (false means not certified, not "<= 0").
  bool is_positive() const noexcept;
  /// Certainly < 0 (false means not certified, not ">= 0").
  bool is_negative() const noexcept;
  /// The ball contains 0 (so its sign is not certified).
  bool contains_zero() const noexcept;
  /// Arb's midpoint-radius form "[1.41421356 +/- 2.38e-9]" with at most
  /// `digits` digits of the midpoint (diagnostics; decimals of the digits
  /// policy come from to_decimal(), decimal.hpp).
  std::string to_string(long digits = 15) const;

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  Ball(FromFlint, const void* arb_value);

  detail::FlintCell<Ball, 6> v_;
};

/// Certified a + b at `prec` bits.
Ball add(const Ball& a, const Ball& b, long prec);
/// Certified a - b at `prec` bits.
Ball sub(const Ball& a, const Ball& b, long prec);
/// Certified a * b at `prec` bits.
Ball mul(const Ball& a, const Ball& b, long prec);
/// Throws domain_error if b contains zero.
Ball div(const Ball& a, const Ball& b, long prec);
/// -a, exact.
Ball neg(const Ball& a);
/// sqrt of a ball; throws domain_error unless the ball is certainly >= 0.
Ball sqrt(const Ball& a, long prec);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const Ball& b);

}  // namespace lcngeom

#endif
