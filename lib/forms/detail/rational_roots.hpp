// lcngeom/detail/rational_roots.hpp -- the rational roots of a square-free
// integer polynomial by a modular search, divided out exactly.
//
// Descartes/Bernstein subdivision pays O(n^2) coefficient operations per node
// for every root, and a polynomial with many rational roots (prod (t - i),
// planted integer roots) has them on subdivision points only deep in the
// tree.  A rational root a/b of f (gcd(a, b) = 1) has b | a_n, and a_n a/b is
// an integer root of the monic a_n^(n-1) f(t / a_n), bounded by a_n R (R a
// root bound).  So the roots r of f modulo a prime p (p not dividing a_n, f
// square-free mod p), Hensel-lifted to a modulus M > 2 |a_n| R, give every
// rational root as the symmetric residue of a_n r mod M divided by a_n.  The
// candidates pass a check modulo two other primes, and the product of their
// linear factors is certified by exact division: the roots returned are
// exact, and (with p as above) all of f's rational roots.
#ifndef LCNGEOM_DETAIL_RATIONAL_ROOTS_HPP
#define LCNGEOM_DETAIL_RATIONAL_ROOTS_HPP

#include <vector>

#include <flint/fmpz_poly.h>

#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

/// The rational roots of f, and f divided by their linear factors.
///   pre:  f square-free, deg f >= 1.
///   post: `roots` are distinct rational roots of f in increasing order
///         (certified by exact division); `cofactor` = f / prod (b t - a) over
///         them (primitive linear factors); returns false (roots empty,
///         cofactor = f) if no prime with the conditions above was found among
///         the first few tried, or if f has no rational root.
/// Unless `thorough`, the search also gives up (returns false) when lifting
/// needs more than a word and f has fewer than n/8 roots mod p: a few
/// rational roots are not worth O(n) multi-word operations per modular root
/// (a random polynomial has about one root mod p); the subdivision finds them.
bool split_rational_roots(const fmpz_poly_struct* f, std::vector<Rational>& roots, fmpz_poly_t cofactor,
                          bool thorough = false);

/// How much lifting split_rational_roots may do.
enum class RationalSearch {
  cheap,     ///< as `thorough = false` above
  few,       ///< as cheap, but also lifts when f has at most kFewModularRoots roots mod p
  thorough,  ///< always lifts
};

/// At most this many roots mod p are always lifted by RationalSearch::few
/// (a random polynomial has about one): O(n) multi-word operations each.
inline constexpr long kFewModularRoots = 16;

/// split_rational_roots with a search mode; `complete` tells whether `roots`
/// are certainly all rational roots of f (a prime as above was found and the
/// search did not give up), including the case of none (returns false,
/// complete true: f has no rational root).
bool split_rational_roots(const fmpz_poly_struct* f, std::vector<Rational>& roots, fmpz_poly_t cofactor,
                          RationalSearch mode, bool& complete);

}  // namespace lcngeom::detail

#endif
