// The architecture options of `arch` and `member`: --filters (1-D sizes or
// D-dimensional shapes), --strides, --out / --in.
#ifndef LCNGEOM_TOOLS_ARCH_ARGS_HPP
#define LCNGEOM_TOOLS_ARCH_ARGS_HPP

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "lcngeom/lcngeom.hpp"
#include "options.hpp"

namespace lcngeom::cli {

struct ArchOptions {
  std::string filters, strides, out, in;
  bool json = false;
};

inline void add_arch_options(CLI::App& app, ArchOptions& o) {
  add_filters_option(app, o.filters, true,
                     "filter sizes k_1,...,k_L (\"4,2\"); D-dimensional shapes as \"2x2,3x3\" or \"3x3x2,...\"");
  app.add_option("--strides", o.strides, "strides s_1,...,s_L (default all 1; 1-D only)");
  app.add_option("--out", o.out, "output size d_L (default 1); per dimension as \"3x2\"");
  app.add_option("--in", o.in, "input size d_0 instead of --out (eq. 2.4 must give integral widths)");
  add_json_flag(app, o.json);
}

inline Architecture make_architecture(const ArchOptions& o) {
  if (!o.in.empty() && !o.out.empty()) throw invalid_argument("give either --in or --out, not both");
  if (!o.in.empty()) return Architecture::parse_with_input(o.filters, o.strides, o.in);
  return Architecture::parse(o.filters, o.strides, std::string_view(o.out));
}

}  // namespace lcngeom::cli

#endif
