// lcngeom/integer.hpp -- Integer: an RAII value type over FLINT's fmpz.
//
// Exact arbitrary-size integers.  Deep copy, noexcept move (the moved-from
// object is a valid zero).  Built-in integers convert implicitly, so mixed
// arithmetic and comparisons read naturally; text converts only explicitly:
//
//   lcngeom::Integer a = 3;             // implicit from int
//   a = a * a + 1;                      // 10
//   bool big = a > 5 && 2 * a == 20;    // true
//   lcngeom::Integer b("123456789012345678901234567890");
//
// The fmpz itself is reached with raw(), which needs the opt-in header
// <lcngeom/flint.hpp>; this header includes no FLINT header.  Small values
// (|a| < 2^62) stay in one machine word, and the common operations on them
// (copy, destruction, comparison, sign, hash) do not call FLINT.
#ifndef LCNGEOM_INTEGER_HPP
#define LCNGEOM_INTEGER_HPP

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/detail/hash.hpp"

namespace lcngeom {

/// An exact integer of any size (FLINT's fmpz; see the file comment).
class Integer {
 public:
  Integer() noexcept { v_.set_word(0, 0); }
  /// From a built-in integer (implicit: `Integer a = 3;`, `a + 1`, `a == 2`).
  template <detail::builtin_integer T>
  Integer(T value) noexcept {  // NOLINT(google-explicit-constructor)
    if constexpr (std::is_signed_v<T>) {
      if (value >= -detail::small_fmpz_max && value <= detail::small_fmpz_max) v_.set_word(0, static_cast<long>(value));
      else init_slow(static_cast<long>(value));
    } else {
      if (value <= static_cast<unsigned long>(detail::small_fmpz_max)) v_.set_word(0, static_cast<long>(value));
      else init_slow(static_cast<unsigned long>(value));
    }
  }
  /// Parses a decimal integer with optional sign; throws parse_error.
  explicit Integer(std::string_view text);
  /// Copies a FLINT fmpz (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<Integer> F>
  explicit Integer(const F* value) : Integer(from_flint, value) {}

  /// Value semantics: copies are deep, a moved-from integer is 0.
  ///@{
  Integer(const Integer& other) {
    if (other.is_big()) init_copy_slow(other);
    else v_.copy_bytes_from(other.v_);
  }
  Integer(Integer&& other) noexcept {
    v_.copy_bytes_from(other.v_);  // an fmpz is one word: steal it, leave 0 behind
    other.v_.set_word(0, 0);
  }
  Integer& operator=(const Integer& other) {
    if (is_big() || other.is_big()) assign_slow(other);
    else v_.copy_bytes_from(other.v_);
    return *this;
  }
  Integer& operator=(Integer&& other) noexcept {
    v_.swap(other.v_);
    return *this;
  }
  ///@}
  ~Integer() {
    if (is_big()) clear_slow();
  }

  /// The fmpz (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = Integer>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpz (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = Integer>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  /// -1, 0 or 1.
  int sign() const noexcept {
    const long w = v_.word(0);
    return is_big() ? sign_slow() : (w > 0) - (w < 0);
  }
  /// The value is 0.
  bool is_zero() const noexcept { return v_.word(0) == 0; }
  /// The value is 1.
  bool is_one() const noexcept { return v_.word(0) == 1; }
  /// The value fits a long (to_long() will not throw).
  bool fits_long() const noexcept { return !is_big() || fits_long_slow(); }
  /// Value as a long; throws domain_error if it does not fit.
  long to_long() const;
  /// A double rounded towards zero (an approximation, not certified).
  double to_double() const noexcept;
  /// Number of bits of |value| (0 for 0).
  long bits() const noexcept;
  /// Decimal digits, with a leading '-' for negative values.
  std::string to_string() const;
  /// A hash consistent with ==.
  std::size_t hash() const noexcept {
    return is_big() ? hash_slow() : detail::hash_mix(static_cast<std::size_t>(v_.word(0)));
  }

  /// Exact in-place arithmetic.
  ///@{
  Integer& operator+=(const Integer& o);
  Integer& operator-=(const Integer& o);
  Integer& operator*=(const Integer& o);
  ///@}

  /// Exact arithmetic.
  ///@{
  friend Integer operator+(const Integer& a, const Integer& b);
  friend Integer operator-(const Integer& a, const Integer& b);
  friend Integer operator*(const Integer& a, const Integer& b);
  friend Integer operator-(const Integer& a);
  ///@}

  /// Exact comparison.
  ///@{
  friend bool operator==(const Integer& a, const Integer& b) noexcept {
    if (!a.is_big() && !b.is_big()) return a.v_.word(0) == b.v_.word(0);
    return cmp_slow(a, b) == 0;
  }
  friend std::strong_ordering operator<=>(const Integer& a, const Integer& b) noexcept {
    if (!a.is_big() && !b.is_big()) return a.v_.word(0) <=> b.v_.word(0);
    const int c = cmp_slow(a, b);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  ///@}

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  Integer(FromFlint, const void* fmpz_value);

  bool is_big() const noexcept { return detail::fmpz_word_is_big(v_.word(0)); }
  void init_slow(long value) noexcept;
  void init_slow(unsigned long value) noexcept;
  void init_copy_slow(const Integer& other);
  void assign_slow(const Integer& other);
  void clear_slow() noexcept;
  int sign_slow() const noexcept;
  bool fits_long_slow() const noexcept;
  std::size_t hash_slow() const noexcept;
  static int cmp_slow(const Integer& a, const Integer& b) noexcept;

  detail::FlintCell<Integer, 1> v_;
};

/// Exact quotient a/b; throws domain_error if b == 0 or b does not divide a.
Integer divexact(const Integer& a, const Integer& b);
/// Non-negative gcd; gcd(0, 0) = 0.
Integer gcd(const Integer& a, const Integer& b);
/// |a|.
Integer abs(const Integer& a);
/// base^exponent, exact (0^0 = 1).
Integer pow(const Integer& base, unsigned long exponent);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const Integer& a);

}  // namespace lcngeom

/// std::hash support, so that Integer can key unordered containers.
template <>
struct std::hash<lcngeom::Integer> {
  /// Integer::hash().
  std::size_t operator()(const lcngeom::Integer& a) const noexcept { return a.hash(); }
};

#endif
