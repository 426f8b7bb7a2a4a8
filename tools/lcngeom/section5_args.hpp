// Argument parsing shared by the Section 5 and 6 subcommands (compatible,
// classify-params, function-space-min, fiber, recover-scale, critical).
#ifndef LCNGEOM_TOOLS_SECTION5_ARGS_HPP
#define LCNGEOM_TOOLS_SECTION5_ARGS_HPP

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "lcngeom/lcngeom.hpp"
#include "options.hpp"

namespace lcngeom::cli {

/// "4,2" (and optional strides "1,1") -> an architecture; Section 5 needs 1-D
/// stride one, anything else is rejected naming the value.
inline Architecture parse_filters_arg(const std::string& text, const std::string& strides = "") {
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw invalid_argument("missing --filters (e.g. --filters 4,2)");
  Architecture arch = Architecture::parse(text, strides);
  if (arch.dimension() != 1 || !arch.stride_one())
    throw not_supported("Section 5 treats 1-D architectures with stride one, not " + arch.to_string());
  return arch;
}

/// --weights "2,0,5,0;1,0" -> filters w_1; w_2; ... (parse_weights, naming the option).
inline Filters parse_weights_arg(const std::string& text) {
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw invalid_argument("missing --weights (filter coefficients, e.g. \"2,0,5,0;1,0\")");
  try {
    return parse_weights(text);
  } catch (const parse_error& e) {
    throw parse_error(std::string("--weights: ") + e.what());
  }
}

/// --norm euclidean | bombieri | "a,b,...;c,d,...;..." (rows of Sigma), for
/// forms of the given degree; InnerProduct::parse checks the size and SPD.
inline InnerProduct parse_norm_arg(const std::string& text, int degree) {
  const bool blank = text.find_first_not_of(" \t") == std::string::npos;
  return InnerProduct::parse(blank ? std::string_view("euclidean") : std::string_view(text), degree);
}

/// The options every square-loss subcommand shares: --filters, --strides,
/// --target, --norm, --digits.
struct SquareLossArgs {
  std::string filters, strides, target, norm = "euclidean";
  int digits = kDefaultDigits;
};

inline void add_square_loss_options(CLI::App& app, SquareLossArgs& a) {
  add_filters_option(app, a.filters, true, "filter sizes k_1,...,k_L (stride one), e.g. 4,2");
  add_strides_option(app, a.strides);
  add_target_option(app, a.target, "target u of the square loss (k coefficients)");
  add_norm_option(app, a.norm);
  add_digits_option(app, a.digits);
}

/// Parses --filters, --target and --norm.
struct SquareLossProblem {
  Architecture arch;
  BinaryForm target;
  InnerProduct sigma;
};
inline SquareLossProblem parse_square_loss(const SquareLossArgs& a) {
  Architecture arch = parse_filters_arg(a.filters, a.strides);
  BinaryForm u = parse_form(a.target, arch.end_to_end_filter_size() - 1);
  InnerProduct sigma = parse_norm_arg(a.norm, arch.end_to_end_filter_size() - 1);
  return {std::move(arch), std::move(u), std::move(sigma)};
}

/// c r to `digits` significant digits (decimal.hpp's policy, exact).
inline std::string scaled_decimal(const RealRoot& r, const Rational& c, int digits) {
  return to_decimal(c * AlgebraicReal(r), digits);
}

inline std::string decimal(const RealRoot& r, int digits) { return r.to_decimal(digits); }

/// Exact rationals as strings; a ball as the decimal it certifies (decimal.hpp).
inline std::string ball_text(const Ball& b, int digits) {
  if (b.is_exact()) return b.midpoint().to_string();
  return to_decimal(b, digits);
}

/// --method of the exact global-minimum search (FunctionSpaceMinimumOptions::method).
inline void add_search_method_option(CLI::App& app, std::string& method) {
  app.add_option("--method", method,
                 "how the search solves each locus: automatic (default: resultants over Q, proven, when no locus "
                 "needs 3 root coordinates, i.e. degree <= 5; else the lifted modular engine for every locus, "
                 "completeness probabilistic), resultants (proven; 3-coordinate loci unsupported), modular")
      ->check(CLI::IsMember({"automatic", "resultants", "modular"}));
}

inline CriticalMethod parse_search_method(const std::string& method) {
  if (method == "resultants") return CriticalMethod::resultants;
  if (method == "modular") return CriticalMethod::modular;
  return CriticalMethod::automatic;
}

/// The locus solver's CLI limit on the degree of the forms (kMaxSolverDegree).
inline void check_solver_degree(int degree, const std::string& what) {
  check_limit(degree, kMaxSolverDegree, what, "the exact locus solver needs minutes and gigabytes beyond");
}

inline std::string filters_text(const Filters& theta) {
  std::string s;
  for (std::size_t l = 0; l < theta.size(); ++l) {
    if (l) s += "; ";
    s += '(';
    for (std::size_t j = 0; j < theta[l].size(); ++j) {
      if (j) s += ',';
      s += theta[l][j].to_string();
    }
    s += ')';
  }
  return s;
}

}  // namespace lcngeom::cli

#endif
