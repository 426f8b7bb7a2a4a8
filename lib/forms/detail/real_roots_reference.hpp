// lcngeom/detail/real_roots_reference.hpp -- real_roots by full factorisation.
#ifndef LCNGEOM_DETAIL_REAL_ROOTS_REFERENCE_HPP
#define LCNGEOM_DETAIL_REAL_ROOTS_REFERENCE_HPP

#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom::detail {

/// real_roots(p) as computed up to 2026-12-03: factor(p) (FLINT's full
/// factorisation over Z) first, then the isolation engine on every
/// irreducible factor.  The reference that tests compare real_roots with
/// (same roots, intervals, multiplicities, defining polynomials, exactness).
std::vector<RealRoot> real_roots_by_factoring(const BinaryForm& p);

}  // namespace lcngeom::detail

#endif
