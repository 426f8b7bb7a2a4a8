// ED degrees of multiple root loci (Section 6.2): Examples 6.7, 6.9,
// Remark 6.8, the closed forms of [15, 27], agreement between independent
// targets, primes and inner products.
#include <catch2/catch.hpp>

#include <flint/ulong_extras.h>

#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/flint.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

int ed(const char* lambda, const InnerProduct& s, std::uint64_t seed = 7) {
  EdDegreeOptions o;
  o.seed = seed;
  return ed_degree(Partition::parse(lambda), s, o).ed_degree;
}

}  // namespace

TEST_CASE("Example 6.7 and Example 6.9: quartics", "[ed_degree]") {
  const InnerProduct e = InnerProduct::euclidean(4), b = InnerProduct::bombieri(4);
  CHECK(ed("2,1,1", e) == 10);  // the discriminant
  CHECK(ed("2,2", e) == 13);
  CHECK(ed("3,1", e) == 12);
  CHECK(ed("4", e) == 10);
  CHECK(ed("1,1,1,1", e) == 1);
  CHECK(ed("2,1,1", b) == 4);
  CHECK(ed("2,2", b) == 7);
  CHECK(ed("3,1", b) == 4);
  CHECK(ed("4", b) == 4);
  // Example 6.7's bounds: 1 + 10 + 13 + 12 = 36 for (3,2,2), 1 + 10 = 11 for (4,2).
  CHECK(ed("1,1,1,1", e) + ed("2,1,1", e) + ed("2,2", e) + ed("3,1", e) == 36);
  CHECK(ed("1,1,1,1", e) + ed("2,1,1", e) == 11);
}

TEST_CASE("Remark 6.8: the quadric discriminant has ED degree 4 (Euclidean) and 2 (Bombieri)", "[ed_degree]") {
  CHECK(ed("2", InnerProduct::euclidean(2)) == 4);
  CHECK(ed("2", InnerProduct::bombieri(2)) == 2);
}

TEST_CASE("closed forms: 3n-2, (2a-1)n - 2(a-1)^2, and n for Bombieri", "[ed_degree]") {
  for (int n = 2; n <= 9; ++n) {
    const InnerProduct e = InnerProduct::euclidean(n), b = InnerProduct::bombieri(n);
    for (int alpha = 2; alpha <= n; ++alpha) {
      std::vector<int> parts{alpha};
      for (int i = alpha; i < n; ++i) parts.push_back(1);
      const Partition lambda(parts);
      INFO(lambda.to_string());
      EdDegreeOptions o;
      o.seed = static_cast<std::uint64_t>(100 * n + alpha);
      const int generic = ed_degree(lambda, e, o).ed_degree;
      CHECK(generic == (2 * alpha - 1) * n - 2 * (alpha - 1) * (alpha - 1));
      if (alpha == 2) CHECK(generic == 3 * n - 2);    // discriminant [15, Example 5.12]
      CHECK(ed_degree(lambda, b, o).ed_degree == n);  // [15, Cor. 8.7], [27, Thm. 5.1]
      CHECK(porteous_number(lambda) == generic);
    }
  }
}

TEST_CASE("ED degree tables: independent targets and primes agree, random inner products are generic", "[ed_degree]") {
  for (int n = 2; n <= 6; ++n)
    for (const char* norm : {"euclidean", "bombieri"}) {
      EdDegreeOptions o;
      o.trials = 2;  // two independent (target, prime) pairs must agree (ed_degree throws otherwise)
      o.seed = static_cast<std::uint64_t>(n) * 31 + (norm[0] == 'b');
      std::vector<EdDegreeResult> rows = ed_degree_table(n, norm, o);
      CHECK(rows.size() == partitions(n).size());
      for (const EdDegreeResult& r : rows) {
        INFO(n << " " << norm << " " << r.lambda.to_string());
        REQUIRE(r.trials.size() == 2u);
        CHECK(r.trials[0].prime != r.trials[1].prime);
        CHECK(r.trials[0].count == r.trials[1].count);
        CHECK(r.ed_degree <= r.porteous);
        if (norm[0] == 'e') CHECK(r.ed_degree == r.porteous);  // no degenerate points for the Euclidean product
        if (r.lambda.is_trivial()) CHECK(r.ed_degree == 1);
      }
    }
  // Remark 6.10: almost every inner product gives the Euclidean ("generic") counts.
  auto g = test::rng(601);
  for (int n = 3; n <= 5; ++n) {
    RatMatrix a(n + 1, n + 1);
    for (int i = 0; i <= n; ++i)
      for (int j = 0; j <= n; ++j) a.set(i, j, Rational(test::uniform(g, -3, 3)));
    InnerProduct s(a.transpose() * a + RatMatrix::identity(n + 1));
    for (const Partition& lambda : partitions(n)) {
      INFO(lambda.to_string() << " with " << s.matrix().to_string());
      EdDegreeOptions o;
      o.seed = 5;
      CHECK(ed_degree(lambda, s, o).ed_degree == ed_degree(lambda, InnerProduct::euclidean(n), o).ed_degree);
    }
  }
}

TEST_CASE("modular count at a rational target equals the exact count", "[ed_degree]") {
  auto g = test::rng(602);
  const std::uint64_t p = (1ULL << 61) - 1;  // prime
  for (const char* lam : {"2,1,1", "2,2", "3,1", "4"}) {
    for (int trial = 0; trial < 2; ++trial) {
      BinaryForm u = test::random_nonzero_form(g, 4, 20);
      std::vector<std::uint64_t> target;
      for (const Rational& c : u.coefficients()) {
        const long v = fmpz_get_si(fmpq_numref(c.raw()));
        target.push_back(
            static_cast<std::uint64_t>(((v % static_cast<long>(p)) + static_cast<long>(p)) % static_cast<long>(p)));
      }
      for (const InnerProduct& s : {InnerProduct::euclidean(4), InnerProduct::bombieri(4)}) {
        INFO(lam << " " << u.to_string() << " " << s.name());
        CHECK(count_critical_points_modp(Partition::parse(lam), s, p, target, 11).count ==
              critical_points(Partition::parse(lam), u, s).complex_count);
      }
    }
  }
  // Section 7.3's target modulo p gives the paper's counts too.
  const std::vector<std::uint64_t> t73{2, 0, 5, 0, 2};
  CHECK(count_critical_points_modp(Partition::parse("2,2"), InnerProduct::euclidean(4), p, t73).count == 13);
}

TEST_CASE("ED degree errors", "[ed_degree]") {
  const std::vector<std::uint64_t> t{1, 2, 3, 4, 5};
  CHECK_THROWS_AS(count_critical_points_modp(Partition::parse("2,2"), InnerProduct::euclidean(4), 1000, t),
                  invalid_argument);  // not prime
  CHECK_THROWS_AS(count_critical_points_modp(Partition::parse("2,2"), InnerProduct::euclidean(4), 7, t),
                  invalid_argument);  // too small
  CHECK_THROWS_AS(count_critical_points_modp(Partition::parse("2,2"), InnerProduct::euclidean(3), 1000003, t),
                  invalid_argument);
  CHECK_THROWS_AS(count_critical_points_modp(Partition::parse("2,2"), InnerProduct::euclidean(4), 1000003, {1, 2}),
                  invalid_argument);
  // 4 root coordinates and 3 simple roots: no engine (the minors engine
  // builds minors of at most 4 columns).
  CHECK_THROWS_AS(ed_degree(Partition::parse("2,2,2,2,1,1,1"), InnerProduct::euclidean(11)), not_supported);
  EdDegreeOptions bad;
  bad.trials = 0;
  CHECK_THROWS_AS(ed_degree(Partition::parse("2"), InnerProduct::euclidean(2), bad), invalid_argument);
  CHECK_THROWS_AS(ed_degree_table(0, "euclidean"), invalid_argument);
  CHECK_THROWS_AS(ed_degree_table(3, "nonsense"), parse_error);
}

TEST_CASE("Porteous numbers", "[ed_degree]") {
  CHECK(porteous_number(Partition::parse("2,2")) == 13);
  CHECK(porteous_number(Partition::parse("2")) == 4);
  CHECK(porteous_number(Partition::parse("1,1,1")) == 1);
  // (2,...,2) with m parts: (3^{m+1} - 1) / 2
  CHECK(porteous_number(Partition::parse("2,2,2")) == 40);
  CHECK(porteous_number(Partition::parse("2,2,2,2")) == 121);
}

TEST_CASE("Thom-Porteous formula: hook closed forms for every n reached by ed-degree --formula", "[ed_degree][formula]") {
  // [27, Thm. 5.1]: ED(alpha,1,...,1) = (2 alpha - 1) n - 2 (alpha - 1)^2, so 3n - 2 for the
  // discriminant and 3n - 2 again for (n); the formula reproduces it for every n <= 40.
  for (int n = 1; n <= 40; ++n)
    for (int alpha = 1; alpha <= n; ++alpha) {
      std::vector<int> parts{alpha};
      for (int i = alpha; i < n; ++i) parts.push_back(1);
      const Partition lambda(parts);
      INFO(lambda.to_string());
      const long expected = alpha == 1 ? 1 : (2L * alpha - 1) * n - 2L * (alpha - 1) * (alpha - 1);
      CHECK(porteous_number_exact(lambda) == Integer(expected));
      CHECK(porteous_number(lambda) == expected);
    }
  // (2,...,2) with m parts: (3^{m+1} - 1) / 2, exactly, also beyond a long.
  for (int m = 1; m <= 60; ++m) {
    const Partition lambda(std::vector<int>(static_cast<std::size_t>(m), 2));
    CHECK(porteous_number_exact(lambda) == divexact(pow(Integer(3L), static_cast<unsigned long>(m + 1)) - 1, 2));
  }
}

TEST_CASE("Thom-Porteous formula agrees with the modular ED degree (conjecture evidence, n <= 7)",
          "[ed_degree][formula]") {
  auto g = test::rng(603);
  for (int n = 2; n <= 7; ++n) {
    const InnerProduct e = InnerProduct::euclidean(n), b = InnerProduct::bombieri(n);
    for (const Partition& lambda : partitions(n)) {
      EdDegreeOptions o;
      o.trials = 1;
      o.seed = g();
      INFO(lambda.to_string() << " seed " << o.seed);
      const int generic = ed_degree(lambda, e, o).ed_degree;
      CHECK(generic == porteous_number(lambda));
      CHECK(ed_degree(lambda, b, o).ed_degree <= generic);  // special ED degrees are smaller (Remark 6.8)
    }
  }
  // Hooks beyond the tables: the modular count reaches n = 12 in milliseconds.
  for (int n = 10; n <= 12; ++n)
    for (int alpha : {2, 3, n}) {
      std::vector<int> parts{alpha};
      for (int i = alpha; i < n; ++i) parts.push_back(1);
      const Partition lambda(parts);
      EdDegreeOptions o;
      o.trials = 1;
      o.seed = g();
      INFO(lambda.to_string() << " seed " << o.seed);
      CHECK(ed_degree(lambda, InnerProduct::euclidean(n), o).ed_degree == porteous_number(lambda));
      CHECK(ed_degree(lambda, InnerProduct::bombieri(n), o).ed_degree == n);
    }
}
