// Certified real roots: counts vs isolation, exact rational roots, refinement,
// hard families, roots at infinity.
#include <catch2/catch.hpp>

#include <cmath>

#include "lcngeom/flint.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// Every returned interval must bracket a root of the squarefree part with a
// sign change (or be an exact root), and the intervals must be disjoint.
void check_certificate(const BinaryForm& p, const std::vector<RealRoot>& roots) {
  BinaryForm s = squarefree_part(p);
  IntPoly f = s.primitive_dehomogenized();
  int mult_total = 0;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    const RealRoot& r = roots[i];
    mult_total += r.multiplicity();
    if (r.at_infinity()) {
      CHECK(i + 1 == roots.size());
      CHECK(p.multiplicity_at_infinity() == r.multiplicity());
      continue;
    }
    Rational vlo, vhi;
    fmpz_poly_evaluate_fmpq(vlo.raw(), f.raw(), r.lo().raw());
    fmpz_poly_evaluate_fmpq(vhi.raw(), f.raw(), r.hi().raw());
    if (r.is_exact()) CHECK(vlo.is_zero());
    else CHECK(vlo.sign() * vhi.sign() < 0);
    if (i + 1 < roots.size() && !roots[i + 1].at_infinity()) CHECK(r.hi() < roots[i + 1].lo());
  }
  (void)mult_total;
}

}  // namespace

TEST_CASE("Sturm counts and Arb isolation agree on random forms", "[roots]") {
  auto g = test::rng(30);
  for (int it = 0; it < 200; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 14));
    BinaryForm p = test::random_nonzero_form(g, n, 100);
    if (it % 7 == 0) p = p * BinaryForm{0, 1};  // root at infinity
    std::vector<RealRoot> roots = real_roots(p);
    INFO("p = " << p.to_coefficient_string());
    CHECK(static_cast<int>(roots.size()) == count_real_roots(p));
    check_certificate(p, roots);
  }
}

TEST_CASE("planted rational roots come out exactly with their multiplicities", "[roots]") {
  // (2x - y)^3 (x + 3y) (x^2 + y^2) y^2
  BinaryForm p = BinaryForm::parse("(2x-y)^3*(x+3y)*(x^2+y^2)*y^2");
  std::vector<RealRoot> r = real_roots(p);
  REQUIRE(r.size() == 3);
  CHECK(r[0].is_exact());
  CHECK(r[0].lo() == Rational(-3));
  CHECK(r[0].multiplicity() == 1);
  CHECK(r[1].lo() == Rational(1, 2));
  CHECK(r[1].multiplicity() == 3);
  CHECK(r[2].at_infinity());
  CHECK(r[2].multiplicity() == 2);
  CHECK(count_real_roots(p) == 3);
}

TEST_CASE("refinement reaches any requested number of digits", "[roots]") {
  std::vector<RealRoot> r = real_roots(BinaryForm{1, 0, -2});
  REQUIRE(r.size() == 2);
  r[1].refine_bits(100);
  CHECK(r[1].width() <= pow(Rational(2), -100));
  CHECK_THROWS_AS(r[1].refine_bits(-1), invalid_argument);
  // Correct significant digits (decimal.hpp), as Python's decimal module gives them.
  CHECK(r[1].to_decimal(30) == "1.41421356237309504880168872421");
  CHECK(r[0].to_decimal(30) == "-1.41421356237309504880168872421");
  CHECK(r[1].to_decimal(60) == "1.41421356237309504880168872420969807856967187537694807317668");
  RealRoot s = r[1];
  s.refine(Rational(Integer(1), pow(Integer(2), 300)));
  CHECK(s.width() <= Rational(Integer(1), pow(Integer(2), 300)));
  CHECK(s.lo() < s.hi());
  CHECK_THROWS_AS(s.refine(Rational(0)), invalid_argument);
}

TEST_CASE("hard families: Chebyshev, Wilkinson, clusters, close roots", "[roots]") {
  // Chebyshev T_n has n distinct real roots in (-1, 1).
  for (int n : {5, 12, 20, 30}) {
    IntPoly t0(std::vector<long>{1}), t1(std::vector<long>{0, 1}), two_t(std::vector<long>{0, 2});
    for (int k = 1; k < n; ++k) {
      IntPoly t2 = two_t * t1 - t0;
      t0 = t1;
      t1 = t2;
    }
    BinaryForm T(n, RatPoly(t1));
    std::vector<RealRoot> r = real_roots(T);
    CHECK(static_cast<int>(r.size()) == n);
    CHECK(count_real_roots(T) == n);
    for (const RealRoot& x : r) CHECK((Rational(-1) < x.lo() && x.hi() < Rational(1)));
    check_certificate(T, r);
  }
  // Wilkinson: prod (x - k y), k = 1..20: exact integer roots.
  BinaryForm W{1};
  for (long k = 1; k <= 20; ++k) W = W * BinaryForm{1, -k};
  std::vector<RealRoot> w = real_roots(W);
  REQUIRE(w.size() == 20);
  for (long k = 1; k <= 20; ++k) CHECK(w[static_cast<std::size_t>(k - 1)].lo() == Rational(k));
  // (1 + 100 t)^5 + t^7: a cluster near -1/100.
  IntPoly c = pow(IntPoly(std::vector<long>{1, 100}), 5) + IntPoly(std::vector<long>{0, 0, 0, 0, 0, 0, 0, 1});
  BinaryForm C(7, RatPoly(c));
  CHECK(static_cast<int>(real_roots(C).size()) == count_real_roots(C));
  check_certificate(C, real_roots(C));
  // Two irrational roots 10^-12 apart: (t^2 - 2)(t^2 - 2 - 10^-12 ... ) built exactly.
  BinaryForm close = BinaryForm::parse("(x^2-2y^2)*(1000000000000x^2-2000000000001y^2)");
  std::vector<RealRoot> cr = real_roots(close);
  CHECK(cr.size() == 4);
  check_certificate(close, cr);
}

TEST_CASE("real roots of forms with roots at infinity and degenerate cases", "[roots][errors]") {
  CHECK(count_real_roots(BinaryForm{0, 0, 0, 5}) == 1);
  CHECK(real_roots(BinaryForm{0, 0, 0, 5}).size() == 1);
  CHECK(real_roots(BinaryForm{0, 0, 0, 5})[0].multiplicity() == 3);
  CHECK(count_real_roots(BinaryForm{4}) == 0);
  CHECK(count_real_roots(BinaryForm{1, 0, 1}) == 0);
  CHECK_THROWS_AS(count_real_roots(BinaryForm::zero(2)), domain_error);
  CHECK_THROWS_AS(real_roots(BinaryForm::zero(2)), domain_error);
  CHECK(real_roots(BinaryForm::parse("x*y"))[0].lo() == Rational(0));
}

TEST_CASE("real factorization: certified factors multiply back to enclose p", "[roots][realfactor]") {
  const long prec = 128;
  auto check_product = [&](const BinaryForm& p) {
    RealFactorization rf = real_factorization(p, prec);
    // Multiply the ball polynomials and check every coefficient of p is enclosed.
    std::vector<Ball> prod{Ball(rf.unit, prec)};
    int real_count = 0;
    for (const RealFactor& f : rf.factors) {
      if (f.degree == 1) real_count += f.multiplicity;
      for (int e = 0; e < f.multiplicity; ++e) {
        std::vector<Ball> next(prod.size() + f.coefficients.size() - 1);
        for (std::size_t i = 0; i < prod.size(); ++i)
          for (std::size_t j = 0; j < f.coefficients.size(); ++j)
            next[i + j] = add(next[i + j], mul(prod[i], f.coefficients[j], prec), prec);
        prod = next;
      }
    }
    REQUIRE(static_cast<int>(prod.size()) == p.degree() + 1);
    for (int i = 0; i <= p.degree(); ++i) CHECK(prod[static_cast<std::size_t>(i)].contains(p.coeff(i)));
    CHECK(real_count == rrmp(p).real_root_count());
    return rf;
  };
  RealFactorization a = check_product(BinaryForm::parse("(x^2-2y^2)*(x^2+y^2)^2*(3x-y)*y^2"));
  REQUIRE(a.factors.size() == 5);
  CHECK(a.factors[0].degree == 1);
  CHECK(!a.factors[0].exact);                                 // -sqrt(2)
  CHECK(a.factors[1].exact);                                  // x - y/3
  CHECK(a.factors[3].coefficients[0].contains(Rational(0)));  // y, last linear
  CHECK(a.factors[3].multiplicity == 2);
  CHECK(a.factors[4].degree == 2);
  CHECK(a.factors[4].exact);
  CHECK(a.factors[4].multiplicity == 2);
  // sqrt(2) factor has radius about 2^-128.
  CHECK(a.factors[0].coefficients[1].radius() < Rational(Integer(1), pow(Integer(2), 100)));
  // Irreducible quartic with 2 real roots and a complex pair: x^4 - 2x^2y^2... use x^4 + x y^3 - y^4.
  RealFactorization b = check_product(BinaryForm{1, 0, 0, 1, -1});
  CHECK(b.factors.size() == 3);
  auto g = test::rng(31);
  for (int it = 0; it < 40; ++it)
    check_product(test::random_nonzero_form(g, static_cast<int>(test::uniform(g, 1, 9)), 20));
  CHECK_THROWS_AS(real_factorization(BinaryForm::zero(3), 64), domain_error);
  CHECK_THROWS_AS(real_factorization(BinaryForm{1, 1}, 4), invalid_argument);
}
