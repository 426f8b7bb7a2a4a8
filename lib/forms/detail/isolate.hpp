// lcngeom/detail/isolate.hpp -- certified real-root counting and isolation for
// square-free integer polynomials of any degree and coefficient size.
//
// Method: Descartes' rule of signs on Bernstein coefficients with bisection
// (Collins-Akritas; in the Bernstein basis as in Mourrain-Rouillier-Roy 2005,
// with the floating-point filter of Johnson-Krandick and Rouillier-Zimmermann
// 2004): the positive and the negative roots are isolated separately in the
// interval (0, 2^B) given by a root bound, first in double precision with a
// rigorous running error bound per coefficient, then -- only for the subtrees
// where a sign cannot be certified -- in multi-word fixed point with as many
// words as needed.  Roots that fall on a subdivision point are found exactly
// and divided out.  From degree 512, a root bound 2^B with B >= 5 is lowered
// by Budan's test (Descartes' rule on g(2^e (1 + x)), one fast Taylor shift of
// truncated coefficients with a proven error bound); optionally the top
// octaves are isolated as charts of their own (dyadic shells).  Details and the error analysis: lib/forms/isolate.cpp.  For counting, f(t) = g(t^h) is
// first deflated to g (the count of g's positive roots, doubled if h is even).
#ifndef LCNGEOM_DETAIL_ISOLATE_HPP
#define LCNGEOM_DETAIL_ISOLATE_HPP

#include <cstdint>
#include <span>
#include <vector>

#include <flint/fmpz_poly.h>

#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

/// An isolating interval of a real root of f: either lo == hi, a rational
/// root, or lo < hi with f(lo) f(hi) < 0 and exactly one root of f in (lo, hi).
struct IsolatingInterval {
  Rational lo, hi;
};

/// Switches for tests and statistics of one call (for benchmarks and tests).
struct IsolationStats {
  bool use_double = true;  ///< in: false starts every chart in fixed point
  int max_words = 4096;    ///< in: fixed point beyond this many 64-bit words is exact; 0 = exact tier only
  bool sturm_shortcut = true;  ///< in: false never counts by Sturm (see count_real_roots_squarefree)
  bool split_at_one = true;  ///< in: false keeps one chart (0, 2^B) for the positive roots (see positive_roots_split)
  int split_min_degree = 512;  ///< in: the degree from which the positive axis is cut at 1 (tests lower it)
  bool rational_roots = true;  ///< in: false skips the modular search for rational roots (detail/rational_roots.hpp)
  bool shells = true;  ///< in: false keeps the coefficient root bound and one chart (0, 2^B) (see positive_roots_shells)
  int shell_min_degree = 512;  ///< in: the degree from which the bound is tested and shells are used (tests lower it)
  int shell_min_bound = 5;     ///< in: ... if the root bound 2^B has B at least this
  int shell_levels = 0;        ///< in: the number of top octaves (2^e, 2^(e+1)) isolated as shells; 0: Budan cut only
  int cluster_levels = 24;  ///< in: a fixed-point node whose count v >= 2 stayed the same this many halvings is a
                            ///< cluster and goes to the exact tier with Newton steps; <= 0: never
  bool approx_clusters = true;  ///< in: false runs a cluster's Newton steps on exact polynomials only
  long approx_prec = 0;      ///< in: first precision (bits) of a cluster's ball polynomials; 0: automatic
  long approx_max_prec = 0;  ///< in: a cluster node needing more bits goes exact; 0: automatic (when exact is cheaper)

  long double_nodes = 0;  ///< nodes visited in double precision
  long fixed_nodes = 0;   ///< nodes visited in multi-word fixed point
  long exact_nodes = 0;   ///< nodes visited in exact integer arithmetic
  long deferred = 0;      ///< subtrees handed from double to fixed point
  long restarts = 0;      ///< fixed-point subtrees restarted with more words
  long split_roots = 0;   ///< rational roots found on subdivision points
  long sturm_shortcuts = 0;  ///< counts done by Sturm because the first remainder had low degree
  long rational_found = 0;   ///< rational roots found by the modular search and divided out first
  long shell_charts = 0;     ///< dyadic shells (2^e, 2^(e+1)) set up as charts
  long bound_cuts = 0;       ///< halvings of the root bound proved by Budan's test (no_root_beyond)
  long clusters = 0;         ///< fixed-point nodes handed to the exact tier as clusters
  long newton_steps = 0;     ///< successful Newton-Descartes steps (exact tier)
  long newton_failures = 0;  ///< Newton-Descartes steps whose subinterval test failed (then bisection)
  long approx_nodes = 0;     ///< cluster nodes decided on ball polynomials (Arb) with certified signs
  long approx_lifts = 0;     ///< ball polynomials recomputed from the cluster's exact one at a higher precision
  long approx_fallbacks = 0; ///< cluster nodes handed to the exact Newton steps (signs undecided at the cap)
};

/// The real roots of f, pairwise disjoint intervals in increasing order.
///   pre:  f square-free (no repeated complex root), deg f >= 1.
///   post: one interval per distinct real root; endpoints are dyadic
///         rationals; certified (no floating-point result is trusted).
std::vector<IsolatingInterval> isolate_real_roots(const fmpz_poly_struct* f, IsolationStats* stats = nullptr);

/// The number of distinct real roots of a square-free f of degree >= 1
/// (exact; the same subdivision as isolate_real_roots after deflating
/// f(t) = g(t^h); a Sturm count, count_real_roots_sturm_cheap, instead when
/// deg f >= 32 and the first Sturm remainder has degree <= 8, where Sturm
/// costs O(n) and subdivision would have to separate a cluster, as for
/// Mignotte's polynomials).
int count_real_roots_squarefree(const fmpz_poly_struct* f, IsolationStats* stats = nullptr);

/// True if deg f >= 32 and the first Sturm remainder prem(f, f') has degree
/// <= 8 (then FLINT's Sturm count is O(n) and beats any subdivision).  O(n)
/// word operations modulo 2^61 - 1, exact only when every residue vanishes.
bool sturm_is_cheap(const fmpz_poly_struct* f);
/// The same for ascending int64 coefficients (c.back() != 0).
bool sturm_is_cheap(std::span<const std::int64_t> c);

/// The number of distinct real roots of a square-free f by its Sturm
/// sequence, computed in O(k^2 log n) big-number products when
/// sturm_is_cheap(f) (first remainder of degree k <= 8); FLINT's Sturm count
/// otherwise.  Exact (rational arithmetic).  lib/forms/sturm_cheap.cpp.
slong count_real_roots_sturm_cheap(const fmpz_poly_struct* f);

}  // namespace lcngeom::detail

#endif
