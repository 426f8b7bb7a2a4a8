// The fast paths of the modular engine (issue 11, item 2) against the
// reference path: both compute the same polynomials mod p, so every count,
// eliminant degree and number of removed roots must agree exactly, for random
// primes, targets and projections.
#include <catch2/catch.hpp>

#include <random>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/ed_degree.hpp"
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

std::uint64_t random_prime(std::mt19937_64& g) {
  std::uniform_int_distribution<std::uint64_t> d(1ULL << 61, (1ULL << 62) - 1);
  for (;;)
    if (std::uint64_t c = d(g) | 1ULL; n_is_prime(c)) return c;
}

void compare(const Partition& l, const InnerProduct& s, std::mt19937_64& g) {
  const std::uint64_t p = random_prime(g);
  std::vector<std::uint64_t> u(static_cast<std::size_t>(l.sum()) + 1);
  for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
  const std::uint64_t seed = g();
  INFO(l.to_string() << " " << s.name() << " p = " << p << " seed " << seed);
  const EdTrial fast = count(false, l, s, p, u, seed), ref = count(true, l, s, p, u, seed);
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

TEST_CASE("modular engine: the reference switch is scoped", "[modular_engine]") {
  const bool before = detail::modular_reference_engine();
  {
    EngineChoice c(!before);
    CHECK(detail::modular_reference_engine() == !before);
  }
  CHECK(detail::modular_reference_engine() == before);
}
