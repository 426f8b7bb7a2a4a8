// Argument parsing and number formatting shared by the Section 5 subcommands
// (compatible, classify-params, fiber, recover-scale).
#ifndef LCNGEOM_TOOLS_SECTION5_ARGS_HPP
#define LCNGEOM_TOOLS_SECTION5_ARGS_HPP

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "lcngeom/lcngeom.hpp"

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

/// "2,0,5,0;1,0" -> filters w_1; w_2; ... (parse_weights, with the option named).
inline Filters parse_params_arg(const std::string& text, const char* option) {
  if (text.find_first_not_of(" \t") == std::string::npos)
    throw invalid_argument(std::string("missing ") + option + " (e.g. \"2,0,5,0;1,0\")");
  try {
    return parse_weights(text);
  } catch (const parse_error& e) {
    throw parse_error(std::string(option) + ": " + e.what());
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
  int digits = default_digits;
};

inline void add_square_loss_options(CLI::App& app, SquareLossArgs& a) {
  app.add_option("--filters", a.filters, "filter sizes k_1,...,k_L (stride one), e.g. 4,2")->required();
  app.add_option("--strides", a.strides, "strides s_1,...,s_L (Section 5 needs all ones)");
  app.add_option("--target", a.target, "target filter u (k coefficients, or an expression in x, y)")->required();
  app.add_option("--norm", a.norm,
                 "inner product: euclidean (default), bombieri (eq. 6.10), or a symmetric positive definite "
                 "matrix \"a,b,..;c,d,..;..\"");
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

inline nlohmann::json filters_json(const Filters& theta) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& w : theta) {
    nlohmann::json f = nlohmann::json::array();
    for (const Rational& x : w) f.push_back(x.to_string());
    a.push_back(f);
  }
  return a;
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

/// An Integer count as a JSON integer when it fits, else as a string.
inline nlohmann::json count_json(const Integer& n) {
  if (n.fits_long()) return n.to_long();
  return n.to_string();
}

}  // namespace lcngeom::cli

#endif
