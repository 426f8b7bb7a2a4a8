// Compatibility of rrmps with architectures: Example 5.6 and brute force.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("Example 5.6: compatible rrmps and witnesses for k = (3,2,2) and (4,2)", "[compat][paper]") {
  // The table as printed in the paper ("—" = not compatible).
  const std::map<std::string, std::pair<std::string, std::string>> table = {
      {"1111|0", {"p1p2\u00b7p3\u00b7p4", "p1p2p3\u00b7p4"}}, {"112|0", {"p1p2\u00b7p3\u00b7p3", "p1p2p3\u00b7p3"}},
      {"22|0", {"p1p2\u00b7p1\u00b7p2", "\u2014"}},          {"13|0", {"p1p2\u00b7p2\u00b7p2", "\u2014"}},
      {"4|0", {"\u2014", "\u2014"}},                          {"11|1", {"q1\u00b7p1\u00b7p2", "p1q1\u00b7p2"}},
      {"2|1", {"q1\u00b7p1\u00b7p1", "p1q1\u00b7p1"}},        {"0|2", {"\u2014", "\u2014"}},
      {"0|11", {"\u2014", "\u2014"}}};
  const std::vector<int> k322{3, 2, 2}, k42{4, 2};
  for (const Rrmp& r : all_rrmps(4)) {
    auto it = table.find(r.to_string());
    REQUIRE(it != table.end());
    auto a = compatible_placement(r, k322), b = compatible_placement(r, k42);
    CHECK((a ? a->to_string() : "\u2014") == it->second.first);
    CHECK((b ? b->to_string() : "\u2014") == it->second.second);
  }
}

namespace {

// Brute force: try every assignment of each colour's balls to bins.
bool brute_force(const Rrmp& r, const std::vector<int>& k) {
  std::vector<std::pair<int, int>> balls;  // (colour, size)
  int c = 0;
  for (int m : r.rho()) {
    for (int i = 0; i < m; ++i) balls.emplace_back(c, 1);
    ++c;
  }
  for (int m : r.gamma()) {
    for (int i = 0; i < m; ++i) balls.emplace_back(c, 2);
    ++c;
  }
  const std::size_t L = k.size();
  std::vector<std::size_t> where(balls.size(), 0);
  for (;;) {
    std::vector<int> load(L, 0);
    bool ok = true;
    for (std::size_t i = 0; i < balls.size() && ok; ++i) {
      load[where[i]] += balls[i].second;
      for (std::size_t j = 0; j < i; ++j)
        if (balls[j].first == balls[i].first && where[j] == where[i]) ok = false;
    }
    for (std::size_t l = 0; l < L && ok; ++l) ok = load[l] == k[l] - 1;
    if (ok) return true;
    std::size_t i = 0;
    while (i < balls.size() && ++where[i] == L) where[i++] = 0;
    if (i == balls.size()) return false;
  }
}

}  // namespace

TEST_CASE("compatibility agrees with brute force on small architectures", "[compat]") {
  const std::vector<std::vector<int>> archs = {{2, 2}, {2, 2, 2}, {3, 3}, {2, 2, 2, 2}, {3, 2, 2}, {4, 2},
                                               {5, 2}, {3, 3, 2}, {4, 3}, {2, 2, 2, 2, 2}, {4, 4, 2}, {6, 2, 2},
                                               {3, 1, 3}, {5, 3, 2}};
  for (const auto& k : archs) {
    int n = 0;
    for (int ki : k) n += ki - 1;
    for (const Rrmp& r : all_rrmps(n)) {
      auto p = compatible_placement(r, k);
      INFO("k size " << k.size() << ", rrmp " << r);
      CHECK(p.has_value() == brute_force(r, k));
      if (!p) continue;
      // The witness is a valid placement: sizes fill the bins, colours distinct per bin,
      // every colour appears as often as its multiplicity.
      std::map<std::pair<bool, int>, int> seen;
      for (std::size_t l = 0; l < k.size(); ++l) {
        int load = 0;
        std::set<std::pair<bool, int>> in_bin;
        for (const auto& f : p->bins[l]) {
          load += f.complex ? 2 : 1;
          CHECK(in_bin.insert({f.complex, f.index}).second);
          ++seen[{f.complex, f.index}];
        }
        CHECK(load == k[l] - 1);
      }
      for (std::size_t i = 0; i < r.rho().size(); ++i) CHECK(seen[{false, static_cast<int>(i) + 1}] == r.rho()[i]);
      for (std::size_t j = 0; j < r.gamma().size(); ++j) CHECK(seen[{true, static_cast<int>(j) + 1}] == r.gamma()[j]);
    }
  }
  const std::vector<int> bad{2, 0}, mismatch{3, 3};
  CHECK_THROWS_AS(is_compatible(Rrmp({1}, {}), bad), invalid_argument);
  CHECK_THROWS_AS(is_compatible(Rrmp({1, 1}, {}), mismatch), invalid_argument);
}
