// Square-free decomposition and factorization over Q.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("square-free decomposition multiplies back and has the right shape", "[factor]") {
  auto g = test::rng(20);
  for (int it = 0; it < 150; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 5));
    std::vector<int> rho, gamma;
    for (int i = 0; i < n; ++i) rho.push_back(static_cast<int>(test::uniform(g, 1, 4)));
    for (int i = 0; i < static_cast<int>(test::uniform(g, 0, 2)); ++i)
      gamma.push_back(static_cast<int>(test::uniform(g, 1, 3)));
    BinaryForm p = test::planted_form(g, rho, gamma);
    FormFactorization d = squarefree_decomposition(p);
    INFO("p = " << p);
    CHECK(d.expand() == p);
    int prev = 0;
    for (std::size_t i = 0; i < d.factors.size(); ++i) {
      const FormFactor& f = d.factors[i];
      CHECK(f.multiplicity > prev);
      prev = f.multiplicity;
      CHECK(is_squarefree(f.form));
      CHECK(f.form.is_integral());
      for (std::size_t j = i + 1; j < d.factors.size(); ++j) CHECK(gcd(f.form, d.factors[j].form).degree() == 0);
    }
  }
}

TEST_CASE("powers of y merge into the factor of their multiplicity", "[factor]") {
  // p = y^2 (x - y)^2 (x + y): factors (x-y) y of multiplicity 2 and (x+y).
  BinaryForm p = BinaryForm::parse("y^2*(x-y)^2*(x+y)");
  FormFactorization d = squarefree_decomposition(p);
  REQUIRE(d.factors.size() == 2);
  CHECK(d.factors[0].multiplicity == 1);
  CHECK(d.factors[0].form == BinaryForm{1, 1});
  CHECK(d.factors[1].multiplicity == 2);
  CHECK(d.factors[1].form == BinaryForm::parse("(x-y)*y"));
  CHECK(d.unit == Rational(1));
  CHECK(squarefree_decomposition(BinaryForm{0, 0, -3}).factors[0].form == BinaryForm{0, 1});
  CHECK(squarefree_decomposition(BinaryForm{0, 0, -3}).unit == Rational(-3));
  CHECK(squarefree_decomposition(BinaryForm{7}).factors.empty());
  CHECK_THROWS_AS(squarefree_decomposition(BinaryForm::zero(3)), domain_error);
  CHECK_THROWS_AS(factor(BinaryForm::zero(1)), domain_error);
}

TEST_CASE("factorization into Q-irreducibles reproduces the form", "[factor]") {
  auto g = test::rng(21);
  for (int it = 0; it < 100; ++it) {
    BinaryForm a = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 1, 4)), 6);
    BinaryForm b = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 1, 3)), 6);
    BinaryForm p = a * a * b * BinaryForm{0, 1};
    FormFactorization f = factor(p);
    CHECK(f.expand() == p);
    for (const FormFactor& ff : f.factors) {
      CHECK(factor(ff.form).factors.size() == 1);  // irreducible
      CHECK(factor(ff.form).factors[0].multiplicity == 1);
    }
  }
  FormFactorization f = factor(BinaryForm::parse("(x^2-2y^2)*(x^2+y^2)*(3x-y)^3*y"));
  REQUIRE(f.factors.size() == 4);
  CHECK(f.factors[0].form == BinaryForm{0, 1});
  CHECK(f.factors[1].form == BinaryForm{3, -1});
  CHECK(f.factors[1].multiplicity == 3);
  CHECK(f.factors[2].form == BinaryForm{1, 0, -2});
  CHECK(f.factors[3].form == BinaryForm{1, 0, 1});
  CHECK(squarefree_part(BinaryForm::parse("(x-y)^3*(x+y)^2*y")) == BinaryForm::parse("(x-y)*(x+y)*y"));
}
