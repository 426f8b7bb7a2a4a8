#include "lcngeom/ed_degree.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <random>

#include <flint/ulong_extras.h>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/detail/modular_solver4.hpp"
#include "lcngeom/detail/modular_solver5.hpp"
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

// The generator of ed_degree's trials for degree n, and one trial's draws
// from it (prime, then target, then seed: the order is the contract of
// ed_degree_trial_inputs).
std::mt19937_64 trial_generator(const Partition& lambda, const EdDegreeOptions& options) {
  return std::mt19937_64(options.seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(lambda.sum())));
}

EdTrialInputs next_trial_inputs(std::mt19937_64& g, int n) {
  EdTrialInputs in;
  in.prime = random_prime(g);
  in.target.resize(static_cast<std::size_t>(n) + 1);
  std::uniform_int_distribution<std::uint64_t> d(0, in.prime - 1);
  for (auto& c : in.target) c = d(g);
  in.seed = g();
  return in;
}

// More than 3 root coordinates: only the pure powers (k^m), by the quotient
// ring engine of modular_solver4.hpp, within its matrix size.
bool power_engine_reaches(const Partition& lambda) {
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  return detail::power_engine_applies(s) && detail::power_engine_columns(s) <= detail::kMaxPowerEngineColumns;
}

// More than 3 root coordinates and not a pure power: the determinantal
// (minors) engine of modular_solver5.hpp, if its first Macaulay matrix fits.
// LCNGEOM_MINORS_ENGINE=all sends every locus with a repeated root there
// (to compare it with the other engines).
bool minors_engine_forced() {
  const char* e = std::getenv("LCNGEOM_MINORS_ENGINE");
  return e && std::strcmp(e, "all") == 0;
}

// By default the minors engine takes the loci no other engine counts, up to
// the degree where it was measured (n = 9: (2,2,2,2,1), (3,2,2,2); n = 10:
// (2,2,2,2,1,1) and (4,2,2,2) close, (3,3,2,2) and Bombieri (4,2,2,2) reach
// the column limit after 2-4 minutes per trial: docs/benchmarks-ed.md).
constexpr int kMinorsEngineDefaultMaxDegree = 10;

bool minors_engine_reaches(const Partition& lambda) {
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  return (lambda.sum() <= kMinorsEngineDefaultMaxDegree || minors_engine_forced()) &&
         detail::minors_engine_applies(s) && detail::minors_engine_first_columns(s) <= detail::kMaxMinorsEngineColumns;
}

bool use_minors_engine(const Partition& lambda) {
  if (minors_engine_forced()) return root_coordinates(lambda) >= 1 && minors_engine_reaches(lambda);
  return lambda.sum() <= kMinorsEngineDefaultMaxDegree && root_coordinates(lambda) > 3 &&
         !power_engine_reaches(lambda) && minors_engine_reaches(lambda);
}

}  // namespace

EdTrialInputs ed_degree_trial_inputs(const Partition& lambda, const EdDegreeOptions& options, int t) {
  if (t < 0 || t >= options.trials)
    throw invalid_argument("ED degree: trial " + std::to_string(t) + " is not in [0, " +
                           std::to_string(options.trials) + ")");
  std::mt19937_64 g = trial_generator(lambda, options);
  EdTrialInputs in;
  for (int i = 0; i <= t; ++i) in = next_trial_inputs(g, lambda.sum());
  return in;
}

EdDegreeResult ed_degree_from_trials(const Partition& lambda, const InnerProduct& sigma, std::vector<EdTrial> trials) {
  if (trials.empty()) throw invalid_argument("ED degree of " + lambda.to_string() + ": no modular trial");
  EdDegreeResult res;
  res.lambda = lambda;
  res.inner_product = sigma.name();
  res.porteous = porteous_number(lambda);
  res.trials = std::move(trials);
  res.ed_degree = res.trials.front().count;
  for (const EdTrial& t : res.trials) {
    if (t.count != res.ed_degree)
      throw domain_error("ED degree of " + lambda.to_string() + ": independent modular counts disagree (" +
                         std::to_string(res.ed_degree) + " vs " + std::to_string(t.count) + " mod " +
                         std::to_string(t.prime) + ")");
    res.seconds += t.seconds;
  }
  return res;
}

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
  // The whole locus at once (every cell), retrying on ShapeFailure: a random
  // combination that does not separate the points.
  auto whole_locus = [&](auto count, const std::string& failure) {
    for (int attempt = 0; attempt < 6; ++attempt) {
      try {
        const detail::CellCount c = count(s, F, sig, su, g());
        trial.count = c.critical;
        trial.eliminant_degree = c.eliminant;
        trial.removed = c.removed;
        trial.seconds = seconds_since(t0);
        return trial;
      } catch (const detail::ShapeFailure&) {
      }
    }
    throw not_supported(failure);
  };
  // P_j projective: modular_solver5.hpp.
  if (use_minors_engine(lambda))
    return whole_locus(detail::count_minors_locus_modp,
                       "the random combinations never separated the points of the determinantal system of " +
                           lambda.to_string() + " (a multiple point, or a special target?)");
  // w = g^k: modular_solver4.hpp.
  if (root_coordinates(lambda) > 3 && power_engine_reaches(lambda))
    return whole_locus(detail::count_power_locus_modp, "the random projections never separated the critical points of " +
                                                           lambda.to_string() + " (special target?)");
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
  if (std::optional<std::string> why = ed_degree_out_of_reach(lambda, options)) throw not_supported(*why);
  std::mt19937_64 g = trial_generator(lambda, options);
  const std::string phase = "Delta" + lambda.to_string() + ": modular count";
  const auto trials = static_cast<std::size_t>(options.trials);
  const long porteous = porteous_number(lambda);
  std::vector<EdTrial> counts;
  for (std::size_t t = 0; t < trials; ++t) {
    const EdTrialInputs in = next_trial_inputs(g, lambda.sum());
    if (options.progress)
      options.progress({phase, t, trials, "eliminants of degree <= " + std::to_string(porteous)});
    counts.push_back(count_critical_points_modp(lambda, sigma, in.prime, in.target, in.seed));
  }
  if (options.progress) options.progress({phase, trials, trials});
  EdDegreeResult res = ed_degree_from_trials(lambda, sigma, std::move(counts));
  res.seconds = seconds_since(t0);
  return res;
}

std::optional<std::string> ed_degree_out_of_reach(const Partition& lambda, const EdDegreeOptions& options) {
  if (root_coordinates(lambda) > 3 && !power_engine_reaches(lambda) && !minors_engine_reaches(lambda))
    return "ED degree of Delta" + lambda.to_string() + " needs the elimination of " +
           std::to_string(root_coordinates(lambda)) +
           " root coordinates; at most 3 are supported, and 4 or more only for pure powers (k,...,k) whose "
           "quotient-ring engine fits (Macaulay matrix of at most " +
           std::to_string(detail::kMaxPowerEngineColumns) +
           " columns: (2,2,2,2)) or, up to degree " + std::to_string(kMinorsEngineDefaultMaxDegree) +
           ", loci with at most 2 simple roots whose determinantal engine fits (Macaulay matrices of at most " +
           std::to_string(detail::kMaxMinorsEngineColumns) + " columns)";
  const long p = porteous_number(lambda);
  if (p > options.max_porteous)
    return "ED degree of Delta" + lambda.to_string() + " is out of reach: its eliminants have degree up to " +
           std::to_string(p) + " (Thom-Porteous bound), above max_porteous = " + std::to_string(options.max_porteous) +
           " (measured on one core, two trials: bound 724 about 7 s, 1096 to 3476 at degree 10 between 2 and 9 minutes; the cost grows at least quadratically)";
  return std::nullopt;
}

EdDegreeTablePlan ed_degree_table_plan(int n, const EdDegreeOptions& options) {
  if (n < 1) throw invalid_argument("ED degree table: degree must be >= 1, got " + std::to_string(n));
  EdDegreeTablePlan plan;
  plan.degree = n;
  plan.max_porteous = options.max_porteous;
  if (n > kMaxPartitionCountArgument) {
    plan.loci = ~std::uint64_t{0};
    return plan;
  }
  plan.loci = partition_count(n);
  if (plan.loci > kMaxPartitionList) return plan;
  plan.scanned = true;
  for_each_partition(n, [&](const Partition& lambda) {
    if (root_coordinates(lambda) > 3 && !power_engine_reaches(lambda) && !minors_engine_reaches(lambda)) {
      ++plan.unsupported;
    } else {
      const long p = porteous_number(lambda);
      plan.largest_porteous = std::max(plan.largest_porteous, p);
      if (p > options.max_porteous) ++plan.over_limit;
    }
    return true;
  });
  return plan;
}

std::string EdDegreeTablePlan::summary() const {
  const std::string head = "the ED-degree table of degree " + std::to_string(degree) + " has ";
  if (!scanned)
    return head + (loci == ~std::uint64_t{0} ? std::string("more than 2^64") : std::to_string(loci)) +
           " loci (p(" + std::to_string(degree) + ")): out of reach as a table; ask for single loci";
  std::string s = head + std::to_string(loci) + " loci: " + std::to_string(unsupported) +
                  " need more than 3 root coordinates and are not pure powers within reach (not supported), " + std::to_string(over_limit) +
                  " have eliminants of degree above max_porteous = " + std::to_string(max_porteous) +
                  " (Thom-Porteous bounds up to " + std::to_string(largest_porteous) + "), " +
                  std::to_string(loci - unsupported - over_limit) + " are within reach";
  if (over_limit > 0)
    s += "; bounds of 1096 to 3476 take 2 to 9 minutes each on one core (degree 10, two trials) and the cost grows "
         "at least quadratically, so this table is out of reach: ask for single loci, or raise max_porteous";
  return s;
}

std::vector<EdDegreeResult> ed_degree_table(int n, const std::string& norm, const EdDegreeOptions& options) {
  if (n < 1) throw invalid_argument("ED degree table: degree must be >= 1, got " + std::to_string(n));
  const EdDegreeTablePlan plan = ed_degree_table_plan(n, options);
  if (!plan.within_reach()) throw not_supported(plan.summary());
  InnerProduct sigma = InnerProduct::parse(norm, n);
  std::vector<EdDegreeResult> rows;
  for (const Partition& lambda : partitions(n)) rows.push_back(ed_degree(lambda, sigma, options));
  return rows;
}

bool modular_count_supported(const Partition& lambda) {
  return root_coordinates(lambda) <= 3 || power_engine_reaches(lambda) || minors_engine_reaches(lambda);
}

int root_coordinates(const Partition& lambda) {
  int m = 0;
  for (int part : lambda.parts()) m += part >= 2 ? 1 : 0;
  return m;
}

long porteous_number(const Partition& lambda) {
  const Integer total = porteous_number_exact(lambda);
  return total.fits_long() ? total.to_long() : std::numeric_limits<long>::max();
}

Integer porteous_number_exact(const Partition& lambda) {
  const CriticalStructure s = CriticalStructure::from_partition(lambda);
  const int J = static_cast<int>(s.tracked.size());
  const long rr = s.distinct_roots() + 1, c1 = s.free_degree + 1;
  // Exact integers: the factorials overflow a long from degree 21 on.
  auto fact = [](long a) {
    Integer r(1L);
    for (long i = 2; i <= a; ++i) r *= Integer(i);
    return r;
  };
  auto binom = [&](long a, long b) {
    if (b < 0 || b > a) return Integer(0L);
    return divexact(fact(a), fact(b) * fact(a - b));
  };
  // Sum over alpha <= c (componentwise), beta = c - alpha.
  std::vector<int> alpha(static_cast<std::size_t>(J), 0);
  Integer total;
  for (;;) {
    long na = 0, nb = 0;
    Integer ca(1L), cb(1L), fa(1L), fb(1L);
    for (int j = 0; j < J; ++j) {
      const long a = alpha[static_cast<std::size_t>(j)], b = s.tracked[static_cast<std::size_t>(j)].degree - a;
      const long e = s.tracked[static_cast<std::size_t>(j)].exponent;
      na += a;
      nb += b;
      ca *= pow(Integer(e - 1), static_cast<unsigned long>(a));
      cb *= pow(Integer(e), static_cast<unsigned long>(b));
      fa *= fact(a);
      fb *= fact(b);
    }
    total += binom(rr, na) * divexact(fact(na), fa) * ca * binom(c1 - 1 + nb, nb) * divexact(fact(nb), fb) * cb;
    int j = 0;
    while (j < J && ++alpha[static_cast<std::size_t>(j)] > s.tracked[static_cast<std::size_t>(j)].degree)
      alpha[static_cast<std::size_t>(j++)] = 0;
    if (j == J) break;
  }
  return total;
}

}  // namespace lcngeom
