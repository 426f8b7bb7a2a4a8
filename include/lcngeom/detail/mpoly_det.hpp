// lcngeom/detail/mpoly_det.hpp -- determinants of matrices of multivariate
// polynomials over Q (internal).
#ifndef LCNGEOM_DETAIL_MPOLY_DET_HPP
#define LCNGEOM_DETAIL_MPOLY_DET_HPP

#include <vector>

#include "lcngeom/mpoly.hpp"

namespace lcngeom::detail {

/// Fraction-free (Bareiss) determinant of a square matrix of polynomials of
/// the ring R (1 for the empty matrix).
RatMPoly bareiss_det(const Ring& R, std::vector<std::vector<RatMPoly>> m);

}  // namespace lcngeom::detail

#endif
