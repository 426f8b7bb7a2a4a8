// Integer: the FLINT calls behind integer.hpp (whose inline code handles
// small values without FLINT), parsing and printing.
#include "lcngeom/integer.hpp"

#include <ostream>

#include "lcngeom/flint.hpp"

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

Integer::Integer(FromFlint, const void* value) { fmpz_init_set(v_, static_cast<const fmpz*>(value)); }
void Integer::init_slow(long value) noexcept { fmpz_init_set_si(v_, value); }
void Integer::init_slow(unsigned long value) noexcept { fmpz_init_set_ui(v_, value); }
void Integer::init_copy_slow(const Integer& other) { fmpz_init_set(v_, other.v_); }
void Integer::assign_slow(const Integer& other) { fmpz_set(v_, other.v_); }
void Integer::clear_slow() noexcept { fmpz_clear(v_); }
int Integer::sign_slow() const noexcept { return fmpz_sgn(v_); }
bool Integer::fits_long_slow() const noexcept { return fmpz_fits_si(v_); }
int Integer::cmp_slow(const Integer& a, const Integer& b) noexcept { return fmpz_cmp(a.v_, b.v_); }

std::size_t Integer::hash_slow() const noexcept {
  // |value| >= 2^62: hash the limbs of the mpz and the sign (the
  // representation of a value is unique, so this agrees with ==).
  const __mpz_struct* z = COEFF_TO_PTR(*v_.get());
  std::size_t h = detail::hash_mix(static_cast<std::size_t>(z->_mp_size));
  const long n = z->_mp_size < 0 ? -static_cast<long>(z->_mp_size) : z->_mp_size;
  for (long i = 0; i < n; ++i) h = detail::hash_combine(h, static_cast<std::size_t>(z->_mp_d[i]));
  return h;
}

double Integer::to_double() const noexcept { return fmpz_get_d(v_); }
long Integer::bits() const noexcept { return static_cast<long>(fmpz_bits(v_)); }

Integer& Integer::operator+=(const Integer& o) {
  fmpz_add(v_, v_, o.v_);
  return *this;
}
Integer& Integer::operator-=(const Integer& o) {
  fmpz_sub(v_, v_, o.v_);
  return *this;
}
Integer& Integer::operator*=(const Integer& o) {
  fmpz_mul(v_, v_, o.v_);
  return *this;
}
Integer operator+(const Integer& a, const Integer& b) {
  Integer r;
  fmpz_add(r.v_, a.v_, b.v_);
  return r;
}
Integer operator-(const Integer& a, const Integer& b) {
  Integer r;
  fmpz_sub(r.v_, a.v_, b.v_);
  return r;
}
Integer operator*(const Integer& a, const Integer& b) {
  Integer r;
  fmpz_mul(r.v_, a.v_, b.v_);
  return r;
}
Integer operator-(const Integer& a) {
  Integer r;
  fmpz_neg(r.v_, a.v_);
  return r;
}

Integer::Integer(std::string_view text) {
  fmpz_init(v_);
  std::string_view t = detail::trim(text);
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  if (i == t.size()) throw parse_error("expected an integer, got '" + std::string(text) + "'", 0);
  for (std::size_t j = i; j < t.size(); ++j)
    if (t[j] < '0' || t[j] > '9')
      throw parse_error("unexpected character '" + std::string(1, t[j]) + "' in integer '" + std::string(text) + "'",
                        j);
  std::string digits(t.substr(t[0] == '+' ? 1 : 0));
  fmpz_set_str(v_, digits.c_str(), 10);
}

long Integer::to_long() const {
  if (!fmpz_fits_si(v_)) throw domain_error("integer " + to_string() + " does not fit in a long");
  return fmpz_get_si(v_);
}

std::string Integer::to_string() const {
  char* s = fmpz_get_str(nullptr, 10, v_);
  std::string out(s);
  flint_free(s);
  return out;
}

Integer divexact(const Integer& a, const Integer& b) {
  if (b.is_zero()) throw domain_error("division of " + a.to_string() + " by zero");
  if (!fmpz_divisible(a.raw(), b.raw())) throw domain_error(b.to_string() + " does not divide " + a.to_string());
  Integer r;
  fmpz_divexact(r.raw(), a.raw(), b.raw());
  return r;
}

Integer gcd(const Integer& a, const Integer& b) {
  Integer r;
  fmpz_gcd(r.raw(), a.raw(), b.raw());
  return r;
}

Integer abs(const Integer& a) {
  Integer r;
  fmpz_abs(r.raw(), a.raw());
  return r;
}

Integer pow(const Integer& base, unsigned long exponent) {
  Integer r;
  fmpz_pow_ui(r.raw(), base.raw(), exponent);
  return r;
}

std::ostream& operator<<(std::ostream& os, const Integer& a) { return os << a.to_string(); }

}  // namespace lcngeom
