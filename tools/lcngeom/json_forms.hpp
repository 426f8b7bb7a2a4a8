// JSON encodings shared by the subcommands.  Exact numbers are strings
// ("-12/5"), multiplicities and counts are JSON integers.
#ifndef LCNGEOM_TOOLS_JSON_FORMS_HPP
#define LCNGEOM_TOOLS_JSON_FORMS_HPP

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

}  // namespace lcngeom::cli

#endif
