// BinaryForm as a value: total order (degree, then coefficients) and std::hash
// consistent with ==, on forms reached by different routes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <compare>
#include <map>
#include <unordered_set>
#include <vector>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("BinaryForm order: by degree, then lexicographic in (a_0, ..., a_n)", "[forms][ergonomics]") {
  CHECK(BinaryForm{5} < BinaryForm{0, 1});  // degree first
  CHECK(BinaryForm{1, 2, 3} < BinaryForm{1, 3, 0});
  CHECK(BinaryForm{-1, 9, 9} < BinaryForm{0, 0, 1});
  CHECK(BinaryForm::zero(2) < BinaryForm{0, 0, 1});
  CHECK(std::is_eq(BinaryForm{1, 2} <=> BinaryForm::parse("x+2y")));
  CHECK(BinaryForm(std::vector<Rational>{Rational(1, 3), 0}) < BinaryForm(std::vector<Rational>{Rational(1, 2), 0}));
  // Leading zeros are part of the value: y^2 (degree 2) is not y (degree 1) nor 1.
  CHECK(BinaryForm{0, 0, 1} != BinaryForm{0, 1});
  CHECK(std::hash<BinaryForm>{}(BinaryForm{0, 0, 1}) != std::hash<BinaryForm>{}(BinaryForm{0, 1}));
}

TEST_CASE("BinaryForm: order and hash agree with == on random forms built different ways", "[forms][ergonomics]") {
  auto g = test::rng(921);
  std::vector<BinaryForm> pool;
  for (int t = 0; t < 200; ++t) {
    const int n = static_cast<int>(test::uniform(g, 0, 4));
    const BinaryForm p = test::random_form(g, n, 3);
    const BinaryForm q = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 0, 2)), 3);
    pool.push_back(p);
    pool.push_back(BinaryForm::parse(p.to_coefficient_string()));  // equal, parsed back
    if (!q.is_zero() && !p.is_zero()) pool.push_back(divexact(p * q, q));
    pool.push_back(Rational(1, 3) * (Rational(3) * p));
    pool.push_back(p + BinaryForm::zero(n));
  }
  for (std::size_t i = 0; i < pool.size(); ++i)
    for (std::size_t j = i; j < pool.size(); j += 5) {
      const BinaryForm &a = pool[i], &b = pool[j];
      const auto c = a <=> b;
      CHECK(std::is_eq(c) == (a == b));
      CHECK(((b <=> a) == (0 <=> c)));
      if (a == b) CHECK(std::hash<BinaryForm>{}(a) == std::hash<BinaryForm>{}(b));
      if (a.degree() != b.degree()) CHECK((c < 0) == (a.degree() < b.degree()));
    }
  std::vector<BinaryForm> sorted = pool;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::is_sorted(sorted.begin(), sorted.end()));
  const auto distinct = static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
  CHECK(std::unordered_set<BinaryForm>(pool.begin(), pool.end()).size() == distinct);
  std::map<BinaryForm, Rrmp> by_form;
  for (const BinaryForm& p : pool)
    if (!p.is_zero()) by_form.emplace(p, rrmp(p));
  CHECK(by_form.size() <= distinct);
}
