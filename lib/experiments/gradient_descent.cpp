#include "lcngeom/gradient_descent.hpp"

#include <cmath>
#include <sstream>

namespace lcngeom {

namespace {
std::string show(double x) {
  std::ostringstream s;
  s.precision(17);
  s << x;
  return s.str();
}
}  // namespace

GradientConvention parse_gradient_convention(std::string_view text) {
  if (text == "true") return GradientConvention::true_gradient;
  if (text == "appendix-a") return GradientConvention::appendix_a;
  throw parse_error("gradient convention '" + std::string(text) + "': expected 'true' or 'appendix-a'");
}

DescentMethod parse_descent_method(std::string_view text) {
  if (text == "gd") return DescentMethod::gradient_descent;
  if (text == "flow") return DescentMethod::gradient_flow;
  throw parse_error("descent method '" + std::string(text) + "': expected 'gd' or 'flow'");
}

void DescentOptions::validate() const {
  if (!(std::isfinite(step) && step > 0)) throw invalid_argument("step " + show(step) + " is not a positive number");
  if (!(tolerance >= 0)) throw invalid_argument("gradient tolerance " + show(tolerance) + " is negative or NaN");
  if (max_iterations < 0) throw invalid_argument("max_iterations " + std::to_string(max_iterations) + " is negative");
  if (method == DescentMethod::gradient_flow && !(std::isfinite(flow_tolerance) && flow_tolerance > 0))
    throw invalid_argument("flow tolerance " + show(flow_tolerance) + " is not a positive number");
}

}  // namespace lcngeom
