// lcngeom/limit_certificate.hpp -- which exact critical point did a
// gradient-descent run converge to?  (Section 7, Theorem 5.2.)
//
// INTERFACE CONTRACT (issue 10, item 3b).  The experiments layer (gradient
// descent, lib/experiments) calls this; the implementation lives in
// lib/critical/limit_certificate.cpp.  Until that implementation lands every
// call returns certified = false with reason "not implemented".
//
// Problem.  A run of gradient descent on L(theta) = l(mu(theta)),
// l(w) = ||w - u||^2_Sigma (eq. 6.1, Sigma = XX^T, u = YX^T (XX^T)^{-1}, both
// exact rationals: the data are doubles, hence dyadic), stops at theta_final.
// By Theorem 5.2 a critical theta maps to a critical point of l restricted to
// the multiple root locus Delta_lambda of its root pattern lambda.  The
// certificate names the exact critical point w* the run approximates: w* is
// a critical point of l on Delta_lambda with root pattern exactly lambda, and
// there is a radius r > 0 such that w* is the only critical point of l on
// every multiple root locus Delta_lambda' (all partitions lambda' of n,
// including (1,...,1), whose critical point is u) within distance r of
// mu(theta_final), and ||mu(theta_final) - w*|| < r / 3.  Distances are the
// Euclidean norm of coefficient vectors (a_0, ..., a_n) unless the
// implementation documents otherwise.  When no certificate can be made the
// result says so (certified = false) and why; it never guesses.
#ifndef LCNGEOM_LIMIT_CERTIFICATE_HPP
#define LCNGEOM_LIMIT_CERTIFICATE_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

struct LimitCertificateOptions {
  /// Working precision of certified enclosures, in bits.
  long precision = 128;
  /// Seeds any randomised step of the exact solver (results do not depend on it).
  std::uint64_t seed = 1;
  /// Also decide whether w* is the global minimum of l on the function space
  /// M_k (function_space_minimum.hpp), and whether theta is pure or spurious
  /// (Section 5.1).  Off saves time when only the point is wanted.
  bool decide_global_minimum = true;
  bool decide_pure = true;
};

/// The certified limit of one run.
struct CertifiedLimit {
  bool certified = false;
  /// Why no certificate could be made (empty when certified).
  std::string reason;
  /// The root pattern of w* (w* lies on Delta_lambda with pattern exactly lambda).
  Partition lambda;
  /// The exact rrmp of w*.
  Rrmp rrmp;
  /// w* itself when it is rational.
  std::optional<BinaryForm> exact_point;
  /// Enclosures of the coefficients a_0..a_n of w* (radius 0 where exact).
  std::vector<Ball> point;
  /// l(w*) = ||w* - u||^2_Sigma, certified (radius 0 when exact).
  Ball loss;
  std::optional<Rational> loss_exact;
  /// The radius r of the contract above, and an upper bound on
  /// ||mu(theta_final) - w*|| (certified < r / 3).
  Rational radius;
  Rational distance_bound;
  /// w* is the global minimum of l on M_k (nullopt: undecided or not asked).
  std::optional<bool> global_minimum;
  /// theta is a pure critical point (mu(theta) is critical for l on M_k's
  /// smooth locus in the sense of Section 5.1) rather than spurious (nullopt:
  /// undecided or not asked).
  std::optional<bool> pure;
  /// Identifies w* among the critical points this certifier knows for its
  /// (u, Sigma): two certified limits of one LimitCertifier are the same
  /// point iff their point_index is equal.
  std::size_t point_index = 0;
};

/// Certifies limits of runs on one dataset (u, Sigma) and one architecture.
/// Construction may do the expensive exact work once (e.g. solve l on every
/// Delta_lambda); certify() is then cheap, const and thread-safe, so one
/// certifier serves every initialisation of a dataset (Table 2 reuses it for
/// 50 initialisations).
class LimitCertifier {
 public:
  /// Throws invalid_argument if the architecture is not 1-D stride one, or the
  /// degrees of target, inner product and architecture (k - 1) differ.
  LimitCertifier(const Architecture& arch, const BinaryForm& target, const InnerProduct& sigma,
                 const LimitCertificateOptions& options = {});
  ~LimitCertifier();
  LimitCertifier(LimitCertifier&&) noexcept;
  LimitCertifier& operator=(LimitCertifier&&) noexcept;

  /// The certificate for the final filters of a run (exact rationals, e.g.
  /// the doubles of a float run read exactly).  Throws invalid_argument if
  /// the filter sizes do not match the architecture.
  CertifiedLimit certify(const Filters& theta_final) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lcngeom

#endif
