// lcngeom/detail/mpoly_det.hpp -- determinants of matrices of multivariate
// polynomials over Q (internal).
#ifndef LCNGEOM_DETAIL_MPOLY_DET_HPP
#define LCNGEOM_DETAIL_MPOLY_DET_HPP

#include <vector>

#include "lcngeom/mpoly.hpp"
#include "lcngeom/rat_poly.hpp"

namespace lcngeom::detail {

/// Fraction-free (Bareiss) determinant over an integral domain whose values
/// support *, -, is_zero() and an exact divexact(a, b) (RatMPoly, RatPoly).
template <class T>
T bareiss(std::vector<std::vector<T>> m, const T& one) {
  const std::size_t n = m.size();
  if (n == 0) return one;
  T prev = one;
  bool negate = false;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (m[k][k].is_zero()) {
      std::size_t i = k + 1;
      while (i < n && m[i][k].is_zero()) ++i;
      if (i == n) return one - one;
      std::swap(m[i], m[k]);
      negate = !negate;
    }
    for (std::size_t i = k + 1; i < n; ++i)
      for (std::size_t j = k + 1; j < n; ++j) m[i][j] = divexact(m[i][j] * m[k][k] - m[i][k] * m[k][j], prev);
    prev = m[k][k];
  }
  return negate ? -m[n - 1][n - 1] : m[n - 1][n - 1];
}

/// Fraction-free (Bareiss) determinant of a square matrix of polynomials of
/// the ring R (1 for the empty matrix).
inline RatMPoly bareiss_det(const Ring& R, std::vector<std::vector<RatMPoly>> m) {
  return bareiss(std::move(m), RatMPoly::constant(R, Rational(1L)));
}

}  // namespace lcngeom::detail

#endif
