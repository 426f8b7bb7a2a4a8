// lcngeom/gd_experiments.hpp -- the gradient-descent experiments of
// Section 7.1 (Table 1) and Section 7.2 (Table 2), with three
// classifications of every limit side by side.
//
// Protocol (Section 7.1; every value is an option, these are the defaults):
// for each architecture k = (k_1, ..., k_L) (d_L = 1, d_0 = k) and each of
// `datasets` datasets, X in R^{k x 10} and Y in R^{1 x 10} i.i.d. N(0, 1); the
// initial filters i.i.d. N(0, 1); gradient descent on the square loss
// L = ||mu(theta)^T X - Y||^2 with step 0.01, stopping when
// ||grad L||^2 <= 1e-14, at most 15,000 updates.  Runs that do not stop are
// not discarded but counted: not converged (15,000 updates) and diverged
// (overflow) separately.  Table 2 (Section 7.2): `targets` random targets
// U in R^k i.i.d. N(0, 1), and for each `inits` initialisations, for the loss
// ||mu(theta) - U||^2_Sigma with Sigma = I (Euclidean) and Sigma = Bombieri
// (eq. 6.10), the same targets and initialisations for both norms.
//
// Random numbers (random_stream.hpp): one stream per key
//   {seed, tag, L, k_1, ..., k_L, index, init}
// with tag 1 = Table 1 data (index = dataset, init = 0; X row by row, then Y),
// 2 = Table 1 initialisation (index = dataset, init = 0; w_1, then w_2, ...),
// 3 = Table 2 target (index = target, init = 0; u_0..u_{k-1}),
// 4 = Table 2 initialisation (index = target, init = initialisation).
// Results therefore do not depend on the number of threads or the order of
// the runs, and any single run can be replayed (table1_dataset(), ...).
//
// Classifications of each run (limit_classification.hpp,
// limit_certificate.hpp):
//  (a) the paper's tolerance rule on the factor filters (Section 7.1);
//  (b) the certified critical point w* of l on a multiple root locus
//      (LimitCertifier, one per dataset/target, certify(theta_final) per run);
//  (c) the exact rrmp of the float end-to-end filter.
// Targets and initialisations are grouped by their exact rrmp (the target u
// = YX^T (XX^T)^{-1} and mu(theta_0) computed in exact rational arithmetic
// from the doubles), unless exact_classes is off (then by rule (a)).
//
// Loss values.  `loss` is the loss above its unconstrained minimum,
// l(wbar) = (wbar - u)^T Sigma (wbar - u) = ||wbar^T X - Y||^2 - min_V ||V X - Y||^2
// (eq. 6.1; the "sum" scaling); `loss_per_sample` is loss / N (the scaling of
// a mean-squared-error loss, Remark 6.1).  Appendix A's 1/2 scales both by
// 1/2 (see docs/gradient-descent.md for which scaling the paper's column
// matches).
#ifndef LCNGEOM_GD_EXPERIMENTS_HPP
#define LCNGEOM_GD_EXPERIMENTS_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/gradient_descent.hpp"
#include "lcngeom/limit_certificate.hpp"
#include "lcngeom/progress.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// The five non-filling architectures of Example 4.6 used in Section 7:
/// (2,2), (2,2,2), (4,2), (3,2,2), (2,2,2,2).
std::vector<std::vector<int>> paper_architectures();

/// Stream tags of the header comment.
enum class StreamTag : std::uint64_t { table1_data = 1, table1_init = 2, table2_target = 3, table2_init = 4 };

/// The key {seed, tag, L, k_1, ..., k_L, index, init} of a stream.
std::vector<std::uint64_t> stream_key(std::uint64_t seed, StreamTag tag, std::span<const int> filters,
                                      std::uint64_t index, std::uint64_t init = 0);

/// Options shared by the experiments (defaults: the paper's protocol).
struct ProtocolOptions {
  std::uint64_t seed = 1;  ///< the experiment's seed (the first word of every stream key)
  int samples = 10;  ///< N, data points per dataset (Table 1); N >= k is required
  DescentOptions descent;  ///< step size, stopping rule, iteration limit (Section 7.1 defaults)
  /// Descend on the per-sample loss (1/N) ||W X - Y||^2 instead of ||W X - Y||^2
  /// (Table 1 only; Sigma and c are divided by N).
  bool per_sample_loss = false;
  double root_tolerance = 1e-4;      ///< rule (a), Section 7.1
  double solution_tolerance = 1e-4;  ///< Table 2's distinct-solution rule, Section 7.2
  bool exact_classes = true;         ///< group targets/initialisations by their exact rrmp
  bool exact_float_rrmp = true;      ///< classification (c)
  bool certify = true;               ///< classification (b)
  LimitCertificateOptions certificate;  ///< how classification (b) certifies limits
  unsigned threads = 0;  ///< worker threads; 0 = std::thread::hardware_concurrency()
  /// Called (serialised, from worker threads) as work completes; may be empty.
  std::function<void(const Progress&)> progress;

  /// Throws invalid_argument for samples < 1, negative or NaN tolerances, or
  /// bad descent options.
  void validate() const;
};

/// One dataset of Table 1, as drawn from its streams.
struct Table1Dataset {
  std::vector<double> x;  ///< X, k x N, row-major
  std::vector<double> y;  ///< Y, N
  FilterSet<double> theta0;  ///< initial filters theta_0 = (w_1, ..., w_L)
};
/// Throws invalid_argument for an architecture that is not 1-D stride one
/// with filter sizes >= 1, or samples < 1.
Table1Dataset table1_dataset(std::span<const int> filters, std::uint64_t seed, std::size_t index, int samples = 10);

/// One target and one initialisation of Table 2.
std::vector<double> table2_target(std::span<const int> filters, std::uint64_t seed, std::size_t index);
/// The initial filters of initialisation `init` of target `target` (stream tag 4).
FilterSet<double> table2_init(std::span<const int> filters, std::uint64_t seed, std::size_t target, std::size_t init);

/// Sigma of Table 2 for a norm name ("euclidean" | "bombieri") on R^k,
/// row-major doubles (the Bombieri entries 1/binom(k-1, i) rounded).
std::vector<double> table2_sigma(const std::string& norm, int k);

/// Everything recorded about one run.
struct RunRecord {
  std::vector<int> filters;  ///< the architecture k = (k_1, ..., k_L)
  std::size_t dataset = 0;           ///< Table 1: the dataset; Table 2: the target
  std::size_t init = 0;              ///< Table 2: the initialisation (Table 1: 0)
  std::string norm;                  ///< Table 2: "euclidean" | "bombieri"; Table 1: "data"
  std::vector<double> target;        ///< u (Table 1: YX^T (XX^T)^{-1} rounded)
  std::optional<Rrmp> target_class;  ///< exact rrmp of u (or rule (a) if exact_classes is off)
  std::optional<Rrmp> init_class;    ///< exact rrmp of mu(theta_0) (or rule (a))
  FilterSet<double> theta0;  ///< initial filters
  DescentResult<double> result;     ///< final theta, iterations, status, ||grad||^2, loss
  double loss_per_sample = 0;       ///< result.loss / N (Table 2: = result.loss)
  std::vector<double> wbar;         ///< mu(theta_final)
  std::optional<Rrmp> rule_a;       ///< (a); nullopt if a final filter is zero or not finite
  std::optional<Rrmp> exact_float;  ///< (c); nullopt if not computed or not defined
  CertifiedLimit certified;         ///< (b)
  /// True if gradient descent stopped by its gradient criterion (not by the iteration limit or overflow).
  bool converged() const noexcept { return result.status == DescentStatus::converged; }
};

/// Counts of the certified classification (b) against rule (a) in a cell.
struct CertificationTally {
  std::size_t certified = 0;                           ///< runs with a certificate
  std::size_t agree = 0;                               ///< certified, and (b)'s rrmp equals (a)'s
  std::size_t disagree = 0;                            ///< certified, and the rrmps differ
  std::size_t uncertified = 0;                         ///< no certificate (reasons below)
  std::map<std::string, std::size_t> reasons;          ///< why not, -> runs
  std::map<std::string, std::size_t> certified_rrmps;  ///< (b)'s rrmp -> runs
  /// Among certified runs: w* is the global minimum of l on M_k / is not /
  /// undecided (the exact search was not asked for or failed).
  /// Among certified runs: w* is the global minimum of l on M_k / is not / undecided
  /// (the exact search was not asked for or failed).
  ///@{
  std::size_t global_minima = 0, not_global_minima = 0, global_minimum_undecided = 0;
  ///@}
  /// Among certified runs: theta pure / spurious (Section 5.1) / undecided
  /// (w* outside M_k).
  /// Among certified runs: theta pure / spurious (Section 5.1); the rest are undecided (w* outside M_k).
  ///@{
  std::size_t pure = 0, spurious = 0;
  ///@}
  /// Among certified runs: w* = u (the run reached the target).
  std::size_t reached_target = 0;
  /// Among certified runs: w*'s rrmp is not compatible with the architecture
  /// (Corollary 5.5 says this never happens; counted, not assumed).
  std::size_t incompatible = 0;
};

/// Mean and median of a sample (NaN when empty).
struct LossSummary {
  std::size_t count = 0;  ///< sample size
  /// Mean and median of the sample (NaN when empty).
  ///@{
  double mean = 0, median = 0;
  ///@}
};

/// One row of Table 1: converged runs of a (target, initialisation) pair with
/// rule (a)'s solution rrmp `solution`.
struct SolutionCell {
  std::string solution;  ///< rrmp by rule (a), or "unclassified"
  std::size_t runs = 0;  ///< runs in the cell
  /// Loss above the unconstrained minimum, summed and per sample (see the file comment).
  ///@{
  LossSummary loss, loss_per_sample;
  ///@}
  CertificationTally b;  ///< (a) vs (b) over the cell's converged runs
  std::map<std::string, std::size_t> exact_float;  ///< (c)'s rrmp -> runs
};

/// One initialisation class (by the rrmp of mu(theta_0)) of a target class in Table 1.
struct InitGroup {
  std::string init;  ///< rrmp of mu(theta_0)
  /// Runs, and how they ended: converged, stopped by the iteration limit, diverged (overflow).
  ///@{
  std::size_t runs = 0, converged = 0, not_converged = 0, diverged = 0;
  ///@}
  std::vector<SolutionCell> solutions;  ///< in the paper's rrmp order
};

/// One target class (by the rrmp of u) of Table 1 with its initialisation classes.
struct TargetGroup {
  std::string target;  ///< rrmp of u
  /// Runs, and how they ended: converged, stopped by the iteration limit, diverged (overflow).
  ///@{
  std::size_t runs = 0, converged = 0, not_converged = 0, diverged = 0;
  ///@}
  std::vector<InitGroup> inits;  ///< by the paper's rrmp order of mu(theta_0)
};

/// Table 1 for one architecture.
struct Table1Architecture {
  std::vector<int> filters;  ///< the architecture k = (k_1, ..., k_L)
  std::string kernel;  ///< descent_kernel_name()
  /// Datasets (one run each), and how they ended: converged, not converged, diverged.
  ///@{
  std::size_t datasets = 0, converged = 0, not_converged = 0, diverged = 0;
  ///@}
  /// rrmp of mu(theta_0) -> (all runs, converged runs), the paper's
  /// "initialization ... %" header.
  std::map<std::string, std::pair<std::size_t, std::size_t>> init_distribution;
  std::vector<TargetGroup> targets;  ///< in the paper's rrmp order
  /// (a) vs (b) over all converged runs of the architecture.
  CertificationTally b;
  /// Runs whose (c) equals (a), and converged runs with (c) computed.
  ///@{
  std::size_t exact_float_equal_rule_a = 0, exact_float_computed = 0;
  ///@}
  /// Targets / initialisations whose exact rrmp differs from rule (a)'s.
  ///@{
  std::size_t target_rule_disagreements = 0, init_rule_disagreements = 0;
  ///@}
  /// Wall time per phase: descent, classification (a)/(c), certification (b), in seconds.
  ///@{
  double descent_seconds = 0, classify_seconds = 0, exact_seconds = 0;  ///< wall time per phase
  ///@}
};

/// Options of run_table1.
struct Table1Options {
  ProtocolOptions protocol;  ///< seed, descent, classifications, threads, progress
  std::vector<std::vector<int>> architectures = paper_architectures();  ///< the architectures, each a filter-size list (default: the paper's five)
  std::size_t datasets = 10000;  ///< datasets per architecture (the paper: 10,000)
  /// Index of the first dataset: the runs are the datasets from first_dataset
  /// to first_dataset + datasets − 1 (a slice of a larger table, e.g. one unit
  /// of lcngeom-mpi; summarize_table1 of the slices' records in order gives
  /// the table of the union).
  std::size_t first_dataset = 0;
  bool keep_records = true;  ///< return every RunRecord
  /// Throws invalid_argument for bad options (see run_table1).
  void validate() const;
};

/// The result of run_table1.
struct Table1Result {
  std::vector<Table1Architecture> architectures;  ///< one summary per architecture, in the order of the options
  std::vector<RunRecord> records;  ///< architecture by architecture, dataset order
};

/// Runs Table 1.  Deterministic: the same options give the same result for
/// any number of threads.  Throws invalid_argument for bad options (zero
/// datasets, an architecture with d_0 = k < 2 or N < k, ...).
Table1Result run_table1(const Table1Options& options);

/// Summarises records of one architecture into the Table 1 shape (used by
/// run_table1; public for re-aggregating saved records).
Table1Architecture summarize_table1(const std::vector<int>& filters, const std::vector<RunRecord>& records);

/// Table 2 for one (architecture, norm).
struct Table2Cell {
  std::vector<int> filters;  ///< the architecture k = (k_1, ..., k_L)
  std::string norm;  ///< "euclidean" or "bombieri"
  /// Targets, runs (targets x inits), and how the runs ended: converged, not converged, diverged.
  ///@{
  std::size_t targets = 0, runs = 0, converged = 0, not_converged = 0, diverged = 0;
  ///@}
  std::size_t targets_without_converged_run = 0;  ///< targets none of whose runs converged
  /// number of distinct converged solutions by the paper's rule -> targets
  std::map<std::size_t, std::size_t> distinct_rule;
  /// the same counted exactly (distinct certified points, point_index),
  /// over the targets all of whose converged runs are certified
  std::map<std::size_t, std::size_t> distinct_exact;
  std::size_t targets_uncertified = 0;  ///< targets with an uncertified converged run
  std::size_t disagreements = 0;        ///< certified targets whose two counts differ
  CertificationTally b;                 ///< (a) vs (b) over converged runs
  /// Wall time of the descents and of the certification, in seconds.
  ///@{
  double descent_seconds = 0, exact_seconds = 0;
  ///@}
};

/// Options of run_table2.
struct Table2Options {
  ProtocolOptions protocol;  ///< seed, descent, classifications, threads, progress
  std::vector<std::vector<int>> architectures = paper_architectures();  ///< the architectures (default: the paper's five)
  std::size_t targets = 500;  ///< random targets U per architecture (the paper: 500)
  std::size_t inits = 50;  ///< initialisations per target (the paper: 50)
  std::vector<std::string> norms = {"euclidean", "bombieri"};  ///< the norms compared ("euclidean", "bombieri")
  bool keep_records = true;  ///< return every RunRecord
  /// Throws invalid_argument for bad options (see run_table2).
  void validate() const;
};

/// The result of run_table2.
struct Table2Result {
  std::vector<Table2Cell> cells;  ///< architecture-major, then norm
  std::vector<RunRecord> records;  ///< every run, cell by cell (when keep_records)
};

/// Runs Table 2 (deterministic as run_table1).  Throws invalid_argument for
/// zero targets or initialisations, an unknown norm, ...
Table2Result run_table2(const Table2Options& options);

/// The number of worker threads `threads` resolves to (0 = all cores, >= 1).
unsigned resolve_threads(unsigned threads) noexcept;

}  // namespace lcngeom

#endif
