// Rational: the FLINT calls behind rational.hpp (whose inline code handles
// small values without FLINT), exact parsing of integers, fractions and
// decimals, printing.
#include "lcngeom/rational.hpp"

#include <ostream>

#include "lcngeom/flint.hpp"

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

Rational::Rational(FromFlint, const void* value) {
  fmpq_init(v_);
  fmpq_set(v_, static_cast<const fmpq*>(value));
}
void Rational::init_slow(const Integer& value) {
  fmpq_init(v_);
  fmpz_set(fmpq_numref(v_.get()), value.raw());
}
void Rational::init_copy_slow(const Rational& other) {
  fmpq_init(v_);
  fmpq_set(v_, other.v_);
}
void Rational::assign_slow(const Rational& other) { fmpq_set(v_, other.v_); }
void Rational::clear_slow() noexcept { fmpq_clear(v_); }
int Rational::sign_slow() const noexcept { return fmpq_sgn(v_); }
int Rational::cmp_slow(const Rational& a, const Rational& b) noexcept { return fmpq_cmp(a.v_, b.v_); }
std::size_t Rational::hash_slow() const noexcept {
  return detail::hash_combine(Integer(fmpq_numref(v_.get())).hash(), Integer(fmpq_denref(v_.get())).hash());
}

Integer Rational::numerator() const { return Integer(fmpq_numref(v_.get())); }
Integer Rational::denominator() const { return Integer(fmpq_denref(v_.get())); }

Rational& Rational::operator+=(const Rational& o) {
  fmpq_add(v_, v_, o.v_);
  return *this;
}
Rational& Rational::operator-=(const Rational& o) {
  fmpq_sub(v_, v_, o.v_);
  return *this;
}
Rational& Rational::operator*=(const Rational& o) {
  fmpq_mul(v_, v_, o.v_);
  return *this;
}
Rational operator+(const Rational& a, const Rational& b) {
  Rational r;
  fmpq_add(r.v_, a.v_, b.v_);
  return r;
}
Rational operator-(const Rational& a, const Rational& b) {
  Rational r;
  fmpq_sub(r.v_, a.v_, b.v_);
  return r;
}
Rational operator*(const Rational& a, const Rational& b) {
  Rational r;
  fmpq_mul(r.v_, a.v_, b.v_);
  return r;
}
Rational operator/(const Rational& a, const Rational& b) {
  Rational r(a);
  r /= b;
  return r;
}
Rational operator-(const Rational& a) {
  Rational r;
  fmpq_neg(r.v_, a.v_);
  return r;
}

Rational::Rational(const Integer& num, const Integer& den) {
  fmpq_init(v_);
  if (den.is_zero()) throw domain_error("rational " + num.to_string() + "/0 has a zero denominator");
  fmpq_set_fmpz_frac(v_, num.raw(), den.raw());
}

Rational::Rational(long num, long den) : Rational(Integer(num), Integer(den)) {}

namespace {

// Reads "d.ddd[e±k]" (at least one digit) exactly into a rational.
void parse_decimal(fmpq_t out, std::string_view t, std::string_view original) {
  std::size_t i = 0;
  bool neg = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  std::string digits;
  long frac_digits = 0;
  bool seen_point = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (seen_point) ++frac_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  long exponent = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    std::size_t j = i + 1;
    bool eneg = false;
    if (j < t.size() && (t[j] == '+' || t[j] == '-')) eneg = t[j++] == '-';
    if (j == t.size()) throw parse_error("missing exponent in number '" + std::string(original) + "'", j);
    for (; j < t.size(); ++j) {
      if (t[j] < '0' || t[j] > '9') break;
      if (exponent > 100000) throw parse_error("exponent too large in '" + std::string(original) + "'", j);
      exponent = 10 * exponent + (t[j] - '0');
    }
    if (eneg) exponent = -exponent;
    i = j;
  }
  if (digits.empty() || i != t.size()) throw parse_error("malformed number '" + std::string(original) + "'", i);
  fmpz_t num, ten;
  fmpz_init(num);
  fmpz_init_set_ui(ten, 10);  // base of the scale 10^|shift|
  fmpz_set_str(num, digits.c_str(), 10);
  if (neg) fmpz_neg(num, num);
  long shift = exponent - frac_digits;
  fmpz_t scale;
  fmpz_init(scale);
  fmpz_pow_ui(scale, ten, static_cast<unsigned long>(shift < 0 ? -shift : shift));
  if (shift >= 0) {
    fmpz_mul(num, num, scale);
    fmpz_set(fmpq_numref(out), num);
    fmpz_one(fmpq_denref(out));
  } else {
    fmpq_set_fmpz_frac(out, num, scale);
  }
  fmpz_clear(scale);
  fmpz_clear(num);
  fmpz_clear(ten);
}

}  // namespace

Rational::Rational(std::string_view text) {
  fmpq_init(v_);
  std::string_view t = detail::trim(text);
  if (t.empty()) throw parse_error("expected a rational number, got an empty string", 0);
  std::size_t slash = t.find('/');
  if (slash == std::string_view::npos) {
    parse_decimal(v_, t, text);
    return;
  }
  Rational num, den;
  parse_decimal(num.v_, detail::trim(t.substr(0, slash)), text);
  parse_decimal(den.v_, detail::trim(t.substr(slash + 1)), text);
  if (den.is_zero()) throw parse_error("zero denominator in '" + std::string(text) + "'", slash);
  fmpq_div(v_, num.v_, den.v_);
}

Rational& Rational::operator/=(const Rational& o) {
  if (o.is_zero()) throw domain_error("division of " + to_string() + " by zero");
  fmpq_div(v_, v_, o.v_);
  return *this;
}

double Rational::to_double() const { return fmpq_get_d(v_); }

std::string Rational::to_string() const {
  char* s = fmpq_get_str(nullptr, 10, v_);
  std::string out(s);
  flint_free(s);
  return out;
}

Rational abs(const Rational& a) { return a.sign() < 0 ? -a : a; }

Rational pow(const Rational& a, long exponent) {
  if (a.is_zero() && exponent < 0) throw domain_error("0 raised to the negative power " + std::to_string(exponent));
  Rational r;
  fmpq_pow_si(r.raw(), a.raw(), exponent);
  return r;
}

std::ostream& operator<<(std::ostream& os, const Rational& a) { return os << a.to_string(); }

}  // namespace lcngeom
