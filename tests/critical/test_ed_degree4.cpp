// The quotient-ring engine for pure powers (k,...,k) (modular_solver4.hpp):
// cross-checked against the resultant engine where both apply, and the
// (2,2,2,2) row it adds (Thom-Porteous (3^5 - 1)/2 = 121, Euclidean).
#include <random>

#include <catch2/catch.hpp>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/modular_solver4.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "engine_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

using test::random_prime62;

lcngeom::detail::CellCount power_cell_count(const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                                            const std::vector<std::uint64_t>& u, std::mt19937_64& g) {
  return test::whole_locus_count(detail::count_power_locus_modp, lambda, sigma, p, u, g);
}

int power_count(const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                const std::vector<std::uint64_t>& u, std::mt19937_64& g) {
  return power_cell_count(lambda, sigma, p, u, g).critical;
}

}  // namespace

TEST_CASE("power engine = resultant engine on the pure powers with at most 3 root coordinates",
          "[ed_degree][ed_degree4]") {
  auto g = test::rng(1101);
  for (const char* lam : {"2", "3", "2,2", "3,3", "2,2,2", "4,4"}) {
    const Partition lambda = Partition::parse(lam);
    const int n = lambda.sum();
    // Euclidean and a random positive definite product (Bombieri is refused
    // by the power engine: see the next test).
    RatMatrix a(n + 1, n + 1);
    for (int i = 0; i <= n; ++i)
      for (int j = 0; j <= n; ++j) a.set(i, j, Rational(test::uniform(g, -3, 3)));
    for (const InnerProduct& sigma :
         {InnerProduct::euclidean(n), InnerProduct(a.transpose() * a + RatMatrix::identity(n + 1))}) {
      const std::uint64_t p = random_prime62(g);
      std::vector<std::uint64_t> u(static_cast<std::size_t>(n) + 1);
      for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
      const int resultants = count_critical_points_modp(lambda, sigma, p, u, g()).count;
      INFO(lam << " " << sigma.matrix().to_string() << " p = " << p);
      CHECK(power_count(lambda, sigma, p, u, g) == resultants);
      CHECK(resultants == porteous_number(lambda));  // both products are generic
    }
  }
}

TEST_CASE("power engine: sparse Macaulay reduction = dense reference (same quotient, same eliminant)",
          "[ed_degree][ed_degree4]") {
  // Both paths compute the same row space (the F5-criterion rows are
  // combinations of the rows kept), so with the same seed the separating
  // form, its charpoly and every classification coincide.
  auto g = test::rng(1103);
  for (const char* lam : {"2,2", "3,3", "2,2,2"}) {
    const Partition lambda = Partition::parse(lam);
    const int n = lambda.sum();
    RatMatrix a(n + 1, n + 1);
    for (int i = 0; i <= n; ++i)
      for (int j = 0; j <= n; ++j) a.set(i, j, Rational(test::uniform(g, -2, 2)));
    for (const InnerProduct& sigma :
         {InnerProduct::euclidean(n), InnerProduct(a.transpose() * a + RatMatrix::identity(n + 1))}) {
      const std::uint64_t p = random_prime62(g);
      std::vector<std::uint64_t> u(static_cast<std::size_t>(n) + 1);
      for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
      const std::uint64_t seed = g();
      std::mt19937_64 g1(seed), g2(seed);
      lcngeom::detail::set_modular_reference_engine(true);
      const auto dense = power_cell_count(lambda, sigma, p, u, g1);
      lcngeom::detail::set_modular_reference_engine(false);
      const auto sparse = power_cell_count(lambda, sigma, p, u, g2);
      INFO(lam << " p = " << p);
      CHECK(sparse.critical == dense.critical);
      CHECK(sparse.eliminant == dense.eliminant);
      CHECK(sparse.removed == dense.removed);
      CHECK(sparse.critical == porteous_number(lambda));
    }
  }
}

TEST_CASE("power engine with solutions at infinity (Bombieri) = resultant engine", "[ed_degree][ed_degree4]") {
  // Bombieri is SO(2)-invariant: the solutions at infinity of the w = g^k
  // system form curves for every target, so the Bezout-tight quotient does
  // not exist; the engine raises the degree until the multiplication maps
  // close on the affine part.  Cross-checked where the resultant engine
  // reaches, at random primes and targets.
  auto g = test::rng(1102);
  for (const char* lam : {"2", "2,2", "3,3", "2,2,2", "4,4"}) {
    const Partition lambda = Partition::parse(lam);
    const int n = lambda.sum();
    for (int trial = 0; trial < 2; ++trial) {
      const std::uint64_t p = random_prime62(g);
      std::vector<std::uint64_t> u(static_cast<std::size_t>(n) + 1);
      for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
      const InnerProduct sigma = InnerProduct::bombieri(n);
      const int resultants = count_critical_points_modp(lambda, sigma, p, u, g()).count;
      INFO(lam << " p = " << p);
      CHECK(power_count(lambda, sigma, p, u, g) == resultants);
    }
  }
}

TEST_CASE("power engine: special targets are refused, never miscounted", "[ed_degree][ed_degree4]") {
  const std::uint64_t p = (1ULL << 61) - 1;
  std::mt19937_64 g(7);
  // u = 0: the equations are homogeneous in g; either the only affine
  // solution is g = 0 (count 0) or they have lines of solutions (refused).
  for (const char* lam : {"2,2", "2,2,2", "3,3"}) {
    const Partition lambda = Partition::parse(lam);
    const std::vector<std::uint64_t> zero(static_cast<std::size_t>(lambda.sum()) + 1, 0);
    try {
      CHECK(power_count(lambda, InnerProduct::euclidean(lambda.sum()), p, zero, g) == 0);
    } catch (const not_supported&) {
      SUCCEED("refused");
    }
  }
}

TEST_CASE("power engine: applicability and size limits", "[ed_degree][ed_degree4]") {
  using namespace lcngeom::detail;
  CHECK(power_engine_applies(CriticalStructure::from_partition(Partition::parse("2,2,2,2"))));
  CHECK_FALSE(power_engine_applies(CriticalStructure::from_partition(Partition::parse("2,2,2,2,1"))));
  CHECK_FALSE(power_engine_applies(CriticalStructure::from_partition(Partition::parse("3,2,2,2"))));
  CHECK(power_engine_columns(CriticalStructure::from_partition(Partition::parse("2,2,2,2"))) == 4368);
  CHECK(modular_count_supported(Partition::parse("2,2,2,2")));
  // Not pure powers: counted by the minors engine (test_ed_degree5.cpp).
  CHECK(modular_count_supported(Partition::parse("2,2,2,2,1")));
  CHECK(modular_count_supported(Partition::parse("3,2,2,2")));
  // The power engine would need 27132 columns; since the minors engine runs
  // up to n = 10 by default it counts (2,2,2,2,2) (364 at (12), 6188 columns).
  CHECK(modular_count_supported(Partition::parse("2,2,2,2,2")));
  CHECK(power_engine_columns(CriticalStructure::from_partition(Partition::parse("2,2,2,2,2"))) > kMaxPowerEngineColumns);
  CHECK(ed_degree_out_of_reach(Partition::parse("2,2,2,2,1,1,1")).has_value());
  CHECK_FALSE(ed_degree_out_of_reach(Partition::parse("2,2,2,2")).has_value());
}

TEST_CASE("(2,2,2,2): Euclidean ED degree 121 = Thom-Porteous, Bombieri counted through its solutions at infinity",
          "[ed_degree][ed_degree4][.slow]") {
  EdDegreeOptions o;
  o.seed = test::seed();
  const Partition lambda = Partition::parse("2,2,2,2");
  const EdDegreeResult e = ed_degree(lambda, InnerProduct::euclidean(8), o);
  CHECK(e.ed_degree == 121);
  CHECK(e.ed_degree == porteous_number(lambda));
  // Two independent (u, p) trials must agree inside ed_degree; the value is
  // measured evidence (docs/ed-degree-conjecture.md), special (Remark 6.8).
  const EdDegreeResult b = ed_degree(lambda, InnerProduct::bombieri(8), o);
  CHECK(b.ed_degree == 53);
  CHECK(b.ed_degree < e.ed_degree);
}

// The hook of the exact solver (critical_points.hpp lifts Delta(2,2,2,2)
// through it): with a fixed integer form z = sum l_i g_i the critical roots g
// come k per point w (zeta g), so T has degree k * critical and is a
// polynomial in z^k, and the coordinates are the same roots' (g_0 a unit mod T
// on the top cell).
TEST_CASE("power engine hook: fixed separating form, T a polynomial in z^k of degree k * count",
          "[ed_degree][ed_degree4]") {
  using namespace lcngeom::detail;
  auto g = test::rng(1102);
  for (const char* lam : {"2,2", "2,2,2", "3,3"}) {
    const Partition lambda = Partition::parse(lam);
    const int n = lambda.sum();
    const CriticalStructure s = CriticalStructure::from_partition(lambda);
    const int k = s.tracked.front().exponent, m = s.tracked.front().degree;
    const std::uint64_t p = random_prime62(g);
    NmodField F(p);
    const Mat<NmodField> sig = to_ring_matrix(F, InnerProduct::euclidean(n).matrix());
    Vec<NmodField> uu;
    for (int i = 0; i <= n; ++i) uu.push_back(std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g));
    const Vec<NmodField> su = mat_vec(F, sig, uu);
    std::vector<ulong> form;
    for (int i = 0; i <= m; ++i) form.push_back(F.from_si(test::uniform(g, 1, 9) * (i % 2 ? -1 : 1)));
    PowerRur r;
    CellCount c;
    bool separated = false;
    for (int attempt = 0; attempt < 4 && !separated; ++attempt) {
      try {
        c = power_locus_rur_modp(s, F, sig, su, g(), form, r);
        separated = true;
      } catch (const ShapeFailure&) {
        form.front() = F.add(form.front(), 1);
      }
    }
    REQUIRE(separated);
    INFO(lam << " p = " << p);
    CHECK(c.critical == porteous_number(lambda));
    CHECK(r.infinity_roots == 0);
    CHECK(r.T.degree() == k * c.critical);
    for (long i = 0; i <= r.T.degree(); ++i)
      if (i % k) CHECK(r.T.coeff(i) == 0);
    REQUIRE(r.g.size() == static_cast<std::size_t>(m) + 1);
    CHECK(nmod_gcd(r.g[0], r.T).degree() == 0);  // g_0 != 0 at every root
    std::vector<ulong> bad(form.begin(), form.end() - 1);
    CHECK_THROWS_AS(power_locus_rur_modp(s, F, sig, su, g(), bad, r), invalid_argument);
  }
}
