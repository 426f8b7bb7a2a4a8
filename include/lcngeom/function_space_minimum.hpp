// lcngeom/function_space_minimum.hpp -- the global minimum of the square loss
// l(w) = ||w - u||^2_Sigma on the function space M of a stride-one 1-D LCN,
// exactly (Sections 4, 5.1, 6, 7.3).
//
// Why a finite search decides it.  M = M_k is closed and is the union of {0}
// and the real rrmp strata {w : rrmp(w) = (rho|gamma)} with sum rho >= e,
// e = number of even filter sizes (Lemma 4.2, Prop. 4.4; function_space.hpp:
// rrmp_in_function_space).  l is coercive, so min_M l is attained at some w*.
// Either w* = 0, or w* lies in the stratum of its own rrmp, an open subset of
// the real points of Delta_lambda with root pattern exactly lambda
// (lambda = root pattern of w*), and minimises l there; so w* is a real
// critical point of l on the smooth part of Delta_lambda -- one of the points
// critical_points(lambda, u, Sigma) returns.  Hence
//     min_M l = min( l(0),  l(p) for every real critical point p of every
//                   Delta_lambda, |lambda| = k - 1, with rrmp(p) in M ).
// If u is in M the minimum is 0, attained only at u, and nothing is solved.
// Otherwise the finest partition (1,...,1) is skipped (its only critical
// point is u itself), as is every lambda none of whose real rrmps lies in M.
//
// Exactness.  Each candidate value is a real algebraic number (AlgebraicReal,
// algebraic_real.hpp): rational points have rational distances; for an
// irrational point of a Galois orbit Q(zeta) = Q[z]/(f) the distance
// N(zeta)/D(zeta)^2 has as minimal polynomial the square-free part of the
// characteristic polynomial of multiplication by N/D^2 in Q(zeta) (a power of
// the minimal polynomial, f being irreducible), and is isolated among that
// polynomial's real roots.  All comparisons -- between candidates, and with a
// rational loss -- are therefore exact (refinement of isolating intervals
// always terminates on distinct values; equal values are recognised
// algebraically), so the minimum, the set of minimisers and compare_minimum()
// are certified, never approximate.  Decimals are made only when printing
// (decimal.hpp).
//
// Proven and probabilistic.  Every candidate is a genuine point of M and its
// distance is exact, so `value` is always an exact upper bound for min_M l.
// It equals min_M l if no real critical point was missed: proven when every
// locus was solved by resultants over Q (completeness_proven), probabilistic
// when some locus went through the lifted modular engine (critical_points.hpp:
// a point is missed only if every prime of the lifting is bad).  From degree 6
// on this is unavoidable: Delta(2,2,2) (3 root coordinates) lies in every
// non-filling M and only the lifting solves it.  The automatic method
// therefore lifts every locus once one locus needs it -- the answer is
// probabilistic anyway, and the lifting is 20-60 times faster than resultants
// on Delta(3,2,1) (seconds instead of minutes) -- and uses resultants
// everywhere (proven) otherwise, i.e. for every form degree <= 5.
//
// Limits: those of critical_points() -- partitions needing four or more
// repeated-root coordinates in a cell (e.g. (2,2,2,2) at degree 8), and
// targets with a positive-dimensional critical set on some Delta_lambda (e.g.
// an O(2)-invariant target with the Bombieri product), are not_supported.
// Such a lambda is recorded in `unsupported` and the result is then only an
// upper bound (complete = false).
//
// Cost (automatic method, 2 cores shared, small integer targets): milliseconds
// for k - 1 <= 4, under a second for k - 1 = 5, 3-15 seconds for k - 1 = 6
// (docs/user-guide.md has the measured table); minutes from k - 1 = 7.
//
// Example (Section 7.3):
//   auto m = lcngeom::minimum_on_function_space(lcngeom::Architecture({4, 2}),
//               lcngeom::BinaryForm{2, 0, 5, 0, 2}, lcngeom::InnerProduct::euclidean(4));
//   // m.value == lcngeom::Rational(4), minimisers 2x^4 + 5x^2y^2 and 5x^2y^2 + 2y^4 (lambda = (2,1,1))
#ifndef LCNGEOM_FUNCTION_SPACE_MINIMUM_HPP
#define LCNGEOM_FUNCTION_SPACE_MINIMUM_HPP

#include <optional>
#include <string>
#include <vector>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/progress.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// A point of M competing for the minimum: the zero form, the target (when it
/// lies in M) or a real critical point of l on a stratum of M.
struct FunctionSpaceCandidate {
  std::optional<Partition> lambda;          ///< root pattern (nullopt for the zero form)
  std::optional<Rrmp> rrmp;                 ///< exact (nullopt for the zero form)
  std::vector<AlgebraicReal> coefficients;  ///< w_0, ..., w_n, exact
  std::optional<BinaryForm> exact;          ///< the point, if rational
  AlgebraicReal distance_squared;           ///< ||w - u||^2_Sigma, exact
};

/// The exact global minimum of l(w) = ||w - u||^2_Sigma over the function space M_k
/// (minimum_on_function_space).
struct FunctionSpaceMinimum {
  BinaryForm target;  ///< the target u
  Region target_position = Region::interior;  ///< of u (form_region)
  /// False if some lambda was not_supported: the minimum below is then only
  /// over the candidates found, an upper bound for min_M l.
  bool complete = true;
  std::vector<std::string> unsupported;  ///< "(2,2,2): <solver message>"
  /// The minimum value, exact (value.is_rational() / value.rational() when rational).
  AlgebraicReal value;
  /// Every candidate attaining the minimum (exact ties), by coefficients.
  std::vector<FunctionSpaceCandidate> minimisers;
  /// Every candidate considered (zero form first, then by increasing distance).
  std::vector<FunctionSpaceCandidate> candidates;
  std::vector<Partition> searched;  ///< loci whose critical points were computed
  std::vector<Partition> skipped;   ///< (1,...,1) and loci with no real rrmp in M
  /// True if every searched locus was solved by resultants over Q: then a
  /// complete result is min_M l, proven.  False if some locus went through
  /// the lifted modular engine (see `lifted`): the candidates are still exact
  /// points of M, but that none was missed is probabilistic (file comment).
  bool completeness_proven = true;
  std::vector<Partition> lifted;  ///< searched loci solved by the modular lifting
  int lifting_primes = 0;         ///< 62-bit primes used by those liftings, in total
};

/// min over M of ||w - u||^2_Sigma for a 1-D stride-one architecture (see the
/// file comment), exact.  Throws invalid_argument if deg u != k - 1 or
/// sigma.degree() != k - 1 (both named), not_supported for strides != 1 or
/// D > 1.  A lambda the critical-point solver does not support does not
/// throw: see `complete`.
FunctionSpaceMinimum minimum_on_function_space(const Architecture& arch, const BinaryForm& target,
                                               const InnerProduct& sigma);

/// Options of minimum_on_function_space.
struct FunctionSpaceMinimumOptions {
  /// If set, reports the loci searched (progress.hpp): phase "critical points
  /// on the loci of <arch>", done = loci finished of those searched; the item
  /// is the critical-point solver's current stage on the locus in progress.
  ProgressCallback progress = nullptr;
  /// How each Delta_lambda is solved.  automatic: resultants over Q for every
  /// locus if none needs more than 2 root coordinates in a cell (every form
  /// degree <= 5: completeness proven), otherwise the modular lifting for
  /// every locus (degree >= 6: probabilistic in any case, and far faster);
  /// a locus whose lifting is not_supported is retried with resultants when
  /// it has at most 2 coordinates.  resultants: resultants only (loci of 3
  /// coordinates are then unsupported and the result incomplete).  modular:
  /// the lifting for every locus.
  CriticalMethod method = CriticalMethod::automatic;
};

/// minimum_on_function_space with options (progress reports); the same result.
FunctionSpaceMinimum minimum_on_function_space(const Architecture& arch, const BinaryForm& target,
                                               const InnerProduct& sigma, const FunctionSpaceMinimumOptions& options);

/// sign(min - c) for a rational c, exact: -1, 0 or 1 (for an incomplete
/// result this compares the upper bound).
int compare_minimum(const FunctionSpaceMinimum& m, const Rational& c);

}  // namespace lcngeom

#endif
