// lcngeom/detail/squarefree_mod.hpp -- a modular certificate of
// square-freeness over Q.
//
// If p does not divide lc(f) and gcd(f mod p, f' mod p) = 1 in F_p[t], then f
// is square-free over Q: a square factor g^2 | f over Q can be taken primitive
// in Z[t] (Gauss), so lc(g) | lc(f), g mod p keeps its degree >= 1 and divides
// both f mod p and f' mod p = (f mod p)'.  The converse fails only for the
// finitely many p dividing disc(f) (then the caller simply takes the full
// square-free decomposition), so the test is a one-sided certificate.
#ifndef LCNGEOM_DETAIL_SQUAREFREE_MOD_HPP
#define LCNGEOM_DETAIL_SQUAREFREE_MOD_HPP

#include <cstdint>
#include <span>

#include <flint/fmpz_poly.h>

namespace lcngeom::detail {

/// True if f = c_0 + ... + c_d t^d (ascending, c_d != 0, d >= 1, any int64
/// values) is certified square-free over Q by a word-size prime (gcd(f, f')
/// modulo p is 1 for p = 2^31 - 1 or, if that divides c_d, 2^31 - 19).  False
/// means "no certificate" (f may still be square-free).
bool squarefree_certificate(std::span<const std::int64_t> c);

/// The same for a FLINT polynomial of degree >= 1 (coefficients of any size).
bool squarefree_certificate(const fmpz_poly_struct* f);

}  // namespace lcngeom::detail

#endif
