// Partitions: parsing, printing, enumeration.
#include "lcngeom/partition.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <ostream>

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

Partition::Partition(std::vector<int> parts) : parts_(std::move(parts)) {
  long total = 0;  // bounded so that sum() cannot overflow an int
  for (int p : parts_) {
    if (p <= 0) throw invalid_argument("partition part " + std::to_string(p) + " is not positive");
    total += p;
    if (total > kMaxPartitionSum)
      throw invalid_argument("partition of more than " + std::to_string(kMaxPartitionSum) + " (" +
                             std::to_string(parts_.size()) + " parts)");
  }
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
        throw parse_error("bad part '" + std::string(1, c) + "' in partition '" + std::string(text) +
                          "' (one digit per part; a single part >= 10 is written with a trailing ',': '" +
                          std::string(t) + ",')");
      parts.push_back(c - '0');
    }
  } else {
    // A trailing ',' is allowed, as in rrmp strings: "10," is the partition (10).
    if (t.size() > 1 && t.back() == ',') t = detail::trim(t.substr(0, t.size() - 1));
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
  // "(10,)", not "(10)": parse reads a comma-free "(10)" one digit per part, as (1,0).
  if (parts_.size() == 1 && parts_[0] >= 10) out += ',';
  out += ')';
  return out;
}

std::uint64_t partition_count(int n) {
  if (n < 0) throw invalid_argument("cannot partition the negative number " + std::to_string(n));
  if (n > kMaxPartitionCountArgument)
    throw invalid_argument("p(" + std::to_string(n) + ") does not fit 64 bits (n <= " +
                           std::to_string(kMaxPartitionCountArgument) + ")");
  // Euler's recurrence by parts: p[m] += p[m - k] for k = 1..n.
  std::vector<std::uint64_t> p(static_cast<std::size_t>(n) + 1, 0);
  p[0] = 1;
  for (int k = 1; k <= n; ++k)
    for (int m = k; m <= n; ++m) p[static_cast<std::size_t>(m)] += p[static_cast<std::size_t>(m - k)];
  return p[static_cast<std::size_t>(n)];
}

void for_each_partition(int n, const std::function<bool(const Partition&)>& visit, bool decreasing) {
  if (n < 0) throw invalid_argument("cannot partition the negative number " + std::to_string(n));
  if (decreasing) {
    // From (n): the predecessor lowers the rightmost part m + 1 > 1 to m and
    // refills the rest greedily with parts <= m -- the largest continuation.
    std::vector<int> a;
    if (n > 0) a.push_back(n);
    for (;;) {
      if (!visit(Partition(a))) return;
      int i = static_cast<int>(a.size()) - 1, rest = 0;
      while (i >= 0 && a[static_cast<std::size_t>(i)] == 1) rest += a[static_cast<std::size_t>(i--)];
      if (i < 0) return;  // (1,...,1): the last one
      const int m = --a[static_cast<std::size_t>(i)];
      ++rest;
      a.resize(static_cast<std::size_t>(i) + 1);
      for (; rest > 0; rest -= std::min(m, rest)) a.push_back(std::min(m, rest));
    }
  }
  // Increasing lexicographic order of the descending part lists: from
  // (1,...,1), the successor raises the rightmost part a_i that may grow
  // (a_i < a_{i-1}, and something is left after it) by one and refills the
  // rest with ones -- the smallest continuation.
  std::vector<int> a(static_cast<std::size_t>(n), 1);
  for (;;) {
    if (!visit(Partition(a))) return;
    int suffix = 0, i = static_cast<int>(a.size()) - 1;
    for (; i >= 0; --i) {
      const bool room = i == 0 || a[static_cast<std::size_t>(i)] < a[static_cast<std::size_t>(i) - 1];
      if (suffix >= 1 && room) break;
      suffix += a[static_cast<std::size_t>(i)];
    }
    if (i < 0) return;  // (n): the last one
    ++a[static_cast<std::size_t>(i)];
    a.resize(static_cast<std::size_t>(i) + 1);
    a.insert(a.end(), static_cast<std::size_t>(suffix - 1), 1);
  }
}

std::vector<Partition> partitions(int n) {
  if (n < 0) throw invalid_argument("cannot partition the negative number " + std::to_string(n));
  if (n > kMaxPartitionCountArgument || partition_count(n) > kMaxPartitionList)
    throw invalid_argument("partitions(" + std::to_string(n) + ") would list " +
                           (n > kMaxPartitionCountArgument ? std::string("more than 2^64")
                                                           : std::to_string(partition_count(n))) +
                           " partitions, above the limit of " + std::to_string(kMaxPartitionList) +
                           " (n <= 60); use for_each_partition (streaming) or partition_count");
  std::vector<Partition> out;
  out.reserve(static_cast<std::size_t>(partition_count(n)));
  for_each_partition(n, [&](const Partition& p) {
    out.push_back(p);
    return true;
  });
  return out;
}

std::ostream& operator<<(std::ostream& os, const Partition& p) { return os << p.to_string(); }

}  // namespace lcngeom
