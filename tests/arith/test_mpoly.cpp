// Multivariate polynomials over Q: ring discipline, calculus, elimination.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("RatMPoly arithmetic, evaluation, substitution", "[mpoly]") {
  Ring R = MPolyRing::make({"a", "b", "c"});
  RatMPoly a = RatMPoly::gen(R, "a"), b = RatMPoly::gen(R, 1), c = RatMPoly::gen(R, "c");
  RatMPoly d = b * b - Rational(4) * a * c;  // discriminant of a x^2 + b x y + c y^2
  CHECK(d == RatMPoly::parse(R, "b^2 - 4*a*c"));
  CHECK(d.evaluate({Rational(1), Rational(2), Rational(1)}) == Rational(0));
  CHECK(d.derivative(1) == Rational(2) * b);
  CHECK(d.substitute(0, Rational(1, 4)) == b * b - c);
  CHECK(d.coefficient(1, 2) == RatMPoly::constant(R, Rational(1)));
  CHECK(d.total_degree() == 2);
  CHECK(d.degree(2) == 1);
  CHECK(pow(a + b, 3).evaluate({Rational(1), Rational(1), Rational(0)}) == Rational(8));
  CHECK(divexact(pow(a + b, 3), a + b) == pow(a + b, 2));
  CHECK_THROWS_AS(divexact(a, b), domain_error);
  Ring S = MPolyRing::make({"a", "b", "c"});
  CHECK_THROWS_AS(a + RatMPoly::gen(S, 0), invalid_argument);
  CHECK_THROWS_AS(RatMPoly::parse(R, "a + z"), parse_error);
  CHECK_THROWS_AS(MPolyRing::make({"a", "a"}), invalid_argument);
  CHECK_THROWS_AS(d.evaluate({Rational(1)}), invalid_argument);
  CHECK_THROWS_AS(RatMPoly::gen(R, 7), invalid_argument);
}

TEST_CASE("resultant and discriminant agree with the binary-form invariants", "[mpoly]") {
  auto g = test::rng(60);
  Ring R = MPolyRing::make({"t", "s"});
  for (int it = 0; it < 40; ++it) {
    BinaryForm p = test::random_form(g, static_cast<int>(test::uniform(g, 2, 6)), 9);
    BinaryForm q = test::random_form(g, static_cast<int>(test::uniform(g, 1, 5)), 9);
    if (p.coeff(0).is_zero() || q.coeff(0).is_zero()) continue;
    RatMPoly P = RatMPoly::from_univariate(R, 0, p.dehomogenized());
    RatMPoly Q = RatMPoly::from_univariate(R, 0, q.dehomogenized());
    RatMPoly res = resultant(P, Q, 0);
    REQUIRE(res.is_constant());
    CHECK(res.evaluate({Rational(0), Rational(0)}) == resultant(p, q));
    RatMPoly disc = discriminant(P, 0);
    CHECK(disc.evaluate({Rational(0), Rational(0)}) == discriminant(p));
    CHECK(P.to_univariate(0) == p.dehomogenized());
  }
}

TEST_CASE("multivariate factorization multiplies back", "[mpoly]") {
  Ring R = MPolyRing::make({"u1", "u2", "u3"});
  RatMPoly f = RatMPoly::parse(R, "(u1 - u3)^2*(u1 + u3)^2*u2^2*(3*u1^2 + u2*u3)");
  MPolyFactorization fac = factor(f);
  RatMPoly back = RatMPoly::constant(R, fac.constant);
  for (const auto& [p, e] : fac.factors) back = back * pow(p, static_cast<unsigned long>(e));
  CHECK(back == f);
  CHECK(fac.factors.size() == 4);
  CHECK_THROWS_AS(factor(RatMPoly(R)), domain_error);
}
