// Enumerations that grow like p(n): exact counts, streaming in the documented
// order, and a clear refusal (never std::bad_alloc) for lists that cannot fit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "support.hpp"

namespace lcngeom {

namespace {

// Reference: every descending part list by recursion, then sorted.
std::vector<std::vector<int>> reference_partitions(int n) {
  std::vector<std::vector<int>> out;
  std::vector<int> cur;
  std::function<void(int, int)> rec = [&](int rest, int max) {
    if (rest == 0) {
      out.push_back(cur);
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

}  // namespace

TEST_CASE("enumeration: partitions stream in increasing and decreasing lexicographic order", "[limits][enumeration]") {
  for (int n = 0; n <= 22; ++n) {
    INFO("n = " << n);
    const auto ref = reference_partitions(n);
    std::vector<std::vector<int>> up, down;
    for_each_partition(n, [&](const Partition& p) {
      up.push_back(p.parts());
      return true;
    });
    for_each_partition(
        n,
        [&](const Partition& p) {
          down.push_back(p.parts());
          return true;
        },
        true);
    CHECK(up == ref);
    std::reverse(down.begin(), down.end());
    CHECK(down == ref);
    CHECK(partition_count(n) == ref.size());
    CHECK(partitions(n).size() == ref.size());
  }
  // Known values of p(n) (OEIS A000041).
  CHECK(partition_count(60) == 966467);
  CHECK(partition_count(100) == 190569292);
  CHECK(partition_count(416) == 17873792969689876004ULL);  // the largest below 2^64
  CHECK_THROWS_AS(partition_count(417), invalid_argument);
  CHECK_THROWS_AS(partition_count(-1), invalid_argument);
}

TEST_CASE("enumeration: rrmps stream in the order of all_rrmps and are counted exactly", "[limits][enumeration]") {
  for (int n = 0; n <= 16; ++n) {
    std::vector<Rrmp> streamed;
    for_each_rrmp(n, [&](const Rrmp& r) {
      streamed.push_back(r);
      return true;
    });
    CHECK(streamed == all_rrmps(n));
    CHECK(rrmp_count(n) == streamed.size());
    for (const Rrmp& r : streamed) CHECK(r.degree() == n);
  }
  // Example 3.3's order for n = 4.
  std::string s;
  for (const Rrmp& r : all_rrmps(4)) s += r.to_string() + " ";
  CHECK(s == "1111|0 112|0 22|0 13|0 4|0 11|1 2|1 0|2 0|11 ");
  CHECK(rrmp_count(60) == 25051940);
  CHECK(rrmp_count(100) == 16088094127ULL);
}

TEST_CASE("enumeration: lists too large for memory are refused with the count, streaming still works",
          "[limits][enumeration]") {
  // all_rrmps(60) ended in std::bad_alloc (issue 15).
  CHECK_THROWS_WITH(all_rrmps(60), Catch::Contains("25051940") && Catch::Contains("for_each_rrmp"));
  CHECK_THROWS_AS(all_rrmps(60), invalid_argument);
  CHECK_THROWS_AS(all_rrmps(44), invalid_argument);  // 1102113 > 10^6
  CHECK_THROWS_AS(all_rrmps(1000), invalid_argument);
  CHECK_THROWS_AS(partitions(61), invalid_argument);
  CHECK_THROWS_AS(partitions(100000), invalid_argument);
  // Streaming a degree-60 enumeration: the first rrmps, then stop.
  std::vector<std::string> first;
  for_each_rrmp(60, [&](const Rrmp& r) {
    first.push_back(r.to_string());
    return first.size() < 3;
  });
  REQUIRE(first.size() == 3);
  CHECK(first[0] == std::string(60, '1') + "|0");
  CHECK(first[1] == std::string(58, '1') + "2|0");
  // Degree 43 is the largest listed in full.
  CHECK(rrmp_count(43) <= kMaxRrmpList);
  CHECK(rrmp_count(44) > kMaxRrmpList);
}

TEST_CASE("partitions and rrmps of more than 2^30 are refused (sums fit an int)", "[limits][parse]") {
  // 2200 parts of 999999 sum past 2^31: sum() overflowed an int before.
  std::string many = "999999";
  for (int i = 1; i < 2200; ++i) many += ",999999";
  CHECK_THROWS_AS(Partition::parse(many), invalid_argument);
  CHECK_THROWS_AS(Rrmp::parse(many + "|0"), invalid_argument);
  CHECK_THROWS_AS(Rrmp::parse("0|" + many), invalid_argument);
  CHECK_THROWS_AS(Partition(std::vector<int>(3, 1 << 30)), invalid_argument);
  // Up to the limit they are fine.
  CHECK(Partition(std::vector<int>{1 << 29, 1 << 29}).sum() == 1 << 30);
  CHECK(Rrmp({1 << 28}, {1 << 28}).degree() == 3 << 28);
  CHECK_THROWS_AS(Rrmp({1 << 29}, {1 << 28, 1}), invalid_argument);
}

TEST_CASE("partition and rrmp strings: malformed text is a parse_error naming it", "[parse]") {
  CHECK(Partition::parse(" (2,1,1) ") == Partition(std::vector<int>{2, 1, 1}));
  CHECK(Partition::parse("112") == Partition(std::vector<int>{2, 1, 1}));
  CHECK(Partition::parse("12,3") == Partition(std::vector<int>{12, 3}));
  // A single part >= 10 needs the trailing ',' (as in rrmp strings); "11" stays (1,1).
  CHECK(Partition::parse("10,") == Partition(std::vector<int>{10}));
  CHECK(Partition::parse("(11,)") == Partition(std::vector<int>{11}));
  CHECK(Partition::parse("11") == Partition(std::vector<int>{1, 1}));
  // ... and printing keeps it, so that every partition round-trips (fuzz input "51,").
  CHECK(Partition{51}.to_string() == "(51,)");
  CHECK(Partition{12, 3}.to_string() == "(12,3)");
  CHECK(Partition{9}.to_string() == "(9)");
  for (const Partition& p : {Partition{51}, Partition{10}, Partition{9}, Partition{5, 1}, Partition{12, 3}})
    CHECK(Partition::parse(p.to_string()) == p);
  CHECK_THROWS_WITH(Partition::parse("10"), Catch::Contains("'10,'"));
  for (const char* bad : {",", "2,,", ",2"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(Partition::parse(bad), parse_error);
  }
  for (const char* bad : {"", "()", "2,,1", "2,0", "-1", "1.5", "20", "2;1", "1234567,1", "x"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(Partition::parse(bad), parse_error);
  }
  CHECK_THROWS_WITH(Partition::parse("2,a"), Catch::Contains("'a'"));
  CHECK(Rrmp::parse("(2|1)") == Rrmp({2}, {1}));
  CHECK(Rrmp::parse("11,|0") == Rrmp({11}, {}));
  for (const char* bad : {"", "|", "1|", "|0", "112", "1|1|1", "10|0", "1,0|0", "a|0", "1,1234567|0"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(Rrmp::parse(bad), parse_error);
  }
}

}  // namespace lcngeom
