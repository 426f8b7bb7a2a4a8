// RatPoly: the FLINT calls behind rat_poly.hpp.
#include "lcngeom/rat_poly.hpp"

#include <ostream>

#include "lcngeom/flint.hpp"

#include "lcngeom/error.hpp"

namespace lcngeom {

RatPoly::RatPoly() noexcept { fmpq_poly_init(v_); }
RatPoly::RatPoly(const IntPoly& p) {
  fmpq_poly_init(v_);
  fmpq_poly_set_fmpz_poly(v_, p.raw());
}
RatPoly::RatPoly(FromFlint, const void* p) {
  fmpq_poly_init(v_);
  fmpq_poly_set(v_, static_cast<const fmpq_poly_struct*>(p));
}
RatPoly::RatPoly(const RatPoly& o) {
  fmpq_poly_init(v_);
  fmpq_poly_set(v_, o.v_);
}
RatPoly& RatPoly::operator=(const RatPoly& o) {
  fmpq_poly_set(v_, o.v_);
  return *this;
}
RatPoly::~RatPoly() { fmpq_poly_clear(v_); }

Integer RatPoly::denominator() const { return Integer(fmpq_poly_denref(v_.get())); }

std::size_t RatPoly::hash() const noexcept {
  // FLINT keeps (numerator, denominator) canonical, so equal polynomials have
  // equal words.
  std::size_t h = detail::hash_combine(static_cast<std::size_t>(length()), Integer(v_->den).hash());
  for (long i = 0; i < length(); ++i) h = detail::hash_combine(h, Integer(v_->coeffs + i).hash());
  return h;
}

RatPoly operator+(const RatPoly& a, const RatPoly& b) {
  RatPoly r;
  fmpq_poly_add(r.v_, a.v_, b.v_);
  return r;
}
RatPoly operator-(const RatPoly& a, const RatPoly& b) {
  RatPoly r;
  fmpq_poly_sub(r.v_, a.v_, b.v_);
  return r;
}
RatPoly operator-(const RatPoly& a) {
  RatPoly r;
  fmpq_poly_neg(r.v_, a.v_);
  return r;
}
RatPoly operator*(const RatPoly& a, const RatPoly& b) {
  RatPoly r;
  fmpq_poly_mul(r.v_, a.v_, b.v_);
  return r;
}
RatPoly operator*(const Rational& c, const RatPoly& b) {
  RatPoly r;
  fmpq_poly_scalar_mul_fmpq(r.v_, b.v_, c.raw());
  return r;
}
bool operator==(const RatPoly& a, const RatPoly& b) noexcept { return fmpq_poly_equal(a.v_, b.v_); }

RatPoly::RatPoly(const std::vector<Rational>& ascending) {
  fmpq_poly_init2(v_, static_cast<slong>(ascending.size()));
  for (std::size_t i = 0; i < ascending.size(); ++i)
    fmpq_poly_set_coeff_fmpq(v_, static_cast<slong>(i), ascending[i].raw());
}

Rational RatPoly::coeff(long i) const {
  if (i < 0) throw invalid_argument("negative coefficient index " + std::to_string(i));
  Rational c;
  fmpq_poly_get_coeff_fmpq(c.raw(), v_, i);
  return c;
}

void RatPoly::set_coeff(long i, const Rational& c) {
  if (i < 0) throw invalid_argument("negative coefficient index " + std::to_string(i));
  fmpq_poly_set_coeff_fmpq(v_, i, c.raw());
}

IntPoly RatPoly::numerator() const {
  IntPoly r;
  fmpq_poly_get_numerator(r.raw(), v_);
  return r;
}

IntPoly RatPoly::primitive_integer() const { return numerator().primitive_part(); }

RatPoly RatPoly::derivative() const {
  RatPoly r;
  fmpq_poly_derivative(r.v_, v_);
  return r;
}

Rational RatPoly::evaluate(const Rational& t) const {
  Rational r;
  fmpq_poly_evaluate_fmpq(r.raw(), v_, t.raw());
  return r;
}

std::string RatPoly::to_string(const char* var) const {
  char* s = fmpq_poly_get_str_pretty(v_, var);
  std::string out(s);
  flint_free(s);
  return out;
}

RatPoly divexact(const RatPoly& a, const RatPoly& b) {
  if (b.is_zero()) throw domain_error("division of " + a.to_string() + " by the zero polynomial");
  RatPoly q, r;
  fmpq_poly_divrem(q.raw(), r.raw(), a.raw(), b.raw());
  if (!r.is_zero()) throw domain_error(b.to_string() + " does not divide " + a.to_string());
  return q;
}

RatPoly gcd(const RatPoly& a, const RatPoly& b) {
  RatPoly g;
  fmpq_poly_gcd(g.raw(), a.raw(), b.raw());
  return g;
}

void divrem(RatPoly& q, RatPoly& r, const RatPoly& a, const RatPoly& b) {
  if (b.is_zero()) throw domain_error("division of " + a.to_string() + " by the zero polynomial");
  fmpq_poly_divrem(q.raw(), r.raw(), a.raw(), b.raw());
}

std::ostream& operator<<(std::ostream& os, const RatPoly& p) { return os << p.to_string(); }

}  // namespace lcngeom
