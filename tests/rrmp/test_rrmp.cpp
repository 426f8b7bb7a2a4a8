// rrmp (Definition 3.2): Example 3.3 tables, closed forms vs general algorithm,
// planted forms up to degree 40, GL2 invariance, roots at infinity, parsing.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "support.hpp"

using namespace lcngeom;

namespace {

struct Row {
  const char* rrmp;
  const char* form;
};

// One concrete form per rrmp listed in Example 3.3.
const Row kQuadratic[] = {{"11|0", "x^2-y^2"}, {"2|0", "x^2"}, {"0|1", "x^2+y^2"}};
const Row kCubic[] = {{"111|0", "x^3-x*y^2"}, {"12|0", "x(x-y)^2"}, {"3|0", "(x-y)^3"}, {"1|1", "x(x^2+y^2)"}};
const Row kQuartic[] = {{"1111|0", "(x^2-y^2)(x^2-4y^2)"},
                        {"112|0", "(x^2-y^2)x^2"},
                        {"22|0", "(x^2-y^2)^2"},
                        {"13|0", "x(x-y)^3"},
                        {"4|0", "(x+2y)^4"},
                        {"11|1", "(x^2-y^2)(x^2+y^2)"},
                        {"2|1", "x^2(x^2+y^2)"},
                        {"0|2", "(x^2+y^2)^2"},
                        {"0|11", "2x^4+5x^2y^2+2y^4"}};

}  // namespace

TEST_CASE("Example 3.3: every listed rrmp for n = 2, 3, 4", "[rrmp][paper]") {
  std::set<std::string> seen;
  auto check_row = [&](const Row& row) {
    BinaryForm p = BinaryForm::parse(row.form);
    INFO(row.form);
    CHECK(rrmp_general(p).to_string() == row.rrmp);
    CHECK(rrmp_closed_form(p)->to_string() == row.rrmp);
    CHECK(rrmp(p).to_string() == row.rrmp);
    seen.insert(row.rrmp);
  };
  for (const Row& r : kQuadratic) check_row(r);
  for (const Row& r : kCubic) check_row(r);
  for (const Row& r : kQuartic) check_row(r);
  // The tables are complete: exactly the rrmps the enumeration produces.
  for (int n : {2, 3, 4})
    for (const Rrmp& r : all_rrmps(n)) CHECK(seen.count(r.to_string()) == 1);
  CHECK(all_rrmps(2).size() == 3);
  CHECK(all_rrmps(3).size() == 4);
  CHECK(all_rrmps(4).size() == 9);
}

TEST_CASE("Example 3.3: sign conditions of the discriminant and of delta, delta', p, q", "[rrmp][paper]") {
  for (const Row& r : kQuadratic) {
    BinaryForm p = BinaryForm::parse(r.form);
    int s = discriminant(p).sign();
    std::string want = s > 0 ? "11|0" : s == 0 ? "2|0" : "0|1";
    CHECK(want == r.rrmp);
  }
  for (const Row& r : kCubic) {
    CubicInvariants c = cubic_invariants(BinaryForm::parse(r.form));
    CHECK(c.disc == discriminant(BinaryForm::parse(r.form)));
    std::string rr = r.rrmp;
    if (rr == "111|0") CHECK(c.disc.sign() > 0);
    if (rr == "12|0") CHECK((c.disc.is_zero() && !(c.delta1.is_zero() && c.delta2.is_zero() && c.delta3.is_zero())));
    if (rr == "3|0") CHECK((c.delta1.is_zero() && c.delta2.is_zero() && c.delta3.is_zero()));
    if (rr == "1|1") CHECK(c.disc.sign() < 0);
  }
  for (const Row& r : kQuartic) {
    BinaryForm f = BinaryForm::parse(r.form);
    DepressedQuartic d = depressed_quartic(f);
    INFO(r.form);
    CHECK(d.delta * pow(f.coeff(0), 6) == discriminant(f));  // delta "corresponds to the discriminant"
    const int s = d.delta.sign(), s1 = d.delta_prime.sign(), sp = d.p.sign();
    const std::string rr = r.rrmp;
    if (rr == "1111|0") CHECK((s > 0 && s1 > 0 && sp < 0));
    if (rr == "112|0") CHECK((s == 0 && s1 > 0 && sp < 0));
    if (rr == "22|0") CHECK((s == 0 && s1 == 0 && sp < 0 && d.q.is_zero()));
    if (rr == "13|0") CHECK((s == 0 && s1 == 0 && sp < 0 && !d.q.is_zero()));
    if (rr == "4|0") CHECK((s == 0 && s1 == 0 && sp == 0));
    if (rr == "11|1") CHECK(s < 0);
    if (rr == "2|1") CHECK((s == 0 && s1 < 0));
    if (rr == "0|2") CHECK((s == 0 && s1 == 0 && sp > 0));
    if (rr == "0|11") CHECK((s > 0 && (s1 <= 0 || sp > 0)));
  }
  CHECK_THROWS_AS((depressed_quartic(BinaryForm{0, 1, 0, 0, 1})), domain_error);
  CHECK_THROWS_AS((cubic_invariants(BinaryForm{1, 0, 1})), invalid_argument);
}

TEST_CASE("closed forms agree with the general algorithm on degenerate random forms", "[rrmp]") {
  auto g = test::rng(40);
  std::map<std::string, int> hits;
  for (int it = 0; it < 40000; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 4));
    // Tiny coefficients hit the discriminant and the deeper strata often.
    BinaryForm p = test::random_nonzero_form(g, n, it % 2 ? 2 : 5);
    Rrmp a = rrmp_general(p);
    std::optional<Rrmp> b = rrmp_closed_form(p);
    REQUIRE(b.has_value());
    INFO("p = " << p.to_coefficient_string());
    REQUIRE(a == *b);
    ++hits[a.to_string()];
  }
  for (int n : {2, 3, 4})
    for (const Rrmp& r : all_rrmps(n)) CHECK(hits[r.to_string()] > 0);  // every stratum was exercised
}

TEST_CASE("planted forms up to degree 40 have the rrmp they were built with", "[rrmp]") {
  auto g = test::rng(41);
  for (int it = 0; it < 120; ++it) {
    const int target = static_cast<int>(test::uniform(g, 1, 40));
    std::vector<int> rho, gamma;
    int left = target;
    while (left > 0) {
      const int m = static_cast<int>(test::uniform(g, 1, std::min(left, 6)));
      if (m * 2 <= left && test::uniform(g, 0, 2) == 0) {
        gamma.push_back(m);
        left -= 2 * m;
      } else {
        rho.push_back(m);
        left -= m;
      }
    }
    BinaryForm p = test::planted_form(g, rho, gamma, 9);
    Rrmp want(rho, gamma);
    INFO("planted " << want << " as " << p.to_coefficient_string());
    CHECK(rrmp(p) == want);
    CHECK(rrmp_general(p) == want);
    CHECK(count_real_roots(p) == want.distinct_real_roots());
  }
}

TEST_CASE("rrmp is invariant under GL2(Q) substitution and scaling", "[rrmp]") {
  auto g = test::rng(42);
  for (int it = 0; it < 300; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 9));
    std::vector<int> rho, gamma;
    for (int left = n; left > 0;) {
      int m = static_cast<int>(test::uniform(g, 1, std::min(left, 3)));
      if (left >= 2 * m && test::uniform(g, 0, 1)) gamma.push_back(m), left -= 2 * m;
      else rho.push_back(m), left -= m;
    }
    BinaryForm p = test::planted_form(g, rho, gamma, 5);
    auto M = test::random_gl2(g, 6);
    Rational c(test::uniform(g, 1, 50) * (it % 2 ? 1 : -1), test::uniform(g, 1, 50));
    BinaryForm q = c * p.substitute(Rational(M[0]), Rational(M[1]), Rational(M[2]), Rational(M[3]));
    CHECK(rrmp(q) == rrmp(p));
    CHECK(rrmp(q) == Rrmp(rho, gamma));
  }
}

TEST_CASE("roots at infinity count as real roots", "[rrmp]") {
  CHECK(rrmp(BinaryForm::parse("(x-y)^2*(x+2y)*y")).to_string() == "112|0");
  CHECK(rrmp(BinaryForm{0, 0, 0, 1}).to_string() == "3|0");
  CHECK(rrmp(BinaryForm{0, 0, 1, 0, 1}).to_string() == "2|1");      // y^2 (x^2 + y^2)
  CHECK(rrmp(BinaryForm{0, 1, 0, 0, 0, 0}).to_string() == "14|0");  // x^4 y
  CHECK(rrmp(BinaryForm{0, 0, 0, 0, 0, 0, 1}).to_string() == "6|0");
  CHECK(rrmp(BinaryForm{3}).to_string() == "0|0");
  CHECK_THROWS_AS(rrmp(BinaryForm::zero(3)), domain_error);
  CHECK_THROWS_AS(rrmp_general(BinaryForm::zero(7)), domain_error);
}

TEST_CASE("rrmp strings: printing, parsing, multiplicities >= 10", "[rrmp]") {
  for (int n = 0; n <= 12; ++n)
    for (const Rrmp& r : all_rrmps(n)) {
      CHECK(Rrmp::parse(r.to_string()) == r);
      CHECK(r.degree() == n);
      CHECK(r.lambda().sum() == n);
    }
  CHECK(Rrmp({1, 12}, {}).to_string() == "1,12|0");
  CHECK(Rrmp({11}, {}).to_string() == "11,|0");  // not "11|0", which is two simple roots
  CHECK(Rrmp({}, {10}).to_string() == "0|10,");
  CHECK(Rrmp::parse("11|0") == Rrmp({1, 1}, {}));
  CHECK(Rrmp::parse("1,12|0") == Rrmp({1, 12}, {}));
  CHECK(Rrmp::parse("0|11") == Rrmp({}, {1, 1}));
  CHECK(Rrmp({2, 1, 1}, {}).to_string() == "112|0");
  CHECK(Rrmp({1, 1}, {2}).lambda() == Partition({2, 2, 1, 1}));
  CHECK(rrmp(pow(BinaryForm{1, -1}, 12) * BinaryForm{1, 1}).to_string() == "1,12|0");
  CHECK_THROWS_AS(Rrmp::parse("112"), parse_error);
  CHECK_THROWS_AS(Rrmp::parse("1a|0"), parse_error);
  CHECK_THROWS_AS(Rrmp::parse("|0"), parse_error);
  CHECK_THROWS_AS(Rrmp::parse("1|0|1"), parse_error);
  CHECK_THROWS_AS((Rrmp({0}, {})), invalid_argument);
}

TEST_CASE("the number of rrmps of degree n is sum_c p(n - 2c) p(c)", "[rrmp]") {
  // p(0..12) = 1 1 2 3 5 7 11 15 22 30 42 56 77
  const int p[] = {1, 1, 2, 3, 5, 7, 11, 15, 22, 30, 42, 56, 77};
  for (int n = 0; n <= 12; ++n) {
    CHECK(partitions(n).size() == static_cast<std::size_t>(p[n]));
    std::size_t want = 0;
    for (int c = 0; 2 * c <= n; ++c) want += static_cast<std::size_t>(p[n - 2 * c] * p[c]);
    std::vector<Rrmp> all = all_rrmps(n);
    CHECK(all.size() == want);
    std::set<std::string> distinct;
    for (const Rrmp& r : all) distinct.insert(r.to_string());
    CHECK(distinct.size() == want);
  }
  std::vector<std::string> order;
  for (const Rrmp& r : all_rrmps(4)) order.push_back(r.to_string());
  CHECK(order == std::vector<std::string>{"1111|0", "112|0", "22|0", "13|0", "4|0", "11|1", "2|1", "0|2", "0|11"});
}
