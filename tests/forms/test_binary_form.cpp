// BinaryForm: parsing, printing, arithmetic, derivatives, substitution.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("coefficient lists follow a_0 x^n + ... + a_n y^n (eq. 2.8)", "[form]") {
  BinaryForm p = BinaryForm::parse("2,0,5,0,2");
  CHECK(p.degree() == 4);
  CHECK(p.coeff(0) == Rational(2));
  CHECK(p.coeff(2) == Rational(5));
  CHECK(p.to_string() == "2x^4 + 5x^2y^2 + 2y^4");
  CHECK(p == BinaryForm::parse("2x^4+5x^2y^2+2y^4"));
  CHECK(BinaryForm::parse("[1/5, -3, 0.5]") ==
        BinaryForm(std::vector<Rational>{Rational(1, 5), Rational(-3), Rational(1, 2)}));
  CHECK(BinaryForm::parse("0,0,1").multiplicity_at_infinity() == 2);  // y^2
  CHECK(BinaryForm::parse("0,0,1").to_string() == "y^2");
  CHECK(BinaryForm::parse("0,0,0").is_zero());
  CHECK(BinaryForm::parse("0,0,0").degree() == 2);
}

TEST_CASE("expressions parse into homogeneous forms", "[form]") {
  BinaryForm p = BinaryForm::parse("(x-y)^2*(x^2+7xy+y^2)/5");
  CHECK(p.degree() == 4);
  CHECK(p.to_coefficient_string() == "1/5,1,-12/5,1,1/5");
  CHECK(BinaryForm::parse("(x-y)^2*(x+2y)*y").to_coefficient_string() == "0,1,0,-3,2");
  CHECK(BinaryForm::parse("-x y + 3 y x") == BinaryForm{0, 2, 0});
  CHECK(BinaryForm::parse("2(x+y)^3") == BinaryForm{2, 6, 6, 2});
  CHECK(BinaryForm::parse("x^0*7") == BinaryForm{7});
  CHECK(BinaryForm::parse("0.5x - 1/4y") == BinaryForm(std::vector<Rational>{Rational(1, 2), Rational(-1, 4)}));
  CHECK(BinaryForm::parse("x*y^2/(2)") ==
        BinaryForm(std::vector<Rational>{Rational(0), Rational(0), Rational(1, 2), Rational(0)}));
}

TEST_CASE("printing round-trips through the parser", "[form]") {
  auto g = test::rng(2);
  for (int it = 0; it < 200; ++it) {
    const int n = static_cast<int>(test::uniform(g, 0, 9));
    std::vector<Rational> a;
    for (int i = 0; i <= n; ++i)
      a.emplace_back(test::uniform(g, -1, 1) * test::uniform(g, 0, 50), test::uniform(g, 1, 7));
    BinaryForm p(a);
    CHECK(BinaryForm::parse_coefficients(p.to_coefficient_string()) == p);
    if (!p.is_zero()) CHECK(BinaryForm::parse_expression(p.to_string()) == p);
  }
}

TEST_CASE("bad form input throws typed exceptions naming the input", "[form][errors]") {
  CHECK_THROWS_AS(BinaryForm::parse(""), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse(","), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("1,,2"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("1,1/0"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("1,a"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("x^2+y"), parse_error);    // not homogeneous
  CHECK_THROWS_AS(BinaryForm::parse("x^2-x^2"), parse_error);  // zero polynomial has no degree
  CHECK_THROWS_AS(BinaryForm::parse("(x+y"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("x^"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("x/y"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("x/0"), parse_error);
  CHECK_THROWS_AS(BinaryForm::parse("x+z"), parse_error);
  CHECK_THROWS_AS((BinaryForm(std::vector<long>{})), invalid_argument);
  CHECK_THROWS_AS((BinaryForm{1, 2} + BinaryForm{1, 2, 3}), invalid_argument);  // degree mismatch
  CHECK_THROWS_AS((BinaryForm{0, 0}.multiplicity_at_infinity()), domain_error);
  CHECK_THROWS_AS((BinaryForm(1, RatPoly(std::vector<Rational>{Rational(1), Rational(2), Rational(3)}))),
                  invalid_argument);
  try {
    BinaryForm::parse("x^2+y");
    FAIL("no throw");
  } catch (const parse_error& e) {
    CHECK(std::string(e.what()).find("x^2+y") != std::string::npos);
  }
}

TEST_CASE("Euler's identity n p = x p_x + y p_y and evaluation", "[form]") {
  auto g = test::rng(3);
  const BinaryForm x = BinaryForm::monomial(1, 0), y = BinaryForm::monomial(0, 1);
  for (int it = 0; it < 100; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 12));
    BinaryForm p = test::random_form(g, n, 20);
    CHECK(Rational(n) * p == x * p.derivative_x() + y * p.derivative_y());
    Rational a(test::uniform(g, -9, 9), test::uniform(g, 1, 9)), b(test::uniform(g, -9, 9), test::uniform(g, 1, 9));
    // p(a, b) via the dehomogenization: b^n f(a/b).
    if (!b.is_zero()) CHECK(p.evaluate(a, b) == pow(b, n) * p.dehomogenized().evaluate(a / b));
    CHECK(p.evaluate(Rational(1), Rational(0)) == p.coeff(0));
  }
}

TEST_CASE("substitution is a right action of GL2 and respects products", "[form]") {
  auto g = test::rng(4);
  for (int it = 0; it < 60; ++it) {
    BinaryForm p = test::random_form(g, static_cast<int>(test::uniform(g, 0, 7)), 10);
    BinaryForm q = test::random_form(g, static_cast<int>(test::uniform(g, 0, 5)), 10);
    auto M = test::random_gl2(g, 4), N = test::random_gl2(g, 4);
    auto sub = [](const BinaryForm& f, const std::array<long, 4>& m) {
      return f.substitute(Rational(m[0]), Rational(m[1]), Rational(m[2]), Rational(m[3]));
    };
    CHECK(sub(p * q, M) == sub(p, M) * sub(q, M));
    // (p o M) o N = p o (M N) where the linear forms compose: X = a x + b y, ...
    std::array<long, 4> MN{M[0] * N[0] + M[1] * N[2], M[0] * N[1] + M[1] * N[3], M[2] * N[0] + M[3] * N[2],
                           M[2] * N[1] + M[3] * N[3]};
    CHECK(sub(sub(p, M), N) == sub(p, MN));
    CHECK(sub(p, {1, 0, 0, 1}) == p);
  }
}

TEST_CASE("exact division, divisibility and gcd, roots at infinity included", "[form]") {
  auto g = test::rng(5);
  for (int it = 0; it < 100; ++it) {
    BinaryForm a = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 0, 5)), 9);
    BinaryForm b = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 0, 5)), 9);
    BinaryForm c = test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 1, 4)), 9);
    BinaryForm ab = a * b;
    CHECK(divides(a, ab));
    CHECK(divexact(ab, a) == b);
    BinaryForm d = gcd(a * c, b * c);
    CHECK(divides(c, d * BinaryForm{1}));  // c | gcd(ac, bc)
    CHECK(divides(d, a * c));
    CHECK(divides(d, b * c));
    CHECK(gcd(a, b).degree() + c.degree() == d.degree());
  }
  BinaryForm y2 = BinaryForm::parse("y^2"), xy = BinaryForm::parse("x*y");
  CHECK(gcd(y2, xy) == BinaryForm{0, 1});
  CHECK(!divides(y2, xy));
  CHECK(divides(BinaryForm{0, 1}, xy));
  CHECK_THROWS_AS(divexact(xy, y2), domain_error);
  CHECK(gcd(BinaryForm::zero(3), BinaryForm{-2, 4}) == BinaryForm{1, -2});
}
