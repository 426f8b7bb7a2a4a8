// lcngeom/parameter_critical.hpp -- critical points of the square loss in
// parameter space (Section 5.1: Proposition 5.1, Theorems 5.2, 5.3, the
// pure/spurious distinction, Appendix A).
//
// Setting (stride one, D = 1).  Filters theta = (w_1, ..., w_L), end-to-end
// filter w = mu(theta) (parameterization.hpp), a target filter u of the same
// size k and an inner product Sigma on R^k = R[x,y]_{k-1} (an InnerProduct,
// inner_product.hpp: symmetric positive definite, rational).  Every function
// below throws invalid_argument if sigma.degree() differs from the degree of
// the forms it is applied to.  The loss is the square loss of eq. (6.3),
//     l(w) = (w - u)^T Sigma (w - u),       L = l o mu,
// whose parameter gradient is grad L(theta) = 2 J^T Sigma (mu(theta) - u) with
// J = jacobian(arch, theta) (Appendix A, Prop. A.1).  Everything here is exact
// over Q.
//
// Function space M = M_k (Lemma 4.2, function_space.hpp: form_region): the
// forms with at least e real roots, e = number of even filter sizes; M is
// closed, its Euclidean boundary is empty for e <= 1 (filling, Theorem 4.1)
// and otherwise consists of the zero form and the forms whose rrmp (rho|gamma)
// has sum rho >= e and at most e - 2 odd rho_i (Proposition 4.4).
//
// Pure / spurious (Section 5.1, following [35]).  A critical theta is pure if
// mu(theta) is a critical point of l restricted to M, spurious otherwise.
// Since M is full-dimensional but not smooth, "critical for l|M" is taken in
// the stratified sense, which is the rule this library implements:
//   * w = mu(theta) in the interior of M (always, if the architecture is
//     filling): critical iff dl(w) = 0, i.e. iff w = u;
//   * w on the Euclidean boundary of M: critical iff dl(w) vanishes on the
//     tangent space of the stratum of the boundary through w.  Boundary
//     membership depends only on the rrmp (Prop. 4.4), and the set of forms
//     with the rrmp of w is, near w != 0, an open piece of Delta_lambda
//     (lambda = root pattern of w), whose tangent space is eq. (5.3); the
//     stratum of w = 0 is {0}, where the condition is empty.
// By Theorem 5.2 every critical theta with mu(theta) on the boundary is
// therefore pure; the spurious critical points are exactly those with
// mu(theta) != u in the interior of M (as in Section 7.3: "critical points in
// parameter space, but they do not lie on the Euclidean boundary of M_k.
// Hence, they are spurious").  The code does not use Theorem 5.2 to decide:
// it evaluates the tangent condition, so the theorem stays testable.
#ifndef LCNGEOM_PARAMETER_CRITICAL_HPP
#define LCNGEOM_PARAMETER_CRITICAL_HPP

#include <optional>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/function_space_minimum.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// An answer that may be out of reach of the exact algorithm: `undecided` is
/// returned (never a guess) when deciding would need more than the code does.
enum class Decision { no, yes, undecided };
/// "no", "yes" or "undecided".
std::string to_string(Decision d);

/// l(mu(theta)) = (mu(theta) - u)^T Sigma (mu(theta) - u), exact.
Rational square_loss(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                     const InnerProduct& sigma);

/// grad L(theta) = 2 J^T Sigma (mu(theta) - u) in the column order of
/// jacobian() (w_{1,0}, ..., w_{1,k_1-1}, w_{2,0}, ...), exact.
std::vector<Rational> square_loss_gradient(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                                           const InnerProduct& sigma);

/// The Hessian of L = l o mu at theta (exact, in jacobian() column order):
///   2 J^T Sigma J + 2 sum_i s_i Hess(mu_i),   s = Sigma (mu(theta) - u),
/// where Hess(mu_i) has zero diagonal layer blocks (mu is multilinear) and
/// entry ((l, a), (m, b)), l != m, equal to the coefficient of x^{k-1-i} y^i in
/// x^.. y^a * x^.. y^b * prod_{o != l, m} pi(w_o) (a shifted product).
RatMatrix square_loss_hessian(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                              const InnerProduct& sigma);

/// Inertia of a symmetric rational matrix: numbers of positive, negative and
/// zero eigenvalues, exact (characteristic polynomial over Q and Descartes'
/// rule of signs, which is exact because all eigenvalues are real).  Throws
/// invalid_argument unless the matrix is square and symmetric.
struct Inertia {
  /// Numbers of positive, negative and zero eigenvalues (with multiplicity).
  ///@{
  int positive = 0, negative = 0, zero = 0;
  ///@}
};
/// The Inertia of a symmetric rational matrix, exact (see Inertia).
Inertia inertia(const RatMatrix& symmetric);

/// True if w != 0 is a critical point of l = ||. - u||^2_Sigma restricted to
/// Delta_lambda, lambda = root_pattern(w): Sigma (w - u) is orthogonal
/// (coefficient-wise) to the exact tangent space of eq. (5.3).  Throws
/// domain_error for w = 0, invalid_argument on size mismatches.
bool is_critical_on_locus(const BinaryForm& w, const BinaryForm& target, const InnerProduct& sigma);

/// The targets for which theta is critical (proof of Theorem 5.4): theta is
/// critical for ||mu(theta) - u||^2_Sigma iff u - mu(theta) lies in
/// Im(dmu(theta))^{perp_Sigma} = {v : J^T Sigma v = 0}.  Returns a basis of that
/// space as the columns of a k x m matrix (m = k - rank J; m = 0: only u =
/// mu(theta)).  Exact.  Throws as classify_parameter() does.
RatMatrix critical_target_directions(const Architecture& arch, const Filters& theta, const InnerProduct& sigma);

/// The same for a multiple root locus: w != 0 is critical for ||. - u||^2_Sigma
/// restricted to Delta_lambda (lambda = root_pattern(w)) iff u - w lies in
/// (T_w Delta_lambda)^{perp_Sigma}, T from eq. (5.3).  Basis as columns
/// (k x (k - r - 1), r the number of distinct roots).  Throws domain_error for
/// w = 0.
RatMatrix locus_normal_directions(const BinaryForm& w, const InnerProduct& sigma);

/// Everything Section 5.1 says about a parameter theta.
struct ParameterClassification {
  BinaryForm end_to_end;           ///< w = mu(theta)
  Rational loss;                   ///< l(w)
  std::vector<Rational> gradient;  ///< grad L(theta), exact
  bool critical = false;           ///< gradient == 0 exactly
  /// theta is a global minimum of L, i.e. l(w) = min_M l (mu maps onto M):
  ///   no  if theta is not critical, or u lies in M and w != u (min L = 0 <
  ///       L(theta)), or the Hessian has a negative eigenvalue, or the exact
  ///       search of function_space_minimum.hpp finds a point of M with
  ///       smaller loss;
  ///   yes if w = u, or the search is complete and l(w) equals its minimum;
  ///   undecided if the search was switched off or the degree exceeds
  ///       ClassifyOptions::max_search_degree, or some
  ///       Delta_lambda is out of reach of the locus solver and no smaller
  ///       value was found (global_minimum_reason names the lambda).
  Decision global_minimum = Decision::undecided;
  std::string global_minimum_reason;  ///< one line: why yes / no / undecided
  /// False only for a `yes` that rests on a search whose completeness is
  /// probabilistic (FunctionSpaceMinimum::completeness_proven, from form
  /// degree 6 on): no point of smaller loss exists unless the modular lifting
  /// missed a real critical point.  Every `no` is proven (a genuine point of M
  /// with smaller loss, or a negative Hessian eigenvalue).
  bool global_minimum_proven = true;
  /// The search result when it was run (theta critical, not a saddle, w != u, u outside M).
  std::optional<FunctionSpaceMinimum> function_space_minimum;
  /// theta is a local minimum of L: no if the Hessian has a negative
  /// eigenvalue (or theta is not critical); yes if it has none and its kernel
  /// has dimension L - 1 with all filters nonzero -- the tangent space of the
  /// scaling class through theta, along which L is constant, so theta lies on
  /// a Morse-Bott minimum manifold; yes if theta is a global minimum; undecided
  /// otherwise (degenerate).
  Decision local_minimum = Decision::undecided;
  Inertia hessian_inertia;                    ///< of square_loss_hessian()
  bool pure = false;                          ///< critical and w critical for l|M (rule in the header comment)
  bool spurious = false;                      ///< critical and not pure
  Region position = Region::interior;         ///< of w (form_region, Lemma 4.2 / Prop. 4.4)
  Region target_position = Region::interior;  ///< of u
  std::optional<Rrmp> rrmp;                   ///< of w (none for w = 0)
  std::optional<Partition> lambda;            ///< root pattern of w (none for w = 0)
  /// Theorem 5.2's conclusion evaluated exactly: w critical for l|Delta_lambda
  /// (none for w = 0).
  std::optional<bool> critical_on_locus;
  /// Theorem 5.3's hypothesis, per filter: pi(w_i) has a repeated root in P^1
  /// (a zero filter counts as having one).
  std::vector<bool> repeated_root;
  /// Proposition 5.1's second alternative fails, i.e. gcd(pi(w_i), pi(w_j)) = 1
  /// for all i != j (differential_is_surjective: a zero filter shares every
  /// factor of positive degree).  Equivalent to rank J = k (Prop. 5.11).
  bool pairwise_coprime = false;
  long jacobian_rank = 0;  ///< exact rank of J
};

/// Classifies theta for the square loss with target u (a form of degree k - 1)
/// and an inner product on forms of degree k - 1 (InnerProduct, whose
/// constructor has already checked that Sigma is symmetric positive definite).
/// Throws invalid_argument for mismatched sizes (filters, target, or
/// sigma.degree() != k - 1, naming both), not_supported for strides != 1 or D > 1.
struct ClassifyOptions {
  /// Run minimum_on_function_space() when the cheap rules leave the global
  /// minimum open.  It solves every Delta_lambda of degree n = k - 1: well
  /// under a second for n <= 5, seconds for n = 6 (the modular lifting,
  /// completeness probabilistic), minutes from n = 7; so by default only for
  /// n <= max_search_degree (otherwise undecided, with that reason).
  bool decide_global_minimum = true;
  int max_search_degree = 6;  ///< the largest n = k - 1 for which the exact global-minimum search runs
  /// How the search solves each locus (FunctionSpaceMinimumOptions::method).
  CriticalMethod search_method = CriticalMethod::automatic;
};
/// Classifies theta for the square loss ||mu(theta) - u||^2_Sigma with target u (a form of
/// degree k - 1) and an inner product on forms of degree k - 1 (Section 5: critical point,
/// pure or spurious, global minimum), exact.  Throws invalid_argument for mismatched sizes
/// (filters, target, or sigma.degree() != k - 1, naming both), not_supported for strides != 1 or D > 1.
ParameterClassification classify_parameter(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                                           const InnerProduct& sigma, const ClassifyOptions& options = {});

}  // namespace lcngeom

#endif
