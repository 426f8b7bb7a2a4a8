// lcngeom/integer.hpp -- Integer: an RAII value type over FLINT's fmpz.
//
// Exact arbitrary-size integers.  Deep copy, noexcept move (the moved-from
// object is a valid zero), explicit constructors from machine integers and
// text.  raw() is the escape hatch to the underlying fmpz for FLINT calls.
#ifndef LCNGEOM_INTEGER_HPP
#define LCNGEOM_INTEGER_HPP

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <flint/fmpz.h>

namespace lcngeom {

class Integer {
 public:
  Integer() noexcept { fmpz_init(v_); }
  explicit Integer(long value) noexcept { fmpz_init_set_si(v_, value); }
  explicit Integer(long long value) noexcept : Integer(static_cast<long>(value)) {}
  explicit Integer(int value) noexcept : Integer(static_cast<long>(value)) {}
  explicit Integer(unsigned long value) noexcept { fmpz_init_set_ui(v_, value); }
  /// Copies an fmpz (escape hatch in the other direction).
  explicit Integer(const fmpz_t value) { fmpz_init_set(v_, value); }
  /// Parses a decimal integer with optional sign; throws parse_error.
  explicit Integer(std::string_view text);

  Integer(const Integer& other) { fmpz_init_set(v_, other.v_); }
  Integer(Integer&& other) noexcept {
    *v_ = *other.v_;  // an fmpz is one word: steal it, leave 0 behind
    fmpz_init(other.v_);
  }
  Integer& operator=(const Integer& other) {
    fmpz_set(v_, other.v_);
    return *this;
  }
  Integer& operator=(Integer&& other) noexcept {
    fmpz_swap(v_, other.v_);
    return *this;
  }
  ~Integer() { fmpz_clear(v_); }

  fmpz* raw() noexcept { return v_; }
  const fmpz* raw() const noexcept { return v_; }

  int sign() const noexcept { return fmpz_sgn(v_); }
  bool is_zero() const noexcept { return fmpz_is_zero(v_); }
  bool is_one() const noexcept { return fmpz_is_one(v_); }
  bool fits_long() const noexcept { return fmpz_fits_si(v_); }
  /// Value as a long; throws domain_error if it does not fit.
  long to_long() const;
  double to_double() const noexcept { return fmpz_get_d(v_); }
  /// Number of bits of |value| (0 for 0).
  long bits() const noexcept { return static_cast<long>(fmpz_bits(v_)); }
  std::string to_string() const;

  Integer& operator+=(const Integer& o) {
    fmpz_add(v_, v_, o.v_);
    return *this;
  }
  Integer& operator-=(const Integer& o) {
    fmpz_sub(v_, v_, o.v_);
    return *this;
  }
  Integer& operator*=(const Integer& o) {
    fmpz_mul(v_, v_, o.v_);
    return *this;
  }

  friend Integer operator+(const Integer& a, const Integer& b) {
    Integer r;
    fmpz_add(r.v_, a.v_, b.v_);
    return r;
  }
  friend Integer operator-(const Integer& a, const Integer& b) {
    Integer r;
    fmpz_sub(r.v_, a.v_, b.v_);
    return r;
  }
  friend Integer operator*(const Integer& a, const Integer& b) {
    Integer r;
    fmpz_mul(r.v_, a.v_, b.v_);
    return r;
  }
  friend Integer operator-(const Integer& a) {
    Integer r;
    fmpz_neg(r.v_, a.v_);
    return r;
  }

  friend bool operator==(const Integer& a, const Integer& b) noexcept { return fmpz_equal(a.v_, b.v_); }
  friend std::strong_ordering operator<=>(const Integer& a, const Integer& b) noexcept {
    int c = fmpz_cmp(a.v_, b.v_);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }

 private:
  fmpz_t v_;
};

/// Exact quotient a/b; throws domain_error if b == 0 or b does not divide a.
Integer divexact(const Integer& a, const Integer& b);
/// Non-negative gcd; gcd(0, 0) = 0.
Integer gcd(const Integer& a, const Integer& b);
Integer abs(const Integer& a);
Integer pow(const Integer& base, unsigned long exponent);

std::ostream& operator<<(std::ostream& os, const Integer& a);

}  // namespace lcngeom

#endif
