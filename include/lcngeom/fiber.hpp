// lcngeom/fiber.hpp -- fibers of the parameterization mu (Lemma 5.7,
// Example 5.8).
//
// For an end-to-end filter w != 0 of a stride-one 1-D architecture
// k = (k_1, ..., k_L), the fiber mu^{-1}(w) is a finite union of scaling
// equivalence classes {(kappa_1 w_1, ..., kappa_L w_L) : prod kappa_l = 1}:
// one per way of distributing the real irreducible factors of pi(w) (with
// multiplicity) over filters of degrees k_1 - 1, ..., k_L - 1 (Lemma 5.7).
// Filters are ordered (layer l has size k_l), so exchanging the contents of two
// filters of equal size gives a different class.  Distinct classes are
// disjoint and closed in the fiber, and each class is a copy of
// {kappa in (R*)^L : prod kappa_l = 1} ~ (R*)^{L-1}, which has 2^{L-1}
// connected components; hence the fiber has
//     (number of classes) * 2^{L-1}
// connected components (Example 5.8: k = (2, 2), P = p_1 p_2 with p_1, p_2
// independent: 2 classes, 4 components; P = +-p^2: 1 class, 2 components).
//
// Exactness.  pi(w) is factored over Q (Q-irreducible "blocks"); a block
// whose roots are irrational is split into its real linear / quadratic
// factors with certified coefficient balls (real_factorization).  A class is
// *rational* if every filter receives whole copies of blocks only; exactly
// those classes contain parameters with rational filters, and for them the
// representative is exact.  Counting classes is exact in every case.
#ifndef LCNGEOM_FIBER_HPP
#define LCNGEOM_FIBER_HPP

#include <optional>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/ball.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/integer.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

/// A real irreducible factor of pi(w), labelled p1, p2, ... (real linear, by
/// increasing root, (1:0) last) and q1, q2, ... (irreducible quadratics), the
/// order of real_factorization().
struct FiberFactor {
  std::string label;  ///< "p1", "p2", ... (real linear) or "q1", "q2", ... (irreducible quadratic)
  RealFactor factor;  ///< coefficients (certified balls), multiplicity in pi(w), its Q-block
  int block;          ///< index into Fiber::blocks.factors
};

/// One scaling-equivalence class of the fiber.
struct FiberClass {
  /// counts[l][f]: exponent of Fiber::factors[f] in filter l.
  std::vector<std::vector<int>> counts;
  /// Every filter receives whole copies of Q-irreducible blocks only.
  bool rational = false;
  /// The exact representative (rational classes only): filter l is the
  /// product of its blocks (primitive integer forms, as factor() returns
  /// them) and filter 1 also carries the unit of factor(pi(w)).
  std::optional<Filters> exact;
  /// Certified enclosure of the representative, for every class: filter l is
  /// the product of its whole blocks (primitive) and remaining real factors
  /// (monic as in real_factorization); filter 1 carries the constant that
  /// makes the product equal w.  Coincides with `exact` for rational classes.
  std::vector<std::vector<Ball>> filters;
  /// Per filter: pi(w_l) has a repeated root (some factor exponent >= 2).
  std::vector<bool> repeated_root;
  /// "p1p2·p3": the factors of each filter (exponents as p1^2, an empty
  /// filter as 1), filters separated by U+00B7 as in Example 5.6.
  std::string notation;
};

/// The fiber mu^{-1}(w) as scaling classes.
struct Fiber {
  std::vector<int> filter_sizes;  ///< k_1, ..., k_L
  BinaryForm end_to_end;  ///< w = mu(theta) for every theta in the fiber
  FormFactorization blocks;          ///< factor(pi(w)) over Q
  std::vector<FiberFactor> factors;  ///< real splitting of the blocks
  std::vector<FiberClass> classes;   ///< factor by factor, earlier filters filled first

  /// classes.size() * 2^{L-1} (see the header comment).
  Integer component_count() const;
  /// Number of classes whose representative is exact (filters over Q).
  long rational_class_count() const;
};

/// Number of scaling-equivalence classes of mu^{-1}(w) over R, exact (Sturm
/// counts give the real splitting of each block; a dynamic programme counts
/// the distributions without listing them).  Throws domain_error for w = 0
/// (the fiber over 0 is not a finite union of classes, Example 5.8),
/// invalid_argument for a degree mismatch, not_supported for strides != 1 or
/// D > 1.
Integer fiber_class_count(const Architecture& arch, const BinaryForm& w);

/// All classes of mu^{-1}(w), with real factors enclosed at `prec` bits
/// (>= 16).  Throws not_supported if there are more than max_classes classes
/// (count them with fiber_class_count), and as fiber_class_count otherwise.
Fiber fiber(const Architecture& arch, const BinaryForm& w, long prec = 128, long max_classes = 100000);

/// The rational classes only, as exact representatives (no balls): every way
/// to distribute the Q-irreducible factors of pi(w) over the filters, block by
/// block, earlier filters filled first; normalized as FiberClass::exact.
std::vector<Filters> rational_fiber_classes(const Architecture& arch, const BinaryForm& w, long max_classes = 100000);

}  // namespace lcngeom

#endif
