// Certified real roots: counts vs isolation, exact rational roots, refinement,
// hard families, roots at infinity.
#include <catch2/catch.hpp>

#include <cmath>

#include <arb.h>

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

int sign_at(const IntPoly& f, const Rational& x) {
  Rational v;
  fmpz_poly_evaluate_fmpq(v.raw(), f.raw(), x.raw());
  return v.sign();
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
    for (RealRoot x : r) {
      x.refine(Rational(1, 1000));  // the roots cos((2k+1)pi/2n) are at least 1/(2n^2) inside (-1, 1)
      CHECK((Rational(-1) < x.lo() && x.hi() < Rational(1)));
    }
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

TEST_CASE("real_roots_squarefree: isolation without factoring agrees with Sturm and real_roots",
          "[roots][squarefree]") {
  auto g = test::rng(31);
  // Random square-free polynomials of degree up to 80 with coefficients up to
  // 10^30 (products of two random factors, so not irreducible): the interval
  // count is FLINT's Sturm count, every interval brackets a sign change of f or
  // is an exact root, the intervals are disjoint and ordered, and each one
  // contains exactly one root given by real_roots (which factors first).
  for (int it = 0; it < 40; ++it) {
    const int n1 = static_cast<int>(test::uniform(g, 1, 40)), n2 = static_cast<int>(test::uniform(g, 1, 40));
    std::vector<Integer> a(static_cast<std::size_t>(n1) + 1), b(static_cast<std::size_t>(n2) + 1);
    for (Integer& c : a)
      c = Integer(test::uniform(g, -1000000, 1000000)) * pow(Integer(10), 24) + Integer(test::uniform(g, -9, 9));
    for (Integer& c : b) c = Integer(test::uniform(g, -99, 99));
    if (a.back().is_zero()) a.back() = Integer(1);
    if (b.back().is_zero()) b.back() = Integer(-1);
    IntPoly f = IntPoly(a) * IntPoly(b) * IntPoly{-3, 1};  // 3 is a rational root
    if (gcd(f, f.derivative()).degree() > 0) continue;
    INFO("f = " << f.to_string());
    std::vector<RealRoot> roots = real_roots_squarefree(f);
    for (RealRoot& r : roots) r.refine(Rational(1, 1000000000000L));
    CHECK(static_cast<long>(roots.size()) == fmpz_poly_num_real_roots(f.raw()));
    bool saw_three = false;
    for (std::size_t i = 0; i < roots.size(); ++i) {
      const RealRoot& r = roots[i];
      CHECK(r.multiplicity() == 1);
      if (r.is_exact()) CHECK(r.defining_polynomial().degree() == 1);  // b t - a
      else CHECK(r.defining_polynomial() == f);
      CHECK(r.width() <= Rational(1, 1000000000000L));
      Rational vlo, vhi;
      fmpz_poly_evaluate_fmpq(vlo.raw(), f.raw(), r.lo().raw());
      fmpz_poly_evaluate_fmpq(vhi.raw(), f.raw(), r.hi().raw());
      if (r.is_exact()) CHECK(vlo.is_zero());
      else CHECK(vlo.sign() * vhi.sign() < 0);
      if (!(Rational(3) < r.lo()) && !(r.hi() < Rational(3))) saw_three = true;  // exact only on a split point
      if (i + 1 < roots.size()) CHECK(r.hi() < roots[i + 1].lo());
    }
    CHECK(saw_three);
    const std::vector<RealRoot> by_factor = real_roots(BinaryForm(static_cast<int>(f.degree()), RatPoly(f)));
    REQUIRE(by_factor.size() == roots.size());
    for (std::size_t i = 0; i < roots.size(); ++i) {
      // Both intervals hold the same root: they overlap.
      CHECK(!(roots[i].hi() < by_factor[i].lo()));
      CHECK(!(by_factor[i].hi() < roots[i].lo()));
    }
  }
}

TEST_CASE("real_roots_squarefree at degree 256: Chebyshev roots cos((2k-1)pi/2n), and the error paths",
          "[roots][squarefree][errors]") {
  // T_256: all 256 roots real and known, cos((2k - 1) pi / 512).
  IntPoly t0{1}, t1{0, 1};
  const IntPoly two_t{0, 2};
  for (int k = 1; k < 256; ++k) {
    IntPoly t2 = two_t * t1 - t0;
    t0 = t1;
    t1 = t2;
  }
  std::vector<RealRoot> roots = real_roots_squarefree(t1);
  for (RealRoot& r : roots) r.refine_bits(100);
  REQUIRE(roots.size() == 256);
  for (int k = 1; k <= 256; ++k) {
    const double want = std::cos((2.0 * (257 - k) - 1) * M_PI / 512);  // increasing order
    const RealRoot& r = roots[static_cast<std::size_t>(k - 1)];
    CHECK(std::abs(r.lo().to_double() - want) < 1e-12);
  }
  // Products of distinct integer linear factors: every root exact.
  IntPoly w{1};
  for (long i = -40; i <= 40; ++i) w = w * IntPoly{-i, 1};
  const std::vector<RealRoot> ints = real_roots_squarefree(w);
  REQUIRE(ints.size() == 81);
  for (long i = -40; i <= 40; ++i) {
    CHECK(ints[static_cast<std::size_t>(i + 40)].is_exact());
    CHECK(ints[static_cast<std::size_t>(i + 40)].lo() == Rational(i));
  }
  // No interval ends at 0 (the engine splits charts there): signs and
  // decimals of the roots need no further work.
  for (const RealRoot& r : real_roots_squarefree(IntPoly{-2, 0, 1})) CHECK(r.lo().sign() * r.hi().sign() > 0);
  const std::vector<RealRoot> two = real_roots(BinaryForm{1, 0, -2});
  REQUIRE(two.size() == 2);
  CHECK(two[0].to_decimal(5) == "-1.4142");
  CHECK(two[1].to_decimal(5) == "1.4142");
  CHECK_THROWS_AS(real_roots_squarefree(IntPoly{1, 2, 1}), domain_error);  // (1 + t)^2
  CHECK_THROWS_AS(real_roots_squarefree(IntPoly{5}), domain_error);
  CHECK(real_roots_squarefree(IntPoly{1, 0, 1}).empty());
}

// RealRoot::refine takes Newton steps (floating point, confirmed by two
// certified signs) after the first confirmed QIR step; where Newton fails
// (clusters) QIR goes on.  Every refined interval must still have a certified
// sign change of f at its ends, be within the width, and contain the root
// (checked against cos for Chebyshev, and against neighbours for clusters).
TEST_CASE("refine: Newton steps confirmed by signs, on Chebyshev roots, clusters and random inputs",
          "[roots][refine][newton]") {
  auto check_refined = [](const IntPoly& f, std::vector<RealRoot>& roots, long bits) {
    for (RealRoot& r : roots) {
      r.refine_bits(bits);
      CHECK(r.width() <= pow(Rational(2L), -bits));
      if (r.is_exact()) continue;
      Rational a, b;
      fmpz_poly_evaluate_fmpq(a.raw(), f.raw(), r.lo().raw());
      fmpz_poly_evaluate_fmpq(b.raw(), f.raw(), r.hi().raw());
      CHECK(a.sign() * b.sign() < 0);
    }
    for (std::size_t i = 1; i < roots.size(); ++i) CHECK(roots[i - 1].hi() <= roots[i].lo());
  };
  // T_100 to 300 bits: the k-th root cos((2k - 1) pi / 200) within 2^-300.
  IntPoly t0{1}, t1{0, 1};
  const IntPoly two_t{0, 2};
  for (int k = 1; k < 100; ++k) {
    IntPoly t2 = two_t * t1 - t0;
    t0 = t1;
    t1 = t2;
  }
  std::vector<RealRoot> cheb = real_roots_squarefree(t1);
  REQUIRE(cheb.size() == 100);
  check_refined(t1, cheb, 300);
  arb_t pi, c, lo, hi;
  arb_init(pi);
  arb_init(c);
  arb_init(lo);
  arb_init(hi);
  arb_const_pi(pi, 400);
  for (int k = 1; k <= 100; ++k) {
    arb_mul_ui(c, pi, static_cast<ulong>(2 * (101 - k) - 1), 400);
    arb_div_ui(c, c, 200, 400);
    arb_cos(c, c, 400);
    const RealRoot& r = cheb[static_cast<std::size_t>(k - 1)];
    arb_set_fmpq(lo, r.lo().raw(), 400);
    arb_set_fmpq(hi, r.hi().raw(), 400);
    CHECK(arb_le(lo, c));
    CHECK(arb_le(c, hi));
  }
  arb_clear(pi);
  arb_clear(c);
  arb_clear(lo);
  arb_clear(hi);
  // Mignotte's t^40 - 2 (50 t - 1)^2: two roots within 2 * 50^-21 of 1/50.
  IntPoly mig = IntPoly{-2, 200, -5000};
  {
    std::vector<long> x40(41, 0);
    x40[40] = 1;
    mig = mig + IntPoly(x40);
  }
  std::vector<RealRoot> cl = real_roots_squarefree(mig);
  REQUIRE(cl.size() == 4);
  check_refined(mig, cl, 400);
  // Random square-free inputs of degree 20..80 with 10..200-bit coefficients.
  auto g = test::rng(131);
  for (int it = 0; it < 20; ++it) {
    std::vector<Integer> a(static_cast<std::size_t>(test::uniform(g, 20, 80)) + 1);
    const long bits = test::uniform(g, 10, 200);
    for (Integer& x : a) {
      x = Integer(test::uniform(g, -1000000, 1000000));
      for (long b = 20; b < bits; b += 20) x = x * Integer(1L << 20) + Integer(test::uniform(g, 0, (1L << 20) - 1));
    }
    if (a.back().is_zero()) a.back() = Integer(1);
    IntPoly f(a);
    f = divexact(f, gcd(f, f.derivative()));
    if (f.degree() < 1) continue;
    std::vector<RealRoot> roots = real_roots_squarefree(f);
    CHECK(static_cast<long>(roots.size()) == fmpz_poly_num_real_roots(f.raw()));
    check_refined(f, roots, 80 + 40 * (it % 5));
  }
}

// Newton inside refine is safeguarded: its bracket follows estimated signs
// and a step that would leave it becomes a bisection, so intervals far wider
// than Newton's basin (root near an end, neighbours close by) still converge
// to Newton's speed; the result is certified by two signs only.  Intervals
// widened to the midpoints between neighbouring roots must refine to
// intervals that contain the known root.
TEST_CASE("refine: safeguarded Newton on wide isolating intervals", "[roots][refine][newton]") {
  // sqrt(2) in (0, 100) and (1, 2^40): the secant start is far from the root.
  for (const Rational& top : {Rational(100), pow(Rational(2L), 40)}) {
    RealRoot r(IntPoly{-2, 0, 1}, Rational(0), top, 1);
    r.refine_bits(200);
    CHECK(r.width() <= pow(Rational(2L), -200));
    arb_t s, lo, hi;
    arb_init(s);
    arb_init(lo);
    arb_init(hi);
    arb_sqrt_ui(s, 2, 300);
    arb_set_fmpq(lo, r.lo().raw(), 300);
    arb_set_fmpq(hi, r.hi().raw(), 300);
    CHECK(arb_le(lo, s));
    CHECK(arb_le(s, hi));
    arb_clear(s);
    arb_clear(lo);
    arb_clear(hi);
  }
  // T_64 and random polynomials: each root's interval widened to the
  // midpoints towards its neighbours' intervals.
  IntPoly t0{1}, t1{0, 1};
  const IntPoly two_t{0, 2};
  for (int k = 1; k < 64; ++k) {
    IntPoly t2 = two_t * t1 - t0;
    t0 = t1;
    t1 = t2;
  }
  std::vector<IntPoly> polys = {t1};
  auto g = test::rng(909);
  for (int it = 0; it < 6; ++it) {
    std::vector<long> c(static_cast<std::size_t>(test::uniform(g, 20, 70)) + 1);
    for (long& v : c) v = test::uniform(g, -1000, 1000);
    c.back() = 1;
    IntPoly f(c);
    if (gcd(f, f.derivative()).degree() == 0) polys.push_back(f);
  }
  const Rational half(1, 2);
  for (const IntPoly& f : polys) {
    const std::vector<RealRoot> tight = real_roots_squarefree(f);
    std::vector<RealRoot> reference = tight;
    for (RealRoot& r : reference) r.refine_bits(80);
    for (std::size_t i = 0; i < tight.size(); ++i) {
      if (tight[i].is_exact()) continue;
      const Rational lo = i == 0 ? tight[i].lo() - Rational(1) : (tight[i - 1].hi() + tight[i].lo()) * half;
      const Rational hi =
          i + 1 == tight.size() ? tight[i].hi() + Rational(1) : (tight[i].hi() + tight[i + 1].lo()) * half;
      if (sign_at(f, lo) == 0 || sign_at(f, hi) == 0) continue;
      RealRoot wide(f, lo, hi, 1);
      wide.refine_bits(67);
      CHECK(wide.width() <= pow(Rational(2L), -67));
      // The same root as the tight interval's, refined independently.
      CHECK(!(wide.hi() < reference[i].lo()));
      CHECK(!(reference[i].hi() < wide.lo()));
      if (!wide.is_exact()) CHECK(sign_at(f, wide.lo()) * sign_at(f, wide.hi()) < 0);
    }
  }
}

// Signs at dyadic points near the unit interval are certified by fixed-point
// Horner (real_roots.cpp): an exact zero must come out as 0 (a root on an
// interval end makes the root exact), values just off a root must keep their
// sign, and roots just above 1 and far below it must refine to intervals with
// an exact sign change.  Everything is checked by exact rational evaluation.
TEST_CASE("refine: fixed-point signs at dyadic points, exact zeros, roots near 1 and near 0", "[roots][refine][fixed]") {
  auto g = test::rng(977);
  for (int it = 0; it < 12; ++it) {
    // (8t - 5)(t^2 - 2)(2^80 t^2 - 2)(2^30 t^2 - 2^30 - 1) times a random
    // cofactor: roots 5/8, +-sqrt(2), +-sqrt(2) 2^-40, +-sqrt(1 + 2^-30).
    const int n = static_cast<int>(test::uniform(g, 8, 60));
    std::vector<Integer> a(static_cast<std::size_t>(n) + 1);
    for (Integer& c : a) c = Integer(test::uniform(g, -1000000, 1000000)) * pow(Integer(10), it * 4) + Integer(test::uniform(g, -9, 9));
    if (a.back().is_zero()) a.back() = Integer(1);
    const Integer two30 = pow(Integer(2), 30), two80 = pow(Integer(2), 80);
    IntPoly f = IntPoly(a) * IntPoly{-5, 8} * IntPoly{-2, 0, 1} *
                IntPoly(std::vector<Integer>{Integer(-2), Integer(0), two80}) *
                IntPoly(std::vector<Integer>{-(two30 + Integer(1)), Integer(0), two30});
    f = divexact(f, gcd(f, f.derivative()));
    INFO("f = " << f.to_string());
    // An interval with the dyadic root 5/8 as its end becomes exact.
    const RealRoot at_end(f, Rational(5, 8), Rational(3, 4), 1);
    CHECK(at_end.is_exact());
    CHECK(at_end.lo() == Rational(5, 8));
    // Just off the root: the signs of f at 5/8 -+ 2^-200 differ (simple root).
    const Rational eps = pow(Rational(2L), -200);
    CHECK(sign_at(f, Rational(5, 8) - eps) == -sign_at(f, Rational(5, 8) + eps));
    const RealRoot around(f, Rational(5, 8) - eps, Rational(5, 8) + eps, 1);
    CHECK(!around.is_exact());
    std::vector<RealRoot> roots = real_roots_squarefree(f);
    CHECK(static_cast<long>(roots.size()) == fmpz_poly_num_real_roots(f.raw()));
    bool near_one = false, tiny = false;
    for (RealRoot& r : roots) {
      r.refine_bits(120 + 20 * (it % 4));
      CHECK(r.width() <= pow(Rational(2L), -(120 + 20 * (it % 4))));
      if (r.is_exact()) {
        CHECK(sign_at(r.defining_polynomial(), r.lo()) == 0);
        continue;
      }
      CHECK(sign_at(f, r.lo()) * sign_at(f, r.hi()) < 0);
      if (Rational(1) < r.lo() && r.hi() < Rational(1) + pow(Rational(2L), -29)) near_one = true;
      if (Rational(0) < r.lo() && r.hi() < pow(Rational(2L), -39)) tiny = true;
    }
    CHECK(near_one);
    CHECK(tiny);
    for (std::size_t i = 1; i < roots.size(); ++i) CHECK(roots[i - 1].hi() < roots[i].lo());
  }
}
