// The certified real-root engine (lib/forms/isolate.cpp) against FLINT's
// Sturm sequences and against known roots: counts, isolating intervals
// (disjoint, one sign change each, containing the true roots), every tier
// (double filter, fixed point, exact) forced separately, hard families, and
// refinement to many digits.
#include <catch2/catch.hpp>

#include <arb.h>
#include <arb_poly.h>
#include <flint/arith.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/detail/isolate.hpp"
#include "lcngeom/detail/rational_roots.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "isolate_support.hpp"
#include "support.hpp"

using namespace lcngeom;
using detail::IsolatingInterval;
using detail::IsolationStats;

namespace {

using test::Poly;
using test::check_intervals;
using test::sign_at;

std::string show(const fmpz_poly_struct* f) {
  char* s = fmpz_poly_get_str_pretty(f, "t");
  std::string r(s);
  flint_free(s);
  return r;
}


// Count and isolation of a square-free f in every tier agree with FLINT's Sturm count.
void check_against_sturm(const fmpz_poly_struct* f, bool all_tiers = true) {
  INFO("f = " << show(f));
  const long sturm = fmpz_poly_num_real_roots(f);
  CHECK(detail::count_real_roots_squarefree(f) == sturm);
  std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f);
  CHECK(static_cast<long>(iv.size()) == sturm);
  check_intervals(f, iv);
  if (!all_tiers) return;
  IsolationStats subdivision_only;  // counts by subdivision even where Sturm is cheap
  subdivision_only.sturm_shortcut = false;
  CHECK(detail::count_real_roots_squarefree(f, &subdivision_only) == sturm);
  IsolationStats fixed_only;
  fixed_only.sturm_shortcut = false;
  fixed_only.use_double = false;
  CHECK(detail::count_real_roots_squarefree(f, &fixed_only) == sturm);
  std::vector<IsolatingInterval> iv2 = detail::isolate_real_roots(f, &fixed_only);
  CHECK(static_cast<long>(iv2.size()) == sturm);
  check_intervals(f, iv2);
  IsolationStats exact_only;
  exact_only.sturm_shortcut = false;
  exact_only.use_double = false;
  exact_only.max_words = 0;
  CHECK(detail::count_real_roots_squarefree(f, &exact_only) == sturm);
  std::vector<IsolatingInterval> iv3 = detail::isolate_real_roots(f, &exact_only);
  CHECK(static_cast<long>(iv3.size()) == sturm);
  check_intervals(f, iv3);
}

void squarefree_part(fmpz_poly_t q, const fmpz_poly_t f) {
  Poly d, g;
  fmpz_poly_derivative(d.p, f);
  fmpz_poly_gcd(g.p, f, d.p);
  fmpz_poly_div(q, f, g.p);
}

void random_poly(fmpz_poly_t f, std::mt19937_64& g, int n, int bits) {
  fmpz_poly_zero(f);
  fmpz_t c;
  fmpz_init(c);
  for (int i = 0; i <= n; ++i) {
    fmpz_zero(c);
    for (int b = 0; b < bits; b += 30) {
      fmpz_mul_2exp(c, c, 30);
      fmpz_add_ui(c, c, static_cast<ulong>(test::uniform(g, 0, (1L << 30) - 1)));
    }
    fmpz_fdiv_q_2exp(c, c, static_cast<ulong>((bits + 29) / 30 * 30 - bits));
    if (test::uniform(g, 0, 1)) fmpz_neg(c, c);
    if (i == n && fmpz_is_zero(c)) fmpz_one(c);
    fmpz_poly_set_coeff_fmpz(f, i, c);
  }
  fmpz_clear(c);
}

// prod (den_i t - num_i) over the given rational roots.
void product_of_roots(fmpz_poly_t f, const std::vector<std::pair<long, long>>& roots) {
  fmpz_poly_set_ui(f, 1);
  Poly l;
  for (auto [num, den] : roots) {
    fmpz_poly_zero(l.p);
    fmpz_poly_set_coeff_si(l.p, 1, den);
    fmpz_poly_set_coeff_si(l.p, 0, -num);
    fmpz_poly_mul(f, f, l.p);
  }
}

// Every true root (given as balls) lies in exactly one interval.
void check_contains(const std::vector<IsolatingInterval>& iv, const std::vector<arb_struct*>& truth, slong prec) {
  REQUIRE(iv.size() == truth.size());
  arb_t lo, hi;
  arb_init(lo);
  arb_init(hi);
  for (arb_struct* t : truth) {
    int hits = 0;
    for (const IsolatingInterval& x : iv) {
      arb_set_fmpq(lo, x.lo.raw(), prec);
      arb_set_fmpq(hi, x.hi.raw(), prec);
      if (x.lo == x.hi ? arb_contains(t, lo) : arb_le(lo, t) && arb_le(t, hi)) ++hits;  // certainly inside
    }
    CHECK(hits == 1);
  }
  arb_clear(lo);
  arb_clear(hi);
}

}  // namespace

TEST_CASE("engine counts and intervals agree with Sturm on random polynomials in every tier", "[roots][isolate]") {
  auto g = test::rng(120);
  Poly f, q;
  for (int it = 0; it < 300; ++it) {
    // (FLINT's Sturm sequences, the reference, dominate the time at larger sizes.)
    const int n = static_cast<int>(test::uniform(g, 1, it < 270 ? 30 : 90));
    const int bits = static_cast<int>(test::uniform(g, 1, it % 3 == 0 && n <= 30 ? 300 : 40));
    random_poly(f.p, g, n, bits);
    if (fmpz_poly_degree(f.p) < 1) continue;
    squarefree_part(q.p, f.p);
    check_against_sturm(q.p, n <= 30);
  }
}

TEST_CASE("engine on planted rational, dyadic and clustered roots", "[roots][isolate]") {
  auto g = test::rng(121);
  Poly f, q, h;
  for (int it = 0; it < 150; ++it) {
    std::vector<std::pair<long, long>> roots;
    const int m = static_cast<int>(test::uniform(g, 1, 30));
    for (int i = 0; i < m; ++i) {
      const int kind = static_cast<int>(test::uniform(g, 0, 2));
      if (kind == 0) roots.emplace_back(test::uniform(g, -40, 40), 1);                           // integers
      else if (kind == 1) roots.emplace_back(test::uniform(g, -64, 64), 1L << test::uniform(g, 0, 6));  // dyadic
      else roots.emplace_back(test::uniform(g, -200, 200), test::uniform(g, 1, 13));          // other rationals
    }
    product_of_roots(f.p, roots);
    random_poly(h.p, g, static_cast<int>(test::uniform(g, 0, 8)), 10);  // and a random cofactor
    if (fmpz_poly_is_zero(h.p)) fmpz_poly_set_ui(h.p, 1);
    fmpz_poly_mul(f.p, f.p, h.p);
    squarefree_part(q.p, f.p);
    if (fmpz_poly_degree(q.p) < 1) continue;
    check_against_sturm(q.p, fmpz_poly_degree(q.p) <= 30);
  }
}

TEST_CASE("engine on Chebyshev and Legendre polynomials: the intervals contain the known roots", "[roots][isolate]") {
  Poly f;
  arb_t pi, t;
  arb_init(pi);
  arb_init(t);
  const slong prec = 128;
  arb_const_pi(pi, prec);
  for (int n : {3, 16, 64, 150}) {
    arith_chebyshev_t_polynomial(f.p, static_cast<ulong>(n));
    INFO("T_" << n);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    CHECK(detail::count_real_roots_squarefree(f.p) == n);
    check_intervals(f.p, iv);
    // Roots cos((2k + 1) pi / (2n)).
    std::vector<arb_struct*> truth;
    for (int k = 0; k < n; ++k) {
      arb_struct* r = new arb_struct;
      arb_init(r);
      arb_mul_ui(r, pi, static_cast<ulong>(2 * k + 1), prec);
      arb_div_ui(r, r, static_cast<ulong>(2 * n), prec);
      arb_cos(r, r, prec);
      truth.push_back(r);
    }
    check_contains(iv, truth, prec);
    for (arb_struct* r : truth) {
      arb_clear(r);
      delete r;
    }
    if (n <= 64) check_against_sturm(f.p, n <= 16);
  }
  for (int n : {5, 40, 120}) {
    fmpq_poly_t p;
    fmpq_poly_init(p);
    arith_legendre_polynomial(p, static_cast<ulong>(n));
    fmpq_poly_get_numerator(f.p, p);
    fmpq_poly_clear(p);
    INFO("P_" << n);
    CHECK(detail::count_real_roots_squarefree(f.p) == n);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    CHECK(static_cast<int>(iv.size()) == n);
    check_intervals(f.p, iv);
    for (const IsolatingInterval& x : iv) CHECK((Rational(-1) <= x.lo && x.hi <= Rational(1)));
  }
  arb_clear(pi);
  arb_clear(t);
}

TEST_CASE("engine on Wilkinson products: integer roots come out exact", "[roots][isolate]") {
  Poly f;
  for (int n : {1, 2, 10, 64, 200}) {
    std::vector<std::pair<long, long>> roots;
    for (long i = 1; i <= n; ++i) roots.emplace_back(i, 1);
    product_of_roots(f.p, roots);
    INFO("prod (t - i), i = 1.." << n);
    CHECK(detail::count_real_roots_squarefree(f.p) == n);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    REQUIRE(static_cast<int>(iv.size()) == n);
    check_intervals(f.p, iv);
    for (int i = 0; i < n; ++i) {
      // Each integer i + 1 lies in interval i (exactly, or strictly inside).
      CHECK(iv[static_cast<std::size_t>(i)].lo <= Rational(i + 1));
      CHECK(Rational(i + 1) <= iv[static_cast<std::size_t>(i)].hi);
    }
  }
  // Shifted (roots i + 1/3): no root on a split point.
  std::vector<std::pair<long, long>> roots;
  for (long i = 1; i <= 100; ++i) roots.emplace_back(3 * i + 1, 3);
  product_of_roots(f.p, roots);
  CHECK(detail::count_real_roots_squarefree(f.p) == 100);
  check_intervals(f.p, detail::isolate_real_roots(f.p));
}

// The modular search for rational roots (lib/forms/rational_roots.cpp):
// planted rational roots of every size (word-size and multi-word Hensel
// lifting, denominators dividing the leading coefficient) come back exactly,
// and the cofactor times their linear factors is f.
TEST_CASE("rational roots by the modular search: planted roots come back exactly", "[roots][isolate][rational]") {
  auto g = test::rng(125);
  Poly f, h, prod, check;
  for (int it = 0; it < 60; ++it) {
    std::vector<std::pair<long, long>> planted;
    const int m = static_cast<int>(test::uniform(g, 0, 40));
    const long big = it % 3 == 0 ? 1000000000000L : it % 3 == 1 ? 1000 : 50;  // 10^12 needs integer lifting
    for (int i = 0; i < m; ++i) {
      long num = test::uniform(g, -big, big), den = it % 2 ? test::uniform(g, 1, 40) : 1;
      const long d = std::gcd(num, den);
      num /= d;
      den /= d;
      if (std::find(planted.begin(), planted.end(), std::make_pair(num, den)) == planted.end())
        planted.emplace_back(num, den);
    }
    product_of_roots(prod.p, planted);
    random_poly(h.p, g, static_cast<int>(test::uniform(g, 0, 60)), static_cast<int>(test::uniform(g, 1, 200)));
    if (fmpz_poly_is_zero(h.p)) fmpz_poly_set_ui(h.p, 1);
    fmpz_poly_mul(f.p, prod.p, h.p);
    Poly q;
    squarefree_part(q.p, f.p);
    if (fmpz_poly_degree(q.p) < 1) continue;
    INFO("f = " << show(q.p));
    std::vector<Rational> roots;
    Poly cof;
    const bool found = detail::split_rational_roots(q.p, roots, cof.p, true);
    // Every planted root is found (and whatever rational roots h has).
    for (auto [num, den] : planted) CHECK(std::find(roots.begin(), roots.end(), Rational(num, den)) != roots.end());
    CHECK(found == !roots.empty());
    CHECK(std::is_sorted(roots.begin(), roots.end()));
    for (const Rational& r : roots) CHECK(sign_at(q.p, r) == 0);
    for (const Rational& r : roots) CHECK(sign_at(cof.p, r) != 0);
    // cofactor * prod (b t - a) == f
    std::vector<std::pair<long, long>> back;
    bool small = true;
    for (const Rational& r : roots) {
      if (!fmpz_fits_si(fmpq_numref(r.raw())) || !fmpz_fits_si(fmpq_denref(r.raw()))) small = false;
      else back.emplace_back(fmpz_get_si(fmpq_numref(r.raw())), fmpz_get_si(fmpq_denref(r.raw())));
    }
    if (small) {
      product_of_roots(prod.p, back);
      fmpz_poly_mul(check.p, prod.p, cof.p);
      CHECK(fmpz_poly_equal(check.p, q.p));
    }
    // Count and isolation with and without the search agree with Sturm.
    const long sturm = fmpz_poly_num_real_roots(q.p);
    IsolationStats off;
    off.rational_roots = false;
    CHECK(detail::count_real_roots_squarefree(q.p) == sturm);
    CHECK(detail::count_real_roots_squarefree(q.p, &off) == sturm);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(q.p);
    CHECK(static_cast<long>(iv.size()) == sturm);
    check_intervals(q.p, iv);
  }
  // No rational root: nothing found, the cofactor is f.
  for (int it = 0; it < 20; ++it) {
    random_poly(f.p, g, static_cast<int>(test::uniform(g, 64, 120)), 30);
    fmpz_poly_set_coeff_si(f.p, 0, 1);
    fmpz_poly_set_coeff_si(f.p, 1, 0);  // f(t) = 1 + t^2 (...): +-1 and 0 are no roots; any other is checked below
    std::vector<Rational> roots;
    Poly cof;
    if (!detail::split_rational_roots(f.p, roots, cof.p)) CHECK(fmpz_poly_equal(cof.p, f.p));
    for (const Rational& r : roots) CHECK(sign_at(f.p, r) == 0);
  }
}

TEST_CASE("rational roots first: Wilkinson products and rational grids at high degree agree with Sturm",
          "[roots][isolate][rational]") {
  Poly f;
  for (int n : {64, 100, 300}) {
    std::vector<std::pair<long, long>> roots;
    for (long i = 1; i <= n; ++i) roots.emplace_back(i % 2 ? i : -7 * i, i % 3 ? 1 : 5);  // signs and denominators mixed
    product_of_roots(f.p, roots);
    INFO("n = " << n);
    IsolationStats st;
    CHECK(detail::count_real_roots_squarefree(f.p, &st) == n);
    CHECK(st.rational_found == n);
    CHECK(st.fixed_nodes + st.double_nodes + st.exact_nodes == 0);  // no subdivision left
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    REQUIRE(static_cast<int>(iv.size()) == n);
    check_intervals(f.p, iv);
    for (const IsolatingInterval& x : iv) CHECK(x.lo == x.hi);
    if (n <= 100) CHECK(fmpz_poly_num_real_roots(f.p) == n);
  }
  // Rational roots interleaved with irrational ones: 100 integers times a
  // Chebyshev polynomial (roots in (-1, 1) between the integers -1, 0, 1).
  {
    std::vector<std::pair<long, long>> roots;
    for (long i = -50; i < 50; ++i) roots.emplace_back(i, 1);
    product_of_roots(f.p, roots);
    Poly t;
    arith_chebyshev_t_polynomial(t.p, 31);  // odd: 0 is a root, so divide it out
    fmpz_poly_shift_right(t.p, t.p, 1);
    fmpz_poly_mul(f.p, f.p, t.p);
    IsolationStats st;
    CHECK(detail::count_real_roots_squarefree(f.p, &st) == 130);
    CHECK(st.rational_found == 100);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    CHECK(iv.size() == 130);
    check_intervals(f.p, iv);
    check_against_sturm(f.p, false);
  }
}

// Degree >= 256 with all positive (negative) roots below 2^4: the positive
// axis is cut at 1 and (1, inf) handled through t^n g(1/t) (positive_roots_split).
TEST_CASE("engine at high degree: the charts (0, 1) and (1, inf) agree with one chart and with Sturm",
          "[roots][isolate][split]") {
  auto g = test::rng(126);
  Poly f, q, l;
  // (FLINT's Sturm count, the reference, takes most of the time here.)
  for (int it = 0; it < 6; ++it) {
    const int n = static_cast<int>(test::uniform(g, 200, 260));
    random_poly(f.p, g, n, static_cast<int>(test::uniform(g, 3, 12)));
    if (it % 3 == 1) {  // roots at +-1 and near them: 1, -1, 1 + 2^-20, -(1 - 3 * 2^-30)
      product_of_roots(l.p, {{1, 1}, {-1, 1}});
      fmpz_poly_mul(f.p, f.p, l.p);
      Poly a;
      fmpz_poly_set_coeff_si(a.p, 1, 1L << 20);
      fmpz_poly_set_coeff_si(a.p, 0, -((1L << 20) + 1));
      fmpz_poly_mul(f.p, f.p, a.p);
      fmpz_poly_zero(a.p);
      fmpz_poly_set_coeff_si(a.p, 1, 1L << 30);
      fmpz_poly_set_coeff_si(a.p, 0, (1L << 30) - 3);
      fmpz_poly_mul(f.p, f.p, a.p);
    }
    squarefree_part(q.p, f.p);
    INFO("n = " << n << ", it = " << it);
    const long sturm = fmpz_poly_num_real_roots(q.p);
    IsolationStats one_chart, plain;
    one_chart.split_at_one = false;
    one_chart.rational_roots = plain.rational_roots = false;
    plain.split_min_degree = 200;
    IsolationStats low = plain;
    low.rational_roots = true;
    CHECK(detail::count_real_roots_squarefree(q.p, &low) == sturm);
    CHECK(detail::count_real_roots_squarefree(q.p, &plain) == sturm);
    CHECK(detail::count_real_roots_squarefree(q.p, &one_chart) == sturm);
    for (IsolationStats* st : {&low, &plain}) {
      std::vector<IsolatingInterval> iv = detail::isolate_real_roots(q.p, st);
      CHECK(static_cast<long>(iv.size()) == sturm);
      check_intervals(q.p, iv);
    }
  }
}

TEST_CASE("engine on Mignotte-like clusters and (1 + 100 t)^k + t^n", "[roots][isolate]") {
  Poly f;
  fmpz_t a, c;
  fmpz_init(a);
  fmpz_init(c);
  // f = t^n - 2 (a t - 1)^2 with a = 10^digits.
  auto mignotte = [&](int n, int digits) {
    fmpz_set_ui(a, 10);
    fmpz_pow_ui(a, a, static_cast<ulong>(digits));
    fmpz_poly_zero(f.p);
    fmpz_poly_set_coeff_ui(f.p, static_cast<ulong>(n), 1);
    fmpz_mul(c, a, a);
    fmpz_mul_si(c, c, -2);
    fmpz_poly_set_coeff_fmpz(f.p, 2, c);
    fmpz_mul_si(c, a, 4);
    fmpz_poly_set_coeff_fmpz(f.p, 1, c);
    fmpz_poly_set_coeff_si(f.p, 0, -2);
  };
  // t^n - 2 (a t - 1)^2: two real roots about a^-(n+2)/2 apart near 1/a.
  for (auto [n, digits] : {std::pair{8, 3}, {20, 10}, {64, 3}, {40, 30}}) {
    mignotte(n, digits);
    INFO("t^" << n << " - 2 (10^" << digits << " t - 1)^2");
    check_against_sturm(f.p, n <= 20);
    std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
    // The two close roots are separated: two intervals inside (0, 2/a).
    int near = 0;
    for (const IsolatingInterval& x : iv)
      if (Rational(0) < x.lo && x.hi < Rational(Integer(2), Integer(a))) ++near;
    CHECK(near == 2);
  }
  // At high degree the count takes the Sturm shortcut (first remainder of
  // degree 2); the isolation still separates the cluster.
  for (auto [n, digits] : {std::pair{300, 20}, {120, 3}}) {
    mignotte(n, digits);
    INFO("t^" << n << " - 2 (10^" << digits << " t - 1)^2");
    IsolationStats st;
    CHECK(detail::count_real_roots_squarefree(f.p, &st) == fmpz_poly_num_real_roots(f.p));
    CHECK(st.sturm_shortcuts == 1);
    if (n <= 120) {
      std::vector<IsolatingInterval> iv = detail::isolate_real_roots(f.p);
      CHECK(static_cast<long>(iv.size()) == fmpz_poly_num_real_roots(f.p));
      check_intervals(f.p, iv);
    }
  }
  // Random polynomials never take the shortcut (their first remainder has degree n - 2).
  {
    auto g = test::rng(57);
    Poly r;
    for (slong i = 0; i <= 80; ++i) fmpz_poly_set_coeff_si(r.p, i, test::uniform(g, -999, 999) | 1);
    IsolationStats st;
    detail::count_real_roots_squarefree(r.p, &st);
    CHECK(st.sturm_shortcuts == 0);
  }
  // (1 + 100 t)^k + t^n: a cluster of k roots near -1/100 (Arb's test family).
  for (auto [k, n] : {std::pair{5, 7}, {9, 20}, {20, 45}}) {
    Poly lin, pw;
    fmpz_poly_set_coeff_si(lin.p, 0, 1);
    fmpz_poly_set_coeff_si(lin.p, 1, 100);
    fmpz_poly_pow(f.p, lin.p, static_cast<ulong>(k));
    fmpz_poly_zero(pw.p);
    fmpz_poly_set_coeff_si(pw.p, n, 1);
    fmpz_poly_add(f.p, f.p, pw.p);
    check_against_sturm(f.p, n <= 20);
  }
  fmpz_clear(a);
  fmpz_clear(c);
}

TEST_CASE("engine on roots of very different sizes and on huge coefficients", "[roots][isolate]") {
  Poly f, g2;
  // Roots 10^-40, 10^40 and -3: (10^40 t - 1)(t - 10^40)(t + 3).
  fmpz_t big;
  fmpz_init(big);
  fmpz_set_ui(big, 10);
  fmpz_pow_ui(big, big, 40);
  fmpz_poly_zero(f.p);
  fmpz_poly_set_coeff_fmpz(f.p, 1, big);
  fmpz_poly_set_coeff_si(f.p, 0, -1);
  fmpz_poly_zero(g2.p);
  fmpz_poly_set_coeff_si(g2.p, 1, 1);
  fmpz_neg(big, big);
  fmpz_poly_set_coeff_fmpz(g2.p, 0, big);
  fmpz_poly_mul(f.p, f.p, g2.p);
  fmpz_poly_zero(g2.p);
  fmpz_poly_set_coeff_si(g2.p, 1, 1);
  fmpz_poly_set_coeff_si(g2.p, 0, 3);
  fmpz_poly_mul(f.p, f.p, g2.p);
  check_against_sturm(f.p);
  fmpz_clear(big);
  // 300-digit coefficients, degrees 10..30.
  auto g = test::rng(122);
  for (int it = 0; it < 8; ++it) {
    random_poly(f.p, g, static_cast<int>(test::uniform(g, 10, 30)), 1000);
    Poly q;
    squarefree_part(q.p, f.p);
    check_against_sturm(q.p, false);
  }
}

TEST_CASE("engine: even polynomials, roots at 0 and +-1, degree 1 and constants", "[roots][isolate]") {
  Poly f;
  // t (t^2 - 1)(t^2 - 2)(t^4 + 1): roots 0, +-1, +-sqrt 2.
  fmpz_poly_set_str(f.p, "10  0 2 0 -3 0 3 0 -3 0 1");  // t (t^8 - 3t^6 + 3t^4 - 3t^2 + 2)
  Poly expect, l;
  fmpz_poly_set_str(expect.p, "2  0 1");
  for (const char* s : {"3  -1 0 1", "3  -2 0 1", "5  1 0 0 0 1"}) {
    fmpz_poly_set_str(l.p, s);
    fmpz_poly_mul(expect.p, expect.p, l.p);
  }
  check_against_sturm(expect.p);
  std::vector<IsolatingInterval> iv = detail::isolate_real_roots(expect.p);
  REQUIRE(iv.size() == 5);
  CHECK(iv[2].lo == Rational(0));
  CHECK(iv[2].hi == Rational(0));
  CHECK(iv[1].lo == Rational(-1));
  CHECK(iv[3].hi == Rational(1));
  fmpz_poly_set_str(f.p, "2  -3 7");  // 7t - 3
  iv = detail::isolate_real_roots(f.p);
  REQUIRE(iv.size() == 1);
  CHECK(iv[0].lo <= Rational(3, 7));
  CHECK(Rational(3, 7) <= iv[0].hi);
  fmpz_poly_set_str(f.p, "1  5");
  CHECK(detail::isolate_real_roots(f.p).empty());
  CHECK(detail::count_real_roots_squarefree(f.p) == 0);
  // Deflation t -> t^h in counting: t^6 - 2 (h = 6), t^9 + 5 (h = 9), 4t^8 - 1.
  for (const char* s : {"7  -2 0 0 0 0 0 1", "10  5 0 0 0 0 0 0 0 0 1", "9  -1 0 0 0 0 0 0 0 4"}) {
    fmpz_poly_set_str(f.p, s);
    check_against_sturm(f.p);
  }
}

TEST_CASE("real roots refine to thousands of digits and agree with Arb", "[roots][isolate]") {
  // T_20 (irreducible factors of Chebyshev polynomials), 2000 digits.
  Poly f;
  arith_chebyshev_t_polynomial(f.p, 20);
  IntPoly t20(f.p);
  BinaryForm p(20, RatPoly(t20));
  std::vector<RealRoot> r = real_roots(p);
  REQUIRE(r.size() == 20);
  for (RealRoot& root : r) root.refine(Rational(Integer(1), pow(Integer(10), 2000)));
  const slong prec = 40000;  // the end points may carry more bits than the 2000 digits asked for
  arb_t pi, x, lo, hi;
  arb_init(pi);
  arb_init(x);
  arb_init(lo);
  arb_init(hi);
  arb_const_pi(pi, prec);
  const Rational width(Integer(1), pow(Integer(10), 2000));
  for (int k = 0; k < 20; ++k) {
    const RealRoot& root = r[static_cast<std::size_t>(19 - k)];  // cos decreases in k
    CHECK(root.width() <= width);
    arb_mul_ui(x, pi, static_cast<ulong>(2 * k + 1), prec);
    arb_div_ui(x, x, 40, prec);
    arb_cos(x, x, prec);
    arb_set_fmpq(lo, root.lo().raw(), prec);
    arb_set_fmpq(hi, root.hi().raw(), prec);
    CHECK(arb_le(lo, x));
    CHECK(arb_le(x, hi));
  }
  arb_clear(pi);
  arb_clear(x);
  arb_clear(lo);
  arb_clear(hi);
  // A cluster: (10^12 t^2 - 2 10^12 - 1)(t^2 - 2) to 500 digits, both sides of sqrt 2.
  std::vector<RealRoot> c = real_roots(BinaryForm::parse("(x^2-2y^2)*(1000000000000x^2-2000000000001y^2)"));
  REQUIRE(c.size() == 4);
  for (RealRoot& root : c) root.refine(Rational(Integer(1), pow(Integer(10), 500)));
  CHECK(c[2].hi() < c[3].lo());
  CHECK(c[2].to_decimal(30) == "1.41421356237309504880168872421");  // 30 significant digits
}

TEST_CASE("modular square-freeness certificate on large coefficients and degrees agrees with FLINT",
          "[roots][isolate]") {
  auto g = test::rng(123);
  Poly f, h;
  for (int it = 0; it < 60; ++it) {
    random_poly(f.p, g, static_cast<int>(test::uniform(g, 1, 300)), static_cast<int>(test::uniform(g, 1, 500)));
    if (fmpz_poly_degree(f.p) < 1) continue;
    if (it % 2) {  // plant a square
      random_poly(h.p, g, static_cast<int>(test::uniform(g, 1, 5)), 20);
      if (fmpz_poly_degree(h.p) >= 1) {
        fmpz_poly_mul(f.p, f.p, h.p);
        fmpz_poly_mul(f.p, f.p, h.p);
      }
    }
    const bool certified = detail::squarefree_certificate(f.p);
    const bool squarefree = fmpz_poly_is_squarefree(f.p);
    if (certified) CHECK(squarefree);  // one-sided
    if (squarefree) CHECK(certified);  // the primes used are not unlucky here
  }
}

TEST_CASE("Sturm shortcut: the O(n) test and the divide-and-conquer Sturm count agree with FLINT",
          "[roots][isolate][sturm]") {
  auto g = test::rng(4242);
  Poly f, pr, d;
  // The test decides deg prem(f, f') <= 8 exactly as the pseudo-remainder does.
  auto remainder_is_short = [&](const fmpz_poly_struct* p) {
    fmpz_poly_derivative(d.p, p);
    ulong e = 0;
    fmpz_poly_pseudo_rem(pr.p, &e, p, d.p);
    return fmpz_poly_degree(pr.p) <= 8;
  };
  auto span_of = [](const fmpz_poly_struct* p) {
    std::vector<std::int64_t> c;
    for (slong i = 0; i <= fmpz_poly_degree(p); ++i) c.push_back(fmpz_get_si(p->coeffs + i));
    return c;
  };
  // Mignotte t^n - 2 (a t - 1)^2, a >= 2: by Descartes (3 and 1 sign
  // variations) and the signs at 0, 1/a, a little right of 1/a and at
  // +-infinity, exactly 4 real roots for even n and 3 for odd n.
  for (int n : {32, 33, 64, 95, 96, 97, 128, 200, 255, 256, 513, 1024}) {
    const long a = test::uniform(g, 2, 999);
    fmpz_poly_zero(f.p);
    fmpz_poly_set_coeff_si(f.p, n, 1);
    fmpz_poly_set_coeff_si(f.p, 2, -2 * a * a);
    fmpz_poly_set_coeff_si(f.p, 1, 4 * a);
    fmpz_poly_set_coeff_si(f.p, 0, -2);
    INFO("t^" << n << " - 2 (" << a << " t - 1)^2");
    CHECK(detail::sturm_is_cheap(f.p));
    const std::vector<std::int64_t> c = span_of(f.p);
    CHECK(detail::sturm_is_cheap(std::span<const std::int64_t>(c)));
    CHECK(detail::count_real_roots_sturm_cheap(f.p) == (n % 2 == 0 ? 4 : 3));
    CHECK(fmpz_poly_num_real_roots(f.p) == (n % 2 == 0 ? 4 : 3));
    CHECK(detail::squarefree_certificate(f.p));
    CHECK(detail::squarefree_certificate(std::span<const std::int64_t>(c)));
  }
  // Dense inputs with a short first remainder: (t + b)^n + c(t), deg c <= 8
  // (prem((t + b)^n, n (t + b)^(n-1)) = 0); and sparse t^n + c(t) with big
  // coefficients.  Counts against FLINT's Sturm count.
  for (int it = 0; it < 24; ++it) {
    const int n = static_cast<int>(test::uniform(g, 32, 400));
    Poly c;
    const int dc = static_cast<int>(test::uniform(g, 0, 8));
    for (int i = 0; i <= dc; ++i) {
      fmpz_t v;
      fmpz_init(v);
      fmpz_set_si(v, test::uniform(g, -1000000, 1000000));
      if (it % 3 == 2) fmpz_mul_2exp(v, v, 200);  // coefficients beyond a word
      fmpz_poly_set_coeff_fmpz(c.p, i, v);
      fmpz_clear(v);
    }
    if (it % 2 == 0) {
      Poly lin;
      fmpz_poly_set_coeff_si(lin.p, 0, test::uniform(g, -3, 3));
      fmpz_poly_set_coeff_si(lin.p, 1, 1);
      fmpz_poly_pow(f.p, lin.p, static_cast<ulong>(n));
    } else {
      fmpz_poly_zero(f.p);
      fmpz_poly_set_coeff_si(f.p, n, test::uniform(g, 1, 5));
    }
    fmpz_poly_add(f.p, f.p, c.p);
    if (fmpz_poly_degree(f.p) < n || !fmpz_poly_is_squarefree(f.p)) continue;
    INFO("n = " << n << ", f = " << (n < 60 ? show(f.p) : std::string("(long)")));
    CHECK(detail::sturm_is_cheap(f.p) == remainder_is_short(f.p));
    CHECK(detail::count_real_roots_sturm_cheap(f.p) == fmpz_poly_num_real_roots(f.p));
    CHECK(detail::count_real_roots_squarefree(f.p) == fmpz_poly_num_real_roots(f.p));
  }
  // Random inputs: never cheap (first remainder of degree n - 2), and the
  // count falls back to FLINT's Sturm count when called anyway.
  for (int it = 0; it < 10; ++it) {
    const int n = static_cast<int>(test::uniform(g, 32, 150));
    fmpz_poly_zero(f.p);
    for (int i = 0; i <= n; ++i) fmpz_poly_set_coeff_si(f.p, i, test::uniform(g, -999, 999));
    fmpz_poly_set_coeff_si(f.p, n, 7);
    if (!fmpz_poly_is_squarefree(f.p)) continue;
    CHECK(detail::sturm_is_cheap(f.p) == remainder_is_short(f.p));
    const std::vector<std::int64_t> c = span_of(f.p);
    CHECK(detail::sturm_is_cheap(std::span<const std::int64_t>(c)) == detail::sturm_is_cheap(f.p));
    CHECK(detail::count_real_roots_sturm_cheap(f.p) == fmpz_poly_num_real_roots(f.p));
  }
}

TEST_CASE("square-freeness certificate: sparse inputs (monic steps) and degree >= 1024 (half-gcd)",
          "[roots][isolate][sturm]") {
  auto g = test::rng(777);
  Poly f, h;
  for (int n : {40, 100, 1024, 1500}) {
    // Sparse square-free: t^n - 2 (a t - 1)^2, and times a planted square.
    fmpz_poly_zero(f.p);
    fmpz_poly_set_coeff_si(f.p, n, 1);
    fmpz_poly_set_coeff_si(f.p, 2, -2 * 81);
    fmpz_poly_set_coeff_si(f.p, 1, 4 * 9);
    fmpz_poly_set_coeff_si(f.p, 0, -2);
    INFO("n = " << n);
    CHECK(detail::squarefree_certificate(f.p));
    fmpz_poly_zero(h.p);
    fmpz_poly_set_coeff_si(h.p, 0, -5);
    fmpz_poly_set_coeff_si(h.p, 1, 3);
    fmpz_poly_mul(f.p, f.p, h.p);
    fmpz_poly_mul(f.p, f.p, h.p);
    CHECK_FALSE(detail::squarefree_certificate(f.p));
    // Dense random of the same degree.
    fmpz_poly_zero(f.p);
    for (int i = 0; i <= n; ++i) fmpz_poly_set_coeff_si(f.p, i, test::uniform(g, -99, 99));
    fmpz_poly_set_coeff_si(f.p, n, 1);
    CHECK(detail::squarefree_certificate(f.p) == static_cast<bool>(fmpz_poly_is_squarefree(f.p)));
    fmpz_poly_mul(f.p, f.p, h.p);
    fmpz_poly_mul(f.p, f.p, h.p);
    CHECK_FALSE(detail::squarefree_certificate(f.p));
  }
}
