// real_roots without full factorisation (issue 12): the result must be the
// one of the old path, detail::real_roots_by_factoring (factor(p) first) --
// same roots, intervals, multiplicities, defining polynomials, exactness --
// on random, planted, product and reducible-irrational families, and every
// interval must hold exactly one root of p (Sturm sequences as the reference).
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include <flint/fmpz_poly.h>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/detail/real_roots_reference.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/version.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// The number of roots of f in the open interval (lo, hi), f(lo) f(hi) != 0,
// by Sturm sequences: with lo = a/b, hi = c/d, the Moebius map
// t = (lo + hi s) / (1 + s) sends s in (0, inf) onto (lo, hi), so the count is
// that of the positive roots of g(s) = (bd)^n (1 + s)^n f(t), which are half
// the real roots of g(u^2) (g(0) = (bd)^n f(lo) != 0).
long roots_between(const IntPoly& f, const Rational& lo, const Rational& hi) {
  const slong n = f.degree();
  fmpz_poly_t lin, one_s, g, term, pw;
  fmpz_poly_init(lin);
  fmpz_poly_init(one_s);
  fmpz_poly_init(g);
  fmpz_poly_init(term);
  fmpz_poly_init(pw);
  fmpz_t bd, c;
  fmpz_init(bd);
  fmpz_init(c);
  const fmpz* a = fmpq_numref(lo.raw());
  const fmpz* b = fmpq_denref(lo.raw());
  const fmpz* cc = fmpq_numref(hi.raw());
  const fmpz* d = fmpq_denref(hi.raw());
  fmpz_mul(bd, b, d);
  fmpz_mul(c, a, d);
  fmpz_poly_set_coeff_fmpz(lin, 0, c);  // (a d + c b s) = bd (lo + hi s)
  fmpz_mul(c, cc, b);
  fmpz_poly_set_coeff_fmpz(lin, 1, c);
  fmpz_poly_set_coeff_ui(one_s, 0, 1);
  fmpz_poly_set_coeff_ui(one_s, 1, 1);
  for (slong i = 0; i <= n; ++i) {
    // a_i (lin)^i (bd (1 + s))^(n - i)
    fmpz_poly_pow(term, lin, static_cast<ulong>(i));
    fmpz_poly_pow(pw, one_s, static_cast<ulong>(n - i));
    fmpz_poly_mul(term, term, pw);
    fmpz_pow_ui(c, bd, static_cast<ulong>(n - i));
    fmpz_mul(c, c, f.raw()->coeffs + i);
    fmpz_poly_scalar_mul_fmpz(term, term, c);
    fmpz_poly_add(g, g, term);
  }
  // g(u^2)
  fmpz_poly_zero(term);
  for (slong i = 0; i <= fmpz_poly_degree(g); ++i) fmpz_poly_set_coeff_fmpz(term, 2 * i, g->coeffs + i);
  const long count = fmpz_poly_degree(term) < 1 ? 0 : fmpz_poly_num_real_roots(term) / 2;
  fmpz_poly_clear(lin);
  fmpz_poly_clear(one_s);
  fmpz_poly_clear(g);
  fmpz_poly_clear(term);
  fmpz_poly_clear(pw);
  fmpz_clear(bd);
  fmpz_clear(c);
  return count;
}

int sign_of(const IntPoly& f, const Rational& t) {
  Rational v;
  fmpz_poly_evaluate_fmpq(v.raw(), f.raw(), t.raw());
  return v.sign();
}

// r and s (finite, irrational, one irreducible defining polynomial d) are the
// same root: their intervals meet in an interval where d changes sign (each
// isolates one root of d).
bool same_irrational_root(const RealRoot& r, const RealRoot& s) {
  const IntPoly& d = s.defining_polynomial();
  const Rational lo = std::max(r.lo(), s.lo()), hi = std::min(r.hi(), s.hi());
  return lo < hi && sign_of(d, lo) * sign_of(d, hi) < 0;
}

// Counters over all calls: how many irrational roots came with a lazy
// defining polynomial, and how many of those had intervals other than the
// old path's (a reducible rest: see real_roots' contract).
long lazy_roots = 0, other_intervals = 0;

// real_roots(p) is the old path's answer: same roots, multiplicities,
// exactness, defining polynomials (asked for after everything else), and
// the same intervals whenever the square-free polynomial a root was isolated
// on is its defining polynomial (otherwise intervals that isolate the same
// root); its intervals are disjoint, each holds exactly one root of the
// square-free part of p, and the defining polynomials are irreducible.
// Sturm at high degree (the Moebius transform of a degree-200 form with large
// coefficients) takes seconds per root: `sturm` false checks only identity
// with the old path, disjointness and sign changes.
void check_same_as_factoring(const BinaryForm& p, bool sturm = true) {
  INFO("p = " << p.to_coefficient_string());
  const std::vector<RealRoot> fast = real_roots(p);
  const std::vector<RealRoot> ref = detail::real_roots_by_factoring(p);
  REQUIRE(fast.size() == ref.size());
  // Before any defining polynomial is asked for: a lazy root is irrational,
  // isolated on a square-free polynomial of degree >= 4 that changes sign.
  for (const RealRoot& r : fast) {
    if (r.has_defining_polynomial()) continue;
    ++lazy_roots;
    CHECK(!r.is_exact());
    CHECK(r.squarefree_polynomial().degree() >= 4);
    CHECK(sign_of(r.squarefree_polynomial(), r.lo()) * sign_of(r.squarefree_polynomial(), r.hi()) < 0);
  }
  // The intervals are the old path's when every root was isolated on its
  // defining polynomial (the neighbours' intervals decide the bisections
  // that separate them).
  bool isolated_alike = true;
  for (std::size_t i = 0; i < fast.size(); ++i)
    if (!fast[i].at_infinity() && !fast[i].is_exact() && i < ref.size() && !ref[i].at_infinity())
      isolated_alike = isolated_alike && fast[i].squarefree_polynomial() == ref[i].defining_polynomial();
  const IntPoly sqf = squarefree_part(p).primitive_dehomogenized();
  std::vector<IntPoly> irreducible;  // checked once each
  for (std::size_t i = 0; i < fast.size(); ++i) {
    const RealRoot& r = fast[i];
    const RealRoot& s = ref[i];
    INFO("root " << i);
    CHECK(r.at_infinity() == s.at_infinity());
    CHECK(r.multiplicity() == s.multiplicity());
    if (r.at_infinity() || s.at_infinity()) continue;
    CHECK(r.is_exact() == s.is_exact());
    CHECK(r.defining_polynomial() == s.defining_polynomial());
    CHECK(r.has_defining_polynomial());
    if (isolated_alike || r.is_exact()) {
      CHECK(r.lo() == s.lo());
      CHECK(r.hi() == s.hi());
    } else {
      ++other_intervals;
      CHECK(same_irrational_root(r, s));
    }
    if (i + 1 < fast.size() && !fast[i + 1].at_infinity()) CHECK(r.hi() < fast[i + 1].lo());
    const IntPoly& def = r.defining_polynomial();
    if (r.is_exact()) {
      CHECK(def.degree() == 1);
      Rational v;
      fmpz_poly_evaluate_fmpq(v.raw(), sqf.raw(), r.lo().raw());
      CHECK(v.is_zero());
    } else {
      CHECK(def.degree() >= 2);
      Rational vlo, vhi;
      fmpz_poly_evaluate_fmpq(vlo.raw(), def.raw(), r.lo().raw());
      fmpz_poly_evaluate_fmpq(vhi.raw(), def.raw(), r.hi().raw());
      CHECK(vlo.sign() * vhi.sign() < 0);
      if (sturm) CHECK(roots_between(sqf, r.lo(), r.hi()) == 1);
      if (std::find(irreducible.begin(), irreducible.end(), def) != irreducible.end()) continue;
      irreducible.push_back(def);
      // Irreducible: FLINT's factorisation finds one factor of exponent 1.
      fmpz_poly_factor_t fac;
      fmpz_poly_factor_init(fac);
      fmpz_poly_factor(fac, def.raw());
      CHECK(fac->num == 1);
      CHECK(fac->exp[0] == 1);
      fmpz_poly_factor_clear(fac);
    }
  }
}

BinaryForm form_of(const IntPoly& f) { return BinaryForm(static_cast<int>(f.degree()), RatPoly(f)); }

}  // namespace

TEST_CASE("real_roots equals the factor-first path: random forms", "[roots][fast]") {
  auto g = test::rng(1201);
  for (int it = 0; it < 60; ++it) {
    const int n = static_cast<int>(test::uniform(g, 1, 30));
    BinaryForm p = test::random_nonzero_form(g, n, it % 2 ? 1000 : 3);
    if (it % 5 == 0) p = p * BinaryForm{0, 1};  // a root at (1:0)
    if (it % 3 == 0) p = p * p;                 // every root double
    check_same_as_factoring(p);
  }
}

TEST_CASE("real_roots equals the factor-first path: planted rrmps", "[roots][fast]") {
  auto g = test::rng(1202);
  const std::vector<std::pair<std::vector<int>, std::vector<int>>> patterns = {
      {{1, 1, 2}, {1}}, {{3, 2, 2, 1}, {2}}, {{1, 1, 1, 1, 1}, {}},
      {{4}, {1, 1}},    {{}, {2, 1}},        {{2, 2, 3, 3}, {2, 3}}};
  for (int it = 0; it < 8; ++it)
    for (const auto& [rho, gamma] : patterns) {
      BinaryForm p = test::planted_form(g, rho, gamma, 40);
      // An irreducible cofactor with real roots, sometimes a power of it.
      const BinaryForm c{1, 0, 0, -test::uniform(g, 3, 9), 1};  // x^4 - k x y^3 + y^4: real roots
      if (it % 2) p = p * c;
      if (it % 4 == 3) p = p * c;
      check_same_as_factoring(p);
    }
}

TEST_CASE("real_roots equals the factor-first path: products of linear forms", "[roots][fast]") {
  auto g = test::rng(1203);
  for (int n : {1, 2, 5, 20, 40}) {
    // prod (x - i y), then with random multiplicities and denominators
    BinaryForm p{1};
    BinaryForm q{1};
    for (int i = 1; i <= n; ++i) {
      p = p * BinaryForm{1, -i};
      const long b = test::uniform(g, 1, 4);
      q = q *
          pow(BinaryForm{b, -static_cast<long>(i) * (i % 2 ? 1 : -1)}, static_cast<unsigned>(test::uniform(g, 1, 3)));
    }
    check_same_as_factoring(p);
    check_same_as_factoring(q);
    check_same_as_factoring(q * BinaryForm{1, 0, -2});  // sqrt 2 among rational roots
  }
}

TEST_CASE("real_roots equals the factor-first path: reducible parts without rational roots", "[roots][fast]") {
  // After the rational roots are divided out, what is left splits into
  // several irreducible factors with real roots (factored), or has no real
  // roots at all (not factored): (t^2 - 2)(t^2 - 3)(t^3 - 5)(t^2 + 1)(2t - 1),
  // with multiplicities, and Chebyshev-like all-real products.
  const IntPoly a{-2, 0, 1}, b{-3, 0, 1}, c{-5, 0, 0, 1}, d{1, 0, 1}, e{-1, 2};
  check_same_as_factoring(form_of(a * b * c * d * e));
  check_same_as_factoring(form_of(a * a * b * c * c * c * d * d * e));
  check_same_as_factoring(form_of(d * d * e * e));
  check_same_as_factoring(form_of(d * IntPoly{1, 0, 2}));                 // no real roots at all
  check_same_as_factoring(form_of(a * IntPoly{-8, 0, 1}));                // sqrt 2 and 2 sqrt 2: close families
  check_same_as_factoring(form_of(a * IntPoly{-2, 0, 0, 0, 1} * b * e));  // 2^(1/4), sqrt 2, ...
  auto g = test::rng(1204);
  for (int it = 0; it < 10; ++it) {
    // A product of random irreducible pieces of degree 2-6 and rational roots.
    IntPoly f{1};
    for (int k = 0; k < 4; ++k) {
      const int n = static_cast<int>(test::uniform(g, 2, 6));
      std::vector<long> cf(static_cast<std::size_t>(n) + 1);
      for (long& x : cf) x = test::uniform(g, -20, 20);
      cf.back() = test::uniform(g, 1, 5);
      cf.front() = cf.front() == 0 ? 1 : cf.front();
      f = f * IntPoly(cf);
    }
    f = f * IntPoly{static_cast<long>(test::uniform(g, -9, 9)), static_cast<long>(test::uniform(g, 1, 9))};
    check_same_as_factoring(form_of(f));
    check_same_as_factoring(form_of(f * f) * BinaryForm{0, 1});
  }
}

TEST_CASE("real_roots at degree 200: product, planted and random, against the factor-first path", "[roots][fast]") {
  auto g = test::rng(1205);
  {
    BinaryForm p{1};
    for (int i = -100; i < 100; ++i) p = p * BinaryForm{1, i};
    const std::vector<RealRoot> r = real_roots(p);
    REQUIRE(r.size() == 200);
    for (int i = 0; i < 200; ++i) {
      CHECK(r[static_cast<std::size_t>(i)].is_exact());
      CHECK(r[static_cast<std::size_t>(i)].lo() == Rational(i - 99));
    }
    check_same_as_factoring(p, false);
  }
  {
    BinaryForm p = test::random_nonzero_form(g, 120, 1000000);
    for (int i = 1; i <= 20; ++i) p = p * pow(BinaryForm{1, -3 * i}, static_cast<unsigned>(1 + i % 3));
    p = p * pow(BinaryForm{1, 0, 7}, 2);
    check_same_as_factoring(p, false);
  }
  check_same_as_factoring(test::random_nonzero_form(g, 200, 1000), false);
}

TEST_CASE("real_roots without factoring: errors and degenerate forms", "[roots][fast][errors]") {
  CHECK_THROWS_AS(real_roots(BinaryForm(3, RatPoly())), domain_error);
  CHECK_THROWS_AS(detail::real_roots_by_factoring(BinaryForm(3, RatPoly())), domain_error);
  check_same_as_factoring(BinaryForm{5});
  check_same_as_factoring(BinaryForm{0, 0, 7});      // y^2 * 7: (1:0) twice
  check_same_as_factoring(BinaryForm{1, 0, 1, 0});   // x (x^2 + y^2): the root 0
  check_same_as_factoring(BinaryForm{0, -4, 0, 1});  // y (y^2 - 4 x^2): +-1/2 and (1:0)
}

TEST_CASE("real_roots of a random form: refine, split, print and compare without factoring", "[roots][fast][lazy]") {
  auto g = test::rng(1206);
  const BinaryForm p = test::random_nonzero_form(g, 80, 1000);
  const std::vector<RealRoot> ref = detail::real_roots_by_factoring(p);
  std::vector<RealRoot> roots = real_roots(p);
  REQUIRE(roots.size() == ref.size());
  REQUIRE(roots.size() >= 2);
  for (const RealRoot& r : roots) REQUIRE(!r.has_defining_polynomial());  // irreducible: nothing factored yet
  const RealRoot copy = roots[0];
  std::vector<AlgebraicReal> xs;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    RealRoot r = roots[i];
    r.refine_bits(80);
    CHECK(r.width() <= pow(Rational(2L), -80));
    CHECK(sign_of(ref[i].defining_polynomial(), r.lo()) * sign_of(ref[i].defining_polynomial(), r.hi()) < 0);
    r.split_at((r.lo() + r.hi()) * Rational(1, 2));
    CHECK(same_irrational_root(r, ref[i]));
    CHECK(roots[i].to_decimal(30) == ref[i].to_decimal(30));
    xs.emplace_back(roots[i]);
  }
  // Exact comparisons: equal to itself and to a value of another call, ordered.
  const std::vector<RealRoot> again = real_roots(p);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    CHECK(xs[i] == AlgebraicReal(again[i]));
    CHECK(xs[i] == AlgebraicReal(ref[i]));
    if (i + 1 < xs.size()) CHECK(xs[i] < xs[i + 1]);
    CHECK((Rational(3) * xs[i]).to_decimal(20) == (Rational(3) * AlgebraicReal(ref[i])).to_decimal(20));
    CHECK(Rational(-2) * xs[i] == Rational(-2) * AlgebraicReal(ref[i]));
  }
  for (const RealRoot& r : roots) CHECK(!r.has_defining_polynomial());
  for (const RealRoot& r : again) CHECK(!r.has_defining_polynomial());
  CHECK(!xs[0].root().has_defining_polynomial());
  // One request factors once for every root of the square-free part and
  // every copy (the polynomial is shared), not for another call's roots.
  CHECK(roots[1].defining_polynomial() == ref[1].defining_polynomial());
  for (const RealRoot& r : roots) CHECK(r.has_defining_polynomial());
  CHECK(copy.has_defining_polynomial());
  CHECK(!again[0].has_defining_polynomial());
  CHECK(xs[0].minimal_polynomial() == ref[0].defining_polynomial());
  CHECK(xs[0].degree() == 80);
}

TEST_CASE("lazy defining polynomials of a reducible part: the factor of each root, and equality by gcd",
          "[roots][fast][lazy]") {
  // h = a b c: three irreducible factors with real roots, no rational root,
  // isolated in one piece; the defining polynomial of each root is its factor.
  const IntPoly a{1, -5, 0, 0, 1}, b{-1, -3, 0, 0, 0, 1}, c{-7, 0, 0, 0, 0, 0, 1};  // t^4-5t+1, t^5-3t-1, t^6-7
  const BinaryForm p = form_of(a * b * c);
  const std::vector<RealRoot> roots = real_roots(p);
  const std::vector<RealRoot> ref = detail::real_roots_by_factoring(p);
  REQUIRE(roots.size() == ref.size());
  for (const RealRoot& r : roots) CHECK(!r.has_defining_polynomial());
  // Equality of values from different polynomials (a b c against a c^2 + ...):
  // gcd-based, still without factoring.
  const std::vector<RealRoot> other = real_roots(form_of(a * IntPoly{-11, 0, 0, 1}));  // a (t^3 - 11)
  std::size_t equal = 0;
  for (const RealRoot& r : roots)
    for (const RealRoot& o : other)
      if (AlgebraicReal(r) == AlgebraicReal(o)) ++equal;
  CHECK(equal == 2);  // the two real roots of t^4 - 5t + 1
  for (const RealRoot& r : roots) CHECK(!r.has_defining_polynomial());
  for (const RealRoot& o : other) CHECK(!o.has_defining_polynomial());
  for (std::size_t i = 0; i < roots.size(); ++i) {
    CHECK(roots[i].defining_polynomial() == ref[i].defining_polynomial());
    CHECK(same_irrational_root(roots[i], ref[i]));
  }
  check_same_as_factoring(p);
}

TEST_CASE("lazy defining polynomials from several threads at once", "[roots][fast][lazy][threads]") {
  auto g = test::rng(1207);
  std::vector<BinaryForm> forms;
  for (int it = 0; it < 4; ++it) forms.push_back(test::random_nonzero_form(g, 60 + 10 * it, it % 2 ? 1000000 : 100));
  const IntPoly a{1, -5, 0, 0, 1}, b{-1, -3, 0, 0, 0, 1}, c{-7, 0, 0, 0, 0, 0, 1};
  forms.push_back(form_of(a * b * c) * pow(BinaryForm{3, -1}, 2));
  for (const BinaryForm& p : forms) {
    INFO("p = " << p.to_coefficient_string());
    const std::vector<RealRoot> ref = detail::real_roots_by_factoring(p);
    const std::vector<RealRoot> roots = real_roots(p);
    REQUIRE(roots.size() == ref.size());
    // Each thread asks every root of the shared vector (one object, const
    // access) and of its own copy for its defining polynomial, refines its
    // copies, and compares with the reference; the results are collected and
    // checked on the main thread (Catch's CHECK is not thread-safe).
    constexpr int kThreads = 4;
    std::vector<int> agree(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        std::vector<RealRoot> mine = roots;
        int ok = 0;
        for (std::size_t k = 0; k < roots.size(); ++k) {
          const std::size_t i = (k + static_cast<std::size_t>(t)) % roots.size();  // different orders
          if (t % 2) mine[i].refine_bits(64);
          ok += roots[i].defining_polynomial() == ref[i].defining_polynomial();
          ok += mine[i].defining_polynomial() == ref[i].defining_polynomial();
          ok += mine[i].has_defining_polynomial();
        }
        agree[static_cast<std::size_t>(t)] = ok;
        mine.clear();
        free_thread_caches();  // this thread's FLINT caches (LeakSanitizer)
      });
    for (std::thread& th : threads) th.join();
    for (int t = 0; t < kThreads; ++t) CHECK(agree[static_cast<std::size_t>(t)] == 3 * static_cast<int>(roots.size()));
    check_same_as_factoring(p, false);
  }
  // Laziness happened on these inputs (irrational roots of degree >= 4).
  CHECK(lazy_roots > 0);
}
