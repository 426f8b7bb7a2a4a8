// JSON encodings shared by the subcommands, one per definition of
// docs/lcngeom.schema.json: exact numbers are strings ("-12/5"), counts and
// multiplicities JSON integers, a form {"form", "coefficients", "degree"}, a
// partition an array of parts (descending), an rrmp {"rrmp", "rho", "gamma",
// "lambda"}, filter coefficients ("weights") an array of filters, a certified
// real {"decimal", "lo", "hi"} with lo <= x <= hi exactly.
#ifndef LCNGEOM_TOOLS_JSON_FORMS_HPP
#define LCNGEOM_TOOLS_JSON_FORMS_HPP

#include <string>
#include <vector>

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

/// An exact rational: "p/q" (or "p").
inline nlohmann::json rational_json(const Rational& q) { return q.to_string(); }

/// A certified real: {"decimal": x to `digits` significant digits, "lo": "p/q",
/// "hi": "p/q"}, where [lo, hi] contains x and every point of it rounds to the
/// decimal (lo == hi for a rational x).
inline nlohmann::json certified_json(const AlgebraicReal& x, int digits) {
  const std::string d = x.to_decimal(digits);  // afterwards [lo, hi] certifies d
  return {{"decimal", d}, {"lo", x.lo().to_string()}, {"hi", x.hi().to_string()}};
}

/// A certified real from a ball: its endpoints, and the decimal with the
/// digits the ball decides (to_decimal(const Ball&, int)).
inline nlohmann::json certified_json(const Ball& x, int digits) {
  if (!x.is_finite()) return {{"decimal", x.to_string(3)}, {"lo", nullptr}, {"hi", nullptr}};
  return {{"decimal", to_decimal(x, digits)}, {"lo", x.lower().to_string()}, {"hi", x.upper().to_string()}};
}

inline nlohmann::json certified_json(const std::vector<AlgebraicReal>& xs, int digits) {
  nlohmann::json a = nlohmann::json::array();
  for (const AlgebraicReal& x : xs) a.push_back(certified_json(x, digits));
  return a;
}

/// Decimals of a vector of exact values (text output).
inline std::string decimals_text(const std::vector<AlgebraicReal>& xs, int digits) {
  std::string s;
  for (std::size_t i = 0; i < xs.size(); ++i) s += (i ? ", " : "") + xs[i].to_decimal(digits);
  return s;
}

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
// Every decimal the CLI prints goes through decimal.hpp (the library's one
// formatter: --digits = correct significant digits, docs/cli.md).

/// q with `digits` significant digits.
inline std::string decimal_text(const Rational& q, int digits) { return to_decimal(q, digits); }
/// A ball with the digits it decides (decimal.hpp).
inline std::string decimal_text(const Ball& b, int digits) { return to_decimal(b, digits); }
/// c t for a rational c and t the finite root r.
inline std::string decimal_text(const RealRoot& r, const Rational& c, int digits) {
  if (c.is_zero()) return "0";
  return (c * AlgebraicReal(r)).to_decimal(digits);
}
/// The root t of an isolated real root.
inline std::string decimal_text(const RealRoot& r, int digits) { return AlgebraicReal(r).to_decimal(digits); }

// ---------------------------------------------------------------- certified reals

/// {"decimal": d, "lo": "p/q", "hi": "p/q"}: the value x satisfies lo <= x <= hi
/// exactly; d is its decimal (lo == hi: x is that rational).
inline nlohmann::json certified_real_json(const std::string& decimal, const Rational& lo, const Rational& hi) {
  return {{"decimal", decimal}, {"lo", lo.to_string()}, {"hi", hi.to_string()}};
}

inline nlohmann::json certified_real_json(const Rational& exact, int digits) {
  return certified_real_json(decimal_text(exact, digits), exact, exact);
}

/// An isolated real root (not (1:0)): its interval narrowed until it
/// certifies the decimal.
inline nlohmann::json certified_real_json(const RealRoot& r, int digits) {
  return certified_json(AlgebraicReal(r), digits);
}

/// c t for a rational c and an isolated real root t.
inline nlohmann::json certified_real_json(const RealRoot& r, const Rational& c, int digits) {
  if (c.is_zero()) return certified_real_json("0", Rational(), Rational());
  return certified_json(c * AlgebraicReal(r), digits);
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
