// JSON and text encodings of critical point sets (shared by `critical`,
// `verify-7.3` and the ledger).  Exact numbers are strings; irrational values
// are certified reals {"decimal", "lo", "hi"} (json_forms.hpp).
#ifndef LCNGEOM_TOOLS_JSON_CRITICAL_HPP
#define LCNGEOM_TOOLS_JSON_CRITICAL_HPP

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "json_forms.hpp"
#include "lcngeom/lcngeom.hpp"

namespace lcngeom::cli {

inline nlohmann::json matrix_json(const RatMatrix& m) {
  nlohmann::json rows = nlohmann::json::array();
  for (long i = 0; i < m.rows(); ++i) {
    nlohmann::json row = nlohmann::json::array();
    for (long j = 0; j < m.cols(); ++j) row.push_back(m.at(i, j).to_string());
    rows.push_back(row);
  }
  return rows;
}

inline nlohmann::json coefficients_json(const BinaryForm& p) {
  nlohmann::json a = nlohmann::json::array();
  for (const Rational& c : p.coefficients()) a.push_back(c.to_string());
  return a;
}

/// The `critical` output for a locus (docs/lcngeom.schema.json, "critical").
inline nlohmann::json critical_json(const CriticalPointSet& r, int digits) {
  nlohmann::json orbits = nlohmann::json::array();
  for (const CriticalOrbit& o : r.orbits)
    orbits.push_back({{"minimal_polynomial", o.minimal_polynomial.to_string("z")},
                      {"size", o.size()},
                      {"real_count", o.real_count},
                      {"cell", o.cell}});
  nlohmann::json rational = nlohmann::json::array();
  for (const BinaryForm& p : r.rational_points) rational.push_back(form_json(p));
  nlohmann::json real = nlohmann::json::array();
  for (const RealCriticalPoint& p : r.real_points) {
    real.push_back({{"coefficients", certified_json(p.coefficients, digits)},
                    {"rrmp", p.rrmp.to_string()},
                    {"distance_squared", certified_json(p.distance_squared, digits)},
                    {"distance_squared_exact",
                     p.exact ? rational_json(p.distance_squared.rational()) : nlohmann::json(nullptr)},
                    {"rational", p.exact.has_value()},
                    {"exact", p.exact ? form_json(*p.exact) : nlohmann::json(nullptr)},
                    {"orbit", p.orbit}});
  }
  return {{"problem", "locus"},
          {"locus", partition_json(r.lambda)},
          {"target", form_json(r.target)},
          {"inner_product", r.inner_product.name()},
          {"matrix", matrix_json(r.inner_product.matrix())},
          {"digits", digits},
          {"complex_count", r.complex_count},
          {"real_count", r.real_count},
          {"orbits", orbits},
          {"rational_points", rational},
          {"real_points", real},
          {"removed", r.removed},
          {"completeness", r.completeness_proven ? "proven" : "probabilistic"},
          {"lifting_primes", r.lifting_primes}};
}

/// Human-readable listing of a critical point set.
inline std::string critical_text(const CriticalPointSet& r, int digits) {
  std::ostringstream s;
  s << "Delta" << r.lambda.to_string() << ", target " << r.target.to_string() << ", " << r.inner_product.name()
    << " inner product\n";
  s << "  complex critical points: " << r.complex_count << "   real: " << r.real_count
    << "   rational: " << r.rational_points.size() << "\n";
  if (!r.completeness_proven)
    s << "  points proven exactly; completeness probabilistic (modular engine lifted over " << r.lifting_primes
      << " primes: critical_points.hpp)\n";
  s << "  irreducible factors of the eliminants that survive (one Galois orbit each):\n";
  for (const CriticalOrbit& o : r.orbits)
    s << "    " << o.minimal_polynomial.to_string("z") << "   [" << o.size() << " points, " << o.real_count
      << " real; cell " << o.cell << "]\n";
  if (!r.real_points.empty())
    s << "  real critical points (" << digits << " correct significant digits), by distance (exact order):\n";
  for (const RealCriticalPoint& p : r.real_points) {
    s << "    [" << decimals_text(p.coefficients, digits) << "]  rrmp " << p.rrmp.to_string()
      << "  ||w-u||^2 = " << p.distance_squared.to_decimal(digits);
    if (p.exact) s << "  = " << p.exact->to_string() << " (exact)";
    s << "\n";
  }
  if (!r.removed.empty()) {
    s << "  removed factors (not exact-pattern critical points):\n";
    for (const std::string& x : r.removed) s << "    " << x << "\n";
  }
  return s.str();
}

}  // namespace lcngeom::cli

#endif
