// IntPoly: the FLINT calls behind int_poly.hpp.
#include "lcngeom/int_poly.hpp"

#include <ostream>

#include "lcngeom/flint.hpp"

#include "lcngeom/error.hpp"

namespace lcngeom {

IntPoly::IntPoly() noexcept { fmpz_poly_init(v_); }
IntPoly::IntPoly(FromFlint, const void* p) {
  fmpz_poly_init(v_);
  fmpz_poly_set(v_, static_cast<const fmpz_poly_struct*>(p));
}
IntPoly::IntPoly(const IntPoly& o) {
  fmpz_poly_init(v_);
  fmpz_poly_set(v_, o.v_);
}
IntPoly& IntPoly::operator=(const IntPoly& o) {
  fmpz_poly_set(v_, o.v_);
  return *this;
}
IntPoly::~IntPoly() { fmpz_poly_clear(v_); }

std::size_t IntPoly::hash() const noexcept {
  std::size_t h = detail::hash_mix(static_cast<std::size_t>(length()));
  for (long i = 0; i < length(); ++i) h = detail::hash_combine(h, Integer(v_->coeffs + i).hash());
  return h;
}

IntPoly operator+(const IntPoly& a, const IntPoly& b) {
  IntPoly r;
  fmpz_poly_add(r.v_, a.v_, b.v_);
  return r;
}
IntPoly operator-(const IntPoly& a, const IntPoly& b) {
  IntPoly r;
  fmpz_poly_sub(r.v_, a.v_, b.v_);
  return r;
}
IntPoly operator*(const IntPoly& a, const IntPoly& b) {
  IntPoly r;
  fmpz_poly_mul(r.v_, a.v_, b.v_);
  return r;
}
IntPoly operator*(const Integer& c, const IntPoly& b) {
  IntPoly r;
  fmpz_poly_scalar_mul_fmpz(r.v_, b.v_, c.raw());
  return r;
}
bool operator==(const IntPoly& a, const IntPoly& b) noexcept { return fmpz_poly_equal(a.v_, b.v_); }

IntPoly::IntPoly(const std::vector<Integer>& ascending) {
  fmpz_poly_init2(v_, static_cast<slong>(ascending.size()));
  for (std::size_t i = 0; i < ascending.size(); ++i)
    fmpz_poly_set_coeff_fmpz(v_, static_cast<slong>(i), ascending[i].raw());
}

IntPoly::IntPoly(const std::vector<long>& ascending) {
  fmpz_poly_init2(v_, static_cast<slong>(ascending.size()));
  for (std::size_t i = 0; i < ascending.size(); ++i) fmpz_poly_set_coeff_si(v_, static_cast<slong>(i), ascending[i]);
}

Integer IntPoly::coeff(long i) const {
  if (i < 0) throw invalid_argument("negative coefficient index " + std::to_string(i));
  Integer c;
  fmpz_poly_get_coeff_fmpz(c.raw(), v_, i);
  return c;
}

void IntPoly::set_coeff(long i, const Integer& c) {
  if (i < 0) throw invalid_argument("negative coefficient index " + std::to_string(i));
  fmpz_poly_set_coeff_fmpz(v_, i, c.raw());
}

Integer IntPoly::leading() const { return is_zero() ? Integer() : coeff(degree()); }

Integer IntPoly::content() const {
  Integer c;
  fmpz_poly_content(c.raw(), v_);
  return c;
}

IntPoly IntPoly::primitive_part() const {
  IntPoly r;
  if (is_zero()) return r;
  fmpz_poly_primitive_part(r.v_, v_);
  if (fmpz_sgn(fmpz_poly_lead(r.v_)) < 0) fmpz_poly_neg(r.v_, r.v_);
  return r;
}

IntPoly IntPoly::derivative() const {
  IntPoly r;
  fmpz_poly_derivative(r.v_, v_);
  return r;
}

Integer IntPoly::evaluate(const Integer& t) const {
  Integer r;
  fmpz_poly_evaluate_fmpz(r.raw(), v_, t.raw());
  return r;
}

std::string IntPoly::to_string(const char* var) const {
  char* s = fmpz_poly_get_str_pretty(v_, var);
  std::string out(s);
  flint_free(s);
  return out;
}

IntPoly divexact(const IntPoly& a, const IntPoly& b) {
  if (b.is_zero()) throw domain_error("division of " + a.to_string() + " by the zero polynomial");
  IntPoly q, r;
  if (!fmpz_poly_divides(q.raw(), a.raw(), b.raw()))
    throw domain_error(b.to_string() + " does not divide " + a.to_string());
  return q;
}

IntPoly gcd(const IntPoly& a, const IntPoly& b) {
  IntPoly g;
  fmpz_poly_gcd(g.raw(), a.raw(), b.raw());
  return g.primitive_part();
}

IntPoly pow(const IntPoly& a, unsigned long e) {
  IntPoly r;
  fmpz_poly_pow(r.raw(), a.raw(), e);
  return r;
}

std::ostream& operator<<(std::ostream& os, const IntPoly& p) { return os << p.to_string(); }

}  // namespace lcngeom
