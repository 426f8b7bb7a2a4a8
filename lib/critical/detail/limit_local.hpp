// lcngeom/detail/limit_local.hpp -- the local, certified part of
// limit_certificate.hpp (internal): which critical point of
// l(w) = ||w - u||^2_Sigma on the multiple root loci lies near a given form
// w_f = mu(theta_final), proven with ball arithmetic (Arb).  The argument is
// written out in the public header and in docs/limit-certificates.md.
#ifndef LCNGEOM_DETAIL_LIMIT_LOCAL_HPP
#define LCNGEOM_DETAIL_LIMIT_LOCAL_HPP

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom::detail {

struct LimitChart;

/// The exact data (u, Sigma) of one dataset and its charts, shared by every
/// certification of that dataset.  Thread-safe after construction.
class LimitProblem {
 public:
  LimitProblem(const BinaryForm& target, const InnerProduct& sigma);
  ~LimitProblem();
  LimitProblem(const LimitProblem&) = delete;
  LimitProblem& operator=(const LimitProblem&) = delete;

  int degree() const noexcept { return n_; }
  const std::vector<Rational>& target() const noexcept { return u_; }
  const RatMatrix& sigma() const noexcept { return sigma_; }
  /// The chart t -> (t : b_i t + 1) for the i-th candidate b (computed once, lazily).
  const LimitChart& chart(std::size_t i) const;
  static const std::vector<Rational>& chart_parameters();

 private:
  int n_;
  std::vector<Rational> u_;
  RatMatrix sigma_;
  std::vector<Ball> u_b_, sigma_b_;  // enclosures (256 bits)
  mutable std::vector<std::unique_ptr<LimitChart>> charts_;
  mutable std::vector<std::once_flag> once_;
};

/// The outcome of the local certification of one w_f.
struct LocalCertificate {
  bool certified = false;
  std::string reason;  ///< why not (empty when certified)
  Partition lambda;
  Rrmp rrmp;
  /// w* = u exactly (u lies in the certified ball; u is then the point).
  bool is_target = false;
  /// Enclosure of w* in the paper's coefficient order a_0..a_n.
  std::vector<Ball> point;
  /// A double approximation of w* (for rational reconstruction).
  std::vector<double> approximation;
  Ball loss;
  Rational radius, distance_bound;
  /// w* is a strict local minimum (true) / not a local minimum (false) of l on
  /// Delta_lambda, from the certified Hessian of l o psi; nullopt: undecided
  /// (and for w* = u).
  std::optional<bool> local_minimum_on_stratum;
  /// Diagnostics: the chart parameter q (rotation by 2 arctan q), and the distance ||w_f - w~|| (double)
  /// of every candidate pattern tried.
  Rational chart;
  std::vector<std::string> candidates;
};

/// Certifies the critical point near w_f (coefficients a_0..a_n, exact).
/// `precision` is the Arb working precision in bits.
LocalCertificate certify_near(const LimitProblem& problem, const std::vector<Rational>& wf, long precision);

}  // namespace lcngeom::detail

#endif
