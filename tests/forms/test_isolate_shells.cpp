// The high-degree path of the isolation engine (lib/forms/isolate.cpp): the
// root bound lowered by Budan's test on truncated Taylor shifts
// (no_root_beyond) and the top octaves isolated as dyadic shells
// g(2^e (1 + x)), forced at low degree through IsolationStats, against
// FLINT's Sturm count and against the one-chart path.  Intervals are checked
// disjoint with a sign change each (or an exact root); with as many intervals
// as Sturm counts roots, each holds exactly one.
#include <catch2/catch.hpp>

#include <flint/arith.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/detail/isolate.hpp"
#include "lcngeom/flint.hpp"
#include "isolate_support.hpp"
#include "support.hpp"

using namespace lcngeom;
using detail::IsolatingInterval;
using detail::IsolationStats;

namespace {

using test::Poly;
using test::check_intervals;
using test::sign_at;


// The shell path forced (from degree 8, any bound >= 2, `levels` top
// octaves as shells; rational roots left to the subdivision so that integer
// roots land on shell boundaries and split points) against the one-chart
// path, and against Sturm when `sturm`.  Adds the shells and bound cuts used.
struct Used {
  long shells = 0, cuts = 0;
};

void check_shells(Used& used, const fmpz_poly_struct* f, int levels, bool sturm) {
  IsolationStats forced;
  forced.shell_min_degree = 8;
  forced.shell_min_bound = 2;
  forced.shell_levels = levels;
  forced.rational_roots = false;
  forced.split_min_degree = 1 << 30;
  IsolationStats old = forced;
  old.shells = false;
  const std::vector<IsolatingInterval> before = detail::isolate_real_roots(f, &old);
  const std::vector<IsolatingInterval> after = detail::isolate_real_roots(f, &forced);
  REQUIRE(after.size() == before.size());
  check_intervals(f, after);
  // The k-th intervals of both paths isolate the same (k-th) root.
  for (std::size_t k = 0; k < after.size(); ++k) {
    const Rational& lo = after[k].lo < before[k].lo ? before[k].lo : after[k].lo;
    const Rational& hi = after[k].hi < before[k].hi ? after[k].hi : before[k].hi;
    CHECK(lo <= hi);
  }
  IsolationStats counted = forced;
  counted.sturm_shortcut = false;
  const int count = detail::count_real_roots_squarefree(f, &counted);
  CHECK(count == static_cast<int>(after.size()));
  if (sturm) CHECK(fmpz_poly_num_real_roots(f) == static_cast<slong>(after.size()));
  IsolationStats exact = forced;  // shells with the fixed-point and exact tiers only
  exact.use_double = false;
  exact.max_words = 0;
  if (fmpz_poly_degree(f) <= 60) CHECK(detail::isolate_real_roots(f, &exact).size() == after.size());
  used.shells += forced.shell_charts;
  used.cuts += forced.bound_cuts;
}

void squarefree_part(fmpz_poly_t q, const fmpz_poly_t f) {
  Poly d, g;
  fmpz_poly_derivative(d.p, f);
  fmpz_poly_gcd(g.p, f, d.p);
  fmpz_poly_div(q, f, g.p);
}

void random_poly(fmpz_poly_t f, std::mt19937_64& g, int n, long bound) {
  fmpz_poly_zero(f);
  for (int i = 0; i <= n; ++i) fmpz_poly_set_coeff_si(f, i, test::uniform(g, -bound, bound));
  if (fmpz_is_zero(f->coeffs + n) || fmpz_poly_degree(f) < n) fmpz_poly_set_coeff_si(f, n, 1);
}

// f(t) <- 2^(s n) f(t / 2^s): roots scaled by 2^s.
void scale_roots(fmpz_poly_t f, int s) {
  const slong n = fmpz_poly_degree(f);
  for (slong i = 0; i <= n; ++i) fmpz_mul_2exp(f->coeffs + i, f->coeffs + i, static_cast<ulong>(s * (n - i)));
}

void times_linear(fmpz_poly_t f, long a, long b) {  // f <- f (a t - b)
  Poly l;
  fmpz_poly_set_coeff_si(l.p, 1, a);
  fmpz_poly_set_coeff_si(l.p, 0, -b);
  fmpz_poly_mul(f, f, l.p);
}

}  // namespace

TEST_CASE("shells: planted radicals with integer roots on shell boundaries agree with Sturm and one chart",
          "[roots][isolate][shells]") {
  auto g = test::rng(2191);
  Poly f, r, q;
  Used used;
  for (int it = 0; it < 8; ++it) {
    // (t - b)^m over distinct b in [-R, R] (powers of two included), (t^2 + c)^m,
    // times a random cofactor; the radical f / gcd(f, f').
    const long range = it < 4 ? 130 : 600;
    fmpz_poly_set_ui(f.p, 1);
    for (long b : {1L, 2L, -4L, 64L, 128L}) times_linear(f.p, 1, b);
    const int planted = static_cast<int>(test::uniform(g, 6, it < 4 ? 20 : 60));
    for (int i = 0; i < planted; ++i) {
      const long b = test::uniform(g, -range, range);
      const int m = static_cast<int>(test::uniform(g, 1, 3));
      for (int j = 0; j < m; ++j) times_linear(f.p, 1, b);
    }
    Poly quad;
    fmpz_poly_set_coeff_si(quad.p, 2, 1);
    fmpz_poly_set_coeff_si(quad.p, 0, test::uniform(g, 1, 50));
    fmpz_poly_mul(f.p, f.p, quad.p);
    fmpz_poly_mul(f.p, f.p, quad.p);
    random_poly(r.p, g, static_cast<int>(test::uniform(g, 4, it < 4 ? 30 : 80)), 1L << 40);
    fmpz_poly_mul(f.p, f.p, r.p);
    squarefree_part(q.p, f.p);
    INFO("it = " << it << ", degree " << fmpz_poly_degree(q.p));
    for (int levels : {0, 1, 3, 6}) check_shells(used, q.p, levels, it < 4);
  }
  CHECK(used.shells > 0);
  CHECK(used.cuts > 0);
}

TEST_CASE("shells: random polynomials with scaled roots, Chebyshev, clusters and products",
          "[roots][isolate][shells]") {
  auto g = test::rng(2192);
  Poly f, c;
  Used used;
  // Random coefficients, roots scaled into [2^3, 2^12]: several octaves.
  for (int it = 0; it < 6; ++it) {
    const int n = static_cast<int>(test::uniform(g, 10, it < 4 ? 60 : 200));
    random_poly(f.p, g, n, it % 2 ? 1000 : (1L << 50));
    scale_roots(f.p, static_cast<int>(test::uniform(g, 3, 12)));
    squarefree_part(c.p, f.p);
    INFO("random, it = " << it << ", n = " << n);
    for (int levels : {1, 4}) check_shells(used, c.p, levels, n <= 60);
  }
  // Chebyshev T_n(t / 2^s): n real roots in (-2^s, 2^s), dense near the ends.
  for (auto [n, s] : {std::pair{16, 6}, {40, 9}, {100, 7}, {200, 10}}) {
    arith_chebyshev_t_polynomial(f.p, static_cast<ulong>(n));
    scale_roots(f.p, s);
    INFO("Chebyshev n = " << n << ", s = " << s);
    for (int levels : {2, 5}) check_shells(used, f.p, levels, n <= 40);
  }
  // A cluster inside a shell: (2^40 t - 2^40 100 - 1)(2^40 t - 2^40 100 + 1)
  // (roots 100 +- 2^-40), Mignotte t^n - 2 (2^20 t - 1)^2 scaled by 2^8, times
  // random cofactors.
  for (int it = 0; it < 3; ++it) {
    random_poly(f.p, g, static_cast<int>(test::uniform(g, 10, 40)), 1L << 20);
    scale_roots(f.p, 5);
    Poly l;
    fmpz_poly_set_coeff_si(l.p, 1, 1L << 40);
    fmpz_poly_set_coeff_si(l.p, 0, -((1L << 40) * 100 + 1));
    fmpz_poly_mul(f.p, f.p, l.p);
    fmpz_poly_set_coeff_si(l.p, 0, -((1L << 40) * 100 - 1));
    fmpz_poly_mul(f.p, f.p, l.p);
    Poly m;
    const int n = static_cast<int>(test::uniform(g, 12, 40));
    fmpz_poly_set_coeff_si(m.p, n, 1);
    fmpz_poly_set_coeff_si(m.p, 2, -(1L << 41));
    fmpz_poly_set_coeff_si(m.p, 1, 1L << 22);
    fmpz_poly_set_coeff_si(m.p, 0, -2);
    scale_roots(m.p, 8);
    fmpz_poly_mul(f.p, f.p, m.p);
    squarefree_part(c.p, f.p);
    INFO("cluster, it = " << it);
    for (int levels : {1, 3}) check_shells(used, c.p, levels, true);
  }
  // prod_{i=1}^{n} (t - i) and prod (t - i)(t + i + 1/2): integer roots on
  // every shell boundary and split point.
  for (int n : {20, 70, 150}) {
    fmpz_poly_set_ui(f.p, 1);
    for (int i = 1; i <= n; ++i) times_linear(f.p, 1, i);
    if (n == 70)
      for (int i = 1; i <= 30; ++i) times_linear(f.p, 2, -(2 * i + 1));
    INFO("product n = " << n);
    for (int levels : {1, 4}) check_shells(used, f.p, levels, n <= 20);
  }
  CHECK(used.shells > 0);
  CHECK(used.cuts > 0);
}

TEST_CASE("shells: the default thresholds leave low degrees alone and cut the bound of a planted radical",
          "[roots][isolate][shells]") {
  // Below degree 512 nothing changes.
  Poly f;
  fmpz_poly_set_ui(f.p, 1);
  for (int i = 1; i <= 40; ++i) times_linear(f.p, 1, 3 * i);
  IsolationStats st;
  st.rational_roots = false;
  CHECK(detail::isolate_real_roots(f.p, &st).size() == 40);
  CHECK(st.shell_charts == 0);
  CHECK(st.bound_cuts == 0);
  // Degree 520, roots 1..260 and a cofactor without real roots: the
  // coefficient bound is far above 260 (cancellation) and Budan's test lowers
  // it; with shell_levels set, the top octaves are shells.
  fmpz_poly_set_ui(f.p, 1);
  for (int i = 1; i <= 260; ++i) times_linear(f.p, 1, i);
  Poly s;
  fmpz_poly_set_coeff_si(s.p, 260, 1);
  fmpz_poly_set_coeff_si(s.p, 0, 7);
  fmpz_poly_mul(f.p, f.p, s.p);
  IsolationStats def;
  def.rational_roots = false;
  IsolationStats off = def, shells = def;
  off.shells = false;
  shells.shell_levels = 3;
  const std::vector<IsolatingInterval> a = detail::isolate_real_roots(f.p, &def);
  const std::vector<IsolatingInterval> b = detail::isolate_real_roots(f.p, &off);
  const std::vector<IsolatingInterval> c = detail::isolate_real_roots(f.p, &shells);
  CHECK(a.size() == 260);  // t^260 + 7 has no real root
  CHECK(b.size() == 260);
  CHECK(c.size() == 260);
  check_intervals(f.p, a);
  check_intervals(f.p, c);
  CHECK(def.bound_cuts > 0);
  CHECK(def.shell_charts == 0);
  CHECK(off.bound_cuts == 0);
  CHECK(shells.shell_charts == 3);
}
