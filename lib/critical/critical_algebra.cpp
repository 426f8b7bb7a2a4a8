#include "lcngeom/detail/critical_algebra.hpp"

#include <algorithm>
#include <map>

namespace lcngeom::detail {

CriticalStructure CriticalStructure::from_partition(const Partition& lambda) {
  CriticalStructure s;
  s.n = lambda.sum();
  std::map<int, int> count;
  for (int p : lambda.parts()) ++count[p];
  for (auto [part, c] : count) {
    if (part == 1) s.free_degree = c;
    else s.tracked.push_back({c, part});
  }
  std::stable_sort(s.tracked.begin(), s.tracked.end(), [](const TrackedFactor& a, const TrackedFactor& b) {
    return a.degree != b.degree ? a.degree < b.degree : a.exponent < b.exponent;
  });
  return s;
}

int CriticalStructure::distinct_roots() const { return free_degree + unknowns(); }

int CriticalStructure::unknowns() const {
  int m = 0;
  for (const auto& t : tracked) m += t.degree;
  return m;
}

int CriticalStructure::g_degree() const {
  int d = 0;
  for (const auto& t : tracked) d += t.degree * (t.exponent - 1);
  return d;
}

int CriticalStructure::G_degree() const {
  int d = 0;
  for (const auto& t : tracked) d += t.degree * t.exponent;
  return d;
}

int CriticalStructure::minor_degree_bound(std::size_t j) const {
  const int e = tracked.at(j).exponent;
  return (free_degree + 1) * (2 * e - 1) + (e - 1);
}

int Cell::dimension(const CriticalStructure& s) const { return s.unknowns() - (infinity_factor >= 0 ? 1 : 0); }

std::vector<int> Cell::block_sizes(const CriticalStructure& s) const {
  std::vector<int> b;
  for (std::size_t j = 0; j < s.tracked.size(); ++j)
    b.push_back(s.tracked[j].degree - (infinity_factor == static_cast<int>(j) ? 1 : 0));
  return b;
}

std::vector<Cell> cells(const CriticalStructure& s) {
  std::vector<Cell> out{Cell{-1}};
  for (std::size_t j = 0; j < s.tracked.size(); ++j) out.push_back(Cell{static_cast<int>(j)});
  return out;
}

bool next_combination(std::vector<std::size_t>& pick, std::size_t n) {
  const std::size_t k = pick.size();
  std::size_t t = k;
  while (t > 0 && pick[t - 1] == n - k + t - 1) --t;
  if (t == 0) return false;
  ++pick[t - 1];
  for (std::size_t u = t; u < k; ++u) pick[u] = pick[u - 1] + 1;
  return true;
}

}  // namespace lcngeom::detail
