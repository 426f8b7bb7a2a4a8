// lcngeom/detail/modular_lift.hpp -- lifting the modular engine's rational
// univariate representations (detail/modular_solver.hpp) to Q: random 62-bit
// primes with one fixed separating form, Chinese remaindering and rational
// reconstruction until a candidate is confirmed by one more prime.  The
// candidate is *not* proven here: critical_points.cpp verifies it exactly in
// every number field Q[z]/(f) of its factors and asks for more primes if
// the verification fails.
#ifndef LCNGEOM_DETAIL_MODULAR_LIFT_HPP
#define LCNGEOM_DETAIL_MODULAR_LIFT_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

/// A candidate RUR over Q of one cell's critical points: T monic and
/// square-free in z = sum_i linear_form[i] v_i, and the point above a root
/// zeta of T has v_i = numerators[i](zeta) / T'(zeta) (Kronecker form: its
/// heights are smaller than those of v_i mod T); numerators[dim + k] gives
/// the coefficient h_k of the free factor the same way (k = 0..c_1), then
/// numerators[dim + c_1 + 1 + i] the coefficient w_i of the point w = h G
/// (i = 0..n) and the last one the distance ||w - u||^2_Sigma: products of
/// coordinates reduced mod T over Q have heights about deg T times larger,
/// their Kronecker forms do not.  `confirmed_prime`
/// is a prime at which this candidate reduces to the engine's solution, all of
/// whose nondegeneracy conditions hold (units mod p are nonzero over Q).
struct LiftedCell {
  RatPoly T;
  std::vector<RatPoly> numerators;
  std::vector<long> linear_form;
  std::uint64_t confirmed_prime = 0;
  /// 0: z = sum_i linear_form[i] v_i, as above.  k >= 2 (a pure power
  /// Delta(k^m) lifted from the power engine, LiftSource::power): T is in
  /// t = z^k with z = sum_i linear_form[i] g_i over w = g^k; on the top cell
  /// g = g_0 P, so t = h (l_0 + sum_i l_{i+1} v_i)^k with h = g_0^k.
  int power = 0;
  int primes = 0;      ///< primes combined so far
  int bad_primes = 0;  ///< primes discarded (a different count, or no separation)
};

/// Thrown by a CellLifter on LiftSource::power when a prime finds critical
/// points with g_0 = 0 (a root at (1:0)): the caller changes coordinates
/// (critical_points.cpp) and lifts again.
struct PowerPointsAtInfinity : not_supported {
  using not_supported::not_supported;
};

/// Which modular engine a CellLifter lifts.
enum class LiftSource {
  cell,  ///< solve_cell_modp (detail/modular_solver.hpp), one cell
  /// power_locus_rur_modp (detail/modular_solver4.hpp): the top cell of a
  /// pure power Delta(k^m); throws PowerPointsAtInfinity if a prime finds
  /// critical points on the other cell (P(1:0) = 0), which it does not lift.
  power
};

class CellLifter {
 public:
  /// The problem ||w - u||^2_Sigma on one cell of dimension >= 1; `seed`
  /// drives the primes and the separating form.
  CellLifter(const CriticalStructure& s, const Cell& cell, const RatMatrix& sigma, std::vector<Rational> u,
             std::uint64_t seed, LiftSource source = LiftSource::cell);
  ~CellLifter();
  CellLifter(const CellLifter&) = delete;
  CellLifter& operator=(const CellLifter&) = delete;

  /// The next candidate: more primes are combined on each call until the
  /// reconstruction is confirmed by a further prime.  Throws not_supported
  /// when `max_primes` primes never give a confirmed candidate or the
  /// projections never separate the points.
  LiftedCell next(const std::function<void(const std::string&)>& progress, int max_primes = 4000);

 private:
  struct State;
  std::unique_ptr<State> st_;
};

}  // namespace lcngeom::detail

#endif
