// Classifications of float limits (limit_classification.hpp): the paper's
// tolerance rule (a) on planted roots, the exact rrmp of the float filter (c),
// Table 2's distinct-solution rule, exact reading of doubles; and the random
// streams (random_stream.hpp).
#include <catch2/catch.hpp>

#include <boost/multiprecision/mpfr.hpp>
#include <cmath>
#include <set>

#include "mp_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// The filter of prod (t - r_i) for real roots and prod (t^2 - 2 a t + a^2 + b^2)
// for pairs a +- ib, times c.
std::vector<double> planted(const std::vector<double>& real, const std::vector<std::pair<double, double>>& pairs,
                            double c = 1) {
  std::vector<double> p{c};
  for (double r : real) p = polynomial_product(p, std::vector<double>{1, -r});
  for (auto [a, b] : pairs) p = polynomial_product(p, std::vector<double>{1, -2 * a, a * a + b * b});
  return p;
}

std::string rule(const FilterSet<double>& t, double tol = 1e-4) {
  const auto r = tolerance_rrmp(t, tol);
  return r ? r->to_string() : "none";
}

}  // namespace

TEST_CASE("rule (a) on planted roots: real, complex, equal within tol, roots at infinity and at zero", "[classify]") {
  // Distinct roots.
  CHECK(rule({planted({1, 2, -3}, {})}) == "111|0");
  CHECK(rule({planted({1}, {{0.5, 2}})}) == "1|1");
  // Pooled across filters: the same root in two filters is a double root.
  CHECK(rule({{1, -2}, {3, -6}}) == "2|0");
  CHECK(rule({planted({2}, {}), planted({2, 5}, {})}) == "12|0");
  // Within tol = 1e-4 relative: the same; outside: distinct.
  CHECK(rule({planted({1.0, 1.00005}, {})}) == "2|0");
  CHECK(rule({planted({1.0, 1.0002}, {})}) == "11|0");
  // Transitively closed: 1, 1 + 0.8e-4, 1 + 1.6e-4 form one component.
  CHECK(rule({planted({1.0, 1.00008}, {}), planted({1.00016}, {})}) == "3|0");
  // Nearly real pairs count as a double real root; clearly complex ones as a pair.
  CHECK(rule({planted({}, {{3, 3e-5}})}) == "2|0");
  CHECK(rule({planted({}, {{3, 3e-3}})}) == "0|1");
  CHECK(rule({planted({}, {{3, 1}}), planted({}, {{3, 1.00001}})}) == "0|2");
  // A zero leading coefficient is a root at infinity; two of them are the same root.
  CHECK(rule({{0, 1}, {0, 3}}) == "2|0");
  CHECK(rule({{0, 1}, {1e-12, 3}}) == "11|0");  // a huge finite root is not (1:0)
  CHECK(rule({{0, 0, 1}}) == "2|0");
  // Trailing zeros: t = 0, equal only to itself (the rule is relative).
  CHECK(rule({{1, 0}, {2, 0}}) == "2|0");
  CHECK(rule({{1, 0}, {2, 1e-9}}) == "11|0");  // the relative rule separates 0 from -5e-10
  // Undefined: a zero filter or a non-finite coefficient.
  CHECK(rule({{0, 0}, {1, 1}}) == "none");
  CHECK(rule({{NAN, 1}, {1, 1}}) == "none");
  CHECK(rule({{1, 1}, {INFINITY, 1}}) == "none");
}

TEST_CASE("rule (a) agrees with the exact rrmp on random float filters (generic: simple roots)", "[classify]") {
  auto g = test::rng(2001);
  std::normal_distribution<double> n01;
  for (int deg = 1; deg <= 7; ++deg)
    for (int trial = 0; trial < 300; ++trial) {
      std::vector<double> w(static_cast<std::size_t>(deg) + 1);
      for (double& x : w) x = n01(g);
      INFO("filter of degree " << deg);
      CHECK(tolerance_rrmp(FilterSet<double>{w}) == exact_rrmp_of_float_filter(FilterSet<double>{w}));
    }
}

TEST_CASE("rule (a) on planted multiple roots of high degree (Aberth) in double and MPFR", "[classify][mpfr]") {
  auto g = test::rng(2002);
  std::uniform_real_distribution<double> U(-3, 3);
  for (int trial = 0; trial < 100; ++trial) {
    // A double real root, a simple real root, a double complex pair: 2 + 1 + 4 = degree 7.
    // |roots| >= 1/2: the rule is relative, roots near 0 are a different test.
    const double r = (U(g) < 0 ? -1 : 1) * (0.5 + std::abs(U(g))), s = r + 0.5 + std::abs(U(g)), a = U(g),
                 b = 0.5 + std::abs(U(g));
    const std::vector<double> w = planted({r, r, s}, {{a, b}, {a, b}});
    // Double roots are found to ~sqrt(eps) ~ 1e-8 relative: the same within 1e-4.
    CHECK(rule({w}) == "12|2");
    using boost::multiprecision::mpfr_float;
    const unsigned saved = mpfr_float::default_precision();
    mpfr_float::default_precision(50);
    std::vector<mpfr_float> wm;
    for (double x : w) wm.push_back(mpfr_float(x));
    const auto rm = tolerance_rrmp(FilterSet<mpfr_float>{wm}, 1e-4);
    mpfr_float::default_precision(saved);
    REQUIRE(rm);
    CHECK(rm->to_string() == "12|2");
  }
}

TEST_CASE("form_roots returns conjugation-symmetric roots that reproduce the polynomial", "[classify]") {
  auto g = test::rng(2003);
  std::normal_distribution<double> n01;
  for (int deg = 3; deg <= 8; ++deg)
    for (int trial = 0; trial < 50; ++trial) {
      std::vector<double> w(static_cast<std::size_t>(deg) + 1);
      for (double& x : w) x = n01(g);
      const auto roots = form_roots(w);
      REQUIRE(roots.size() == static_cast<std::size_t>(deg));
      std::multiset<std::pair<double, double>> upper, lower;
      for (const auto& r : roots) {
        REQUIRE_FALSE(r.infinite);
        if (r.im > 0) upper.insert({r.re, r.im});
        if (r.im < 0) lower.insert({r.re, -r.im});
        // |p(r)| small relative to the size of the terms.
        double pr = 0, pi = 0, scale = 0;
        for (double c : w) {
          const double nr = pr * r.re - pi * r.im + c, ni = pr * r.im + pi * r.re;
          pr = nr;
          pi = ni;
          scale = scale * std::hypot(r.re, r.im) + std::abs(c);
        }
        CHECK(std::hypot(pr, pi) <= 1e-10 * scale);
      }
      CHECK(upper == lower);
    }
}

TEST_CASE("(c): the exact rrmp of the float filter reads doubles exactly", "[classify]") {
  auto g = test::rng(2004);
  std::normal_distribution<double> n01;
  for (int i = 0; i < 2000; ++i) {
    const double x = n01(g) * std::pow(2.0, test::uniform(g, -60, 60));
    const Rational q = exact_rational(x);
    CHECK(q.to_double() == x);
    CHECK(q.denominator().bits() <= 1075);  // at most 2^1074
  }
  CHECK(exact_rational(0.75) == Rational(3, 4));
  CHECK(exact_rational(-5e-324) == pow(Rational(2L), -1074) * Rational(-1L));
  CHECK_THROWS_AS(exact_rational(NAN), invalid_argument);
  // The float point of an exactly repeated root: (x - 1/2 y)^2 (x + 3 y) is 12|0.
  CHECK(exact_rrmp_of_float_filter({{1, -0.5}, {1, -0.5}, {1, 3}})->to_string() == "12|0");
  // The product is formed exactly: 0.1 is not 1/10, yet (0.1 x + y)^2 is still a square.
  CHECK(exact_rrmp_of_float_filter({{0.1, 1}, {0.1, 1}})->to_string() == "2|0");
  // A double rounding of a double root has simple roots: the wrong question.
  CHECK(exact_rrmp_of_float_filter({{1, -2.0000000000000004, 1.0000000000000004}})->to_string() != "2|0");
  CHECK_FALSE(exact_rrmp_of_float_filter({{0, 0}, {1, 1}}));
  CHECK_FALSE(exact_rrmp_of_float_filter({{NAN, 0}, {1, 1}}));
}

TEST_CASE("Table 2's rule: entries within tol max(max_j |w_jk|, 1), closed transitively", "[classify]") {
  const std::vector<std::vector<double>> s = {{1, 2, 3}, {1 + 5e-5, 2, 3}, {1, 2, 3.0004}, {-1, 2, 3}};
  // scale = (1, 2, 3.0004): 3.0004 - 3 = 4e-4 > 1e-4 * 3.0004.
  auto labels = distinct_solution_labels(s, 1e-4);
  CHECK(labels == std::vector<std::size_t>{0, 0, 1, 2});
  labels = distinct_solution_labels(s, 2e-4);
  CHECK(labels == std::vector<std::size_t>{0, 0, 0, 1});
  // Small entries are compared at scale 1, not relatively.
  CHECK(distinct_solution_labels({{1e-9, 1}, {-1e-9, 1}}) == std::vector<std::size_t>{0, 0});
  // Chains merge.
  CHECK(distinct_solution_labels({{0, 0}, {0.8e-4, 0}, {1.6e-4, 0}}) == std::vector<std::size_t>{0, 0, 0});
  CHECK(distinct_solution_labels({}).empty());
  CHECK_THROWS_AS(distinct_solution_labels({{1, 2}, {1}}), invalid_argument);
}

TEST_CASE("random streams: reproducible, independent per key, documented constants", "[rng]") {
  RandomStream a{1, 2, 3}, b{1, 2, 3}, c{1, 2, 4}, d{1, 3, 2};
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = a.next();
    CHECK(x == b.next());
    CHECK(x != c.next());
    CHECK(x != d.next());
  }
  // The key hash of the header comment, by hand for the key {0}.
  const std::uint64_t h = RandomStream::mix(0x6A09E667F3BCC909ULL ^ RandomStream::mix(0x9E3779B97F4A7C15ULL));
  const std::uint64_t key0[] = {0};
  CHECK(RandomStream::hash_key(key0) == h);
  // SplitMix64's published first output for seed 0 is 0xE220A8397B1DCDAF.
  CHECK(RandomStream::mix(0x9E3779B97F4A7C15ULL) == 0xE220A8397B1DCDAFULL);
  // N(0, 1): moments of 200,000 draws.
  RandomStream r{test::seed(), 99};
  double s1 = 0, s2 = 0, s4 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    s1 += z;
    s2 += z * z;
    s4 += z * z * z * z;
  }
  CHECK(std::abs(s1 / n) < 0.015);
  CHECK(std::abs(s2 / n - 1) < 0.02);
  CHECK(std::abs(s4 / n - 3) < 0.1);
  RandomStream u{5};
  for (int i = 0; i < 1000; ++i) {
    const double x = u.uniform();
    CHECK(x >= 0);
    CHECK(x < 1);
  }
}
