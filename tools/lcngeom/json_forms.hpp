// JSON encodings shared by the subcommands, one per definition of
// docs/lcngeom.schema.json: exact numbers are strings ("-12/5"), counts and
// multiplicities JSON integers, a form {"form", "coefficients", "degree"}, a
// partition an array of parts (descending), an rrmp {"rrmp", "rho", "gamma",
// "lambda"}, filter coefficients ("weights") an array of filters, a certified
// real {"decimal", "lo", "hi"} with lo <= x <= hi exactly.
#ifndef LCNGEOM_TOOLS_JSON_FORMS_HPP
#define LCNGEOM_TOOLS_JSON_FORMS_HPP

#include <string>

#include <nlohmann/json.hpp>

#include "lcngeom/lcngeom.hpp"

namespace lcngeom::cli {

/// {"form": "2x^4 + ...", "coefficients": ["2","0",...], "degree": n}
inline nlohmann::json form_json(const BinaryForm& p) {
  nlohmann::json coeffs = nlohmann::json::array();
  for (const Rational& c : p.coefficients()) coeffs.push_back(c.to_string());
  return {{"form", p.to_string()}, {"coefficients", coeffs}, {"degree", p.degree()}};
}

inline nlohmann::json partition_json(const Partition& p) { return p.parts(); }

/// {"rrmp": "112|0", "rho": [1,1,2], "gamma": [], "lambda": [2,1,1]}
inline nlohmann::json rrmp_json(const Rrmp& r) {
  return {{"rrmp", r.to_string()},
          {"rho", std::vector<int>(r.rho().begin(), r.rho().end())},
          {"gamma", std::vector<int>(r.gamma().begin(), r.gamma().end())},
          {"lambda", partition_json(r.lambda())}};
}

/// Filter coefficients theta = (w_1, ..., w_L): [["2","0","5","0"],["1","0"]].
inline nlohmann::json weights_json(const Filters& theta) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& w : theta) {
    nlohmann::json f = nlohmann::json::array();
    for (const Rational& x : w) f.push_back(x.to_string());
    a.push_back(f);
  }
  return a;
}

/// An Integer count as a JSON integer when it fits, else as a string of digits.
inline nlohmann::json count_json(const Integer& n) {
  if (n.fits_long()) return n.to_long();
  return n.to_string();
}

// ---------------------------------------------------------------- decimals
// Every decimal the CLI makes itself goes through these functions: the one
// place to follow the library's digits policy (--digits = correct significant
// digits, docs/cli.md).  Rationals and balls print significant digits; an
// isolated root prints digits after the point (|t - d| <= 10^-digits) until
// RealRoot::to_decimal follows the same policy.

/// q with `digits` significant digits.
inline std::string decimal_text(const Rational& q, int digits) {
  const long prec = static_cast<long>(digits * 3.33) + 64;
  return Ball(q, prec).midpoint_string(digits);
}
/// The midpoint of a ball with `digits` significant digits.
inline std::string decimal_text(const Ball& b, int digits) { return b.midpoint_string(digits); }
/// c t for a rational c, t the root of r ("0" for c = 0); the enclosure is
/// refined well below the last digit so that t and -t round alike.
inline std::string decimal_text(const RealRoot& r, const Rational& c, int digits) {
  if (c.is_zero()) return "0";
  RealRoot x = r;
  x.refine(Rational(Integer(1), pow(Integer(10), static_cast<unsigned long>(digits) + 3)) / abs(c));
  return (c * (x.lo() + x.hi()) * Rational(1, 2)).to_decimal(digits);
}
/// The root t of an isolated real root.
inline std::string decimal_text(const RealRoot& r, int digits) { return decimal_text(r, Rational(1), digits); }

// ---------------------------------------------------------------- certified reals

/// {"decimal": d, "lo": "p/q", "hi": "p/q"}: the value x satisfies lo <= x <= hi
/// exactly; d is its decimal (lo == hi: x is that rational).
inline nlohmann::json certified_real_json(const std::string& decimal, const Rational& lo, const Rational& hi) {
  return {{"decimal", decimal}, {"lo", lo.to_string()}, {"hi", hi.to_string()}};
}

inline nlohmann::json certified_real_json(const Rational& exact, int digits) {
  return certified_real_json(decimal_text(exact, digits), exact, exact);
}

/// A copy of an isolated real root (not (1:0)) refined to width <= 10^-digits.
inline RealRoot refined(const RealRoot& r, int digits) {
  RealRoot x = r;
  if (!x.is_exact()) x.refine(Rational(Integer(1), pow(Integer(10), static_cast<unsigned long>(digits))));
  return x;
}

/// An isolated real root (not (1:0)), its interval refined to width <= 10^-digits.
inline nlohmann::json certified_real_json(const RealRoot& r, int digits) {
  const RealRoot x = refined(r, digits);
  return certified_real_json(decimal_text(x, digits), x.lo(), x.hi());
}

/// c t for a rational c and an isolated real root t.
inline nlohmann::json certified_real_json(const RealRoot& r, const Rational& c, int digits) {
  if (c.is_zero()) return certified_real_json("0", Rational(), Rational());
  RealRoot x = r;
  if (!x.is_exact()) x.refine(Rational(Integer(1), pow(Integer(10), static_cast<unsigned long>(digits))) / abs(c));
  Rational lo = c * x.lo(), hi = c * x.hi();
  if (hi < lo) std::swap(lo, hi);
  return certified_real_json(decimal_text(r, c, digits), lo, hi);
}

/// A finite ball [m - r, m + r] (endpoints are exact dyadic rationals).
inline nlohmann::json certified_real_json(const Ball& b, int digits) {
  return certified_real_json(decimal_text(b, digits), b.lower(), b.upper());
}

/// A decimal d the library certifies as |x - d| <= 10^-digits (its results
/// that still carry decimal strings): [d - 10^-digits, d + 10^-digits].
inline nlohmann::json certified_real_from_decimal(const std::string& d, int digits) {
  const Rational x(d);
  const Rational eps(Integer(1), pow(Integer(10), static_cast<unsigned long>(digits)));
  return certified_real_json(d, x - eps, x + eps);
}

/// An exact rational, or a certified real when only an enclosure is known.
inline nlohmann::json coefficient_json(const Ball& b, int digits) {
  if (b.is_exact()) return b.midpoint().to_string();
  return certified_real_json(b, digits);
}

}  // namespace lcngeom::cli

#endif
