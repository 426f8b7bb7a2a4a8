// lcngeom/linear_factor_critical.hpp -- exact critical points of the
// parameter-space loss of a two-layer LCN with a linear filter (Example 5.10:
// spurious critical points in parameter space).
//
// Example (Example 5.10):
//   auto r = lcngeom::linear_factor_critical_points(lcngeom::Architecture({2, 3}),
//               lcngeom::BinaryForm::parse("(x+y)(x^2+y^2/10)"), lcngeom::InnerProduct::euclidean(3));
//   // r.complex_count == 10: 3 global (1 real), 7 spurious (3 real)
#ifndef LCNGEOM_LINEAR_FACTOR_CRITICAL_HPP
#define LCNGEOM_LINEAR_FACTOR_CRITICAL_HPP

#include <cstddef>
#include <optional>
#include <vector>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/rat_poly.hpp"

namespace lcngeom {

/// A critical point of the parameter-space loss L(q1, q2) = ||q1 q2 - u||^2_Sigma
/// of a two-layer LCN whose first or second filter has size 2 (q1 linear),
/// modulo the rescaling (q1, q2) ~ (t q1, q2 / t).  Chart: q1 = x + a y
/// (parameters (a, h_0..h_c)) or, for q1 = y, q1 = s x + y (parameters
/// (s, h_0..h_c) at s = 0).
struct LinearFactorCriticalPoint {
  std::size_t orbit = 0;  ///< index into LinearFactorCriticalSet::orbits (the minimal polynomial of its chart coordinate)
  bool real = false;  ///< the point is real
  bool global = false;                      ///< q1 q2 = u (loss 0); otherwise spurious
  bool chart_at_infinity = false;           ///< q1 = y
  std::vector<AlgebraicReal> parameters;    ///< exact (real points only; empty for complex ones)
  std::optional<AlgebraicReal> loss;        ///< exact (real points only)
  /// Real points: the Hessian of L in the chart is positive definite
  /// (all leading principal minors > 0, certified); nullopt for complex points.
  std::optional<bool> hessian_positive_definite;
  std::vector<int> hessian_minor_signs;  ///< signs of the leading principal minors (real points)
};

/// All critical points of L(q1, q2) = ||q1 q2 - u||^2_Sigma (see LinearFactorCriticalPoint),
/// counted over C and over R, split into global (q1 q2 = u) and spurious ones (Example 5.10).
struct LinearFactorCriticalSet {
  Architecture architecture{std::vector<int>{2, 2}};  ///< the two-layer architecture, one filter of size 2
  /// Distinct critical points over C and over R (modulo the rescaling).
  ///@{
  int complex_count = 0, real_count = 0;
  ///@}
  /// Of those: global (loss 0, over C / over R) and spurious (over C / over R).
  ///@{
  int global_count = 0, global_real = 0, spurious_count = 0, spurious_real = 0;
  ///@}
  std::vector<RatPoly> orbits;                    ///< minimal polynomials of the chart coordinate
  std::vector<LinearFactorCriticalPoint> points;  ///< every critical point (complex ones without values)
};

/// Critical points of L = ||mu(theta) - u||^2_Sigma for a stride-one
/// two-layer architecture k = (2, k2) or (k1, 2): since the linear filter q1
/// can be normalized, they are the critical points of the reduced function
/// D(q1) = min_{q2} ||q1 q2 - u||^2 on P^1, found exactly from the numerator
/// of its derivative (a binary form of degree 4c + 2, c = deg q2).  Roots
/// where the Gram matrix of q1 R_c is singular are checked separately (a
/// consistent system there means a positive-dimensional critical set:
/// not_supported).  Throws not_supported for other architectures.
LinearFactorCriticalSet linear_factor_critical_points(const Architecture& arch, const BinaryForm& target,
                                                      const InnerProduct& sigma);

}  // namespace lcngeom

#endif
