// lcngeom/rational.hpp -- Rational: an RAII value type over FLINT's fmpq.
//
// Always in canonical form (gcd(num, den) = 1, den > 0).  Text forms accepted
// by Rational(std::string_view): "-3", "22/7", "0.125", "-1.5e-3" (decimals
// are read exactly: 0.1 is 1/10).  Division by zero and "1/0" throw.
//
// Built-in integers convert implicitly, so mixed arithmetic and comparisons
// read as on paper; text and Integer convert only explicitly:
//
//   lcngeom::Rational r = 3;            // implicit from int
//   r = 1 - r / 4;                      // 1/4
//   bool ok = r < 1 && 4 * r == 1;      // true
//   lcngeom::Rational q("22/7"), s(lcngeom::Integer(5));
//
// The fmpq itself is reached with raw(), which needs the opt-in header
// <lcngeom/flint.hpp>; this header includes no FLINT header.
#ifndef LCNGEOM_RATIONAL_HPP
#define LCNGEOM_RATIONAL_HPP

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/detail/hash.hpp"
#include "lcngeom/integer.hpp"

namespace lcngeom {

/// An exact rational number in lowest terms with positive denominator (FLINT's fmpq; see the file comment).
class Rational {
 public:
  Rational() noexcept { set_small(0); }
  /// From a built-in integer (implicit: `Rational r = 3;`, `r + 1`, `r < 2`).
  template <detail::builtin_integer T>
  Rational(T value) noexcept {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_signed_v<T>) {
      if (value >= -detail::small_fmpz_max && value <= detail::small_fmpz_max) set_small(static_cast<long>(value));
      else init_slow(Integer(value));
    } else {
      if (value <= static_cast<unsigned long>(detail::small_fmpz_max)) set_small(static_cast<long>(value));
      else init_slow(Integer(value));
    }
  }
  /// The integer value/1.  Explicit: an implicit Integer -> Rational would
  /// make calls such as pow(Integer, long) ambiguous.
  explicit Rational(const Integer& value) { init_slow(value); }
  /// num/den in lowest terms; throws domain_error if den == 0.
  Rational(const Integer& num, const Integer& den);
  /// num/den in lowest terms; throws domain_error if den == 0.
  Rational(long num, long den);
  /// Parses "p", "p/q" or a decimal "d.ddd[e±k]"; throws parse_error / domain_error.
  explicit Rational(std::string_view text);
  /// Copies a FLINT fmpq (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<Rational> F>
  explicit Rational(const F* value) : Rational(from_flint, value) {}

  /// Value semantics: copies are deep, a moved-from rational is 0.
  ///@{
  Rational(const Rational& other) {
    if (other.is_big()) init_copy_slow(other);
    else v_.copy_bytes_from(other.v_);
  }
  Rational(Rational&& other) noexcept {
    v_.copy_bytes_from(other.v_);  // steal both words, leave 0/1 behind
    other.set_small(0);
  }
  Rational& operator=(const Rational& other) {
    if (is_big() || other.is_big()) assign_slow(other);
    else v_.copy_bytes_from(other.v_);
    return *this;
  }
  Rational& operator=(Rational&& other) noexcept {
    v_.swap(other.v_);
    return *this;
  }
  ///@}
  ~Rational() {
    if (is_big()) clear_slow();
  }

  /// The fmpq (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = Rational>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpq (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = Rational>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// The numerator (sign of the value).
  Integer numerator() const;
  /// The denominator (positive).
  Integer denominator() const;
  /// -1, 0 or 1.
  int sign() const noexcept {
    const long n = v_.word(0);
    return detail::fmpz_word_is_big(n) ? sign_slow() : (n > 0) - (n < 0);
  }
  /// The value is 0.
  bool is_zero() const noexcept { return v_.word(0) == 0; }
  /// The value is 1.
  bool is_one() const noexcept { return v_.word(0) == 1 && v_.word(1) == 1; }
  /// The denominator is 1.
  bool is_integer() const noexcept { return v_.word(1) == 1; }
  /// A double rounded towards zero (an approximation, not certified).
  double to_double() const;
  /// "p" or "p/q".
  std::string to_string() const;
  /// A hash consistent with ==.
  std::size_t hash() const noexcept {
    if (is_big()) return hash_slow();
    return detail::hash_combine(static_cast<std::size_t>(v_.word(0)), static_cast<std::size_t>(v_.word(1)));
  }

  /// Exact in-place arithmetic.
  ///@{
  Rational& operator+=(const Rational& o);
  Rational& operator-=(const Rational& o);
  Rational& operator*=(const Rational& o);
  ///@}
  /// Throws domain_error on division by zero.
  Rational& operator/=(const Rational& o);

  /// Exact arithmetic.
  ///@{
  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  ///@}
  /// Throws domain_error on division by zero.
  friend Rational operator/(const Rational& a, const Rational& b);
  /// Negation.
  friend Rational operator-(const Rational& a);

  /// Exact comparison.
  ///@{
  friend bool operator==(const Rational& a, const Rational& b) noexcept {
    if (!a.is_big() && !b.is_big()) return a.v_.word(0) == b.v_.word(0) && a.v_.word(1) == b.v_.word(1);
    return cmp_slow(a, b) == 0;
  }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b) noexcept {
    if (a.is_integer() && b.is_integer() && !a.is_big() && !b.is_big()) return a.v_.word(0) <=> b.v_.word(0);
    const int c = cmp_slow(a, b);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  ///@}

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  Rational(FromFlint, const void* fmpq_value);

  // Words 0 and 1 are the fmpz numerator and denominator (checked in flint.hpp).
  bool is_big() const noexcept { return detail::fmpz_word_is_big(v_.word(0)) || detail::fmpz_word_is_big(v_.word(1)); }
  void set_small(long n) noexcept {
    v_.set_word(0, n);
    v_.set_word(1, 1);
  }
  void init_slow(const Integer& value);
  void init_copy_slow(const Rational& other);
  void assign_slow(const Rational& other);
  void clear_slow() noexcept;
  int sign_slow() const noexcept;
  std::size_t hash_slow() const noexcept;
  static int cmp_slow(const Rational& a, const Rational& b) noexcept;

  detail::FlintCell<Rational, 2> v_;
};

/// |a|.
Rational abs(const Rational& a);
/// a^e for an integer exponent; throws domain_error for 0^negative.
Rational pow(const Rational& a, long exponent);

/// Writes to_string(): "p/q" or "p".
std::ostream& operator<<(std::ostream& os, const Rational& a);

}  // namespace lcngeom

/// std::hash support, so that Rational can key unordered containers.
template <>
struct std::hash<lcngeom::Rational> {
  /// Rational::hash().
  std::size_t operator()(const lcngeom::Rational& a) const noexcept { return a.hash(); }
};

#endif
