// Compatibility of rrmps with architectures: Example 5.6 and brute force.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("Example 5.6: compatible rrmps and witnesses for k = (3,2,2) and (4,2)", "[compat][paper]") {
  // The table as printed in the paper ("—" = not compatible).
  const std::map<std::string, std::pair<std::string, std::string>> table = {
      {"1111|0", {"p1p2\u00b7p3\u00b7p4", "p1p2p3\u00b7p4"}},
      {"112|0", {"p1p2\u00b7p3\u00b7p3", "p1p2p3\u00b7p3"}},
      {"22|0", {"p1p2\u00b7p1\u00b7p2", "\u2014"}},
      {"13|0", {"p1p2\u00b7p2\u00b7p2", "\u2014"}},
      {"4|0", {"\u2014", "\u2014"}},
      {"11|1", {"q1\u00b7p1\u00b7p2", "p1q1\u00b7p2"}},
      {"2|1", {"q1\u00b7p1\u00b7p1", "p1q1\u00b7p1"}},
      {"0|2", {"\u2014", "\u2014"}},
      {"0|11", {"\u2014", "\u2014"}}};
  const std::vector<int> k322{3, 2, 2}, k42{4, 2};
  // The general table, in the paper's column order (all_rrmps(4)).
  const auto row322 = compatibility_table(k322), row42 = compatibility_table(k42);
  REQUIRE(row322.size() == table.size());
  REQUIRE(row42.size() == table.size());
  const std::vector<std::string> paper_order{"1111|0", "112|0", "22|0", "13|0", "4|0", "11|1", "2|1", "0|2", "0|11"};
  for (std::size_t i = 0; i < row322.size(); ++i) {
    CHECK(row322[i].rrmp.to_string() == paper_order[i]);
    CHECK(row42[i].rrmp == row322[i].rrmp);
    const auto& want = table.at(row322[i].rrmp.to_string());
    CHECK((row322[i].witness ? row322[i].witness->to_string() : "\u2014") == want.first);
    CHECK((row42[i].witness ? row42[i].witness->to_string() : "\u2014") == want.second);
  }
  // Section 7.3 / Corollary 5.5: only (3,2,2) admits 22|0 and 13|0.
  CHECK(is_compatible(Rrmp::parse("22|0"), k322));
  CHECK_FALSE(is_compatible(Rrmp::parse("22|0"), k42));
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

// The witness is a valid placement: sizes fill the bins, colours distinct per
// bin, every colour appears as often as its multiplicity.
void check_witness(const Rrmp& r, const std::vector<int>& k, const Placement& p) {
  REQUIRE(p.bins.size() == k.size());
  std::map<std::pair<bool, int>, int> seen;
  for (std::size_t l = 0; l < k.size(); ++l) {
    int load = 0;
    std::set<std::pair<bool, int>> in_bin;
    for (const auto& f : p.bins[l]) {
      load += f.complex ? 2 : 1;
      CHECK(in_bin.insert({f.complex, f.index}).second);
      ++seen[{f.complex, f.index}];
    }
    CHECK(load == k[l] - 1);
  }
  for (std::size_t i = 0; i < r.rho().size(); ++i) CHECK(seen[{false, static_cast<int>(i) + 1}] == r.rho()[i]);
  for (std::size_t j = 0; j < r.gamma().size(); ++j) CHECK(seen[{true, static_cast<int>(j) + 1}] == r.gamma()[j]);
}

}  // namespace

TEST_CASE("compatibility agrees with brute force on small architectures", "[compat]") {
  const std::vector<std::vector<int>> archs = {{2, 2},    {2, 2, 2}, {3, 3},    {2, 2, 2, 2}, {3, 2, 2},
                                               {4, 2},    {5, 2},    {3, 3, 2}, {4, 3},       {2, 2, 2, 2, 2},
                                               {4, 4, 2}, {6, 2, 2}, {3, 1, 3}, {5, 3, 2}};
  for (const auto& k : archs) {
    int n = 0;
    for (int ki : k) n += ki - 1;
    for (const Rrmp& r : all_rrmps(n)) {
      auto p = compatible_placement(r, k);
      INFO("k size " << k.size() << ", rrmp " << r);
      CHECK(p.has_value() == brute_force(r, k));
      if (p) check_witness(r, k, *p);
    }
  }
  const std::vector<int> bad{2, 0}, mismatch{3, 3};
  CHECK_THROWS_AS(is_compatible(Rrmp({1}, {}), bad), invalid_argument);
  CHECK_THROWS_AS(is_compatible(Rrmp({1, 1}, {}), mismatch), invalid_argument);
}

TEST_CASE("compatibility_table on random architectures the paper does not list, against brute force", "[compat]") {
  auto g = test::rng(506);
  int rows = 0, compatible = 0;
  for (int trial = 0; trial < 40; ++trial) {
    // Depth 1..5, sizes 1..5, end-to-end degree at most 7 (brute force is exponential).
    std::vector<int> k;
    const long L = test::uniform(g, 1, 5);
    int n = 0;
    for (long l = 0; l < L; ++l) {
      const int kl = static_cast<int>(test::uniform(g, 1, 5));
      if (n + kl - 1 > 7) break;
      k.push_back(kl);
      n += kl - 1;
    }
    if (k.empty()) k.push_back(2), n = 1;
    const auto table = compatibility_table(k);
    const auto all = all_rrmps(n);
    REQUIRE(table.size() == all.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
      INFO("trial " << trial << ", rrmp " << table[i].rrmp);
      CHECK(table[i].rrmp == all[i]);
      CHECK(table[i].witness.has_value() == brute_force(table[i].rrmp, k));
      if (table[i].witness) {
        check_witness(table[i].rrmp, k, *table[i].witness);
        ++compatible;
      }
      ++rows;
    }
  }
  CHECK(rows > 200);
  CHECK(compatible > 0);
  CHECK(compatible < rows);
  // A single filter is compatible exactly with the square-free patterns.
  for (const auto& row : compatibility_table(std::vector<int>{6})) {
    bool squarefree = true;
    for (int m : row.rrmp.rho()) squarefree = squarefree && m == 1;
    for (int m : row.rrmp.gamma()) squarefree = squarefree && m == 1;
    CHECK(row.witness.has_value() == squarefree);
  }
  CHECK_THROWS_AS(compatibility_table(std::vector<int>{}), invalid_argument);
  CHECK_THROWS_AS(compatibility_table(std::vector<int>{3, 0}), invalid_argument);
}

TEST_CASE("realize_placement builds square-free filters whose product is the planted form", "[compat]") {
  auto g = test::rng(507);
  const std::vector<int> k{3, 2, 2};
  for (const auto& row : compatibility_table(k)) {
    if (!row.witness) continue;
    // Pairwise coprime factors with the row's multiplicities.
    std::vector<BinaryForm> lin, quad;
    BinaryForm p{3};
    auto coprime = [&](const BinaryForm& f) {
      for (const auto& h : lin)
        if (gcd(h, f).degree() > 0) return false;
      for (const auto& h : quad)
        if (gcd(h, f).degree() > 0) return false;
      return true;
    };
    for (int m : row.rrmp.rho()) {
      BinaryForm f = test::random_linear(g, 5);
      while (!coprime(f)) f = test::random_linear(g, 5);
      lin.push_back(f);
      p = p * pow(f, static_cast<unsigned>(m));
    }
    for (int m : row.rrmp.gamma()) {
      BinaryForm f = test::random_irreducible_quadratic(g, 5);
      while (!coprime(f)) f = test::random_irreducible_quadratic(g, 5);
      quad.push_back(f);
      p = p * pow(f, static_cast<unsigned>(m));
    }
    const auto filters = realize_placement(*row.witness, lin, quad, Rational(3));
    REQUIRE(filters.size() == k.size());
    BinaryForm prod{1};
    for (std::size_t l = 0; l < k.size(); ++l) {
      CHECK(filters[l].degree() == k[l] - 1);
      CHECK(is_squarefree(filters[l]));
      prod = prod * filters[l];
    }
    CHECK(prod == p);
    CHECK(rrmp(p) == row.rrmp);
  }
  Placement bad{{{{false, 2}}}};
  CHECK_THROWS_AS(realize_placement(bad, {BinaryForm{1, 0}}, {}, Rational(1)), invalid_argument);
}
