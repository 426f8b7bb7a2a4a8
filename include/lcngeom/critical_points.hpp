// lcngeom/critical_points.hpp -- exact critical points of the weighted
// squared distance on multiple root loci (Theorem 5.2, eq. 5.3, Section 6,
// Section 7.3).  (Example 5.10 is in linear_factor_critical.hpp, Example 6.5
// in quadric_multiplier.hpp.)
//
// Problem.  Given a partition lambda of n, a rational target u in R[x,y]_n and
// an inner product Sigma, find every complex point w of Delta_lambda whose
// root pattern is exactly lambda (these are the smooth points of eq. 5.3)
// with u - w Sigma-orthogonal to the tangent space T_w Delta_lambda, i.e. the
// complex critical points of ||w - u||^2_Sigma on that stratum.
//
// Method (all exact over Q).  Write w = h * prod_j P_j^j where P_j collects
// the c_j roots of multiplicity j >= 2 and h the c_1 simple roots.  The
// tangent space is g R[x,y]_r with g = prod P_j^{j-1}, r = #parts, and
// criticality is the rank condition N(P) (h, -1)^T = 0 for the
// (r+1) x (c_1+2) matrix N(P) = [M_g^T Sigma M_G | M_g^T Sigma u],
// G = prod P_j^j (detail/critical_algebra.hpp).  The parameter space
// prod_j P^{c_j} of the P_j is covered by affine cells (every P_j monic in x,
// or one P_j with the simple root (1:0)); other cells only hold points of a
// coarser pattern.  On each cell, random combinations of the maximal minors
// of N are eliminated with resultants (FLINT fmpq_mpoly) along a random
// shear, two independent eliminants are intersected, the result is factored
// over Q, and each irreducible factor f is treated in the number field
// Q[z]/(f): the remaining coordinate is the unique root of a gcd (its degree
// certifies that the projection separates the points), h is solved from N,
// and a factor survives only if the point has pattern exactly lambda (P_j
// square-free and pairwise coprime, h square-free, nonzero and coprime to
// them) and the Gram block M_g^T Sigma M_G has full rank.  Every surviving
// factor therefore is one Galois orbit of genuine critical points, and no
// critical point is missed: resultants vanish at every common zero and each
// cell is handled.
//
// Results are exact.  A real critical point is a real root zeta of its
// orbit's minimal polynomial; its coefficients and its distance to u are
// AlgebraicReals (algebraic_real.hpp: minimal polynomial + isolating
// interval), and the real points are sorted by distance exactly (equal
// distances recognised through their minimal polynomials, distinct ones
// separated by refinement), ties by their coefficient vectors.  Decimals are
// made only when printing (decimal.hpp).
//
// Cells of 3 root coordinates (issue 11: (2,2,2), (3,2,2), (2,2,2,1),
// (3,2,2,1), (4,2,2), (3,3,2), ...; every partition of n <= 8 except
// (2,2,2,2), for which see below) are solved by the modular engine instead (the one behind
// ed_degree.hpp): at random 62-bit primes it returns the cell's critical
// points as a rational univariate representation (T(z) and the coordinates
// and h as polynomials in z, for a fixed small integer separating form z);
// these are combined by CRT and rational reconstruction until one further
// prime confirms the candidate, which is then verified over Q for every
// root of T at once: z is the separating form, N(P)(h,-1)^T = 0, and the
// lifted w and distance are those of the point, each an identity mod T
// checked by exact division in Z[z] (the forms scaled by T' so that no
// inversion in Q(zeta) is needed), and the nondegeneracy witnesses (P_j, h
// square-free and coprime, Gram block of full rank) are units modulo the
// confirming prime, hence nonzero over Q.  CriticalPointOptions::method
// chooses (automatic: resultants up to 2 coordinates, lifting above).
//
// Pure powers beyond 3 coordinates (within n <= 8: Delta(2,2,2,2), 4 root
// coordinates) are lifted from the quotient-ring power engine of
// ed_degree.hpp instead, which solves the whole locus at once in w = g^k
// (g a form of degree m with m + 1 free coefficients).  At each prime it
// returns the critical roots g with g_0 != 0 (the top cell: P = g / g_0
// monic, h = g_0^k) as polynomials in a fixed small integer form
// z = sum_i l_i g_i; since the k roots zeta g give one point w, the
// eliminant is a polynomial in t = z^k and so are P and h, and the lifting
// and the exact check are those above in t, except that the separating
// form is checked as t = h (l_0 + sum_i l_{i+1} v_i)^k (v the coefficients
// of P), which makes distinct roots of T distinct points.  The engine sees
// every critical point at each prime but lifts only those with w_0 != 0, so
// when a prime finds one with w_0 = 0 (a root at (1:0)) the problem is
// solved in other coordinates: Delta_lambda is invariant under every
// (x, y) -> (a x + b y, c x + d y), which preserves root patterns and rrmps,
// and with the induced integer matrix S of f -> f o phi^{-1} (det phi = +-1)
// the problem (u, Sigma) becomes (u o phi, S^T Sigma S) with the same
// distances (Sigma' dense in general; the engine takes any Sigma).  Tried in
// order: the reversal (x, y) -> (y, x) (w'_0 = w_n; Euclidean and Bombieri
// are invariant), then the shears (x, y) -> (x, c x + y) (w'_0 = w(1, c)),
// c = 1, -1, 2, ..., 8, until no critical point has w'_0 = 0 (finitely many
// points have finitely many roots; not_supported past |c| = 8).  The lifted
// forms are carried back by phi^{-1}, and the critical equations, w and the
// distance are checked again exactly in the original coordinates (the
// separating form in the coordinates it was lifted in); the orbits' `cell`
// names the change.  A Macaulay matrix beyond the engine's limit
// ((2,2,2,2,2) and beyond) gives not_supported.  Cost: about 2 s per prime
// for Delta(2,2,2,2) Euclidean, 4 s for Bombieri, plus one prime per
// coordinate change tried (measured primes and times in docs/user-guide.md).
//
// What is proven and what is probabilistic.  Every orbit returned is a set of
// genuine critical points with pattern exactly lambda (proven, both methods),
// and the real points, rational points, rrmps and distances derived from them
// are exact.  With resultants over Q the list is also complete (proven:
// every critical point is a root of an eliminant).  With the lifting,
// completeness is probabilistic: the count equals the number of critical
// points over F_p-bar at each prime used, which equals the count over C
// except at the finitely many primes of bad reduction of (Delta_lambda,
// Sigma, u); the primes are uniform among 62-bit primes and at least two
// agree, so a point is missed only if every prime used is bad (for B bad
// primes, probability <= (B / 2^55)^2; B is finite but not bounded
// explicitly).  CriticalPointSet::completeness_proven says which case holds.
// Cost: the lifting needs a number of primes proportional to the heights of
// T (about 10 for (2,2,2) with small targets, about 30 for (2,2,2,1) and 40
// for (3,2,2)), each one modular solve; the exact check and the real points
// then cost about a second (the orbits stay in the lifted Kronecker form:
// no inversion or product reduced mod f).  Degree 7 loci with about 200
// points take 10-60 s, (3,2,2,1) (724 points) far longer (a p-adic Newton
// lift is the follow-up).
//
// Limits: at most kMaxCriticalCoordinates = 3 root coordinates per cell,
// or a pure power Delta(k^m) within the power engine's matrix limit
// (methods automatic and modular); otherwise not_supported.  The solver also refuses,
// with not_supported, a target at which the rank condition holds along a
// whole curve of a cell: an infinite critical set (Example 6.12, or any
// O(2)-invariant target with the Bombieri product) or a curve of degenerate
// points (e.g. u = x^4 on Delta_(2,2), where u is orthogonal to P R_2 for
// every P = y (x + b y)).  Generic targets never do this.
#ifndef LCNGEOM_CRITICAL_POINTS_HPP
#define LCNGEOM_CRITICAL_POINTS_HPP

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/inner_product.hpp"
#include "lcngeom/partition.hpp"
#include "lcngeom/progress.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/real_roots.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// The largest number of root coordinates in one cell that critical_points
/// eliminates by resultants or the cell engine (3: every partition of n <= 8
/// except (2,2,2,2), which is lifted from the power engine instead).
inline constexpr int kMaxCriticalCoordinates = 3;

/// How critical_points eliminates a cell.
enum class CriticalMethod {
  automatic,   ///< resultants over Q up to 2 root coordinates, modular lifting above
  resultants,  ///< resultants over Q only (at most 2 root coordinates; completeness proven)
  modular      ///< the modular engine lifted to Q for every cell of dimension >= 1
};

/// Options of critical_points.
struct CriticalPointOptions {
  std::uint64_t seed = 1;  ///< seeds the random combinations and shears (results do not depend on it)
  /// If set, reports each stage (progress.hpp): phase "Delta<lambda>:
  /// eliminating in cell" counting the cells (item: the cell, or the lifting
  /// status of a cell), then "Delta<lambda>: certifying the real points of
  /// orbit" counting the orbits.  The cost grows steeply with the target's
  /// coefficient size (50-digit coefficients on Delta_(3,2) take minutes), so
  /// a caller can show where the time goes.
  ProgressCallback progress = nullptr;
  CriticalMethod method = CriticalMethod::automatic;  ///< how each cell is eliminated
};

/// One Galois orbit of critical points: the roots zeta of `minimal_polynomial`
/// (irreducible over Q, in the separating coordinate z of its cell).  Every
/// coordinate is a polynomial in zeta (reduced mod f, except
/// distance_numerator of a lifted orbit): the point is
/// w = sum_i w_i(zeta) x^{n-i} y^i.  The forms P_j and h are kept up to
/// nonzero scalar factors: repeated[j] = lambda_j P_j and simple = mu h
/// with lambda_j(zeta), mu(zeta) != 0, so w is proportional to
/// simple * prod_j repeated[j]^{e_j} and their roots are those of P_j and h.
/// From resultants lambda_j = 1 and mu = denominator; on lifted orbits
/// lambda_j = mu = T'(zeta), denominator = T'(zeta) and w[i] are the Kronecker
/// forms w_i T' mod f (whose heights are those of the lifted RUR, where
/// w_i itself reduced mod f has heights about deg f times larger).
struct CriticalOrbit {
  RatPoly minimal_polynomial;  ///< f: irreducible over Q, in the separating coordinate z of the cell
  /// Numerators of the coefficients: w_i = w[i](zeta) / denominator(zeta),
  /// i = 0..n (kept as a fraction to avoid a costly inversion in Q(zeta)).
  std::vector<RatPoly> w;
  RatPoly denominator;                         ///< nonzero at every root
  std::vector<std::vector<RatPoly>> repeated;  ///< lambda_j P_j (coefficient vectors), in the solver's order
  std::vector<int> exponents;                  ///< the multiplicity j of each P_j
  std::vector<RatPoly> simple;                 ///< mu h (coefficient vector, degree c_1)
  /// ||w - u||^2_Sigma = distance_numerator(zeta) / denominator(zeta)^2
  /// (on a lifted orbit the product of the distance's Kronecker form and the
  /// denominator, not reduced mod f: reducing it would blow its heights up).
  RatPoly distance_numerator;
  /// "monic" or "P_j(1:0)=0" description (with the change of coordinates
  /// the orbit was solved in, e.g. "monic after (x, y) -> (y, x)", and the
  /// lifting primes)
  std::string cell;
  int real_count = 0;  ///< number of real roots of minimal_polynomial (the real critical points of the orbit)
  /// Number of critical points in the orbit (the degree of the minimal polynomial).
  int size() const { return static_cast<int>(minimal_polynomial.degree()); }
};

/// The coefficient w_i of the orbit's point as one polynomial in zeta
/// reduced mod the minimal polynomial (costs an inversion in Q(zeta)).
RatPoly orbit_coefficient(const CriticalOrbit& orbit, int i);

/// A real critical point, exact.
struct RealCriticalPoint {
  std::size_t orbit = 0;  ///< index into CriticalPointSet::orbits
  RealRoot root;          ///< the real root zeta of the orbit's minimal polynomial
  /// w_0, ..., w_n: the point is w = sum_i w_i x^{n-i} y^i (w_i = orbit_coefficient(orbit, i) at zeta).
  std::vector<AlgebraicReal> coefficients;
  std::optional<BinaryForm> exact;  ///< the point itself if it is rational
  Rrmp rrmp;                        ///< its real root multiplicity pattern (exact)
  AlgebraicReal distance_squared;   ///< ||w - u||^2_Sigma
};

/// All critical points of ||w - u||^2_Sigma on Delta_lambda with root pattern exactly lambda
/// (Section 6; see the file comment), as Galois orbits, with the real ones exact.
struct CriticalPointSet {
  Partition lambda;  ///< the partition lambda of the locus
  BinaryForm target;  ///< the target u, a form of degree |lambda|
  InnerProduct inner_product = InnerProduct::euclidean(0);  ///< Sigma
  std::vector<CriticalOrbit> orbits;  ///< surviving irreducible factors
  int complex_count = 0;              ///< sum of the orbit sizes: distinct complex critical points
  int real_count = 0;  ///< distinct real critical points (the sum of the orbits' real counts)
  std::vector<BinaryForm> rational_points;  ///< sorted by coefficient vector
  /// Every real one, by increasing distance to the target (exact order; ties
  /// by coefficient vector, lexicographically).
  std::vector<RealCriticalPoint> real_points;
  /// Factors of the eliminants that were removed, with the reason.
  std::vector<std::string> removed;
  /// True if every cell was eliminated by resultants over Q, so no critical
  /// point can be missing.  False if a cell was lifted from the modular
  /// engine: the points found are still proven (verified in their number
  /// fields), but that none is missing is probabilistic (see the file comment).
  bool completeness_proven = true;
  int lifting_primes = 0;  ///< 62-bit primes combined by the modular lifting (0 if none)
};

/// All complex critical points of ||w - u||^2_Sigma on the points of
/// Delta_lambda with root pattern exactly lambda (see the file comment).
/// Throws invalid_argument if |lambda|, deg u and the inner product's degree
/// differ or u = 0, not_supported for partitions needing more than
/// kMaxCriticalCoordinates root coordinates in a cell (or more than 2 with
/// CriticalMethod::resultants) unless a pure power within the power engine's
/// limit (Delta(2,2,2,2), solved in changed coordinates when a critical point
/// has w_0 = 0: see the file comment), or a target with infinitely many
/// critical points.
CriticalPointSet critical_points(const Partition& lambda, const BinaryForm& target, const InnerProduct& sigma,
                                 const CriticalPointOptions& options = {});

}  // namespace lcngeom

#endif
