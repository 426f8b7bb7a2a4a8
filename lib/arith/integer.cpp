// Integer: parsing, printing and the few non-inline operations.
#include "lcngeom/integer.hpp"

#include <ostream>

#include <flint/flint.h>

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

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
