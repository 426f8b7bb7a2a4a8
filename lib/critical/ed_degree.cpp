#include "lcngeom/ed_degree.hpp"

#include <chrono>
#include <random>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

using detail::Cell;
using detail::CriticalStructure;
using detail::Mat;
using detail::NmodField;
using detail::Vec;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::uint64_t random_prime(std::mt19937_64& g) {
  std::uniform_int_distribution<std::uint64_t> d(1ULL << 61, (1ULL << 62) - 1);
  for (;;) {
    std::uint64_t c = d(g) | 1ULL;
    if (n_is_prime(c)) return c;
  }
}

}  // namespace

EdTrial count_critical_points_modp(const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                                   const std::vector<std::uint64_t>& target, std::uint64_t seed) {
  const auto t0 = std::chrono::steady_clock::now();
  const int n = lambda.sum();
  if (n < 1) throw invalid_argument("ED degree: empty partition " + lambda.to_string());
  if (sigma.degree() != n)
    throw invalid_argument("ED degree of " + lambda.to_string() + ": the inner product acts on forms of degree " +
                           std::to_string(sigma.degree()) + ", not " + std::to_string(n));
  if (target.size() != static_cast<std::size_t>(n) + 1)
    throw invalid_argument("ED degree: target has " + std::to_string(target.size()) + " coefficients, expected " +
                           std::to_string(n + 1));
  if (!n_is_prime(p) || p <= static_cast<std::uint64_t>(2 * n + 2))
    throw invalid_argument("count_critical_points_modp: " + std::to_string(p) + " is not a prime > 2n + 2");
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  NmodField F(p);
  const Mat<NmodField> sig = detail::to_ring_matrix(F, sigma.matrix());
  Vec<NmodField> u;
  for (std::uint64_t c : target) u.push_back(c % p);
  Vec<NmodField> su = detail::mat_vec(F, sig, u);
  EdTrial trial;
  trial.prime = p;
  std::mt19937_64 g(seed);
  for (const Cell& cell : detail::cells(s)) {
    detail::CellCount c;
    bool done = false;
    for (int attempt = 0; attempt < 6 && !done; ++attempt) {
      try {
        c = detail::count_cell_modp(s, cell, F, sig, su, g(), attempt > 0);
        done = true;
      } catch (const detail::ShapeFailure&) {
        // the projection merged points: retry with another shear (all coordinates mixed)
      }
    }
    if (!done)
      throw not_supported("the random projections never separated the critical points of " + lambda.to_string() +
                          " (special target?)");
    trial.count += c.critical;
    trial.eliminant_degree += c.eliminant;
    trial.removed += c.removed;
  }
  trial.seconds = seconds_since(t0);
  return trial;
}

EdDegreeResult ed_degree(const Partition& lambda, const InnerProduct& sigma, const EdDegreeOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  if (options.trials < 1)
    throw invalid_argument("ED degree: trials must be >= 1, got " + std::to_string(options.trials));
  EdDegreeResult res;
  res.lambda = lambda;
  res.inner_product = sigma.name();
  res.porteous = porteous_number(lambda);
  std::mt19937_64 g(options.seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(lambda.sum())));
  for (int t = 0; t < options.trials; ++t) {
    std::uint64_t p = random_prime(g);
    std::vector<std::uint64_t> u(static_cast<std::size_t>(lambda.sum()) + 1);
    std::uniform_int_distribution<std::uint64_t> d(0, p - 1);
    for (auto& c : u) c = d(g);
    res.trials.push_back(count_critical_points_modp(lambda, sigma, p, u, g()));
  }
  res.ed_degree = res.trials.front().count;
  for (const EdTrial& t : res.trials)
    if (t.count != res.ed_degree)
      throw domain_error("ED degree of " + lambda.to_string() + ": independent modular counts disagree (" +
                         std::to_string(res.ed_degree) + " vs " + std::to_string(t.count) + " mod " +
                         std::to_string(t.prime) + ")");
  res.seconds = seconds_since(t0);
  return res;
}

std::vector<EdDegreeResult> ed_degree_table(int n, const std::string& norm, const EdDegreeOptions& options) {
  if (n < 1) throw invalid_argument("ED degree table: degree must be >= 1, got " + std::to_string(n));
  InnerProduct sigma = InnerProduct::parse(norm, n);
  std::vector<EdDegreeResult> rows;
  for (const Partition& lambda : partitions(n)) rows.push_back(ed_degree(lambda, sigma, options));
  return rows;
}

int root_coordinates(const Partition& lambda) {
  int m = 0;
  for (int part : lambda.parts()) m += part >= 2 ? 1 : 0;
  return m;
}

long porteous_number(const Partition& lambda) {
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  const int J = static_cast<int>(s.tracked.size());
  const long rr = s.distinct_roots() + 1, c1 = s.free_degree + 1;
  auto binom = [](long a, long b) -> long {
    if (b < 0 || b > a) return 0;
    long r = 1;
    for (long i = 1; i <= b; ++i) r = r * (a - b + i) / i;
    return r;
  };
  auto fact = [](long a) {
    long r = 1;
    for (long i = 2; i <= a; ++i) r *= i;
    return r;
  };
  // Sum over alpha <= c (componentwise), beta = c - alpha.
  std::vector<int> alpha(static_cast<std::size_t>(J), 0);
  long total = 0;
  for (;;) {
    long na = 0, nb = 0, ca = 1, cb = 1, fa = 1, fb = 1;
    for (int j = 0; j < J; ++j) {
      const long a = alpha[static_cast<std::size_t>(j)], b = s.tracked[static_cast<std::size_t>(j)].degree - a;
      const long e = s.tracked[static_cast<std::size_t>(j)].exponent;
      na += a;
      nb += b;
      for (long i = 0; i < a; ++i) ca *= (e - 1);
      for (long i = 0; i < b; ++i) cb *= e;
      fa *= fact(a);
      fb *= fact(b);
    }
    total += binom(rr, na) * (fact(na) / fa) * ca * binom(c1 - 1 + nb, nb) * (fact(nb) / fb) * cb;
    int j = 0;
    while (j < J && ++alpha[static_cast<std::size_t>(j)] > s.tracked[static_cast<std::size_t>(j)].degree)
      alpha[static_cast<std::size_t>(j++)] = 0;
    if (j == J) break;
  }
  return total;
}

}  // namespace lcngeom
