// lcngeom/dynamics.hpp -- gradient-flow invariants and the neural tangent
// kernel (Section 5.2: Proposition 5.13, Corollary 5.14, eqs. 5.5, 5.6,
// Example 5.15; Section 7.3's recovery of the scale factors).
//
// Stride one, D = 1.  For theta = (w_1, ..., w_L) the quantities
//     delta_ij = ||w_i||^2 - ||w_j||^2          (Euclidean norms of the filters)
// are constant along the gradient flow of any loss L = l o mu (Prop. 5.13).
// Corollary 5.14: with delta_i = delta_{i+1,i} = ||w_{i+1}||^2 - ||w_i||^2, a
// scaling class (q_1, ..., q_L) of a fiber (fiber.hpp) and N_l = ||q_l||^2,
// the points (kappa_1 q_1, ..., kappa_L q_L), prod kappa_l = 1, with these
// invariants are given by beta_l = kappa_l^2 N_l, beta_{l+1} = beta_l + delta_l
// and eq. (5.5):
//     beta_1 (beta_1 + delta_1) ... (beta_1 + delta_1 + ... + delta_{L-1}) - H = 0,
//     H = N_1 ... N_L.
// On beta_1 > b_0 = max(0, -S_1, ..., -S_{L-1}) (S_l = delta_1 + ... + delta_l)
// the left side increases strictly from -H < 0 to infinity, so (5.5) has
// exactly ONE admissible root: each scaling class contains exactly 2^{L-1}
// such points, kappa_l = s_l sqrt(beta_l / N_l) with signs s_l = +-1,
// prod s_l = 1 -- one in each connected component of the class (this sharpens
// the "finitely many" of Corollary 5.14).
//
// Algebraic numbers are returned as RealRoot: the defining polynomial is the
// minimal polynomial over Q (primitive, irreducible, positive leading
// coefficient) and the rational isolating interval certifies which root is
// meant; RealRoot::to_decimal(d) gives d correct digits.
#ifndef LCNGEOM_DYNAMICS_HPP
#define LCNGEOM_DYNAMICS_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

/// ||w||^2 = sum w_i^2.
Rational squared_norm(const std::vector<Rational>& w);

/// delta_ij = ||w_i||^2 - ||w_j||^2 for 0-based layer indices i, j (Prop. 5.13);
/// throws invalid_argument for an index out of range.
Rational conserved_difference(const Filters& theta, std::size_t i, std::size_t j);

/// (delta_1, ..., delta_{L-1}) with delta_i = ||w_{i+1}||^2 - ||w_i||^2, the
/// invariants used in the proof of Corollary 5.14.  Empty for L = 1.
std::vector<Rational> layer_invariants(const Filters& theta);

/// The polynomial of eq. (5.5) in beta = beta_1 (ascending RatPoly):
/// beta (beta + S_1) ... (beta + S_{L-1}) - H, S_l = delta_1 + ... + delta_l.
RatPoly beta_polynomial(const std::vector<Rational>& delta, const Rational& H);

/// One point of the fiber with the prescribed invariants.
struct ScaledPoint {
  std::vector<int> signs;       ///< s_l in {+1, -1}, prod s_l = +1
  std::vector<RealRoot> kappa;  ///< kappa_l = s_l sqrt(beta_l / N_l), algebraic (minimal polynomial)
};

/// Corollary 5.14 on one rational scaling class.
struct ClassScales {
  std::size_t class_index = 0;          ///< index into fiber(arch, w).classes
  std::string notation;                 ///< FiberClass::notation, e.g. "p1q1·p1"
  Filters representative;               ///< q_1..q_L (FiberClass::exact), prod pi(q_l) = pi(w)
  std::vector<Rational> norms_squared;  ///< N_l = ||q_l||^2
  Rational H;                           ///< prod N_l
  RatPoly beta_polynomial;              ///< eq. (5.5)
  /// Every positive real root of (5.5), certified (increasing); exactly one
  /// of them is admissible (all beta_l > 0).
  std::vector<RealRoot> positive_roots;
  std::vector<RealRoot> beta;       ///< beta_1..beta_L at the unique admissible root (algebraic)
  std::vector<ScaledPoint> points;  ///< the 2^{L-1} points, signs in lexicographic order (+ before -)
};

/// The same for a class that is not rational: N_l, H and the root are only
/// known as certified enclosures.
struct ClassScalesEnclosure {
  std::size_t class_index = 0;  ///< index into fiber(arch, w).classes
  std::string notation;  ///< FiberClass::notation
  std::vector<Ball> norms_squared;  ///< N_l
  std::vector<Ball> beta;           ///< beta_1..beta_L
  std::vector<Ball> abs_kappa;      ///< |kappa_l| = sqrt(beta_l / N_l); signs as for rational classes
};

/// Corollary 5.14 for every scaling class of a fiber (recover_scale).
struct ScaleRecovery {
  std::vector<Rational> delta;                 ///< layer_invariants(init)
  std::vector<ClassScales> classes;            ///< rational classes, exact
  std::vector<ClassScalesEnclosure> enclosed;  ///< the other classes, certified at `prec` bits
};

/// All parameters theta' in mu^{-1}(limit) with layer_invariants(theta') =
/// layer_invariants(init) (Corollary 5.14): for every scaling class of the
/// fiber, the unique admissible root of (5.5) and the 2^{L-1} sign choices.
/// Example (Section 7.3): k = (4, 2), init ([1,6,11,6], [4,1]), limit
/// [2,0,5,0,0]: one class q = ([2,0,5,0], [1,0]), delta_1 = -177,
/// beta_1^2 - 177 beta_1 - 29 = 0, kappa_2 = +-sqrt((sqrt(31445) - 177)/2) with
/// minimal polynomial t^4 + 177 t^2 - 29 (and kappa_1 = 1/kappa_2).
/// `init` is any parameter of the architecture (it need not lie over
/// `limit`); only its invariants enter.  Classes with irrational factors are
/// solved in Ball arithmetic at `prec` bits (the root of (5.5) is bracketed by
/// certified sign changes).  Throws as fiber() does (domain_error for
/// limit = 0), invalid_argument if init does not fit the architecture.
ScaleRecovery recover_scales(const Architecture& arch, const Filters& init, const BinaryForm& limit, long prec = 128);

/// The neural tangent kernel K(theta) = J J^T of eq. (5.6), J = jacobian(arch, theta).
RatMatrix neural_tangent_kernel(const Architecture& arch, const Filters& theta);

/// K_l = J_l J_l^T, J_l the columns of J for layer l (so K = sum_l K_l).  Under
/// theta -> (kappa_1 w_1, ..., kappa_L w_L) with prod kappa_l = 1, J_l scales by
/// 1 / kappa_l, hence K = sum_l kappa_l^{-2} K_l: Example 5.15's
/// K(gamma) = gamma^{-2} K_B + gamma^2 K_A for L = 2 (K_B = K_1, K_A = K_2).
std::vector<RatMatrix> neural_tangent_kernel_terms(const Architecture& arch, const Filters& theta);

/// Example 5.15 for any L: the kernel at the dynamically reachable point of the
/// scaling class of `representative` with invariants `delta`,
///     K = sum_l c_l K_l(representative),   c_l = kappa_l^{-2} = N_l / beta_l,
/// which depends only on mu(representative), the class and delta.
struct KernelFromInvariants {
  std::vector<RatMatrix> terms;   ///< K_l(representative)
  std::vector<RealRoot> weights;  ///< c_l, algebraic (exact rationals when the root of (5.5) is rational)
  /// Certified entries of K (each a Ball at `prec` bits).
  std::vector<std::vector<Ball>> evaluate(long prec) const;
};
/// Throws invalid_argument if delta has the wrong length or a filter of the
/// representative is zero.
KernelFromInvariants kernel_from_invariants(const Architecture& arch, const Filters& representative,
                                            const std::vector<Rational>& delta);

}  // namespace lcngeom

#endif
