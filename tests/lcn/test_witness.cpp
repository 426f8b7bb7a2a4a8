// Witness factorizations (Lemma 4.2's construction): exact over Q, else
// certified numeric with the exact error of the rounded filters.
#include <catch2/catch.hpp>

#include "lcngeom/flint.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// q is a dyadic rational with at most `bits` significant bits.
bool is_dyadic_with_bits(const Rational& q, long bits) {
  const Integer den = q.denominator(), num = q.numerator();
  if (Integer(1) * pow(Integer(2), fmpz_val2(den.raw())) != den) return false;
  if (num.is_zero()) return true;
  return num.bits() - static_cast<long>(fmpz_val2(num.raw())) <= bits;
}

Rational max_abs(const BinaryForm& p) {
  Rational m;
  for (const Rational& c : p.coefficients())
    if (abs(c) > m) m = abs(c);
  return m;
}

void check_witness(const Architecture& a, const BinaryForm& p, const Witness& w, long prec) {
  REQUIRE(w.filters.size() == static_cast<std::size_t>(a.depth()));
  for (std::size_t l = 0; l < w.filters.size(); ++l) CHECK(static_cast<int>(w.filters[l].size()) == a.filters()[l]);
  const BinaryForm diff = mu(a, w.filters) - p;
  Rational emax, esq;
  for (const Rational& c : diff.coefficients()) {
    if (abs(c) > emax) emax = abs(c);
    esq += c * c;
  }
  CHECK(w.error_max == emax);  // the reported error is exact
  CHECK(w.error_squared == esq);
  CHECK(w.exact == esq.is_zero());
  const Rational bound = w.error_norm_bound();
  CHECK(bound * bound >= esq);
  if (!w.exact) {
    CHECK(w.precision == prec);
    for (std::size_t l = 0; l < w.filters.size(); ++l)
      if (!w.exact_filters[l])
        for (const Rational& c : w.filters[l]) CHECK(is_dyadic_with_bits(c, prec));
    // Relative accuracy of roughly `prec` bits (generous margin for the products).
    CHECK(emax * pow(Rational(2), prec - 40) <= Rational(1) + max_abs(p));
  }
}

}  // namespace

TEST_CASE("exact witnesses group the Q-factors by degree", "[witness]") {
  // Example 5.6 / Section 7.3: (x + y)(x + 2y)(x + 3y)(4x + y) for k = (4, 2).
  const Architecture a({4, 2});
  const BinaryForm p = BinaryForm::parse("(x+y)(x+2y)(x+3y)(4x+y)");
  const auto w = exact_witness(a, p);
  REQUIRE(w);
  CHECK(mu(a, *w) == p);
  const Witness full = witness(a, p);
  CHECK(full.exact);
  CHECK(full.precision == 0);
  CHECK(full.error_max.is_zero());
  // Roots at infinity and repeated factors: y^2 (x^2 + y^2)(x - 3y) for k = (3, 2, 2, 2, 1).
  const Architecture b({3, 2, 2, 2, 1});
  const BinaryForm q = BinaryForm::parse("-5/3*y^2*(x^2+y^2)*(x-3y)");
  const auto wq = exact_witness(b, q);
  REQUIRE(wq);
  CHECK(mu(b, *wq) == q);
  // The zero form: zero filters.
  const auto z = exact_witness(a, BinaryForm::zero(4));
  REQUIRE(z);
  CHECK(mu(a, *z).is_zero());
  // No grouping over Q: an irreducible quadratic with real roots for (2, 2).
  CHECK_FALSE(exact_witness(Architecture({2, 2}), BinaryForm::parse("x^2 - 2y^2")));
  // ... and a definite quartic for (4, 2) (not in the function space at all).
  CHECK_FALSE(exact_witness(a, BinaryForm::parse("(x^2+y^2)(x^2+2y^2)")));
  // The last stride does not enter mu (Cor. 4.10).
  const Architecture c({4, 2}, {1, 3});
  CHECK(mu(c, *exact_witness(c, p)) == p);
}

TEST_CASE("numeric witnesses when the real factors are not over Q", "[witness]") {
  // x^4 - 10 x^2 y^2 + y^4 = prod (x -+ sqrt2 y -+ sqrt3 y): irreducible over Q, four real roots.
  const BinaryForm p = BinaryForm::parse("x^4 - 10x^2y^2 + y^4");
  const Architecture a({2, 2, 2, 2});
  CHECK_FALSE(exact_witness(a, p));
  for (long prec : {32L, 64L, 128L, 300L}) {
    const Witness w = witness(a, p, prec);
    CHECK_FALSE(w.exact);
    check_witness(a, p, w, prec);
  }
  // Only one Q-factor needs splitting: (x - y)(x^2 - 2y^2) for (2, 2, 2) keeps x - y exact.
  const Architecture b({2, 2, 2});
  const BinaryForm q = BinaryForm::parse("3(x-y)(x^2-2y^2)");
  const Witness wq = witness(b, q, 96);
  check_witness(b, q, wq, 96);
  CHECK(std::count(wq.exact_filters.begin(), wq.exact_filters.end(), true) == 1);
  // Minimal splitting: (x^2 - 2y^2)(x^2 - 3y^2) for (3, 2, 2) splits one quadratic only.
  const Architecture c({3, 2, 2});
  const BinaryForm r = BinaryForm::parse("(x^2-2y^2)(x^2-3y^2)");
  const Witness wr = witness(c, r, 80);
  check_witness(c, r, wr, 80);
  CHECK(std::count(wr.exact_filters.begin(), wr.exact_filters.end(), true) == 1);
  // Complex pairs off Q: an irreducible sextic with two real roots for (4, 4) ... e = 2.
  const Architecture d({4, 4});
  const BinaryForm s = BinaryForm::parse("x^6 + x^5y + 3x^2y^4 - 2y^6");
  REQUIRE(in_function_space(d, s));
  check_witness(d, s, witness(d, s, 128), 128);
}

TEST_CASE("witnesses for random members of paper and unlisted architectures", "[witness]") {
  auto g = test::rng(501);
  const std::vector<std::vector<int>> archs = {{2, 2},          {2, 2, 2}, {4, 2},    {3, 2, 2}, {2, 2, 2, 2},
                                               {2, 2, 2, 2, 2}, {4, 4, 2}, {6, 2, 2}, {3, 3},    {5, 1, 2}};
  int numeric = 0;
  for (const auto& k : archs) {
    const Architecture a(k);
    for (int it = 0; it < 25; ++it) {
      const BinaryForm p = test::random_nonzero_form(g, a.end_to_end_filter_size() - 1, 9);
      INFO(a.to_string() << " p = " << p);
      if (!in_function_space(a, p)) {
        CHECK_THROWS_AS(witness(a, p), domain_error);
        continue;
      }
      const Witness w = witness(a, p, 100);
      check_witness(a, p, w, 100);
      numeric += !w.exact;
    }
  }
  CHECK(numeric > 10);
}

TEST_CASE("witness errors", "[witness][errors]") {
  const Architecture a({4, 2});
  CHECK_THROWS_AS(witness(a, BinaryForm{1, 0, 1}), invalid_argument);
  CHECK_THROWS_AS(witness(a, BinaryForm::parse("(x^2+y^2)^2"), 64), domain_error);
  CHECK_THROWS_AS(witness(a, BinaryForm::parse("x^4 - y^4"), 8), invalid_argument);
  CHECK_THROWS_AS(exact_witness(Architecture({3, 2}, {2, 1}), BinaryForm{1, 0, 0, 0, 1}), not_supported);
  CHECK_THROWS_AS(witness(Architecture::parse("2x2,2x2"), BinaryForm{1, 0, 1}), domain_error);
  try {
    witness(a, BinaryForm::parse("(x^2+y^2)^2"));
    FAIL("no throw");
  } catch (const domain_error& e) {
    CHECK(std::string(e.what()).find("e = 2") != std::string::npos);
  }
}
