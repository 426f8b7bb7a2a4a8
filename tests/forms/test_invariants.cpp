// Discriminants and resultants: printed formulas, identities on random forms,
// roots at infinity, and the Sylvester-determinant cross-check.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

namespace {

// A random form whose first `zeros` coefficients vanish (roots at (1:0)).
BinaryForm random_with_leading_zeros(std::mt19937_64& g, int n, int zeros, long bound) {
  std::vector<long> a(static_cast<std::size_t>(n) + 1);
  for (int i = 0; i <= n; ++i) a[static_cast<std::size_t>(i)] = i < zeros ? 0 : test::uniform(g, -bound, bound);
  return BinaryForm(a);
}

}  // namespace

TEST_CASE("discriminant of quadratics and cubics is the formula of Example 3.3", "[invariants][paper]") {
  auto g = test::rng(10);
  for (int it = 0; it < 300; ++it) {
    long a = test::uniform(g, -30, 30), b = test::uniform(g, -30, 30), c = test::uniform(g, -30, 30),
         d = test::uniform(g, -30, 30);
    CHECK(discriminant(BinaryForm{a, b, c}) == Rational(b * b - 4 * a * c));
    CHECK(discriminant(BinaryForm{a, b, c, d}) ==
          Rational(b * b * c * c - 4 * a * c * c * c - 4 * b * b * b * d - 27 * a * a * d * d + 18 * a * b * c * d));
  }
  CHECK(discriminant(BinaryForm{5}) == Rational(1));
  CHECK(discriminant(BinaryForm{0, 3}) == Rational(1));
  CHECK(discriminant(BinaryForm::zero(4)) == Rational(0));
}

TEST_CASE("discriminant vanishes iff a double root in P^1", "[invariants]") {
  auto g = test::rng(11);
  for (int it = 0; it < 300; ++it) {
    const int n = static_cast<int>(test::uniform(g, 2, 9));
    BinaryForm p = random_with_leading_zeros(g, n, static_cast<int>(test::uniform(g, 0, 2)), 3);
    if (p.is_zero()) continue;
    CHECK((discriminant(p).is_zero()) == !is_squarefree(p));
  }
}

TEST_CASE("disc(fg) = disc(f) disc(g) res(f,g)^2, also with roots at infinity", "[invariants]") {
  auto g = test::rng(12);
  for (int it = 0; it < 300; ++it) {
    const int m = static_cast<int>(test::uniform(g, 1, 7)), n = static_cast<int>(test::uniform(g, 1, 7));
    BinaryForm f = random_with_leading_zeros(g, m, static_cast<int>(test::uniform(g, 0, 1)), 20);
    BinaryForm h = random_with_leading_zeros(g, n, it % 5 == 0 ? 1 : 0, 20);
    Rational r = resultant(f, h);
    INFO("f = " << f << ", g = " << h);
    CHECK(discriminant(f * h) == discriminant(f) * discriminant(h) * r * r);
  }
}

TEST_CASE("resultant agrees with the Sylvester determinant and is antisymmetric", "[invariants]") {
  auto g = test::rng(13);
  for (int it = 0; it < 300; ++it) {
    const int m = static_cast<int>(test::uniform(g, 0, 7)), n = static_cast<int>(test::uniform(g, 0, 7));
    BinaryForm f = random_with_leading_zeros(g, m, static_cast<int>(test::uniform(g, 0, std::min(m, 2))), 15);
    BinaryForm h = random_with_leading_zeros(g, n, static_cast<int>(test::uniform(g, 0, std::min(n, 2))), 15);
    INFO("f = " << f.to_coefficient_string() << ", g = " << h.to_coefficient_string());
    CHECK(resultant(f, h) == resultant_sylvester(f, h));
    Rational sign((static_cast<long>(m) * n) % 2 == 0 ? 1 : -1);
    CHECK(resultant(h, f) == sign * resultant(f, h));
    if (!f.is_zero() && !h.is_zero()) CHECK(resultant(f, h).is_zero() == (gcd(f, h).degree() > 0));
  }
}

TEST_CASE("disc(p) = (-1)^{n(n-1)/2} res(p, p_x) / a_0", "[invariants]") {
  auto g = test::rng(14);
  for (int it = 0; it < 200; ++it) {
    const int n = static_cast<int>(test::uniform(g, 2, 10));
    BinaryForm p = test::random_form(g, n, 25);
    if (p.coeff(0).is_zero()) continue;
    Rational s((n * (n - 1) / 2) % 2 == 0 ? 1 : -1);
    CHECK(discriminant(p) == s * resultant(p, p.derivative_x()) / p.coeff(0));
  }
}

TEST_CASE("the discriminant is a GL2 covariant of weight n(n-1)", "[invariants]") {
  auto g = test::rng(15);
  for (int it = 0; it < 150; ++it) {
    const int n = static_cast<int>(test::uniform(g, 2, 8));
    BinaryForm p = random_with_leading_zeros(g, n, static_cast<int>(test::uniform(g, 0, 1)), 12);
    auto M = test::random_gl2(g, 5);
    Rational det(M[0] * M[3] - M[1] * M[2]);
    BinaryForm q = p.substitute(Rational(M[0]), Rational(M[1]), Rational(M[2]), Rational(M[3]));
    CHECK(discriminant(q) == pow(det, n * (n - 1)) * discriminant(p));
  }
}

TEST_CASE("discriminant is continuous at a_0 = 0: the polynomial formula, not the actual degree", "[invariants]") {
  // For a_0 = 0 the quartic formula of rrmp_closed_form's table reduces to a_1^2 Disc_3.
  BinaryForm p{0, 2, 3, -1, 5};
  BinaryForm cubic{2, 3, -1, 5};
  CHECK(discriminant(p) == Rational(4) * discriminant(cubic));
  CHECK(discriminant(BinaryForm{0, 0, 1, 2, 3}) == Rational(0));
}
