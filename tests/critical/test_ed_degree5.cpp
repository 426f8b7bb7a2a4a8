// The determinantal ("minors") engine (modular_solver5.hpp): the critical
// points as the zero set X of the maximal minors of N(P), P_j multiprojective,
// solved in the multigraded quotient ring.  Cross-checked against the
// resultant and power engines on every locus they count, both norms and a
// random positive definite product; the n = 9 rows it adds are in the [.slow]
// test at the end.
#include <random>

#include <catch2/catch.hpp>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/modular_solver5.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "engine_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

using test::random_prime62;
using test::random_target;


detail::CellCount minors_count(const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                               const std::vector<std::uint64_t>& u, std::mt19937_64& g) {
  return test::whole_locus_count(detail::count_minors_locus_modp, lambda, sigma, p, u, g);
}

}  // namespace

TEST_CASE("minors engine = resultant and power engines (Euclidean, random product, Bombieri)",
          "[ed_degree][ed_degree5]") {
  auto g = test::rng(1201);
  // Loci of the shapes of (2,2,2,2,1) (one repeated block and a linear h)
  // and (3,2,2,2) (two repeated blocks, h a scalar), and pure powers.
  for (const char* lam : {"2,1", "2,2", "3,2", "2,2,1", "3,1,1", "2,2,1,1", "4,2", "3,3", "2,2,2", "3,2,1", "4,1,1",
                          "2,2,2,1", "3,2,2", "3,3,1", "2,2,2,2"}) {
    const Partition lambda = Partition::parse(lam);
    const int n = lambda.sum();
    RatMatrix a(n + 1, n + 1);
    for (int i = 0; i <= n; ++i)
      for (int j = 0; j <= n; ++j) a.set(i, j, Rational(test::uniform(g, -3, 3)));
    for (const InnerProduct& sigma : {InnerProduct::euclidean(n), InnerProduct::bombieri(n),
                                      InnerProduct(a.transpose() * a + RatMatrix::identity(n + 1))}) {
      const std::uint64_t p = random_prime62(g);
      const std::vector<std::uint64_t> u = random_target(n, p, g);
      const int other = count_critical_points_modp(lambda, sigma, p, u, g()).count;
      INFO(lam << " " << sigma.name() << " p = " << p);
      // Bombieri: X may have a positive-dimensional excess component (here
      // (4,2), (3,2,2), (2,2,2,2)); the engine then counts the points of X
      // off a fixed hypersurface phi = 0 containing it (saturation by the
      // Gram or isotropic-root form), which must give the other engines'
      // count: no refusal is accepted.
      const detail::CellCount c = minors_count(lambda, sigma, p, u, g);
      CHECK(c.critical == other);
      CHECK(c.critical + c.removed == c.eliminant);
      // X has the Thom-Porteous degree; for a generic product it is exactly
      // the critical set.
      if (sigma.name() != "bombieri") {
        CHECK(c.eliminant == porteous_number(lambda));
        CHECK(c.critical == porteous_number(lambda));
      }
    }
  }
}

TEST_CASE("minors engine: special targets are refused or counted, never miscounted", "[ed_degree][ed_degree5]") {
  const std::uint64_t p = (1ULL << 61) - 1;
  std::mt19937_64 g(11);
  // u = 0: w = 0 is the only critical point of ||w||^2 on the cone, and it
  // has no exact pattern: count 0 (or a refusal), never more.
  for (const char* lam : {"2,2,1", "3,2", "2,2,2"}) {
    const Partition lambda = Partition::parse(lam);
    const std::vector<std::uint64_t> zero(static_cast<std::size_t>(lambda.sum()) + 1, 0);
    int count = 0;
    try {
      count = minors_count(lambda, InnerProduct::euclidean(lambda.sum()), p, zero, g).critical;
    } catch (const not_supported&) {
      count = 0;  // refused: every minor vanishes when the u column does
    }
    CHECK(count == 0);
  }
}

TEST_CASE("minors engine: applicability", "[ed_degree][ed_degree5]") {
  using namespace lcngeom::detail;
  CHECK(minors_engine_applies(CriticalStructure::from_partition(Partition::parse("2,2,2,2,1"))));
  CHECK(minors_engine_applies(CriticalStructure::from_partition(Partition::parse("3,2,2,2"))));
  CHECK_FALSE(minors_engine_applies(CriticalStructure::from_partition(Partition::parse("1,1,1"))));
  // c_1 = 3 simple roots: minors of 5 columns, not built.
  CHECK_FALSE(minors_engine_applies(CriticalStructure::from_partition(Partition::parse("2,2,2,2,1,1,1"))));
  CHECK(minors_engine_first_columns(CriticalStructure::from_partition(Partition::parse("2,2,2,2,1"))) == 495);
  CHECK(modular_count_supported(Partition::parse("2,2,2,2,1")));
  CHECK(modular_count_supported(Partition::parse("3,2,2,2")));
  CHECK_FALSE(modular_count_supported(Partition::parse("2,2,2,2,1,1,1")));
  // n = 10: the determinantal engine by default (measured: (2,2,2,2,1,1) = 1549, (4,2,2,2) = 1168).
  CHECK(modular_count_supported(Partition::parse("2,2,2,2,1,1")));
  CHECK(modular_count_supported(Partition::parse("4,2,2,2")));
  CHECK_FALSE(modular_count_supported(Partition::parse("3,2,2,2,1,1")));  // n = 11
  CHECK_THROWS_AS(ed_degree(Partition::parse("2,2,2,2,1,1,1"), InnerProduct::euclidean(11)), not_supported);
}

TEST_CASE("(2,2,2,2,1) and (3,2,2,2): Euclidean ED degrees 547 and 826 = Thom-Porteous",
          "[ed_degree][ed_degree5][.slow]") {
  EdDegreeOptions o;
  o.seed = test::seed();
  o.max_porteous = 2000;
  for (const auto& [lam, tp] : {std::pair<const char*, long>{"2,2,2,2,1", 547}, {"3,2,2,2", 826}}) {
    const Partition lambda = Partition::parse(lam);
    CHECK(porteous_number(lambda) == tp);
    const EdDegreeResult e = ed_degree(lambda, InnerProduct::euclidean(9), o);
    CHECK(e.ed_degree == tp);
  }
}
