// Rrmp: the total order (the paper's order of Example 3.3, all_rrmps) and the hash.
#include <algorithm>
#include <numeric>
#include <span>

#include "lcngeom/detail/hash.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

namespace {

// Lexicographic comparison of two ascending lists read in descending order,
// i.e. of the partitions they list (Partition's order).
std::strong_ordering compare_as_partitions(std::span<const int> a, std::span<const int> b) noexcept {
  return std::lexicographical_compare_three_way(a.rbegin(), a.rend(), b.rbegin(), b.rend());
}

int sum(std::span<const int> v) noexcept { return std::accumulate(v.begin(), v.end(), 0); }

}  // namespace

std::strong_ordering operator<=>(const Rrmp& a, const Rrmp& b) noexcept {
  if (auto c = a.degree() <=> b.degree(); c != 0) return c;
  if (auto c = sum(a.gamma()) <=> sum(b.gamma()); c != 0) return c;
  if (auto c = compare_as_partitions(a.rho(), b.rho()); c != 0) return c;
  return compare_as_partitions(b.gamma(), a.gamma());  // gamma decreasing (all_rrmps)
}

std::size_t Rrmp::hash() const noexcept {
  std::size_t h = detail::hash_mix(rho_.size());
  for (int m : rho_) h = detail::hash_combine(h, static_cast<std::size_t>(m));
  h = detail::hash_combine(h, gamma_.size());
  for (int m : gamma_) h = detail::hash_combine(h, static_cast<std::size_t>(m));
  return h;
}

}  // namespace lcngeom
