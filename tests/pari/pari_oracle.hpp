// An independent oracle: PARI/GP (libpari) behind an interface of decimal
// strings, so that no PARI macro meets a FLINT or lcngeom header.
//
// PARI's polynomials are univariate with their actual degree: the caller
// passes p(t, 1) with a nonzero leading coefficient and accounts for roots at
// infinity (leading zeros of the form) and formal degrees itself.
#ifndef LCNGEOM_TESTS_PARI_ORACLE_HPP
#define LCNGEOM_TESTS_PARI_ORACLE_HPP

#include <string>
#include <vector>

namespace lcngeom::pari {

/// Coefficients as exact decimal strings "p" or "p/q", leading coefficient
/// (nonzero) first.
using Poly = std::vector<std::string>;

struct Factor {
  Poly coefficients;  ///< primitive integer polynomial, positive leading coefficient
  long multiplicity;
};

/// pari_init once per process (idempotent); the stack grows on demand to 2 GB.
void init();
/// poldisc: (-1)^{d(d-1)/2} Res(f, f') / lc(f) for deg f = d >= 1.
std::string discriminant(const Poly& f);
/// polresultant (Sylvester resultant at the actual degrees).
std::string resultant(const Poly& f, const Poly& g);
/// factor over Q: the irreducible factors and their multiplicities (the content is dropped).
std::vector<Factor> factor(const Poly& f);
/// polsturm: number of distinct real roots of f.
long real_root_count(const Poly& f);
/// polsturm(f, [lo, hi]): distinct real roots in the closed interval (lo <= hi rationals).
long real_root_count_in(const Poly& f, const std::string& lo, const std::string& hi);

}  // namespace lcngeom::pari

#endif
