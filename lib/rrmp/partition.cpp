// Partitions: parsing, printing, enumeration.
#include "lcngeom/partition.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <ostream>

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

Partition::Partition(std::vector<int> parts) : parts_(std::move(parts)) {
  for (int p : parts_)
    if (p <= 0) throw invalid_argument("partition part " + std::to_string(p) + " is not positive");
  std::sort(parts_.begin(), parts_.end(), std::greater<>());
}

Partition Partition::parse(std::string_view text) {
  std::string_view t = detail::trim(text);
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = detail::trim(t.substr(1, t.size() - 2));
  if (t.empty()) throw parse_error("empty partition '" + std::string(text) + "'", 0);
  std::vector<int> parts;
  if (t.find(',') == std::string_view::npos && t.size() > 1) {
    for (char c : t) {  // "211": one digit per part
      if (c < '1' || c > '9')
        throw parse_error("bad part '" + std::string(1, c) + "' in partition '" + std::string(text) + "'");
      parts.push_back(c - '0');
    }
  } else {
    for (std::string_view f : detail::split(t, ',')) {
      if (f.empty() || f.size() > 6 || f.find_first_not_of("0123456789") != std::string_view::npos)
        throw parse_error("bad part '" + std::string(f) + "' in partition '" + std::string(text) + "'");
      int v = std::stoi(std::string(f));
      if (v <= 0)
        throw parse_error("partition part " + std::string(f) + " is not positive in '" + std::string(text) + "'");
      parts.push_back(v);
    }
  }
  return Partition(std::move(parts));
}

int Partition::sum() const noexcept { return std::accumulate(parts_.begin(), parts_.end(), 0); }

bool Partition::is_trivial() const noexcept {
  return std::all_of(parts_.begin(), parts_.end(), [](int p) { return p == 1; });
}

std::string Partition::to_string() const {
  std::string out = "(";
  out += detail::join(parts_, ",", [](int p) { return std::to_string(p); });
  out += ')';
  return out;
}

std::vector<Partition> partitions(int n) {
  if (n < 0) throw invalid_argument("cannot partition the negative number " + std::to_string(n));
  // Generate descending part lists with parts <= max, then sort lexicographically.
  std::vector<Partition> out;
  std::vector<int> cur;
  std::function<void(int, int)> rec = [&](int rest, int max) {
    if (rest == 0) {
      out.emplace_back(cur);
      return;
    }
    for (int p = std::min(rest, max); p >= 1; --p) {
      cur.push_back(p);
      rec(rest - p, p);
      cur.pop_back();
    }
  };
  rec(n, n);
  std::sort(out.begin(), out.end());
  return out;
}

std::ostream& operator<<(std::ostream& os, const Partition& p) { return os << p.to_string(); }

}  // namespace lcngeom
