// Ball: RAII over arb_t with exact rational endpoints.
#include "lcngeom/ball.hpp"

#include <ostream>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

Ball::Ball() noexcept { arb_init(v_); }
Ball::Ball(long value) noexcept {
  arb_init(v_);
  arb_set_si(v_, value);
}
Ball::Ball(FromFlint, const void* x) {
  arb_init(v_);
  arb_set(v_, static_cast<const arb_struct*>(x));
}
Ball::Ball(const Ball& o) {
  arb_init(v_);
  arb_set(v_, o.v_);
}
Ball& Ball::operator=(const Ball& o) {
  arb_set(v_, o.v_);
  return *this;
}
Ball::~Ball() { arb_clear(v_); }

bool Ball::is_exact() const noexcept { return arb_is_exact(v_); }
bool Ball::is_finite() const noexcept { return arb_is_finite(v_); }
bool Ball::is_positive() const noexcept { return arb_is_positive(v_); }
bool Ball::is_negative() const noexcept { return arb_is_negative(v_); }
bool Ball::contains_zero() const noexcept { return arb_contains_zero(v_); }

Ball::Ball(const Rational& value, long prec) {
  arb_init(v_);
  arb_set_fmpq(v_, value.raw(), prec);
}

Ball Ball::from_interval(const Rational& lo, const Rational& hi, long prec) {
  if (hi < lo) throw invalid_argument("empty interval [" + lo.to_string() + ", " + hi.to_string() + "]");
  Ball a(lo, prec), b(hi, prec);
  Ball r;
  arb_union(r.v_, a.v_, b.v_, prec);
  return r;
}

namespace {
Rational arf_to_rational(const arf_t x) {
  if (!arf_is_finite(x)) throw domain_error("the ball is not finite");
  Rational q;
  arf_get_fmpq(q.raw(), x);
  return q;
}
}  // namespace

namespace {
// An exact endpoint: Arb's bound functions at exact precision lose nothing.
Rational endpoint(const arb_struct* v, void (*bound)(arf_t, const arb_t, slong)) {
  arf_t t;
  arf_init(t);
  bound(t, v, ARF_PREC_EXACT);
  Rational q = arf_to_rational(t);
  arf_clear(t);
  return q;
}
}  // namespace

Rational Ball::lower() const { return endpoint(v_, arb_get_lbound_arf); }
Rational Ball::upper() const { return endpoint(v_, arb_get_ubound_arf); }

Rational Ball::midpoint() const { return arf_to_rational(arb_midref(v_)); }

Rational Ball::radius() const {
  arf_t t;
  arf_init(t);
  arf_set_mag(t, arb_radref(v_));
  Rational q = arf_to_rational(t);
  arf_clear(t);
  return q;
}

double Ball::mid_double() const { return arf_get_d(arb_midref(v_), ARF_RND_NEAR); }

bool Ball::contains(const Rational& q) const { return arb_contains_fmpq(v_, q.raw()); }

std::string Ball::to_string(long digits) const {
  char* s = arb_get_str(v_, digits, 0);
  std::string out(s);
  flint_free(s);
  return out;
}

Ball add(const Ball& a, const Ball& b, long prec) {
  Ball r;
  arb_add(r.raw(), a.raw(), b.raw(), prec);
  return r;
}
Ball sub(const Ball& a, const Ball& b, long prec) {
  Ball r;
  arb_sub(r.raw(), a.raw(), b.raw(), prec);
  return r;
}
Ball mul(const Ball& a, const Ball& b, long prec) {
  Ball r;
  arb_mul(r.raw(), a.raw(), b.raw(), prec);
  return r;
}
Ball neg(const Ball& a) {
  Ball r;
  arb_neg(r.raw(), a.raw());
  return r;
}

Ball div(const Ball& a, const Ball& b, long prec) {
  if (b.contains_zero()) throw domain_error("division by a ball containing zero: " + b.to_string());
  Ball r;
  arb_div(r.raw(), a.raw(), b.raw(), prec);
  return r;
}

Ball sqrt(const Ball& a, long prec) {
  if (!arb_is_nonnegative(a.raw())) throw domain_error("square root of a ball not certainly >= 0: " + a.to_string());
  Ball r;
  arb_sqrt(r.raw(), a.raw(), prec);
  return r;
}

std::ostream& operator<<(std::ostream& os, const Ball& b) { return os << b.to_string(); }

}  // namespace lcngeom
