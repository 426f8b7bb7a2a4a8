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

inline nlohmann::json optional_rational_json(const AlgebraicReal& x) {
  return x.is_rational() ? rational_json(x.rational()) : nlohmann::json(nullptr);
}

/// A candidate point: coefficients and distance as certified reals, the
/// point itself as a form when it is rational.
inline nlohmann::json candidate_json(const FunctionSpaceCandidate& c, int digits) {
  return {{"coefficients", certified_json(c.coefficients, digits)},
          {"rrmp", c.rrmp ? nlohmann::json(c.rrmp->to_string()) : nlohmann::json(nullptr)},
          {"locus", c.lambda ? partition_json(*c.lambda) : nlohmann::json(nullptr)},
          {"distance_squared", certified_json(c.distance_squared, digits)},
          // A rational point has a rational distance; for an irrational point
          // the minimal polynomial of a lazy distance (a norm from the point's
          // number field, degree up to the locus's ED degree) can take minutes
          // on lifted loci, so it is not computed here: null means "irrational,
          // or not decided" and the certified interval above is the value.
          {"distance_squared_exact", c.exact || c.distance_squared.is_canonical()
                                         ? optional_rational_json(c.distance_squared)
                                         : nlohmann::json(nullptr)},
          {"exact", c.exact ? form_json(*c.exact) : nlohmann::json(nullptr)}};
}

inline std::string value_text(const FunctionSpaceMinimum& m, int digits) {
  return m.value.is_rational()
             ? m.value.rational().to_string()
             : m.value.to_decimal(digits) + " (root of " + m.value.minimal_polynomial().to_string() + ")";
}

inline nlohmann::json minimum_json(const FunctionSpaceMinimum& m, int digits) {
  nlohmann::json mins = nlohmann::json::array(), all = nlohmann::json::array(), searched = nlohmann::json::array(),
                 skipped = nlohmann::json::array(), lifted = nlohmann::json::array();
  for (const auto& c : m.minimisers) mins.push_back(candidate_json(c, digits));
  for (const auto& c : m.candidates) all.push_back(candidate_json(c, digits));
  for (const auto& p : m.searched) searched.push_back(partition_json(p));
  for (const auto& p : m.skipped) skipped.push_back(partition_json(p));
  for (const auto& p : m.lifted) lifted.push_back(partition_json(p));
  return {{"value", certified_json(m.value, digits)},
          {"value_exact", optional_rational_json(m.value)},
          {"value_minimal_polynomial", m.value.minimal_polynomial().to_string()},
          {"digits", digits},
          {"complete", m.complete},
          {"completeness", m.completeness_proven ? "proven" : "probabilistic"},
          {"lifted", lifted},
          {"lifting_primes", m.lifting_primes},
          {"unsupported", m.unsupported},
          {"target_position", to_string(m.target_position)},
          {"minimisers", mins},
          {"candidates", all},
          {"searched", searched},
          {"skipped", skipped}};
}

inline void print_minimum(std::ostream& os, const FunctionSpaceMinimum& m, int digits) {
  os << (m.complete ? "min over the function space = " : "upper bound (incomplete search) = ")
     << value_text(m, digits) << '\n';
  for (const auto& c : m.minimisers) {
    os << "  attained at ";
    if (c.exact) os << c.exact->to_string();
    else os << '[' << decimals_text(c.coefficients, digits) << ']';
    os << "  rrmp " << (c.rrmp ? c.rrmp->to_string() : std::string("-")) << ", locus "
       << (c.lambda ? c.lambda->to_string() : std::string("{0}")) << '\n';
  }
  os << "  loci searched:";
  for (const auto& p : m.searched) os << ' ' << p;
  if (m.searched.empty())
    os << (m.target_position == Region::complement ? " none" : " none (the target lies in the function space)");
  os << "; " << m.candidates.size() << " candidate points of the function space\n";
  if (!m.completeness_proven) {
    os << "  points proven exactly; completeness probabilistic (modular engine lifted over " << m.lifting_primes
       << " primes on";
    for (const auto& p : m.lifted) os << ' ' << p;
    os << ")\n";
  }
  for (const auto& u : m.unsupported) os << "  not supported: " << u << '\n';
}

}  // namespace lcngeom::cli

#endif
