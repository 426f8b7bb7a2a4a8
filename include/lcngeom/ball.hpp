// lcngeom/ball.hpp -- Ball: an RAII value type over Arb's arb_t.
//
// A Ball is a certified real enclosure [mid - rad, mid + rad].  Operations
// take the working precision in bits as their last argument (Arb's
// convention); results always contain the exact result of the operation on
// any points of the operand balls.  Predicates return certainty only:
// contains() / is_positive() etc. are "certainly" answers, so "false" means
// "not certified", not "the opposite holds".
#ifndef LCNGEOM_BALL_HPP
#define LCNGEOM_BALL_HPP

#include <iosfwd>
#include <string>

#include <arb.h>

#include "lcngeom/rational.hpp"

namespace lcngeom {

class Ball {
 public:
  /// The exact ball 0.
  Ball() noexcept { arb_init(v_); }
  /// The exact value (radius 0) for an integer or a dyadic; a rational is
  /// enclosed at `prec` bits.
  explicit Ball(long value) noexcept {
    arb_init(v_);
    arb_set_si(v_, value);
  }
  explicit Ball(int value) noexcept : Ball(static_cast<long>(value)) {}
  Ball(const Rational& value, long prec);
  /// [lo, hi] (lo <= hi), rounded outward at `prec` bits.
  static Ball from_interval(const Rational& lo, const Rational& hi, long prec);
  explicit Ball(const arb_t x) {
    arb_init(v_);
    arb_set(v_, x);
  }

  Ball(const Ball& o) {
    arb_init(v_);
    arb_set(v_, o.v_);
  }
  Ball(Ball&& o) noexcept {
    arb_init(v_);
    arb_swap(v_, o.v_);
  }
  Ball& operator=(const Ball& o) {
    arb_set(v_, o.v_);
    return *this;
  }
  Ball& operator=(Ball&& o) noexcept {
    arb_swap(v_, o.v_);
    return *this;
  }
  ~Ball() { arb_clear(v_); }

  arb_struct* raw() noexcept { return v_; }
  const arb_struct* raw() const noexcept { return v_; }

  bool is_exact() const noexcept { return arb_is_exact(v_); }
  bool is_finite() const noexcept { return arb_is_finite(v_); }
  /// Exact rational lower / upper endpoints (throws domain_error if infinite).
  Rational lower() const;
  Rational upper() const;
  Rational midpoint() const;
  /// Upper bound on the radius as an exact rational.
  Rational radius() const;
  double mid_double() const;
  /// Certainly contains the rational q.
  bool contains(const Rational& q) const;
  bool is_positive() const noexcept { return arb_is_positive(v_); }
  bool is_negative() const noexcept { return arb_is_negative(v_); }
  bool contains_zero() const noexcept { return arb_contains_zero(v_); }
  /// Arb's midpoint-radius form "[1.41421356 +/- 2.38e-9]" with at most
  /// `digits` digits of the midpoint (diagnostics; decimals of the digits
  /// policy come from to_decimal(), decimal.hpp).
  std::string to_string(long digits = 15) const;

 private:
  arb_t v_;
};

Ball add(const Ball& a, const Ball& b, long prec);
Ball sub(const Ball& a, const Ball& b, long prec);
Ball mul(const Ball& a, const Ball& b, long prec);
/// Throws domain_error if b contains zero.
Ball div(const Ball& a, const Ball& b, long prec);
Ball neg(const Ball& a);
/// sqrt of a ball; throws domain_error unless the ball is certainly >= 0.
Ball sqrt(const Ball& a, long prec);

std::ostream& operator<<(std::ostream& os, const Ball& b);

}  // namespace lcngeom

#endif
