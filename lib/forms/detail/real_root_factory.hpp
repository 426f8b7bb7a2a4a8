// lcngeom/detail/real_root_factory.hpp -- building and narrowing RealRoots
// without the checks of the public constructor (internal).
#ifndef LCNGEOM_DETAIL_REAL_ROOT_FACTORY_HPP
#define LCNGEOM_DETAIL_REAL_ROOT_FACTORY_HPP

#include <memory>

#include "lcngeom/int_poly.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom::detail {

struct RealRootFactory {
  /// The root of `defining` (irreducible, or declared as the defining
  /// polynomial) in [lo, hi], certified by the caller (no sign check).
  static RealRoot certified(IntPoly defining, Rational lo, Rational hi, int multiplicity);
  /// Sets r's interval, unchecked (the caller certifies it).
  static void set_interval(RealRoot& r, Rational lo, Rational hi);
  /// The root number `index` (increasing order) of the shared polynomial
  /// `poly` (lib/forms/real_roots.cpp) in [lo, hi], certified by the caller.
  static RealRoot attached(std::shared_ptr<const RootPolynomial> poly, int index, Rational lo, Rational hi,
                           int multiplicity);
  /// The root of g in [lo, hi] (lo < hi, a sign change of g, certified by
  /// the caller), g square-free without rational roots, whose defining
  /// polynomial is found by factoring g on first request.
  static RealRoot lazy(IntPoly g, Rational lo, Rational hi, int multiplicity);
  /// A copy of r with another multiplicity (sharing r's polynomial and its
  /// factorisation, computed or not).
  static RealRoot with_multiplicity(const RealRoot& r, int multiplicity);
  /// Replaces r's interval by [lo, hi] (within it, lo <= hi) if that still
  /// isolates r: a sign change of r.squarefree_polynomial() at the ends
  /// (certified signs), or an end that is a root (then r becomes exact).
  /// Returns whether it did; r is unchanged otherwise.
  static bool narrow(RealRoot& r, const Rational& lo, const Rational& hi);
};

}  // namespace lcngeom::detail

#endif
