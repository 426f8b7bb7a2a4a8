// Printing integer lists in the CLI's text output ("4, 2").
#ifndef LCNGEOM_TOOLS_INT_LIST_HPP
#define LCNGEOM_TOOLS_INT_LIST_HPP

#include <string>
#include <string_view>
#include <vector>

namespace lcngeom::cli {

inline std::string join_ints(const std::vector<int>& v, std::string_view sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += std::to_string(v[i]);
  }
  return s;
}

}  // namespace lcngeom::cli

#endif
