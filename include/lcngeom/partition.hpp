// lcngeom/partition.hpp -- integer partitions (root multiplicity patterns).
//
// A Partition lists positive parts in descending order, printed as the paper
// does: "(2,1,1)".  parse() accepts "2,1,1", "(2,1,1)" and "211" (one digit
// per part, as in the paper's "Delta_(1,1,2)"; parts are sorted on input).
//
// Example:
//   lcngeom::Partition lambda{2, 1, 1};     // (2,1,1)
//   lambda.sum();                           // 4
//   lambda < lcngeom::Partition{2, 2};      // true
#ifndef LCNGEOM_PARTITION_HPP
#define LCNGEOM_PARTITION_HPP

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "lcngeom/detail/hash.hpp"

namespace lcngeom {

/// Largest integer a Partition may partition (and largest Rrmp degree): far
/// beyond any form the library can handle, small enough that sums fit an int.
inline constexpr long kMaxPartitionSum = 1L << 30;

/// An integer partition lambda: positive parts in descending order, printed "(2,1,1)"
/// (the root pattern of a multiple root locus Delta_lambda, Definition 3.1; see the file comment).
class Partition {
 public:
  /// The empty partition of 0.
  Partition() = default;
  /// Sorts the parts descending; throws invalid_argument for a part <= 0 or a
  /// sum above kMaxPartitionSum.
  explicit Partition(std::vector<int> parts);
  /// Partition{2, 1, 1}: the same from a braced list.
  explicit Partition(std::initializer_list<int> parts) : Partition(std::vector<int>(parts)) {}
  /// Parses "2,1,1", "(2,1,1)" or "211" (one digit per part; sorted on input); a trailing ','
  /// is allowed and needed for a single part >= 10 ("10,"). Throws parse_error.
  static Partition parse(std::string_view text);

  /// The parts, descending.
  const std::vector<int>& parts() const noexcept { return parts_; }
  /// Number of parts (the number of distinct roots of a form in Delta_lambda with exactly this pattern).
  int size() const noexcept { return static_cast<int>(parts_.size()); }
  /// The integer partitioned: sum of the parts.
  int sum() const noexcept;
  /// The i-th part (0-based, descending order); throws std::out_of_range.
  int operator[](int i) const { return parts_.at(static_cast<std::size_t>(i)); }
  /// True for (1, ..., 1).
  bool is_trivial() const noexcept;
  /// "(2,1,1)"; the empty partition prints "()"; a single part >= 10 keeps its trailing ','
  /// ("(10,)") so that parse(to_string()) round-trips.
  std::string to_string() const;

  /// A hash consistent with == (std::hash<Partition> calls it).
  std::size_t hash() const noexcept {
    std::size_t h = detail::hash_mix(parts_.size());
    for (int p : parts_) h = detail::hash_combine(h, static_cast<std::size_t>(p));
    return h;
  }

  /// Equal parts.
  friend bool operator==(const Partition&, const Partition&) = default;
  /// A total order: lexicographic on the descending part lists, so partitions
  /// of one n come in the order of partitions(n) (Example 6.7):
  /// (1,1,1,1) < (2,1,1) < (2,2) < (3,1) < (4); and (1) < (1,1) < (2).
  friend std::strong_ordering operator<=>(const Partition& a, const Partition& b) { return a.parts_ <=> b.parts_; }

 private:
  std::vector<int> parts_;
};

/// Largest list partitions() builds (10^6 partitions: n <= 60, p(60) = 966467).
inline constexpr std::uint64_t kMaxPartitionList = 1000000;
/// Largest n with p(n) < 2^64.
inline constexpr int kMaxPartitionCountArgument = 416;

/// All partitions of n >= 0 in increasing lexicographic order, starting with
/// (1, ..., 1) and ending with (n) (the order of Example 6.7 read left to right).
/// Throws invalid_argument if there are more than kMaxPartitionList (n > 60):
/// p(100) = 190569292 partitions would not fit in memory; stream them instead.
std::vector<Partition> partitions(int n);

/// p(n), the number of partitions of n (exact); throws invalid_argument for
/// n < 0 or n > kMaxPartitionCountArgument.
std::uint64_t partition_count(int n);

/// Calls visit(lambda) for every partition of n >= 0 in the order of
/// partitions(n) (or the reverse order if `decreasing`), without storing them
/// (memory O(n)); stops as soon as visit returns false.
void for_each_partition(int n, const std::function<bool(const Partition&)>& visit, bool decreasing = false);

/// Writes to_string(): "(2,1,1)".
std::ostream& operator<<(std::ostream& os, const Partition& p);

}  // namespace lcngeom

template <>
/// std::hash support, so that Partition can key unordered containers.
struct std::hash<lcngeom::Partition> {
  /// Partition::hash().
  std::size_t operator()(const lcngeom::Partition& p) const noexcept { return p.hash(); }
};

#endif
