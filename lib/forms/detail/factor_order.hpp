// lcngeom/detail/factor_order.hpp -- the order of the factors in factor(p).
#ifndef LCNGEOM_DETAIL_FACTOR_ORDER_HPP
#define LCNGEOM_DETAIL_FACTOR_ORDER_HPP

#include "lcngeom/factorization.hpp"

namespace lcngeom::detail {

/// The order of FormFactorization::factors from factor(p): degree, then the
/// coefficients a_0, a_1, ..., then the multiplicity.  real_roots assembles
/// its factors without factor(p) and sorts them the same way, so that its
/// result is the one factor(p) would give.
bool form_factor_less(const FormFactor& a, const FormFactor& b);

}  // namespace lcngeom::detail

#endif
