// JSON encodings shared by the subcommands.  Exact rationals are strings
// ("-12/5"), certified reals objects {"decimal", "lo", "hi"} (decimal.hpp's
// digits policy, exact rational endpoints), multiplicities and counts JSON
// integers.
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

}  // namespace lcngeom::cli

#endif
