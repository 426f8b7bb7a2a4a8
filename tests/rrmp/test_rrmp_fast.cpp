// The fast exact rrmp paths against the FLINT reference (rrmp_general) and
// against planted truth: machine-integer closed forms of Example 3.3 with
// overflow fallbacks, the modular square-freeness certificate, the certified
// Descartes real-root count, and the integer entry point rrmp(span).
#include <catch2/catch.hpp>

#include <climits>
#include <map>
#include <optional>

#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include "lcngeom/detail/descartes.hpp"
#include "lcngeom/detail/rrmp_small.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "lcngeom/flint.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// The coefficients of p (descending) as longs, if they are integers that fit.
std::optional<std::vector<long>> as_longs(const BinaryForm& p) {
  std::vector<long> out;
  for (const Rational& c : p.coefficients()) {
    if (!c.denominator().is_one() || !c.numerator().fits_long()) return std::nullopt;
    out.push_back(c.numerator().to_long());
  }
  return out;
}

std::string show(const std::vector<long>& a) {
  std::string s;
  for (long v : a) {
    if (!s.empty()) s += ',';
    s += std::to_string(v);
  }
  return s;
}

// Distinct real roots by FLINT: Sturm on the square-free part.
int flint_distinct_real_roots(const std::vector<std::int64_t>& c) {
  IntPoly f(std::vector<long>(c.begin(), c.end()));
  IntPoly g = divexact(f, gcd(f, f.derivative()));
  return static_cast<int>(fmpz_poly_num_real_roots(g.raw()));
}

bool flint_squarefree(const std::vector<std::int64_t>& c) {
  IntPoly f(std::vector<long>(c.begin(), c.end()));
  return fmpz_poly_is_squarefree(f.raw());
}

// Ascending integer coefficients of prod (a_i t - b_i) for the given roots b_i/a_i.
std::vector<std::int64_t> from_rational_roots(const std::vector<std::pair<long, long>>& roots, long scale = 1) {
  IntPoly f(std::vector<long>{scale});
  for (auto [num, den] : roots) f = f * IntPoly(std::vector<long>{-num, den});
  std::vector<std::int64_t> c;
  for (long i = 0; i <= f.degree(); ++i) c.push_back(f.coeff(i).to_long());
  return c;
}

Rrmp reference(const std::vector<long>& a) { return rrmp_general(BinaryForm(a)); }

}  // namespace

TEST_CASE("machine-integer closed forms agree with the general algorithm on small forms", "[rrmp][fast]") {
  auto g = test::rng(80);
  std::map<std::string, int> hits;
  for (int it = 0; it < 30000; ++it) {
    const int n = static_cast<int>(test::uniform(g, 0, 4));
    std::vector<long> a(static_cast<std::size_t>(n) + 1);
    if (it % 5 == 0) {
      // planted, so that the deep strata (4|0, 0|2, 3|0, 22|0, ...) are hit as often as the open ones
      const std::vector<Rrmp> all = all_rrmps(n);
      const Rrmp& t = all[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(all.size()) - 1))];
      a = *as_longs(test::planted_form(g, std::vector<int>(t.rho().begin(), t.rho().end()),
                                       std::vector<int>(t.gamma().begin(), t.gamma().end()), 3));
    } else {
      const long bound = it % 3 == 0 ? 1 : it % 3 == 1 ? 3 : 100;
      do {
        for (long& v : a) v = test::uniform(g, -bound, bound);
        if (it % 4 == 1 && n == 4) a[0] = 0;  // degree-4 forms with a = 0 (root at (1:0))
      } while (std::all_of(a.begin(), a.end(), [](long v) { return v == 0; }));
    }
    std::optional<Rrmp> fast = detail::rrmp_closed_form_small(a);
    INFO("a = " << show(a));
    REQUIRE(fast.has_value());  // small coefficients never overflow
    const Rrmp want = reference(a);
    REQUIRE(*fast == want);
    REQUIRE(rrmp(std::span<const long>(a)) == want);
    ++hits[want.to_string()];
  }
  for (int n = 0; n <= 4; ++n)
    for (const Rrmp& r : all_rrmps(n)) CHECK(hits[r.to_string()] > 0);  // every stratum exercised
}

TEST_CASE("27 Disc = 4 I^3 - J^2 for binary quartics (the form the fast path evaluates)", "[rrmp][fast]") {
  auto g = test::rng(89);
  for (int it = 0; it < 300; ++it) {
    std::vector<long> v(5);
    for (long& x : v) x = test::uniform(g, -1000, 1000);
    const Integer a(v[0]), b(v[1]), c(v[2]), d(v[3]), e(v[4]);
    const Integer I = Integer(12) * a * e - Integer(3) * b * d + c * c;
    const Integer J = Integer(72) * a * c * e + Integer(9) * b * c * d - Integer(27) * a * d * d -
                      Integer(27) * b * b * e - Integer(2) * c * c * c;
    INFO("a = " << show(v));
    CHECK(Rational(Integer(4) * I * I * I - J * J) == Rational(27) * discriminant(BinaryForm(v)));
  }
}

TEST_CASE("planted quartics, cubics and quadratics keep their rrmp at every coefficient size", "[rrmp][fast]") {
  // Scaling by lambda keeps the rrmp; the magnitudes straddle the bounds
  // 2^18 / 2^30 / 2^62 that separate the unchecked, checked and 512-bit paths.
  auto g = test::rng(81);
  int fallbacks = 0, cases = 0;
  const long lambdas[] = {1,        3,        (1L << 15) - 1, 1L << 15, (1L << 17) + 1,
                          1L << 18, 1L << 29, (1L << 30) + 7, 1L << 31, (1L << 40) - 3,
                          1L << 50, 1L << 55};
  for (int n = 2; n <= 4; ++n)
    for (const Rrmp& target : all_rrmps(n))
      for (long lambda : lambdas)
        for (int rep = 0; rep < 4; ++rep) {
          std::vector<int> rho(target.rho().begin(), target.rho().end());
          std::vector<int> gamma(target.gamma().begin(), target.gamma().end());
          BinaryForm p = test::planted_form(g, rho, gamma, 4);
          std::optional<std::vector<long>> a0 = as_longs(p);
          REQUIRE(a0.has_value());
          std::vector<long> a = *a0;
          bool fits = true;
          for (long& v : a) fits = fits && !__builtin_mul_overflow(v, lambda, &v);
          if (!fits) continue;
          ++cases;
          INFO("planted " << target << " as " << show(a));
          if (!detail::rrmp_closed_form_small(a)) ++fallbacks;
          CHECK(rrmp(std::span<const long>(a)) == target);
          CHECK(rrmp(BinaryForm(a)) == target);
        }
  CHECK(cases > 300);
  CHECK(fallbacks == 0);  // the 512-bit tier covers every int64 form: no big-integer fallback
}

TEST_CASE("closed forms near and beyond the 64-bit range, including LONG_MIN/LONG_MAX", "[rrmp][fast]") {
  auto g = test::rng(82);
  const long centers[] = {1L << 15, 1L << 17, 1L << 18, 1L << 30, 1L << 31, 1L << 62, LONG_MAX, LONG_MIN};
  int overflowed = 0;
  for (int it = 0; it < 3000; ++it) {
    const int n = static_cast<int>(test::uniform(g, 2, 4));
    std::vector<long> a(static_cast<std::size_t>(n) + 1);
    for (long& v : a) {
      const long c = centers[test::uniform(g, 0, 7)];
      const long off = test::uniform(g, -3, 3);
      switch (test::uniform(g, 0, 3)) {
        case 0: v = 0; break;
        case 1: v = test::uniform(g, -2, 2); break;
        default:
          v = (c == LONG_MIN) ? (off <= 0 ? LONG_MIN : LONG_MIN + off)
                              : (c == LONG_MAX ? LONG_MAX - std::abs(off) : c + off);
      }
      if (test::uniform(g, 0, 1) && v != LONG_MIN) v = -v;
    }
    if (std::all_of(a.begin(), a.end(), [](long v) { return v == 0; })) a[0] = 1;
    INFO("a = " << show(a));
    if (!detail::rrmp_closed_form_small(a)) ++overflowed;
    CHECK(rrmp(std::span<const long>(a)) == reference(a));
  }
  CHECK(overflowed == 0);  // int128 overflow is absorbed by the 512-bit tier
  // Degenerate strata with extreme coefficients: exact squares and cubes.
  const long big = 3037000499L;  // floor(sqrt(LONG_MAX))
  CHECK(rrmp(std::vector<long>{1, 2 * 1518500249L, 1518500249L * 1518500249L}).to_string() == "2|0");  // (x + c y)^2
  CHECK(rrmp(std::vector<long>{big, 0, -big}).to_string() == "11|0");
  CHECK(rrmp(std::vector<long>{LONG_MAX, 0, LONG_MAX}).to_string() == "0|1");
  CHECK(rrmp(std::vector<long>{LONG_MIN, 0, LONG_MIN, 0, 0}).to_string() == "2|1");
  CHECK(rrmp(std::vector<long>{0, 0, LONG_MIN, LONG_MAX, LONG_MIN}).to_string() ==
        reference({0, 0, LONG_MIN, LONG_MAX, LONG_MIN}).to_string());
  CHECK(
      rrmp(std::vector<long>{1, -3 * 1048576L, 3 * 1048576L * 1048576L, -1048576L * 1048576L * 1048576L}).to_string() ==
      "3|0");
}

TEST_CASE("degree-4 forms with a = 0 (root at (1:0)) through every fast path", "[rrmp][fast]") {
  auto g = test::rng(83);
  for (int it = 0; it < 4000; ++it) {
    std::vector<long> a(5);
    const long bound = it % 2 ? 2 : (1L << 20);
    for (int i = 1; i <= 4; ++i) a[static_cast<std::size_t>(i)] = test::uniform(g, -bound, bound);
    a[0] = 0;
    if (it % 3 == 0) a[1] = 0;
    if (it % 7 == 0) a[2] = 0;
    if (std::all_of(a.begin(), a.end(), [](long v) { return v == 0; })) a[4] = 1;
    INFO("a = " << show(a));
    CHECK(rrmp(std::span<const long>(a)) == reference(a));
  }
  // y * (x - y)^3 and y^2 (x^2 + y^2) and y^4: the shift (x, y) -> (x, y + s x) must skip bad s.
  CHECK(rrmp(std::vector<long>{0, 1, -3, 3, -1}).to_string() == "13|0");
  CHECK(rrmp(std::vector<long>{0, 0, 1, 0, 1}).to_string() == "2|1");
  CHECK(rrmp(std::vector<long>{0, 0, 0, 0, 5}).to_string() == "4|0");
  CHECK(rrmp(std::vector<long>{0, 1, -6, 11, -6}).to_string() ==
        "1111|0");  // y (x-y)(x-2y)(x-3y): p(1,s) = 0 for s = 1, 1/2, 1/3
}

TEST_CASE("modular square-freeness certificate is one-sided and agrees with FLINT", "[rrmp][fast]") {
  auto g = test::rng(84);
  int certified = 0, squarefree = 0;
  for (int it = 0; it < 3000; ++it) {
    const int d = static_cast<int>(test::uniform(g, 1, 40));
    const long bound = it % 3 == 0 ? 2 : it % 3 == 1 ? 100 : (1L << 61);
    std::vector<std::int64_t> c(static_cast<std::size_t>(d) + 1);
    for (auto& v : c) v = test::uniform(g, -bound, bound);
    if (c.back() == 0) c.back() = 1;
    const bool cert = detail::squarefree_certificate(c);
    const bool sqf = flint_squarefree(c);
    INFO("c = " << show(std::vector<long>(c.begin(), c.end())));
    if (cert) CHECK(sqf);  // a certificate is a proof
    certified += cert;
    squarefree += sqf;
    IntPoly f(std::vector<long>(c.begin(), c.end()));
    CHECK(detail::squarefree_certificate(f.raw()) == cert);
    // A planted square never gets a certificate.
    IntPoly sq = f * pow(IntPoly(std::vector<long>{test::uniform(g, -5, 5), test::uniform(g, 1, 5)}), 2);
    CHECK_FALSE(detail::squarefree_certificate(sq.raw()));
  }
  CHECK(certified == squarefree);  // no unlucky prime among these samples
  // p = 2^31 - 1 divides the leading coefficient: the second prime certifies;
  // both primes divide it: no certificate although t^2 - 2 is square-free.
  CHECK(detail::squarefree_certificate(std::vector<std::int64_t>{-2, 0, 2147483647}));
  CHECK_FALSE(detail::squarefree_certificate(std::vector<std::int64_t>{-2, 0, 2147483647L * 2147483629L}));
  CHECK_FALSE(detail::squarefree_certificate(std::vector<std::int64_t>{5}));
}

TEST_CASE("modular square-free decomposition is the square-free decomposition", "[rrmp][fast]") {
  auto g = test::rng(88);
  int decided = 0;
  for (int it = 0; it < 1500; ++it) {
    // f = c * prod q_k^{m_k} with random small factors (not necessarily coprime or irreducible).
    IntPoly f(std::vector<long>{test::uniform(g, 1, 5) * (it % 2 ? 1 : -1)});
    const int parts = static_cast<int>(test::uniform(g, 1, 5));
    for (int k = 0; k < parts; ++k) {
      const int deg = static_cast<int>(test::uniform(g, 1, 3));
      std::vector<long> q(static_cast<std::size_t>(deg) + 1);
      for (long& v : q) v = test::uniform(g, -4, 4);
      if (q.back() == 0) q.back() = 1;
      f = f * pow(IntPoly(q), static_cast<unsigned long>(test::uniform(g, 1, 4)));
    }
    if (f.degree() > 64 || f.degree() < 1) continue;
    std::vector<std::int64_t> c;
    bool fits = true;
    for (long i = 0; i <= f.degree(); ++i) {
      fits = fits && f.coeff(i).bits() < 62;
      if (fits) c.push_back(f.coeff(i).to_long());
    }
    if (!fits) continue;
    INFO("f = " << f);
    std::optional<detail::SquarefreeParts> parts_mod = detail::squarefree_decomposition_modular(c);
    if (!parts_mod) continue;
    ++decided;
    fmpz_poly_factor_t fac;
    fmpz_poly_factor_init(fac);
    fmpz_poly_factor_squarefree(fac, f.raw());
    std::map<long, IntPoly> want;
    for (slong i = 0; i < fac->num; ++i) want[fac->exp[i]] = IntPoly(fac->p + i).primitive_part();
    fmpz_poly_factor_clear(fac);
    REQUIRE(parts_mod->size() == static_cast<int>(want.size()));
    for (int k = 0; k < parts_mod->size(); ++k) {
      const std::span<const std::int64_t> fk = parts_mod->factor(k);
      CHECK(IntPoly(std::vector<long>(fk.begin(), fk.end())) == want[parts_mod->multiplicity(k)]);
      if (k) CHECK(parts_mod->multiplicity(k) > parts_mod->multiplicity(k - 1));
    }
  }
  CHECK(decided > 1000);
  CHECK_FALSE(detail::squarefree_decomposition_modular(std::vector<std::int64_t>{1}).has_value());
  CHECK_FALSE(detail::squarefree_decomposition_modular(std::vector<std::int64_t>{1, LONG_MAX}).has_value());
}

TEST_CASE("certified Descartes count agrees with FLINT's Sturm count", "[rrmp][fast]") {
  auto g = test::rng(85);
  int decided = 0, total = 0;
  for (int it = 0; it < 2400; ++it) {
    const long bounds[] = {1, 3, 100, 1L << 20, 1L << 40, (1L << 61) + 5};
    const long bound = bounds[it % 6];
    // (the reference Sturm sequence gets slow for long, wide inputs)
    const int d = static_cast<int>(test::uniform(g, 1, bound <= 3 ? 64 : bound <= 100 ? 40 : 16));
    std::vector<std::int64_t> c(static_cast<std::size_t>(d) + 1);
    for (auto& v : c) v = test::uniform(g, -bound, bound);
    if (c.back() == 0) c.back() = 1;
    if (it % 5 == 0) c[0] = 0;  // a root at 0
    INFO("c = " << show(std::vector<long>(c.begin(), c.end())));
    std::optional<int> r = detail::count_real_roots_descartes(c);
    ++total;
    if (r) {
      ++decided;
      CHECK(*r == flint_distinct_real_roots(c));
    }
  }
  CHECK(decided > total * 9 / 10);
}

TEST_CASE("certified Descartes count on rational roots at 0, +-1, dyadic and split points, clusters", "[rrmp][fast]") {
  using R = std::vector<std::pair<long, long>>;
  const R cases[] = {
      {{0, 1}, {1, 1}, {-1, 1}, {1, 2}, {2, 1}, {-1, 2}, {-2, 1}},
      {{1, 4}, {3, 4}, {1, 8}, {7, 8}, {4, 1}, {-4, 1}},
      {{1, 3}, {2, 3}, {-1, 3}, {5, 7}, {7, 5}},
      {{1023, 2048}, {1, 2}, {1025, 2048}},              // around the split point 1/2 - 2^-11
      {{1000000, 1000001}, {1000001, 1000002}, {3, 1}},  // a tight cluster
      {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 1}, {6, 1}, {7, 1}, {8, 1}, {9, 1}, {10, 1}, {11, 1}, {12, 1}},
  };
  for (const R& roots : cases) {
    std::vector<std::int64_t> c = from_rational_roots(roots);
    INFO("c = " << show(std::vector<long>(c.begin(), c.end())));
    std::optional<int> r = detail::count_real_roots_descartes(c);
    if (r) CHECK(*r == static_cast<int>(roots.size()));
    CHECK(flint_distinct_real_roots(c) == static_cast<int>(roots.size()));
    // With an irreducible quadratic factor (no real roots) multiplied in.
    IntPoly q(std::vector<long>(c.begin(), c.end()));
    q = q * IntPoly(std::vector<long>{3, 1, 2});
    std::vector<std::int64_t> cq;
    for (long i = 0; i <= q.degree(); ++i) cq.push_back(q.coeff(i).to_long());
    if (std::optional<int> rq = detail::count_real_roots_descartes(cq)) CHECK(*rq == static_cast<int>(roots.size()));
  }
  // Small rational roots, including the dyadic ones, are always decided.
  CHECK(detail::count_real_roots_descartes(from_rational_roots(cases[0])) == 7);
  CHECK(detail::count_real_roots_descartes(from_rational_roots(cases[1])) == 6);
  CHECK(detail::count_real_roots_descartes(from_rational_roots(cases[2])) == 5);
  // Non-square-free input: if a count is returned it is the number of distinct roots.
  auto g = test::rng(86);
  for (int it = 0; it < 300; ++it) {
    R roots;
    const int k = static_cast<int>(test::uniform(g, 1, 6));
    for (int i = 0; i < k; ++i) {
      std::pair<long, long> root{test::uniform(g, -6, 6), test::uniform(g, 1, 4)};
      const int mult = static_cast<int>(test::uniform(g, 1, 3));
      for (int m = 0; m < mult; ++m) roots.push_back(root);
    }
    std::vector<std::int64_t> c = from_rational_roots(roots);
    if (std::optional<int> r = detail::count_real_roots_descartes(c)) CHECK(*r == flint_distinct_real_roots(c));
  }
  // Preconditions are reported as "undecided", never as a count.
  CHECK_FALSE(detail::count_real_roots_descartes(std::vector<std::int64_t>{1}).has_value());
  CHECK_FALSE(detail::count_real_roots_descartes(std::vector<std::int64_t>{1, 0}).has_value());
  CHECK_FALSE(detail::count_real_roots_descartes(std::vector<std::int64_t>{1, LONG_MAX}).has_value());
}

TEST_CASE("rrmp(span) equals the reference on random and planted forms of degree 5..40", "[rrmp][fast]") {
  auto g = test::rng(87);
  for (int it = 0; it < 1500; ++it) {
    const int n = static_cast<int>(test::uniform(g, 5, 32));
    std::vector<long> a(static_cast<std::size_t>(n) + 1);
    const long bound = it % 3 == 0 ? 1 : it % 3 == 1 ? 100 : (1L << 40);
    for (long& v : a) v = test::uniform(g, -bound, bound);
    if (it % 4 == 0) a[0] = 0;
    if (it % 5 == 0) a.back() = 0;
    if (std::all_of(a.begin(), a.end(), [](long v) { return v == 0; })) a[0] = 1;
    INFO("a = " << show(a));
    CHECK(rrmp(std::span<const long>(a)) == reference(a));
  }
  for (int it = 0; it < 400; ++it) {
    const int target = static_cast<int>(test::uniform(g, 5, 40));
    std::vector<int> rho, gamma;
    for (int left = target; left > 0;) {
      const int m = static_cast<int>(test::uniform(g, 1, std::min(left, 5)));
      if (2 * m <= left && test::uniform(g, 0, 2) == 0) gamma.push_back(m), left -= 2 * m;
      else rho.push_back(m), left -= m;
    }
    BinaryForm p = test::planted_form(g, rho, gamma, 6);
    const Rrmp want(rho, gamma);
    INFO("planted " << want << " as " << p.to_coefficient_string());
    CHECK(rrmp(p) == want);
    if (std::optional<std::vector<long>> a = as_longs(p)) CHECK(rrmp(std::span<const long>(*a)) == want);
  }
}

TEST_CASE("rrmp of rational forms and the error paths of rrmp(span)", "[rrmp][fast]") {
  CHECK(rrmp(BinaryForm::parse("1/3,0,-1/5")).to_string() == "11|0");
  CHECK(rrmp(BinaryForm::parse("1/3,1/2,0,0,0,0,7/5")) == rrmp(std::vector<long>{10, 15, 0, 0, 0, 0, 42}));
  CHECK(rrmp(BinaryForm::parse("(x-y)^6*(x^2+y^2)/7")).to_string() == "6|1");
  CHECK_THROWS_AS(rrmp(std::span<const long>()), invalid_argument);
  CHECK_THROWS_AS(rrmp(std::vector<long>{0, 0, 0}), domain_error);
  CHECK_THROWS_AS(rrmp(std::vector<long>(9, 0)), domain_error);
  CHECK_THROWS_AS(rrmp(BinaryForm::zero(70)), domain_error);
  CHECK(rrmp(std::vector<long>{0, 0, 0, 0, 0, 0, 0, 3}).to_string() == "7|0");
  CHECK(rrmp(std::vector<long>{2, 0, 0, 0, 0, 0, 0, 0}).to_string() == "7|0");
  CHECK(rrmp(std::vector<long>{0, 0, 1, 0, 0, 0, 0, 0}).to_string() == "25|0");
  CHECK(rrmp(std::vector<long>{0, 1, 0, 1, 0, 0}).to_string() == "12|1");  // y x^2 (x^2 + y^2)
  // Beyond the machine paths' degree 64: x^70 - y^70 and y^2 x^3 (x^66 + 3 y^66).
  std::vector<long> big(71, 0);
  big.front() = 1;
  big.back() = -1;
  CHECK(rrmp(std::span<const long>(big)) == rrmp_general(BinaryForm(big)));
  CHECK(rrmp(std::span<const long>(big)).to_string() == "11|" + std::string(34, '1'));
  std::vector<long> big2(72, 0);
  big2[2] = 1;
  big2[68] = 3;
  CHECK(rrmp(std::span<const long>(big2)) == rrmp_general(BinaryForm(big2)));
}

TEST_CASE("rrmp at high degree and with big coefficients: the one dispatcher vs the reference", "[rrmp][fast][big]") {
  // Beyond the machine paths (degree > 64 or coefficients beyond 2^62): the
  // modular certificate on FLINT integers, FLINT's square-free decomposition
  // and the certified isolation engine; the reference is rrmp_general (Sturm).
  auto g = test::rng(88);
  for (int it = 0; it < 40; ++it) {
    const int n = static_cast<int>(test::uniform(g, 5, it < 30 ? 40 : 90));
    std::vector<Rational> a(static_cast<std::size_t>(n) + 1);
    for (Rational& v : a) {
      Integer c(test::uniform(g, -999999, 999999));
      for (int k = 0; k < static_cast<int>(test::uniform(g, 0, 6)); ++k) c = c * Integer(1000000007L) + Integer(test::uniform(g, 0, 1000));
      v = Rational(c);
    }
    if (it % 4 == 0) a[0] = Rational(0);
    if (a.back().is_zero() && a.front().is_zero()) a[1] = Rational(1);
    const BinaryForm p(a);
    if (p.is_zero()) continue;
    INFO("p = " << p.to_coefficient_string());
    CHECK(rrmp(p) == rrmp_general(p));
  }
  for (int it = 0; it < 25; ++it) {
    const int target = static_cast<int>(test::uniform(g, 20, 70));
    std::vector<int> rho, gamma;
    for (int left = target; left > 0;) {
      const int m = static_cast<int>(test::uniform(g, 1, std::min(left, 4)));
      if (2 * m <= left && test::uniform(g, 0, 2) == 0) gamma.push_back(m), left -= 2 * m;
      else rho.push_back(m), left -= m;
    }
    BinaryForm p = test::planted_form(g, rho, gamma, 40);  // coefficients beyond 2^62
    const Rrmp want(rho, gamma);
    INFO("planted " << want << " as " << p.to_coefficient_string());
    CHECK(rrmp(p) == want);
  }
  // All roots real at degree 100: Chebyshev T_100 and prod (x - i y), i = 1..100, and their squares.
  IntPoly t0(std::vector<long>{1}), t1(std::vector<long>{0, 1}), two_t(std::vector<long>{0, 2});
  for (int k = 1; k < 100; ++k) {
    IntPoly t2 = two_t * t1 - t0;
    t0 = t1;
    t1 = t2;
  }
  const BinaryForm cheb(100, RatPoly(t1));
  CHECK(rrmp(cheb) == Rrmp(std::vector<int>(100, 1), {}));
  CHECK(rrmp(cheb * cheb) == Rrmp(std::vector<int>(100, 2), {}));
  BinaryForm w{1};
  for (long i = 1; i <= 100; ++i) w = w * BinaryForm{1, -i};
  CHECK(rrmp(w) == Rrmp(std::vector<int>(100, 1), {}));
  CHECK(rrmp(w * BinaryForm{0, 1} * BinaryForm{1, 0, 1}) == Rrmp(std::vector<int>(101, 1), std::vector<int>{1}));
}
