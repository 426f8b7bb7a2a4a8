// lcngeom/limit_certificate.hpp -- which exact critical point did a
// gradient-descent run converge to?  (Section 7, Theorem 5.2.)
//
// INTERFACE CONTRACT (issue 10, item 3b).  The experiments layer (gradient
// descent, lib/experiments) calls this; the implementation lives in
// lib/critical/limit_certificate.cpp and lib/critical/limit_local.cpp.
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
// Euclidean norm of coefficient vectors (a_0, ..., a_n).  "A critical point
// of l on Delta_lambda'" means a point of root pattern exactly lambda' (a
// smooth point, eq. 5.3) at which Sigma (w - u) is orthogonal to the tangent
// space -- the points critical_points() returns.  When no certificate can be
// made the result says so (certified = false) and why; it never guesses.
//
// THE PROOF (docs/limit-certificates.md has the long version).  Write
// w_f = mu(theta_final) (exact), B = {w : ||w - w_f|| <= r}, and for a form w
// f_w(t) = w(t, b t + 1), a polynomial of degree <= n in the chart that sends
// (1 : b) to infinity (b from a fixed list, chosen far from the roots of w_f).
// Root patterns do not depend on the chart (it is a linear substitution).
//  (C1) Clusters.  For each proposed cluster, a centre c_j and a radius d_j
//       pass Pellet's test with a perturbation term: with T_k the Taylor
//       coefficients of f_{w_f} at c_j,
//         |T_m| d^m > sum_{k != m} |T_k| d^k + r sup_{|t - c| <= d} ||V(t)||,
//       V_i(t) = t^{n-i} (b t + 1)^i, so |f_w - f_{w_f}| <= r ||V|| on the disc.
//       By Rouche every w in B has exactly m_j roots in the open disc D_j.
//  (C2) The discs are pairwise disjoint, real ones are centred on R, complex
//       ones avoid R in conjugate pairs, sum m_j = n, and the leading
//       coefficient of f_w cannot vanish on B.  Hence every w in B has all
//       its roots in the discs, m_j in D_j: its root pattern refines lambda
//       (lambda = the multiset of the m_j), and a w in B of pattern exactly
//       lambda has one m_j-fold root in each D_j (real in a real disc, since
//       the conjugate root is also m_j-fold in the same disc).  Coarser and
//       incomparable strata do not meet B.
//  (C3) Stratum lambda.  Near such points Delta_lambda is parametrised by
//       psi(a, rho_j | p_j, q_j) = a prod (t - rho_j)^{m_j} prod (t^2 + p_j t + q_j)^{m_j},
//       an immersion whose image of d psi is T_w Delta_lambda (eq. 5.3), and
//       every point of B with pattern lambda has parameters in the box X
//       built from the discs.  Critical points of l on Delta_lambda in B are
//       therefore zeros in X of F = grad(l o psi) / 2.  Krawczyk's test
//       K(X) in int X (Arb) proves exactly one zero in X; a second test on
//       a small box around the Newton point encloses it.  That zero is w*.
//  (C4) Finer strata.  If w in B has a pattern strictly finer than lambda,
//       some cluster j with m_j >= 2 holds two distinct roots alpha != beta of
//       w, and Q = prod_{i != j} c_i(t) c_j(t) / ((t - alpha)(t - beta))
//       (c_i the monic cluster factors of f_w) is divisible by
//       gcd(f_w, f_w') = prod (t - root)^{mult - 1}, i.e. Q lies in the tangent
//       space of w's stratum.  So if w were critical there,
//       <Sigma (w - u), Q> = 0.  The test encloses this number for all w in B
//       and all Q with n - 2 roots in the discs (m_i in D_i, m_j - 2 in D_j)
//       and proves it nonzero.  This covers (1,...,1), whose critical point
//       is u.
//  (C5) eps = an upper bound of ||w_f - w*|| from the enclosure of (C3), and
//       r = max(4 eps, 2^-40 (1 + ||w_f||)) rounded up to two decimal digits,
//       so ||w_f - w*|| <= eps < r / 3.
// If w* is u itself (a run that reached the target), (C3)-(C4) are replaced by
// the exact fact that u is the only critical point of the open stratum
// (1,...,1), and (C1)-(C2) with single roots show that B lies in it.
// Every inequality above is decided with certified ball arithmetic (Arb) on
// enclosures of the exact u, Sigma and w_f; the proposed clusters and the
// Newton points are found in double precision and only serve as hints.
//
// What is decided exactly besides: the rrmp of w* (from (C2)), whether w* = u
// (u in B), w* itself when it is rational (a small-height rational guess,
// verified exactly: critical on Delta_lambda with pattern lambda and inside
// B, hence equal to w* by uniqueness), global minimality on M_k (the exact
// search of function_space_minimum.hpp, cached per certifier, when u lies
// outside M_k), and an exact algebraic description of w* on request (the
// orbit of critical_points() whose real point lies in B).
//
// Costs (docs/limit-certificates.md, bench/bench_limit_certificate.cpp, Table 1
// data): certifier construction + certify() without the global minimum takes
// 0.07-0.7 ms (median) per run for n = 2..4, about 24 s for all of Table 1 on
// two cores; the exact all-loci solve it replaces takes 2 ms (n = 2) to 0.6 s
// (n = 4) per dataset.  The exact search behind global minimality costs what
// critical_points() costs on the boundary loci (about 0.5 s for a quartic
// with ~550-bit data), once per certifier, and only when the cheap rules do
// not decide.
//
// Example (Section 7.3):
//   lcngeom::LimitCertifier c(lcngeom::Architecture({4, 2}), lcngeom::BinaryForm{2, 0, 5, 0, 2},
//                             lcngeom::InnerProduct::euclidean(4));
//   auto cert = c.certify(theta_final);  // theta_final near ([2,0,5,0]/kappa, kappa [1,0])
//   // cert.certified, cert.lambda == (2,1,1), *cert.exact_point == 2x^4 + 5x^2y^2,
//   // *cert.loss_exact == 4, *cert.global_minimum == true
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
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// Options of LimitCertifier.
struct LimitCertificateOptions {
  /// Working precision of certified enclosures, in bits (>= 64).
  long precision = 128;
  /// Seeds any randomised step of the exact solver (results do not depend on it).
  std::uint64_t seed = 1;
  /// Also decide whether w* is the global minimum of l on the function space
  /// M_k (function_space_minimum.hpp), and whether theta is pure or spurious
  /// (Section 5.1).  Off saves time when only the point is wanted.  Global
  /// minimality needs the exact search only when u lies outside M_k and w* is
  /// in M_k; it then runs once per certifier (see the costs above).
  bool decide_global_minimum = true;
  bool decide_pure = true;  ///< decide whether theta is pure or spurious (Section 5.1)
  /// Also give w* exactly as a real algebraic point (CertifiedLimit::algebraic)
  /// by running critical_points() on w*'s locus (once per locus and
  /// certifier; about 0.05 s per locus for quartic data, 0.4 s for (2,2)).
  bool exact_description = false;
};

/// A real critical point given exactly: zeta is the root of the irreducible
/// minimal_polynomial isolated by `root`, and w_i = numerators[i](zeta) /
/// denominator(zeta) (the orbit of critical_points(lambda, u, Sigma) with
/// index `orbit`, in the solver's separating coordinate).
struct CertifiedAlgebraicPoint {
  std::size_t orbit = 0;  ///< index of the orbit in critical_points(lambda, u, Sigma)
  RatPoly minimal_polynomial;  ///< irreducible over Q, in the solver's separating coordinate
  RealRoot root{IntPoly(std::vector<long>{0, 1}), Rational(), Rational(), 1};  ///< the real root zeta, isolated
  std::vector<RatPoly> numerators;  ///< w_i = numerators[i](zeta) / denominator(zeta), i = 0..n
  RatPoly denominator;  ///< nonzero at zeta
};

/// The certified limit of one run.
struct CertifiedLimit {
  bool certified = false;  ///< a certificate was made (otherwise see `reason`)
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
  std::optional<Rational> loss_exact;  ///< l(w*) exactly, when it is rational
  /// The radius r of the contract above, and an upper bound on
  /// ||mu(theta_final) - w*|| (certified < r / 3).
  Rational radius;
  Rational distance_bound;  ///< an upper bound on ||mu(theta_final) - w*||, certified < radius / 3
  /// w* is the global minimum of l on M_k (nullopt: undecided or not asked).
  std::optional<bool> global_minimum;
  /// theta is a pure critical point (mu(theta) is critical for l on M_k's
  /// smooth locus in the sense of Section 5.1) rather than spurious (nullopt:
  /// undecided or not asked).  As in parameter_critical.hpp this depends on
  /// w* alone: pure iff w* = u or w* lies on the Euclidean boundary of M_k
  /// (Prop. 4.4, from the exact rrmp); nullopt if w* lies outside M_k.
  std::optional<bool> pure;
  /// Identifies w* among the critical points this certifier knows for its
  /// (u, Sigma): two certified limits of one LimitCertifier are the same
  /// point iff their point_index is equal.  Indices are 0, 1, 2, ... in the
  /// order in which points are first certified (deterministic for a fixed
  /// order of calls; concurrent calls may number points differently, never
  /// identify them differently).
  std::size_t point_index = 0;

  // ---- additions beyond the original contract
  /// w* = u (the run reached the unconstrained optimum; then exact_point = u).
  bool is_target = false;
  /// The rrmp of w* is compatible with the architecture (Corollary 5.5): for
  /// generic data, critical parameters over w* exist iff this holds.
  bool compatible = false;
  /// w* is a strict local minimum (true) or not a local minimum (false) of l
  /// restricted to Delta_lambda, from the certified Hessian of l in the
  /// stratum's coordinates (the enclosure of (C3)); nullopt: undecided.
  std::optional<bool> local_minimum_on_stratum;
  /// One line: why global_minimum is what it is.
  std::string global_minimum_reason;
  /// w* exactly (LimitCertificateOptions::exact_description).
  std::optional<CertifiedAlgebraicPoint> algebraic;
  /// Anything asked for but left undecided, one line each.
  std::vector<std::string> notes;
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
  /// Movable, not copyable (the certifier owns its exact solutions).
  ///@{
  LimitCertifier(LimitCertifier&&) noexcept;
  LimitCertifier& operator=(LimitCertifier&&) noexcept;
  ///@}

  /// The certificate for the final filters of a run (exact rationals, e.g.
  /// the doubles of a float run read exactly).  Throws invalid_argument if
  /// the filter sizes do not match the architecture.
  CertifiedLimit certify(const Filters& theta_final) const;

  /// The same for an end-to-end filter w_f directly (coefficients a_0..a_n);
  /// `pure` then refers to any critical theta over w*.  Throws
  /// invalid_argument if deg w_f != k - 1.
  CertifiedLimit certify_end_to_end(const BinaryForm& w_final) const;

  /// Number of distinct points certified so far (the next point_index).
  std::size_t distinct_points() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One line for logs and CLI output, e.g.
/// "certified 112|0 on Delta(2,1,1), loss [4 +/- 0], r = 4.0e-12, point #0, global minimum".
std::string summary(const CertifiedLimit& c);

}  // namespace lcngeom

#endif
