// JSON and text encodings of FunctionSpaceMinimum (shared by `classify-params`
// and `function-space-min`).  Exact numbers are strings; irrational values
// are certified reals {"decimal", "lo", "hi"} (json_forms.hpp).
#ifndef LCNGEOM_TOOLS_JSON_MINIMUM_HPP
#define LCNGEOM_TOOLS_JSON_MINIMUM_HPP

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "json_critical.hpp"
#include "lcngeom/lcngeom.hpp"

namespace lcngeom::cli {

/// A candidate point: coefficients and distance as certified reals, the
/// point itself as a form when it is rational.
inline nlohmann::json candidate_json(const FunctionSpaceCandidate& c, int digits) {
  nlohmann::json coeffs = nlohmann::json::array();
  for (std::size_t i = 0; i < c.coefficients.size(); ++i)
    coeffs.push_back(c.exact ? certified_real_json(c.coefficients[i], c.exact->coeff(static_cast<int>(i)),
                                                   c.exact->coeff(static_cast<int>(i)))
                             : certified_real_from_decimal(c.coefficients[i], digits));
  return {{"coefficients", coeffs},
          {"rrmp", c.rrmp ? nlohmann::json(c.rrmp->to_string()) : nlohmann::json(nullptr)},
          {"locus", c.lambda ? partition_json(*c.lambda) : nlohmann::json(nullptr)},
          {"distance_squared", certified_real_json(c.distance_squared, digits)},
          {"distance_squared_exact",
           c.distance_squared_exact ? nlohmann::json(c.distance_squared_exact->to_string()) : nlohmann::json(nullptr)},
          {"exact", c.exact ? form_json(*c.exact) : nlohmann::json(nullptr)}};
}

inline std::string value_text(const FunctionSpaceMinimum& m) {
  return m.value_exact ? m.value_exact->to_string()
                       : m.value_decimal + " (root of " + m.value.defining_polynomial().to_string() + ")";
}

inline nlohmann::json minimum_json(const FunctionSpaceMinimum& m) {
  nlohmann::json mins = nlohmann::json::array(), all = nlohmann::json::array(), searched = nlohmann::json::array(),
                 skipped = nlohmann::json::array();
  for (const auto& c : m.minimisers) mins.push_back(candidate_json(c, m.digits));
  for (const auto& c : m.candidates) all.push_back(candidate_json(c, m.digits));
  for (const auto& p : m.searched) searched.push_back(partition_json(p));
  for (const auto& p : m.skipped) skipped.push_back(partition_json(p));
  return {{"value", certified_real_json(m.value, m.digits)},
          {"value_exact", m.value_exact ? nlohmann::json(m.value_exact->to_string()) : nlohmann::json(nullptr)},
          {"value_minimal_polynomial", m.value.defining_polynomial().to_string()},
          {"digits", m.digits},
          {"complete", m.complete},
          {"unsupported", m.unsupported},
          {"target_position", to_string(m.target_position)},
          {"minimisers", mins},
          {"candidates", all},
          {"searched", searched},
          {"skipped", skipped}};
}

inline void print_minimum(std::ostream& os, const FunctionSpaceMinimum& m) {
  os << (m.complete ? "min over the function space = " : "upper bound (incomplete search) = ") << value_text(m) << '\n';
  for (const auto& c : m.minimisers) {
    os << "  attained at ";
    if (c.exact) os << c.exact->to_string();
    else {
      os << '[';
      for (std::size_t i = 0; i < c.coefficients.size(); ++i) os << (i ? ", " : "") << c.coefficients[i];
      os << ']';
    }
    os << "  rrmp " << (c.rrmp ? c.rrmp->to_string() : std::string("-")) << ", locus "
       << (c.lambda ? c.lambda->to_string() : std::string("{0}")) << '\n';
  }
  os << "  loci searched:";
  for (const auto& p : m.searched) os << ' ' << p;
  if (m.searched.empty())
    os << (m.target_position == Region::complement ? " none" : " none (the target lies in the function space)");
  os << "; " << m.candidates.size() << " candidate points of the function space\n";
  for (const auto& u : m.unsupported) os << "  not supported: " << u << '\n';
}

}  // namespace lcngeom::cli

#endif
