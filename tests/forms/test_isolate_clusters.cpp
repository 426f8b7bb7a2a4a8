// Clusters of real roots in the isolation engine (lib/forms/isolate.cpp,
// exact_subtree: Newton-Descartes steps): Mignotte polynomials
// t^n - 2 (a t - 1)^2, whose two roots near 1/a are about a^-(n+2)/2 apart,
// and planted clusters 2^-200 wide.  Every result is checked exactly: the
// intervals are disjoint with one sign change each, their number is FLINT's
// Sturm count, and the cluster's roots lie in distinct intervals.
#include <catch2/catch.hpp>

#include <flint/fmpz_poly.h>

#include "lcngeom/detail/isolate.hpp"
#include "lcngeom/flint.hpp"
#include "isolate_support.hpp"
#include "support.hpp"

using namespace lcngeom;
using detail::IsolatingInterval;
using detail::IsolationStats;
using test::Poly;
using test::check_intervals;

namespace {

// A random integer with exactly `digits` decimal digits.
void random_digits(fmpz_t a, std::mt19937_64& g, int digits) {
  fmpz_set_ui(a, static_cast<ulong>(test::uniform(g, 1, 9)));
  for (int i = 1; i < digits; ++i) {
    fmpz_mul_ui(a, a, 10);
    fmpz_add_ui(a, a, static_cast<ulong>(test::uniform(g, 0, 9)));
  }
}

// t^n - 2 (a t - 1)^2.
void mignotte(fmpz_poly_t f, int n, const fmpz_t a) {
  fmpz_t c;
  fmpz_init(c);
  fmpz_poly_zero(f);
  fmpz_poly_set_coeff_ui(f, static_cast<ulong>(n), 1);
  fmpz_mul(c, a, a);
  fmpz_mul_si(c, c, -2);
  fmpz_poly_set_coeff_fmpz(f, 2, c);
  fmpz_mul_si(c, a, 4);
  fmpz_poly_set_coeff_fmpz(f, 1, c);
  fmpz_poly_set_coeff_si(f, 0, -2);
  fmpz_clear(c);
}

void random_poly(fmpz_poly_t f, std::mt19937_64& g, int n, long bound) {
  fmpz_poly_zero(f);
  for (int i = 0; i <= n; ++i) fmpz_poly_set_coeff_si(f, i, test::uniform(g, -bound, bound));
  if (fmpz_is_zero(f->coeffs + n) || fmpz_poly_length(f) <= n) fmpz_poly_set_coeff_si(f, n, 1);
}

// The isolation of f agrees with Sturm, its intervals are certified, and
// (lo, hi) holds at least `inside` intervals.
std::vector<IsolatingInterval> check(const fmpz_poly_struct* f, IsolationStats* st) {
  const long sturm = fmpz_poly_num_real_roots(f);
  std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f, st);
  CHECK(static_cast<long>(iv.size()) == sturm);
  check_intervals(f, iv);
  return iv;
}

int count_inside(const std::vector<IsolatingInterval>& iv, const Rational& lo, const Rational& hi) {
  int k = 0;
  for (const IsolatingInterval& x : iv)
    if (lo <= x.lo && x.hi <= hi) ++k;
  return k;
}

// The two real roots r1 < r2 of the quadratic q (r1 < mid < r2) lie in
// distinct intervals: exactly two intervals hold one of them (q changes sign
// across the interval, or it is a root of q), none holds both (q > 0 at both
// ends of an interval around mid).
void check_separated(const fmpz_poly_struct* q, const std::vector<IsolatingInterval>& iv, const Rational& mid) {
  int one = 0;
  for (const IsolatingInterval& x : iv) {
    const int a = test::sign_at(q, x.lo), b = test::sign_at(q, x.hi);
    if (x.lo == x.hi ? a == 0 : a * b < 0) ++one;
    CHECK_FALSE((x.lo < mid && mid < x.hi && a > 0 && b > 0));
  }
  CHECK(one == 2);
}

}  // namespace

TEST_CASE("Mignotte polynomials with 3-, 50- and 300-digit a: the cluster is separated", "[roots][isolate][cluster]") {
  auto g = test::rng(0xC1u);
  Poly f;
  fmpz_t a;
  fmpz_init(a);
  for (int digits : {3, 50, 300}) {
    for (int n : {16, 32, 64}) {
      random_digits(a, g, digits);
      mignotte(f.p, n, a);
      INFO("t^" << n << " - 2 (a t - 1)^2, a = " << Integer(a).to_string());
      IsolationStats st;
      std::vector<IsolatingInterval> iv = check(f.p, &st);
      // Both roots near 1/a (f(0) < 0 < f(1/a), f(2/a) < 0 for a >= 100) in
      // distinct intervals.
      CHECK(count_inside(iv, Rational(0), Rational(Integer(2), Integer(a))) == 2);
      if (digits >= 50) CHECK(st.newton_steps > 0);
      // The count by subdivision (no Sturm shortcut) agrees too.
      IsolationStats subdivision;
      subdivision.sturm_shortcut = false;
      CHECK(detail::count_real_roots_squarefree(f.p, &subdivision) == fmpz_poly_num_real_roots(f.p));
      if (n == 16) {  // every node in fixed point, and then with clusters called early
        IsolationStats fixed;
        fixed.use_double = false;
        fixed.cluster_levels = 2;
        std::vector<IsolatingInterval> iv2 = check(f.p, &fixed);
        CHECK(count_inside(iv2, Rational(0), Rational(Integer(2), Integer(a))) == 2);
      }
    }
  }
  fmpz_clear(a);
}

TEST_CASE("planted clusters 2^-200 wide times random factors", "[roots][isolate][cluster]") {
  auto g = test::rng(0xC2u);
  Poly f, q, r, l;
  fmpz_t s, P, Q;
  fmpz_init(s);
  fmpz_init(P);
  fmpz_init(Q);
  for (int trial = 0; trial < 12; ++trial) {
    // num/den not dyadic: a split point never falls between the two roots.
    const long den = 2 * test::uniform(g, 1, 15) + 1;
    long num = test::uniform(g, -50, 50);
    if (num % den == 0) ++num;
    INFO("trial " << trial << ": cluster at " << num << "/" << den);
    // (den 2^200 t - num 2^200)^2 - 2: roots num/den +- sqrt(2) 2^-200/den (irreducible).
    fmpz_set_si(Q, den);
    fmpz_mul_2exp(Q, Q, 200);
    fmpz_set_si(P, num);
    fmpz_mul_2exp(P, P, 200);
    fmpz_poly_zero(l.p);
    fmpz_poly_set_coeff_fmpz(l.p, 1, Q);
    fmpz_neg(s, P);
    fmpz_poly_set_coeff_fmpz(l.p, 0, s);
    fmpz_poly_mul(q.p, l.p, l.p);
    fmpz_poly_get_coeff_fmpz(s, q.p, 0);
    fmpz_sub_ui(s, s, 2);
    fmpz_poly_set_coeff_fmpz(q.p, 0, s);
    const int n = static_cast<int>(test::uniform(g, 10, 40));
    random_poly(r.p, g, n, 1000);
    fmpz_poly_mul(f.p, q.p, r.p);
    Poly pair;
    if (trial % 3 == 2) {
      // A second cluster, a rational pair 2^-200 apart elsewhere (the modular
      // search for rational roots is off so that subdivision must split it).
      Poly m;
      fmpz_poly_zero(m.p);
      fmpz_poly_set_coeff_si(m.p, 1, 1);
      fmpz_poly_set_coeff_si(m.p, 0, -(num + 7));  // t - (num + 7)
      fmpz_poly_set(pair.p, m.p);
      fmpz_one(s);
      fmpz_mul_2exp(s, s, 200);
      fmpz_poly_zero(m.p);
      fmpz_poly_set_coeff_fmpz(m.p, 1, s);
      fmpz_mul_si(s, s, -(num + 7));
      fmpz_sub_ui(s, s, 1);
      fmpz_poly_set_coeff_fmpz(m.p, 0, s);  // 2^200 t - (2^200 (num + 7) + 1)
      fmpz_poly_mul(pair.p, pair.p, m.p);
      fmpz_poly_mul(f.p, f.p, pair.p);
    }
    {
      // Square-free input: divide out a repeated factor of the random part, if any.
      Poly d, gg;
      fmpz_poly_derivative(d.p, f.p);
      fmpz_poly_gcd(gg.p, f.p, d.p);
      if (fmpz_poly_degree(gg.p) > 0) fmpz_poly_div(f.p, f.p, gg.p);
    }
    for (int mode = 0; mode < 3; ++mode) {
      IsolationStats st;
      st.rational_roots = false;
      if (mode >= 1) st.use_double = false;
      if (mode == 2) st.cluster_levels = 1;
      INFO("mode " << mode);
      std::vector<IsolatingInterval> iv = check(f.p, &st);
      // The quadratic's two roots (around num/den) are in distinct intervals; so are the rational pair's.
      check_separated(q.p, iv, Rational{Integer(num), Integer(den)});
      if (trial % 3 == 2) check_separated(pair.p, iv, Rational(num + 7) + pow(Rational(2), -201));
      if (mode >= 1) CHECK(st.newton_steps > 0);
    }
  }
  fmpz_clear(s);
  fmpz_clear(P);
  fmpz_clear(Q);
}

TEST_CASE("Newton steps called at every repeated count agree with Sturm on random polynomials",
          "[roots][isolate][cluster]") {
  auto g = test::rng(0xC3u);
  Poly f;
  for (int trial = 0; trial < 40; ++trial) {
    const int n = static_cast<int>(test::uniform(g, 2, 60));
    random_poly(f.p, g, n, trial % 2 ? 3 : 1000000);
    Poly d, gg;
    fmpz_poly_derivative(d.p, f.p);
    fmpz_poly_gcd(gg.p, f.p, d.p);
    if (fmpz_poly_degree(gg.p) > 0) fmpz_poly_div(f.p, f.p, gg.p);
    if (fmpz_poly_degree(f.p) < 1) continue;
    INFO("trial " << trial);
    IsolationStats st;
    st.use_double = false;
    st.cluster_levels = 1;
    check(f.p, &st);
    IsolationStats exact;
    exact.max_words = 0;
    exact.use_double = false;
    check(f.p, &exact);
  }
}

TEST_CASE("cluster steps on ball polynomials (ANewDsc): Sturm counts, low precision, exact fallback",
          "[roots][isolate][cluster][approx]") {
  auto g = test::rng(0xC4u);
  Poly f;
  fmpz_t a;
  fmpz_init(a);
  for (int digits : {3, 50, 300}) {
    for (int n : {16, 32, 64, 128}) {
      random_digits(a, g, digits);
      mignotte(f.p, n, a);
      INFO("t^" << n << " - 2 (a t - 1)^2, a = " << Integer(a).to_string());
      const long sturm = fmpz_poly_num_real_roots_sturm(f.p);
      IsolationStats st;
      std::vector<IsolatingInterval> iv = check(f.p, &st);
      CHECK(static_cast<long>(iv.size()) == sturm);
      CHECK(count_inside(iv, Rational(0), Rational(Integer(2), Integer(a))) == 2);
      if (digits >= 50) {
        CHECK(st.approx_nodes > 0);
        CHECK(st.newton_steps > 0);
        CHECK(st.approx_fallbacks == 0);
      }
      if (n > 32) continue;
      // The exact Newton steps agree.
      IsolationStats exact;
      exact.approx_clusters = false;
      CHECK(check(f.p, &exact).size() == iv.size());
      // A first precision far too low: the ball polynomials are recomputed.
      IsolationStats low;
      low.approx_prec = 16;
      std::vector<IsolatingInterval> iv_low = check(f.p, &low);
      CHECK(count_inside(iv_low, Rational(0), Rational(Integer(2), Integer(a))) == 2);
      if (digits >= 50) CHECK(low.approx_lifts > 0);
      // Caps below what the cluster needs: every node, or the nodes below some
      // Newton steps (intervals of width 2 at their level), go exact.
      for (long cap : {64L, 2048L}) {
        IsolationStats capped;
        capped.approx_prec = 32;
        capped.approx_max_prec = cap;
        std::vector<IsolatingInterval> iv_cap = check(f.p, &capped);
        CHECK(static_cast<long>(iv_cap.size()) == sturm);
        CHECK(count_inside(iv_cap, Rational(0), Rational(Integer(2), Integer(a))) == 2);
        if (digits >= 50) CHECK(capped.approx_fallbacks > 0);
      }
    }
  }
  fmpz_clear(a);
}

TEST_CASE("a planted cluster of three roots 2^-150 apart on ball polynomials, with low precision and fallback",
          "[roots][isolate][cluster][approx]") {
  auto g = test::rng(0xC5u);
  Poly u, c, r, f;
  fmpz_t Q, P;
  fmpz_init(Q);
  fmpz_init(P);
  for (int trial = 0; trial < 6; ++trial) {
    const long den = 2 * test::uniform(g, 1, 15) + 1;
    long num = test::uniform(g, -40, 40);
    if (num % den == 0) ++num;
    INFO("trial " << trial << ": cluster at " << num << "/" << den);
    // u = den 2^150 t - num 2^150; u^3 - 3u + 1 (irreducible, three real roots
    // in (-2, 2)): three roots of t within 2^-148/den of num/den.
    fmpz_set_si(Q, den);
    fmpz_mul_2exp(Q, Q, 150);
    fmpz_set_si(P, -num);
    fmpz_mul_2exp(P, P, 150);
    fmpz_poly_zero(u.p);
    fmpz_poly_set_coeff_fmpz(u.p, 1, Q);
    fmpz_poly_set_coeff_fmpz(u.p, 0, P);
    fmpz_poly_mul(c.p, u.p, u.p);
    fmpz_poly_mul(c.p, c.p, u.p);
    fmpz_poly_scalar_mul_si(r.p, u.p, -3);
    fmpz_poly_add(c.p, c.p, r.p);
    fmpz_poly_get_coeff_fmpz(P, c.p, 0);
    fmpz_add_ui(P, P, 1);
    fmpz_poly_set_coeff_fmpz(c.p, 0, P);
    random_poly(r.p, g, static_cast<int>(test::uniform(g, 10, 60)), 1000);
    fmpz_poly_mul(f.p, c.p, r.p);
    {
      Poly d, gg;
      fmpz_poly_derivative(d.p, f.p);
      fmpz_poly_gcd(gg.p, f.p, d.p);
      if (fmpz_poly_degree(gg.p) > 0) fmpz_poly_div(f.p, f.p, gg.p);
    }
    const long sturm = fmpz_poly_num_real_roots_sturm(f.p);
    for (int mode = 0; mode < 4; ++mode) {
      INFO("mode " << mode);
      IsolationStats st;
      st.use_double = false;
      if (mode == 1) st.approx_prec = 16;  // recomputed at higher precision
      if (mode == 2) st.approx_max_prec = 64;  // every node exact
      if (mode == 3) st.approx_clusters = false;
      std::vector<IsolatingInterval> iv = check(f.p, &st);
      CHECK(static_cast<long>(iv.size()) == sturm);
      // Each of the three roots of c in an interval of its own: c changes sign
      // across exactly three of the (isolating) intervals.
      int holding = 0;
      for (const IsolatingInterval& x : iv)
        if (test::sign_at(c.p, x.lo) * test::sign_at(c.p, x.hi) < 0) ++holding;
      CHECK(holding == 3);
      CHECK(st.clusters > 0);
      if (mode <= 1) CHECK(st.approx_nodes > 0);
      if (mode == 1) CHECK(st.approx_lifts > 1);
      if (mode == 2) CHECK(st.approx_fallbacks > 0);
    }
  }
  fmpz_clear(Q);
  fmpz_clear(P);
}
