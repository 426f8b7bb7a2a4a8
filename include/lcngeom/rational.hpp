// lcngeom/rational.hpp -- Rational: an RAII value type over FLINT's fmpq.
//
// Always in canonical form (gcd(num, den) = 1, den > 0).  Text forms accepted
// by Rational(std::string_view): "-3", "22/7", "0.125", "-1.5e-3" (decimals
// are read exactly: 0.1 is 1/10).  Division by zero and "1/0" throw.
#ifndef LCNGEOM_RATIONAL_HPP
#define LCNGEOM_RATIONAL_HPP

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include <flint/fmpq.h>

#include "lcngeom/integer.hpp"

namespace lcngeom {

class Rational {
 public:
  Rational() noexcept { fmpq_init(v_); }
  explicit Rational(long value) noexcept {
    fmpq_init(v_);
    fmpz_set_si(fmpq_numref(v_), value);
  }
  explicit Rational(int value) noexcept : Rational(static_cast<long>(value)) {}
  explicit Rational(long long value) noexcept : Rational(static_cast<long>(value)) {}
  explicit Rational(const Integer& value) {
    fmpq_init(v_);
    fmpz_set(fmpq_numref(v_), value.raw());
  }
  /// num/den in lowest terms; throws domain_error if den == 0.
  Rational(const Integer& num, const Integer& den);
  Rational(long num, long den);
  explicit Rational(const fmpq_t value) {
    fmpq_init(v_);
    fmpq_set(v_, value);
  }
  /// Parses "p", "p/q" or a decimal "d.ddd[e±k]"; throws parse_error / domain_error.
  explicit Rational(std::string_view text);

  Rational(const Rational& other) {
    fmpq_init(v_);
    fmpq_set(v_, other.v_);
  }
  Rational(Rational&& other) noexcept {
    *v_ = *other.v_;  // steal both words, leave 0/1 behind
    fmpq_init(other.v_);
  }
  Rational& operator=(const Rational& other) {
    fmpq_set(v_, other.v_);
    return *this;
  }
  Rational& operator=(Rational&& other) noexcept {
    fmpq_swap(v_, other.v_);
    return *this;
  }
  ~Rational() { fmpq_clear(v_); }

  fmpq* raw() noexcept { return v_; }
  const fmpq* raw() const noexcept { return v_; }

  Integer numerator() const { return Integer(fmpq_numref(v_)); }
  Integer denominator() const { return Integer(fmpq_denref(v_)); }
  int sign() const noexcept { return fmpq_sgn(v_); }
  bool is_zero() const noexcept { return fmpq_is_zero(v_); }
  bool is_one() const noexcept { return fmpq_is_one(v_); }
  bool is_integer() const noexcept { return fmpz_is_one(fmpq_denref(v_)); }
  double to_double() const;
  /// "p" or "p/q".
  std::string to_string() const;

  Rational& operator+=(const Rational& o) {
    fmpq_add(v_, v_, o.v_);
    return *this;
  }
  Rational& operator-=(const Rational& o) {
    fmpq_sub(v_, v_, o.v_);
    return *this;
  }
  Rational& operator*=(const Rational& o) {
    fmpq_mul(v_, v_, o.v_);
    return *this;
  }
  /// Throws domain_error on division by zero.
  Rational& operator/=(const Rational& o);

  friend Rational operator+(const Rational& a, const Rational& b) {
    Rational r;
    fmpq_add(r.v_, a.v_, b.v_);
    return r;
  }
  friend Rational operator-(const Rational& a, const Rational& b) {
    Rational r;
    fmpq_sub(r.v_, a.v_, b.v_);
    return r;
  }
  friend Rational operator*(const Rational& a, const Rational& b) {
    Rational r;
    fmpq_mul(r.v_, a.v_, b.v_);
    return r;
  }
  friend Rational operator/(const Rational& a, const Rational& b) {
    Rational r(a);
    r /= b;
    return r;
  }
  friend Rational operator-(const Rational& a) {
    Rational r;
    fmpq_neg(r.v_, a.v_);
    return r;
  }

  friend bool operator==(const Rational& a, const Rational& b) noexcept { return fmpq_equal(a.v_, b.v_); }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b) noexcept {
    int c = fmpq_cmp(a.v_, b.v_);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }

 private:
  fmpq_t v_;
};

Rational abs(const Rational& a);
/// a^e for an integer exponent; throws domain_error for 0^negative.
Rational pow(const Rational& a, long exponent);

std::ostream& operator<<(std::ostream& os, const Rational& a);

}  // namespace lcngeom

#endif
