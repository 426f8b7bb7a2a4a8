// Decimals of exact and certified numbers: the one formatter (decimal.hpp).
#include "lcngeom/decimal.hpp"
#include "lcngeom/flint.hpp"

#include <algorithm>

#include <flint/flint.h>
#include <flint/fmpz.h>

#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

void check_digits(int digits) {
  if (digits < 1 || digits > max_digits)
    throw invalid_argument("number of significant digits must be in 1.." + std::to_string(max_digits) + ", got " +
                           std::to_string(digits));
}

// 10^e as a rational (any sign of e).
Rational pow10(long e) { return pow(Rational(10L), e); }

// The decimal exponent of a nonzero |x|: 10^e <= |x| < 10^(e+1).
long decimal_exponent(const Rational& ax) {
  const long bits = ax.numerator().bits() - ax.denominator().bits();  // log2|x| in (bits - 1, bits + 1)
  long e = static_cast<long>(static_cast<double>(bits) * 0.30102999566398120) - 1;
  while (ax < pow10(e)) --e;
  while (!(ax < pow10(e + 1))) ++e;
  return e;
}

// x rounded to `digits` significant digits, round half to even, %g layout.
std::string round_significant(const Rational& x, int digits) {
  if (x.is_zero()) return "0";
  const Rational ax = abs(x);
  long e = decimal_exponent(ax);
  // N = round(|x| 10^(digits - 1 - e)), an integer with `digits` digits (or 10^digits after a carry).
  const Rational scaled = ax * pow10(static_cast<long>(digits) - 1 - e);
  fmpz_t q, r, twice;
  fmpz_init(q);
  fmpz_init(r);
  fmpz_init(twice);
  fmpz_fdiv_qr(q, r, fmpq_numref(scaled.raw()), fmpq_denref(scaled.raw()));
  fmpz_mul_2exp(twice, r, 1);
  const int c = fmpz_cmp(twice, fmpq_denref(scaled.raw()));
  if (c > 0 || (c == 0 && fmpz_is_odd(q))) fmpz_add_ui(q, q, 1);
  char* s = fmpz_get_str(nullptr, 10, q);
  std::string body(s);
  flint_free(s);
  fmpz_clear(q);
  fmpz_clear(r);
  fmpz_clear(twice);
  if (static_cast<long>(body.size()) > digits) {  // carry into a new digit: 9.99.. -> 10.0..
    body.pop_back();
    ++e;
  }
  while (body.size() > 1 && body.back() == '0') body.pop_back();
  std::string out = x.sign() < 0 ? "-" : "";
  if (e < -4 || e >= digits) {
    out += body[0];
    if (body.size() > 1) {
      out += '.';
      out.append(body, 1);
    }
    const long ae = e < 0 ? -e : e;
    out += e < 0 ? "e-" : "e+";
    if (ae < 10) out += '0';
    out += std::to_string(ae);
  } else if (e < 0) {
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "0." + std::string.
    out += "0.";
    out.append(static_cast<std::size_t>(-e - 1), '0');
    out += body;
  } else {
    const std::size_t int_digits = static_cast<std::size_t>(e) + 1;
    if (body.size() <= int_digits) {
      out += body;
      out.append(int_digits - body.size(), '0');
    } else {
      out.append(body, 0, int_digits);
      out += '.';
      out.append(body, int_digits);
    }
  }
  return out;
}

}  // namespace

long bits_for_digits(int digits) {
  check_digits(digits);
  // 3322 / 1000 > log2(10) = 3.32193: never fewer bits than needed.
  return (static_cast<long>(digits) * 3322 + 999) / 1000 + 32;
}

std::optional<std::string> decimal_if_decided(const Rational& lo, const Rational& hi, int digits) {
  check_digits(digits);
  if (hi < lo) throw invalid_argument("empty enclosure [" + lo.to_string() + ", " + hi.to_string() + "]");
  // Rounding to nearest is monotone, so [lo, hi] is decided iff both ends round alike.
  std::string a = round_significant(lo, digits);
  if (lo == hi) return a;
  if (a != round_significant(hi, digits)) return std::nullopt;
  return a;
}

std::string to_decimal(const Rational& x, int digits) { return *decimal_if_decided(x, x, digits); }

std::string to_decimal(const Ball& x, int digits) {
  check_digits(digits);
  if (x.is_finite()) {
    const Rational lo = x.lower(), hi = x.upper();
    if (lo == hi) return to_decimal(lo, digits);
    if (lo.sign() != hi.sign()) return x.to_string(3);  // straddles or touches 0: no digit is decided
    // At most about log10(|x| / width) + 1 digits can be decided: start there.
    const long most = decimal_exponent(std::min(abs(lo), abs(hi))) - decimal_exponent(hi - lo) + 2;
    const int start = static_cast<int>(std::max(1L, std::min(static_cast<long>(digits), most)));
    for (int k = start; k >= 1; --k)
      if (std::optional<std::string> d = decimal_if_decided(lo, hi, k)) return *d;
  }
  return x.to_string(3);
}

}  // namespace lcngeom
