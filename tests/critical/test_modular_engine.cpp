// The fast paths of the modular engine (issue 11, item 2) against the
// reference path: every count, eliminant degree and number of removed roots
// must agree exactly, for random primes, targets and projections (the fast
// paths compute the same polynomials mod p, except the final eliminant of a
// 3-coordinate cell, which may be in x_2 instead of z: see
// detail/modular_solver.hpp).
#include <catch2/catch.hpp>

#include <random>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/ed_degree.hpp"
#include "engine_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

// Restores the engine selection on scope exit (the flag is process-wide).
struct EngineChoice {
  bool saved = detail::modular_reference_engine();
  explicit EngineChoice(bool reference) { detail::set_modular_reference_engine(reference); }
  ~EngineChoice() { detail::set_modular_reference_engine(saved); }
};

EdTrial count(bool reference, const Partition& l, const InnerProduct& s, std::uint64_t p,
              const std::vector<std::uint64_t>& u, std::uint64_t seed) {
  EngineChoice c(reference);
  return count_critical_points_modp(l, s, p, u, seed);
}

using test::random_prime62;

// `symmetric`: a target with u_i = 0 for odd i, fixed by x -> -x (as are both
// norms), so the critical points come in pairs (a, b, c) <-> (-a, b, -c) of
// cell coordinates sharing the constant terms: an unsheared coordinate need
// not separate them.
void compare(const Partition& l, const InnerProduct& s, std::mt19937_64& g, bool symmetric = false) {
  const std::uint64_t p = random_prime62(g);
  std::vector<std::uint64_t> u(static_cast<std::size_t>(l.sum()) + 1);
  for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
  if (symmetric)
    for (std::size_t i = 1; i < u.size(); i += 2) u[i] = 0;
  const std::uint64_t seed = g();
  INFO(l.to_string() << " " << s.name() << " p = " << p << " seed " << seed << (symmetric ? " symmetric" : ""));
  // A special target may be refused (never miscounted): then by both engines.
  EdTrial fast, ref;
  bool fast_refused = false, ref_refused = false;
  try {
    ref = count(true, l, s, p, u, seed);
  } catch (const not_supported&) {
    ref_refused = true;
  }
  try {
    fast = count(false, l, s, p, u, seed);
  } catch (const not_supported&) {
    fast_refused = true;
  }
  REQUIRE(fast_refused == ref_refused);
  CHECK(fast.count == ref.count);
  CHECK(fast.eliminant_degree == ref.eliminant_degree);
  CHECK(fast.removed == ref.removed);
}

}  // namespace

TEST_CASE("modular engine: fast paths give the reference counts for every partition of n <= 6",
          "[ed_degree][modular_engine]") {
  auto g = test::rng(1101);
  for (int n = 1; n <= 6; ++n)
    for (const Partition& l : partitions(n))
      for (const InnerProduct& s : {InnerProduct::euclidean(n), InnerProduct::bombieri(n)}) compare(l, s, g);
}

TEST_CASE("modular engine: fast paths on 3-coordinate cells with mixed blocks (n = 7)",
          "[ed_degree][modular_engine]") {
  auto g = test::rng(1102);
  for (const char* l : {"3,2,2", "2,2,2,1"}) compare(Partition::parse(l), InnerProduct::euclidean(7), g);
}

// 3-coordinate cells eliminate the lower-degree variable z at the second
// level (eliminant in the unsheared x_2, counting only): same counts,
// eliminant degrees and removed roots as the reference (eliminant in z).
TEST_CASE("modular engine: 3-coordinate cells in both norms at random targets (n = 7)", "[ed_degree][modular_engine]") {
  auto g = test::rng(1103);
  for (const char* l : {"3,2,2", "2,2,2,1"})
    for (const InnerProduct& s : {InnerProduct::euclidean(7), InnerProduct::bombieri(7)})
      compare(Partition::parse(l), s, g);
}

TEST_CASE("modular engine: targets symmetric under x -> -x give the reference counts", "[ed_degree][modular_engine]") {
  auto g = test::rng(1104);
  for (const char* l : {"2,2,1", "2,2,2", "3,2,1", "3,2,2", "2,2,2,1"}) {
    const Partition lambda = Partition::parse(l);
    for (const InnerProduct& s : {InnerProduct::euclidean(lambda.sum()), InnerProduct::bombieri(lambda.sum())})
      compare(lambda, s, g, true);
  }
}

TEST_CASE("modular engine: the costly rows of n = 8 in both norms", "[ed_degree][modular_engine][.slow]") {
  auto g = test::rng(1105);
  for (const char* l : {"3,2,2,1", "2,2,2,1,1", "4,2,2", "3,3,2"})
    for (const InnerProduct& s : {InnerProduct::euclidean(8), InnerProduct::bombieri(8)})
      compare(Partition::parse(l), s, g);
}

TEST_CASE("modular engine: the reference switch is scoped", "[modular_engine]") {
  const bool before = detail::modular_reference_engine();
  {
    EngineChoice c(!before);
    CHECK(detail::modular_reference_engine() == !before);
  }
  CHECK(detail::modular_reference_engine() == before);
}
