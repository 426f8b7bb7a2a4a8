// lcngeom/ed_degree.hpp -- Euclidean distance degrees of multiple root loci
// (Section 6.2: Examples 6.7, 6.9, Remark 6.8).
//
// The ED degree of Delta_lambda with respect to an inner product Sigma is the
// number of complex critical points of ||w - u||^2_Sigma on the smooth part of
// Delta_lambda for a generic target u.  For generic u every critical point has
// root pattern exactly lambda, so it is the number of complex points w with
// pattern lambda at which u - w is Sigma-orthogonal to T_w Delta_lambda
// (eq. 5.3).  With Sigma = I it is the "generic" ED degree of the paper; with
// the Bombieri product (eq. 6.10) the "special" one.
//
// Algorithm.  The count is the solver of critical_points.hpp run modulo a
// random 62-bit prime p at a target u drawn uniformly from F_p^{n+1}: the
// critical points are the points P = (P_j) of prod_j P^{c_j} where the matrix
// N(P) of detail/critical_algebra.hpp drops rank; they are eliminated to a
// univariate eliminant by resultants (evaluation/interpolation over F_p) on
// each affine cell, two independent eliminants are intersected (gcd), and
// every root is recovered and classified in F_p[z]/(T) (points of a coarser
// pattern, a singular Gram block or spurious common zeros are removed
// exactly, splitting T where needed).  The count returned for (u, p) is the
// exact number of distinct points over the algebraic closure of F_p.  A
// component common to the combination curves (a curve of points whose Gram
// block is singular for every target, e.g. isotropic points for the Bombieri
// product on Delta_(3,2,2)) is divided out before the resultant; for a generic
// target no critical point lies on it.
//
// Error probability (stated as NTL states it for its randomised algorithms).
// The count at (u, p) equals the characteristic-zero ED degree unless
//   (a) u lies on the discriminant of the ED problem over F_p, a hypersurface
//       of degree at most D_u in u: probability <= D_u / p by Schwartz-Zippel;
//   (b) p is one of the finitely many primes of bad reduction of
//       (Delta_lambda, Sigma); with p uniform among 62-bit primes this has
//       probability <= B / 2^56 for B the number of such primes (B is finite
//       but not bounded explicitly here);
//   (c) the random shear fails to separate the points: this is detected (the
//       recovery gcd has degree >= 2) and the count is redone, never wrong.
// For the sizes used here D_u < 10^6, so (a) is below 2^-40 per trial.  The
// result is confirmed at a second independent (u, p); a disagreement throws.
#ifndef LCNGEOM_ED_DEGREE_HPP
#define LCNGEOM_ED_DEGREE_HPP

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/inner_product.hpp"
#include "lcngeom/integer.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/progress.hpp"

namespace lcngeom {

/// One modular count.
struct EdTrial {
  std::uint64_t prime = 0;  ///< the random 62-bit prime p
  int count = 0;             ///< distinct critical points with pattern lambda over F_p-bar
  int eliminant_degree = 0;  ///< degree of the intersected eliminants (before removal)
  int removed = 0;           ///< roots removed as spurious or degenerate
  double seconds = 0;  ///< wall time
};

/// Default EdDegreeOptions::max_porteous: every locus of degree <= 8 (the
/// largest, Delta_(3,2,2,1), has bound 724 and takes about 7 s for two trials
/// on one core of the reference machine; degree-10 loci with bounds 2388-3476
/// take 2-9 minutes: docs/benchmarks-ed.md).
inline constexpr long kDefaultMaxPorteous = 1000;

/// Options of ed_degree, ed_degree_table and ed_degree_table_plan.
struct EdDegreeOptions {
  std::uint64_t seed = 0x1c0ffee;  ///< seeds primes, targets, shears and combinations
  int trials = 2;                  ///< independent (target, prime) pairs; all must agree
  /// Largest Thom-Porteous bound (porteous_number: the degree of the
  /// eliminants) attempted.  The cost grows at least quadratically with it,
  /// and it reaches 10^7 at degree 41: above the limit ed_degree refuses with
  /// not_supported before computing anything.
  long max_porteous = kDefaultMaxPorteous;
  /// If set, reports the modular trials (progress.hpp): phase
  /// "Delta<lambda>: modular count", done = trials finished of `trials`.
  ProgressCallback progress = nullptr;
};

/// The ED degree of one locus Delta_lambda (Section 6.2) and the modular counts it rests on.
struct EdDegreeResult {
  Partition lambda;  ///< the partition lambda
  std::string inner_product;  ///< "euclidean", "bombieri" or "custom"
  int ed_degree = 0;  ///< the ED degree: the number of complex critical points with pattern lambda of a generic target
  /// The Thom-Porteous degree of the rank locus of N(P) (an upper bound when
  /// that locus is finite); equal to ed_degree when nothing is removed.
  long porteous = 0;
  std::vector<EdTrial> trials;  ///< every modular count (all equal)
  double seconds = 0;  ///< wall time
};

/// Number of distinct complex (over F_p-bar) critical points with root
/// pattern exactly lambda of ||w - u||^2_Sigma for a target u in F_p^{n+1}
/// (coefficients a_0..a_n, reduced mod p).  p must be a prime > 2n + 2 not
/// dividing the denominators of Sigma (else invalid_argument).  Throws
/// not_supported unless modular_count_supported(lambda) (more than 3 root
/// coordinates and neither a pure power within reach nor, up to degree 10, a
/// locus of the determinantal engine, e.g. (2,2,2,2,1,1,1)), if the
/// critical set at this target is not finite, or, for the pure powers with 4
/// or more parts, if the w = g^k system has solutions at infinity for this
/// Sigma (the Bombieri product: its SO(2) symmetry makes them curves).
/// Pure powers (k,...,k) with 4 or more parts go to the quotient-ring
/// engine (whole locus at once: w = g^k) when modular_count_supported.
/// `seed` drives the random shears/combinations.
EdTrial count_critical_points_modp(const Partition& lambda, const InnerProduct& sigma, std::uint64_t p,
                                   const std::vector<std::uint64_t>& target, std::uint64_t seed = 1);

/// The ED degree of Delta_lambda for sigma (whose degree must be |lambda|):
/// options.trials modular counts at independent random (u, p); throws
/// domain_error if they disagree (which also signals a bad prime), and
/// not_supported, before any work, if !modular_count_supported(lambda) or
/// porteous_number(lambda) > options.max_porteous, and from the first trial
/// as count_critical_points_modp does.
EdDegreeResult ed_degree(const Partition& lambda, const InnerProduct& sigma, const EdDegreeOptions& options = {});

/// The inputs of modular trial t (0 <= t < options.trials) of
/// ed_degree(lambda, sigma, options): its prime, its target in F_p^{n+1}
/// (n = |lambda|) and the seed of its shears.  They depend on lambda only
/// through n, and not on sigma.  ed_degree draws them from these very
/// functions, so
///   count_critical_points_modp(lambda, sigma, in.prime, in.target, in.seed)
/// for in = ed_degree_trial_inputs(lambda, options, t) is trial t of
/// ed_degree, bit for bit: a table can be cut into (locus, trial) units
/// computed anywhere (lcngeom-mpi, docs/scaling.md) and reassembled by
/// ed_degree_from_trials.  Cost: t + 1 draws of a 62-bit prime.
struct EdTrialInputs {
  std::uint64_t prime = 0;            ///< a random 62-bit prime
  std::vector<std::uint64_t> target;  ///< n + 1 residues mod prime
  std::uint64_t seed = 0;             ///< seed of count_critical_points_modp
};
/// The inputs of trial t of ed_degree(lambda, ., options) (see EdTrialInputs);
/// throws invalid_argument unless 0 <= t < options.trials.
EdTrialInputs ed_degree_trial_inputs(const Partition& lambda, const EdDegreeOptions& options, int t);

/// The ED-degree result of lambda for sigma from its modular trials (in
/// trial order, at least one): ed_degree is their common count, seconds
/// their total; throws domain_error if they disagree (as ed_degree does).
EdDegreeResult ed_degree_from_trials(const Partition& lambda, const InnerProduct& sigma, std::vector<EdTrial> trials);

/// Why ed_degree(lambda, ., options) would refuse before any work (not
/// modular_count_supported, or a Thom-Porteous bound above
/// options.max_porteous), or
/// std::nullopt if it is within reach.  Costs no more than porteous_number.
std::optional<std::string> ed_degree_out_of_reach(const Partition& lambda, const EdDegreeOptions& options = {});

/// What the table of every partition of n would take, without computing it.
struct EdDegreeTablePlan {
  int degree = 0;  ///< n
  std::uint64_t loci = 0;     ///< p(n)
  bool scanned = false;       ///< false if p(n) > kMaxPartitionList (then only `loci` is set)
  std::uint64_t unsupported = 0;  ///< loci not modular_count_supported (4+ root coordinates, not (2,2,2,2))
  std::uint64_t over_limit = 0;   ///< supported loci with porteous_number > max_porteous
  long largest_porteous = 0;      ///< among the supported loci
  long max_porteous = 0;          ///< the limit applied
  /// Every locus is computable within the limits.
  bool within_reach() const noexcept { return scanned && unsupported == 0 && over_limit == 0; }
  /// One paragraph saying what the table holds and what it would take.
  std::string summary() const;
};
/// What ed_degree_table(n, ., options) would take, without computing it (cost of p(n) porteous_number calls).
EdDegreeTablePlan ed_degree_table_plan(int n, const EdDegreeOptions& options = {});

/// ed_degree for every partition of n (in partitions(n) order) with the
/// Euclidean or Bombieri product of degree n (norm: "euclidean" | "bombieri").
/// Throws not_supported with ed_degree_table_plan(n).summary() before any
/// computation unless the plan is within reach.
std::vector<EdDegreeResult> ed_degree_table(int n, const std::string& norm, const EdDegreeOptions& options = {});

/// True if count_critical_points_modp / ed_degree can count lambda: at most 3
/// root coordinates (iterated resultants), a pure power (k,...,k) whose
/// quotient-ring engine fits (Bezout-tight system in w = g^k; this adds
/// (2,2,2,2)), or, up to degree 10, a locus with at most 2 simple roots whose
/// determinantal (maximal minors) engine applies (adds (2,2,2,2,1), (3,2,2,2)
/// and the four 4-coordinate loci of degree 10; that engine may still refuse
/// a locus with not_supported when its Macaulay matrices pass 8000 columns,
/// e.g. (3,3,2,2)).  Does not look at max_porteous.
bool modular_count_supported(const Partition& lambda);

/// The number of root coordinates the solvers eliminate for lambda: the
/// number of parts >= 2 (the distinct multiple roots).  count/ed_degree
/// support at most 3 (and pure powers: modular_count_supported),
/// critical_points at most 3.
int root_coordinates(const Partition& lambda);

/// The Thom-Porteous number of the degeneracy locus {rank N(P) <= c_1 + 1}
/// on prod_j P^{c_j}: the degree-m part of c(F - E) for the map
/// E = O(-G)^{c_1+1} + O -> F = O(g)^{r+1}, i.e. the coefficient of
/// prod_j H_j^{c_j} in prod_j-graded [(1 + gH)^{r+1} / (1 - GH)^{c_1+1}].
/// Example: (2,2) gives 13, (alpha,1,...,1) gives (2 alpha - 1) n - 2 (alpha - 1)^2.
/// Computed exactly; saturates at LONG_MAX.
///
/// Conjecture (docs/ed-degree-conjecture.md): for the Euclidean product (and
/// every generic Sigma, Remark 6.10) the ED degree of Delta_lambda equals
/// porteous_number(lambda).  It holds for every lambda with a modular count
/// (every partition of n <= 9, 40 of the 42 of n = 10) and for the hooks
/// (alpha,1,...,1) by [27, Thm. 5.1]; it is not proven in general.  For the
/// Bombieri product the ED degree is smaller (Remark 6.8).
long porteous_number(const Partition& lambda);

/// porteous_number without saturation (the same sum, as an exact Integer):
/// instant for any partition, used by `ed-degree --formula`.
Integer porteous_number_exact(const Partition& lambda);

}  // namespace lcngeom

#endif
