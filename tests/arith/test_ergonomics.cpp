// Ergonomics of the exact value types: implicit conversion from built-in
// integers (mixed arithmetic and comparisons), braced construction, total
// order and std::hash consistent with ==, and the opt-in FLINT escape hatch.
#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <compare>
#include <map>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "lcngeom/flint.hpp"
#include "support.hpp"

using namespace lcngeom;

// Conversions that must (not) be implicit.  Text and Integer -> Rational stay
// explicit; floating point and bool do not convert at all.
static_assert(std::is_convertible_v<int, Integer> && std::is_convertible_v<long, Integer> &&
              std::is_convertible_v<unsigned long, Integer> && std::is_convertible_v<short, Integer>);
static_assert(std::is_convertible_v<int, Rational> && std::is_convertible_v<long long, Rational> &&
              std::is_convertible_v<unsigned, Rational>);
static_assert(!std::is_convertible_v<std::string, Integer> && !std::is_convertible_v<const char*, Integer>);
static_assert(!std::is_convertible_v<std::string, Rational> && !std::is_convertible_v<const char*, Rational>);
static_assert(std::is_constructible_v<Rational, std::string_view> && std::is_constructible_v<Integer, std::string>);
static_assert(!std::is_convertible_v<Integer, Rational> && std::is_constructible_v<Rational, Integer>);
static_assert(!std::is_convertible_v<double, Rational> && !std::is_constructible_v<Rational, double>);
static_assert(!std::is_convertible_v<bool, Rational> && !std::is_convertible_v<char, Integer>);
static_assert(std::is_nothrow_move_constructible_v<Integer> && std::is_nothrow_move_constructible_v<Rational>);
static_assert(std::is_nothrow_move_constructible_v<IntPoly> && std::is_nothrow_move_constructible_v<RatPoly> &&
              std::is_nothrow_move_constructible_v<RatMatrix> && std::is_nothrow_move_constructible_v<Ball>);
// The opaque storage has exactly the size of the FLINT struct (no pimpl).
static_assert(sizeof(Integer) == sizeof(fmpz) && sizeof(Rational) == sizeof(fmpq));
static_assert(sizeof(IntPoly) == sizeof(fmpz_poly_struct) && sizeof(RatPoly) == sizeof(fmpq_poly_struct));
static_assert(sizeof(RatMatrix) == sizeof(fmpq_mat_struct) && sizeof(Ball) == sizeof(arb_struct));

namespace {

// Values on both sides of FLINT's one-word limit |v| <= 2^62 - 1, and beyond a long.
std::vector<Integer> boundary_integers() {
  const Integer two62 = pow(Integer(2), 62);
  std::vector<Integer> v = {0, 1, -1, 2, -7, LONG_MAX, LONG_MIN, ULONG_MAX};
  for (const Integer& b : {two62, pow(Integer(2), 63), pow(Integer(2), 64), pow(Integer(3), 80)}) {
    v.push_back(b);
    v.push_back(b - 1);
    v.push_back(b + 1);
    v.push_back(-b);
    v.push_back(1 - b);
  }
  return v;
}

Integer random_integer(std::mt19937_64& g) {
  switch (test::uniform(g, 0, 3)) {
    case 0: return test::uniform(g, -20, 20);
    case 1: return test::uniform(g, LONG_MIN, LONG_MAX);
    case 2: {  // around 2^62, where the representation changes
      const Integer b = pow(Integer(2), 62);
      return test::uniform(g, 0, 1) ? b + test::uniform(g, -3, 3) : -b + test::uniform(g, -3, 3);
    }
    default:
      return pow(Integer(test::uniform(g, -9, 9)), static_cast<unsigned long>(test::uniform(g, 20, 40))) +
             test::uniform(g, -5, 5);
  }
}

Rational random_rational(std::mt19937_64& g) {
  Integer den = random_integer(g);
  while (den.is_zero()) den = random_integer(g);
  return Rational(random_integer(g), den);
}

}  // namespace

TEST_CASE("built-in integers convert implicitly: Rational r = 3, r + 1, 1 - r, r == 2, r < 3", "[arith][ergonomics]") {
  Rational r = 3;
  Integer i = 3;
  CHECK(r + 1 == Rational(4));
  CHECK(1 - r == Rational(-2));
  CHECK(2 * r / 4 == Rational(3, 2));
  CHECK(r == 3);
  CHECK(3 == r);
  CHECK(r != 2);
  CHECK(r < 4);
  CHECK(r > 2);
  CHECK(2 < r);
  CHECK(r <= 3);
  CHECK(i + 1 == Integer(4));
  CHECK(1 - i == Integer(-2));
  CHECK(i * 2 == 6);
  CHECK(i < 4);
  CHECK(-i == -3);
  r += 1;
  r -= 2;
  r *= 3;
  r /= 4;
  CHECK(r == Rational(3, 2));  // ((3 + 1 - 2) * 3) / 4
  i += 1;
  i *= -2;
  CHECK(i == -8);
  // Braced lists of integers build the containers the API takes.
  const std::vector<Rational> v = {1, 2, 3};
  CHECK(v[2] == 3);
  const Rational half = {1, 2};
  CHECK(half + half == 1);
  CHECK_THROWS_AS(r / 0, domain_error);
  // Unsigned and extreme values are read exactly.
  CHECK(Integer(ULONG_MAX).to_string() == "18446744073709551615");
  CHECK(Integer(LONG_MIN).to_string() == std::to_string(LONG_MIN));
  CHECK(Rational(ULONG_MAX) == Rational(Integer(ULONG_MAX)));
  CHECK(Rational(LONG_MIN).to_string() == std::to_string(LONG_MIN));
  CHECK(Integer(static_cast<unsigned char>(200)) == 200);
  CHECK(Rational(static_cast<short>(-5)) == -5);
}

TEST_CASE("mixed arithmetic with built-in integers agrees with the exact operations", "[arith][ergonomics]") {
  auto g = test::rng(901);
  const std::vector<Integer> edge = boundary_integers();
  for (int trial = 0; trial < 2000; ++trial) {
    const Rational a = random_rational(g);
    const long n = trial < static_cast<int>(edge.size()) && edge[static_cast<std::size_t>(trial)].fits_long()
                       ? edge[static_cast<std::size_t>(trial)].to_long()
                       : test::uniform(g, -1000000, 1000000) * (test::uniform(g, 0, 1) ? 1 : 4611686018427L);
    const Rational nq(Integer{n});
    INFO("a = " << a << ", n = " << n);
    CHECK(a + n == a + nq);
    CHECK(n + a == a + nq);
    CHECK(a - n == a - nq);
    CHECK(n - a == -(a - nq));
    CHECK(a * n == nq * a);
    if (n != 0) {
      CHECK((a / n) * n == a);
      if (!a.is_zero()) CHECK(n / (n / a) == a);
    }
    CHECK((a == n) == (a.is_integer() && a.numerator() == n));
    CHECK((a < n) == ((a - nq).sign() < 0));
    CHECK((a > n) == ((a - nq).sign() > 0));
    CHECK((n <= a) == !(a < n));
    // Integer: the same identities, and the order is the sign of the difference.
    const Integer b = random_integer(g);
    CHECK(b + n == b + Integer(n));
    CHECK(n - b == -(b - n));
    CHECK(b * n == n * b);
    CHECK((b < n) == ((b - n).sign() < 0));
    CHECK((b == n) == (b.fits_long() && b.to_long() == n));
  }
}

TEST_CASE("Integer and Rational: total order and std::hash consistent with ==", "[arith][ergonomics]") {
  auto g = test::rng(902);
  // A pool with many equal values reached by different routes (small and multi-word).
  std::vector<Integer> ints = boundary_integers();
  std::vector<Rational> rats;
  for (int t = 0; t < 300; ++t) {
    const Integer x = random_integer(g), y = random_integer(g);
    ints.push_back(x);
    ints.push_back((x + y) - y);  // equal to x, built differently
    ints.push_back(x * y);
    ints.push_back(y * x);
    Integer d = random_integer(g);
    if (d.is_zero()) d = 3;
    rats.emplace_back(x, d);
    rats.emplace_back(x * 6, d * 6);  // equal after canonicalisation
    rats.push_back(Rational(x, d) + Rational(y) - Rational(y));
    rats.emplace_back(x);
  }
  auto check_pool = [](const auto& pool) {
    using T = typename std::decay_t<decltype(pool)>::value_type;
    for (std::size_t i = 0; i < pool.size(); ++i)
      for (std::size_t j = i; j < pool.size(); j += 7) {
        const T &a = pool[i], &b = pool[j];
        const auto c = a <=> b;
        CHECK(std::is_eq(c) == (a == b));
        CHECK(((b <=> a) == (0 <=> c)));  // antisymmetric
        if (a == b) CHECK(std::hash<T>{}(a) == std::hash<T>{}(b));
        CHECK(((a - b).sign() < 0) == (c < 0));  // the order of the numbers
      }
    // Sorting (strict weak order) and hashing agree on the distinct values.
    std::vector<T> sorted = pool;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::is_sorted(sorted.begin(), sorted.end()));
    const std::size_t distinct = static_cast<std::size_t>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
    CHECK(std::unordered_set<T>(pool.begin(), pool.end()).size() == distinct);
  };
  check_pool(ints);
  check_pool(rats);
  // Hashes of distinct small values do not collide trivially.
  std::unordered_set<std::size_t> hashes;
  for (long v = -500; v <= 500; ++v) hashes.insert(std::hash<Rational>{}(Rational(v, 7)));
  CHECK(hashes.size() == 1001);
  std::map<Rational, int> m{{Rational(1, 2), 1}, {Rational(1, 3), 2}};
  CHECK(m.begin()->second == 2);
}

TEST_CASE("copies and moves of multi-word values are deep and leave a valid zero", "[arith][ergonomics]") {
  const Integer big = pow(Integer(7), 60);
  Integer a = big;
  a += 1;
  CHECK(a - big == 1);  // the copy did not share the mpz
  Integer b = std::move(a);
  CHECK(a.is_zero());
  CHECK(b == big + 1);
  a = b;
  b = 5;  // assigning a small value over a big one
  CHECK(a == big + 1);
  CHECK(b == 5);
  const Rational q(big, Integer(3));
  Rational r = q;
  Rational s = std::move(r);
  CHECK(r.is_zero());
  CHECK(r.denominator() == 1);
  CHECK(s == q);
  r = s;
  s = 2;
  CHECK(r * 3 == Rational(big));  // Rational == Integer needs the explicit conversion
  CHECK(s == 2);
  std::vector<Rational> v(100, q);
  v.insert(v.begin(), Rational(1));  // reallocation moves multi-word values
  CHECK(v[100] == q);
}

TEST_CASE("braced construction: IntPoly{...}, RatMatrix{{...}}, Filters of integers", "[arith][ergonomics]") {
  const IntPoly f{-2, 0, 1};  // t^2 - 2
  CHECK(f.degree() == 2);
  CHECK(f.evaluate(3) == 7);
  const RatMatrix m{{1, 2}, {3, 4}};
  CHECK(m.rows() == 2);
  CHECK(m.cols() == 2);
  CHECK(m.at(1, 0) == 3);
  CHECK(m.determinant() == -2);
  CHECK(m == RatMatrix(std::vector<std::vector<Rational>>{{1, 2}, {3, 4}}));
  CHECK(RatMatrix{2, 3}.cols() == 3);  // (rows, cols) as before
  CHECK_THROWS_AS((RatMatrix{{1, 2}, {3}}), invalid_argument);
  const RatPoly p(std::vector<Rational>{1, Rational(1, 2)});
  CHECK(p.evaluate(2) == 2);
}

TEST_CASE("the opt-in flint.hpp: raw() and construction from raw FLINT values", "[arith][ergonomics][flint]") {
  IntPoly f{-2, 0, 1};
  CHECK(fmpz_poly_num_real_roots(f.raw()) == 2);
  CHECK(Integer(fmpz_poly_lead(f.raw())) == 1);
  CHECK(IntPoly(f.raw()) == f);
  const Integer big = pow(Integer(10), 30);
  CHECK(Integer(big.raw()) == big);
  fmpz_add_ui(f.raw()->coeffs, f.raw()->coeffs, 1);  // writes through the escape hatch: t^2 - 1
  CHECK(f.evaluate(1) == 0);
  Rational q(big, Integer(7));
  CHECK(Rational(q.raw()) == q);
  fmpq_inv(q.raw(), q.raw());
  CHECK(q == Rational(Integer(7), big));
  const RatPoly p(std::vector<Rational>{Rational(1, 3), 2});
  CHECK(RatPoly(p.raw()) == p);
  const RatMatrix m{{1, 2}, {3, 4}};
  CHECK(RatMatrix(m.raw()) == m);
  CHECK(fmpq_mat_nrows(m.raw()) == 2);
  const Ball x(Rational(1, 3), 64);
  CHECK(Ball(x.raw()).contains(Rational(1, 3)));
  CHECK(arb_contains_fmpq(x.raw(), Rational(1, 3).raw()));
  auto ring = MPolyRing::make({"u", "v"});
  const RatMPoly u = RatMPoly::gen(ring, 0);
  CHECK(fmpq_mpoly_total_degree_si(u.raw(), ring->raw()) == 1);
}

TEST_CASE("IntPoly and RatPoly: std::hash agrees with == on polynomials built different ways", "[arith][ergonomics]") {
  auto g = test::rng(903);
  auto random_poly = [&g] {
    std::vector<Integer> c;
    const long n = test::uniform(g, 0, 6);
    for (long i = 0; i <= n; ++i)
      c.push_back(test::uniform(g, 0, 3) ? Integer(test::uniform(g, -9, 9)) : random_integer(g));
    return IntPoly(c);
  };
  for (int t = 0; t < 300; ++t) {
    const IntPoly p = random_poly(), q = random_poly();
    CHECK(std::hash<IntPoly>{}(p * q) == std::hash<IntPoly>{}(q * p));
    CHECK(std::hash<IntPoly>{}((p + q) - q) == std::hash<IntPoly>{}(p));
    const RatPoly r(p), s = Rational(1, 3) * (Rational(3) * RatPoly(p));
    CHECK(r == s);
    CHECK(std::hash<RatPoly>{}(r) == std::hash<RatPoly>{}(s));
    if (!(p == q)) CHECK(std::hash<IntPoly>{}(p) != std::hash<IntPoly>{}(q));  // no collisions expected here
  }
}
