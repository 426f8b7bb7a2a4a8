// lcngeom/detail/text.hpp -- small string helpers shared by the parsers.
#ifndef LCNGEOM_DETAIL_TEXT_HPP
#define LCNGEOM_DETAIL_TEXT_HPP

#include <string>
#include <string_view>
#include <vector>

namespace lcngeom::detail {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Splits on `sep`, trimming each field; empty input gives one empty field.
inline std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  return out;
}

/// Joins the string forms of a range with a separator.
template <class Range, class Fn>
std::string join(const Range& r, std::string_view sep, Fn&& fn) {
  std::string out;
  bool first = true;
  for (const auto& x : r) {
    if (!first) out += sep;
    out += fn(x);
    first = false;
  }
  return out;
}

/// "4,2" / "2x3": integers joined by a separator.
inline std::string join_ints(const std::vector<int>& v, std::string_view sep) {
  return join(v, sep, [](int x) { return std::to_string(x); });
}

}  // namespace lcngeom::detail

#endif
