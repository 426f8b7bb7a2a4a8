// Exact arithmetic wrappers: parsing, printing, value semantics, errors.
#include <catch2/catch.hpp>

#include <utility>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("Integer parses, prints and moves", "[arith]") {
  Integer a("-123456789012345678901234567890");
  CHECK(a.to_string() == "-123456789012345678901234567890");
  CHECK(Integer("+42") == Integer(42));
  Integer b = std::move(a);
  CHECK(a.is_zero());  // moved-from is a valid zero
  CHECK(b.sign() < 0);
  CHECK(divexact(Integer(91), Integer(7)) == Integer(13));
  CHECK(gcd(Integer(-12), Integer(18)) == Integer(6));
  CHECK(pow(Integer(3), 40).to_string() == "12157665459056928801");
  CHECK_THROWS_AS(Integer("12a"), parse_error);
  CHECK_THROWS_AS(Integer(""), parse_error);
  CHECK_THROWS_AS(divexact(Integer(7), Integer(2)), domain_error);
  CHECK_THROWS_AS(divexact(Integer(7), Integer(0)), domain_error);
  CHECK_THROWS_AS(pow(Integer(2), 100).to_long(), domain_error);
}

TEST_CASE("Rational reads fractions and decimals exactly", "[arith]") {
  CHECK(Rational("1/5") == Rational(1, 5));
  CHECK(Rational("-6/4") == Rational(-3, 2));
  CHECK(Rational("0.1") == Rational(1, 10));
  CHECK(Rational("-1.25e-2") == Rational(-1, 80));
  CHECK(Rational("2.5E3") == Rational(2500));
  CHECK(Rational(" 7 ") == Rational(7));
  CHECK(Rational("3/0.5") == Rational(6));
  CHECK_THROWS_AS(Rational("1/0"), parse_error);
  CHECK_THROWS_AS(Rational(""), parse_error);
  CHECK_THROWS_AS(Rational("1/"), parse_error);
  CHECK_THROWS_AS(Rational("abc"), parse_error);
  CHECK_THROWS_AS(Rational("1.2.3"), parse_error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), domain_error);
  CHECK_THROWS_AS(Rational(Integer(1), Integer(0)), domain_error);
  CHECK_THROWS_AS(pow(Rational(0), -1), domain_error);
  try {
    Rational("1/0");
  } catch (const parse_error& e) {
    CHECK(std::string(e.what()).find("1/0") != std::string::npos);  // names the offending value
  }
}

TEST_CASE("Rational field identities on random values", "[arith]") {
  auto g = test::rng(1);
  for (int it = 0; it < 200; ++it) {
    Rational a(test::uniform(g, -1000, 1000), test::uniform(g, 1, 1000));
    Rational b(test::uniform(g, -1000, 1000), test::uniform(g, 1, 1000));
    Rational c(test::uniform(g, -1000, 1000), test::uniform(g, 1, 1000));
    CHECK(a * (b + c) == a * b + a * c);
    if (!b.is_zero()) CHECK((a / b) * b == a);
    CHECK(Rational(a.to_string()) == a);
    CHECK((a < b) == ((b - a).sign() > 0));
  }
}

TEST_CASE("Polynomials wrap FLINT with value semantics", "[arith]") {
  IntPoly f(std::vector<long>{-2, 0, 1});  // t^2 - 2
  IntPoly g = f;
  CHECK(g == f);
  IntPoly h = std::move(g);
  CHECK(g.is_zero());
  CHECK(h.degree() == 2);
  CHECK(divexact(f * f, f) == f);
  CHECK_THROWS_AS((divexact(f, IntPoly(std::vector<long>{1, 1}))), domain_error);
  CHECK_THROWS_AS(divexact(f, IntPoly()), domain_error);
  CHECK(gcd(f * IntPoly(std::vector<long>{1, 1}), f * IntPoly(std::vector<long>{-1, 1})) == f);
  RatPoly r(f);
  CHECK(r.evaluate(Rational(3, 2)) == Rational(1, 4));
  CHECK(RatPoly(std::vector<Rational>{Rational(1, 2), Rational(3)}).primitive_integer() ==
        IntPoly(std::vector<long>{1, 6}));
}

TEST_CASE("Ball: certified enclosures with exact rational endpoints", "[arith][ball]") {
  const long prec = 200;
  Ball third(Rational(1, 3), prec);
  CHECK(third.contains(Rational(1, 3)));
  CHECK(!third.is_exact());
  CHECK(third.lower() < Rational(1, 3));
  CHECK(Rational(1, 3) < third.upper());
  CHECK(third.radius() < Rational(Integer(1), pow(Integer(2), 190)));
  Ball two(2);
  CHECK(two.is_exact());
  Ball r = sqrt(two, prec);
  Ball sq = mul(r, r, prec);
  CHECK(sq.contains(Rational(2)));
  CHECK(r.is_positive());
  CHECK(div(Ball(1), third, prec).contains(Rational(3)));
  Ball iv = Ball::from_interval(Rational(-1, 7), Rational(2, 7), 64);
  CHECK(iv.contains(Rational(0)));
  CHECK(iv.contains_zero());
  CHECK(iv.lower() <= Rational(-1, 7));
  CHECK_THROWS_AS(div(Ball(1), iv, prec), domain_error);
  CHECK_THROWS_AS(sqrt(Ball(-1), prec), domain_error);
  CHECK_THROWS_AS(Ball::from_interval(Rational(1), Rational(0), 64), invalid_argument);
  Ball moved = std::move(r);
  CHECK(r.is_exact());  // moved-from is a valid exact zero
  CHECK(moved.to_string(10).find("1.41421356") != std::string::npos);
}

TEST_CASE("RatMatrix::is_scalar recognises exactly the multiples of the identity", "[arith]") {
  CHECK(RatMatrix().is_scalar());
  CHECK(RatMatrix(3, 3).is_scalar());  // 0 * I
  CHECK(RatMatrix::identity(4).is_scalar());
  RatMatrix m = RatMatrix::identity(3);
  for (long i = 0; i < 3; ++i) m.set(i, i, Rational(Integer(2), Integer(7)));
  CHECK(m.is_scalar());
  RatMatrix off = m;
  off.set(0, 2, Rational(1));
  CHECK(!off.is_scalar());
  RatMatrix diag = m;
  diag.set(2, 2, Rational(3));
  CHECK(!diag.is_scalar());
  CHECK(!RatMatrix(2, 3).is_scalar());  // not square
}
