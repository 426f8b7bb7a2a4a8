// Test support for the whole-locus modular engines (modular_solver4.hpp,
// modular_solver5.hpp): random 62-bit primes and targets, and one engine count
// at (p, u), retried on ShapeFailure as ed_degree.cpp does.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/ed_degree.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/partition.hpp"

namespace lcngeom::test {

inline std::uint64_t random_prime62(std::mt19937_64& g) {
  std::uniform_int_distribution<std::uint64_t> d(1ULL << 61, (1ULL << 62) - 1);
  for (;;)
    if (const std::uint64_t c = d(g) | 1ULL; n_is_prime(c)) return c;
}

inline std::vector<std::uint64_t> random_target(int n, std::uint64_t p, std::mt19937_64& g) {
  std::vector<std::uint64_t> u(static_cast<std::size_t>(n) + 1);
  for (auto& c : u) c = std::uniform_int_distribution<std::uint64_t>(0, p - 1)(g);
  return u;
}

// count(s, F, sigma, sigma u, seed), e.g. detail::count_power_locus_modp.
template <class Count>
detail::CellCount whole_locus_count(Count count, const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                                    const std::vector<std::uint64_t>& u, std::mt19937_64& g) {
  using namespace lcngeom::detail;
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  NmodField F(p);
  const Mat<NmodField> sig = to_ring_matrix(F, sigma.matrix());
  Vec<NmodField> uu;
  for (std::uint64_t c : u) uu.push_back(c % p);
  const Vec<NmodField> su = mat_vec(F, sig, uu);
  for (int attempt = 0; attempt < 6; ++attempt) {
    try {
      return count(s, F, sig, su, g());
    } catch (const ShapeFailure&) {
      // a random form did not separate the points: draw another
    }
  }
  throw not_supported("no separating form in 6 attempts");
}

}  // namespace lcngeom::test
