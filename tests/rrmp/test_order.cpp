// Partition and Rrmp as values: braced construction, the total orders
// (Partition's lexicographic order, the paper's order of Example 3.3 for
// rrmps) and std::hash, all consistent with ==.
#include <catch2/catch.hpp>

#include <algorithm>
#include <compare>
#include <set>
#include <unordered_set>
#include <vector>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("Partition{2,2} and friends: braced construction sorts and validates", "[rrmp][ergonomics]") {
  CHECK(Partition{2, 2} == Partition::parse("22"));
  CHECK(Partition{1, 2, 1}.to_string() == "(2,1,1)");
  CHECK(Partition{1, 2, 1} == Partition(std::vector<int>{2, 1, 1}));
  CHECK(Partition{}.sum() == 0);
  CHECK(Partition{4}.is_trivial() == false);
  CHECK_THROWS_AS((Partition{2, 0}), invalid_argument);
  CHECK(Rrmp{{1, 1, 2}, {}}.to_string() == "112|0");
}

TEST_CASE("Partition order: partitions(n) is strictly increasing, hash agrees with ==", "[rrmp][ergonomics]") {
  std::vector<Partition> all;
  for (int n = 0; n <= 12; ++n) {
    const std::vector<Partition> ps = partitions(n);
    CHECK(std::adjacent_find(ps.begin(), ps.end(), [](const Partition& a, const Partition& b) { return !(a < b); }) ==
          ps.end());
    all.insert(all.end(), ps.begin(), ps.end());
  }
  std::unordered_set<Partition> hashed(all.begin(), all.end());
  CHECK(hashed.size() == all.size());  // all distinct
  auto g = test::rng(911);
  for (int t = 0; t < 2000; ++t) {
    const Partition& a = all[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(all.size()) - 1))];
    const Partition& b = all[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(all.size()) - 1))];
    const Partition a2(std::vector<int>(a.parts().rbegin(), a.parts().rend()));  // same multiset, other order
    CHECK(a2 == a);
    CHECK(std::hash<Partition>{}(a2) == std::hash<Partition>{}(a));
    CHECK(std::is_eq(a <=> b) == (a == b));
    CHECK((a < b) ==
          std::lexicographical_compare(a.parts().begin(), a.parts().end(), b.parts().begin(), b.parts().end()));
  }
}

TEST_CASE("Rrmp order is the paper's order: all_rrmps(n) is sorted, degrees ascend", "[rrmp][ergonomics][paper]") {
  // Example 3.3, n = 4, as printed.
  const std::vector<std::string> paper{"1111|0", "112|0", "22|0", "13|0", "4|0", "11|1", "2|1", "0|2", "0|11"};
  for (std::size_t i = 0; i + 1 < paper.size(); ++i) CHECK(Rrmp::parse(paper[i]) < Rrmp::parse(paper[i + 1]));
  std::vector<Rrmp> all;
  for (int n = 0; n <= 10; ++n) {
    const std::vector<Rrmp> rs = all_rrmps(n);
    CHECK(std::adjacent_find(rs.begin(), rs.end(), [](const Rrmp& a, const Rrmp& b) { return !(a < b); }) == rs.end());
    if (!all.empty()) CHECK(all.back() < rs.front());  // by degree first
    all.insert(all.end(), rs.begin(), rs.end());
  }
  CHECK(std::is_sorted(all.begin(), all.end()));
  std::vector<Rrmp> shuffled = all;
  auto g = test::rng(912);
  std::shuffle(shuffled.begin(), shuffled.end(), g);
  std::sort(shuffled.begin(), shuffled.end());
  CHECK(shuffled == all);
  CHECK(std::unordered_set<Rrmp>(all.begin(), all.end()).size() == all.size());
  CHECK(std::set<Rrmp>(all.begin(), all.end()).size() == all.size());
}

TEST_CASE("Rrmp of random planted forms: order and hash consistent with ==", "[rrmp][ergonomics]") {
  auto g = test::rng(913);
  std::vector<Rrmp> pool;
  const std::vector<Rrmp> degree5 = all_rrmps(5);
  for (int t = 0; t < 150; ++t) {
    const Rrmp& want = degree5[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(degree5.size()) - 1))];
    const std::vector<int> rho(want.rho().begin(), want.rho().end()), gamma(want.gamma().begin(), want.gamma().end());
    const Rrmp got = rrmp(test::planted_form(g, rho, gamma));
    CHECK(got == want);
    CHECK(std::hash<Rrmp>{}(got) == std::hash<Rrmp>{}(want));
    CHECK(std::is_eq(got <=> want));
    pool.push_back(got);
  }
  for (const Rrmp& a : pool)
    for (const Rrmp& b : degree5) {
      CHECK(std::is_eq(a <=> b) == (a == b));
      CHECK((a < b) == (b > a));
    }
}
