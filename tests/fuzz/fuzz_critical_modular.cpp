// Differential: exact critical points on small multiple root loci
// (critical_points: resultants over Q, number fields) against the modular
// count (count_critical_points_modp at p = 2^61 - 1), for small integer
// targets and the Euclidean or Bombieri product.  The exact solver may refuse
// a special target (not_supported: infinitely many critical points); when
// both answer, the complex counts agree unless p is a bad prime for this
// target, which for |u_i| <= 64 has not been seen.
#include "fuzz_support.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/ed_degree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  static const char* const loci[] = {"2", "2,1", "3", "2,1,1", "2,2", "3,1", "4", "2,1,1,1", "3,1,1", "4,1", "5"};
  fuzz::Bytes in(data, size);
  const Partition lambda = Partition::parse(loci[in.byte() % std::size(loci)]);
  const int n = lambda.sum();
  const bool bombieri = in.byte() & 1;
  std::vector<long> u;
  for (int i = 0; i <= n; ++i) u.push_back(static_cast<std::int8_t>(in.byte()) / 2);
  const BinaryForm target(u);
  if (target.is_zero()) return 0;
  const InnerProduct sigma = bombieri ? InnerProduct::bombieri(n) : InnerProduct::euclidean(n);
  const std::uint64_t p = (std::uint64_t{1} << 61) - 1;
  std::vector<std::uint64_t> um;
  for (long c : u) um.push_back(static_cast<std::uint64_t>(((c % static_cast<long>(p)) + static_cast<long>(p))) % p);
  int exact = -1, modular = -1;
  fuzz::run([&] { exact = critical_points(lambda, target, sigma).complex_count; });
  fuzz::run([&] { modular = count_critical_points_modp(lambda, sigma, p, um, 3).count; });
  if (exact >= 0 && modular >= 0)
    fuzz::require(exact == modular, "critical points on Delta" + lambda.to_string() + " at " + target.to_string() +
                                        " (" + sigma.name() + "): exact " + std::to_string(exact) + ", mod p " +
                                        std::to_string(modular));
  return 0;
}
