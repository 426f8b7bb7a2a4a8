// lcngeom/parameterization.hpp -- the parameterization mu at filter level
// (eq. 2.5, Remark 2.1, Prop. 2.2, eqs. 2.7, 2.8, Remark 2.8, Section 4.2).
//
// A filter w in R^k is the form pi(w) = w_0 x^{k-1} + ... + w_{k-1} y^{k-1}
// (eq. 2.8); with stride s it is pi_s(w) = w_0 x^{(k-1)s} + w_1 x^{(k-2)s} y^s
// + ... + w_{k-1} y^{(k-1)s}.  For a 1-D architecture the end-to-end filter is
//     pi(mu(w_1, ..., w_L)) = prod_l pi_{S_{l-1}}(w_l),   S_{l-1} = s_1 ... s_{l-1}
// (Remark 2.8 applied layer by layer), a form of degree k - 1 with k the
// end-to-end filter size of Prop. 2.2.  For stride one this is Prop. 2.6:
// the product of the filter forms.
#ifndef LCNGEOM_PARAMETERIZATION_HPP
#define LCNGEOM_PARAMETERIZATION_HPP

#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom {

/// Filters theta = (w_1, ..., w_L), w_l in Q^{k_l}.
using Filters = std::vector<std::vector<Rational>>;

/// pi_s(w) (eq. 2.8 for s = 1); throws invalid_argument for empty w or s < 1.
BinaryForm filter_form(const std::vector<Rational>& w, int stride = 1);

/// The end-to-end filter mu(theta) of a 1-D architecture as a form of degree
/// k - 1 (its coefficient vector is the filter w-bar of eq. 2.7).  Throws
/// invalid_argument if the number or sizes of the filters do not match the
/// architecture, domain_error for a D-dimensional architecture.
BinaryForm mu(const Architecture& arch, const Filters& theta);

/// The k x (k_1 + ... + k_L) Jacobian of mu at theta (exact; mu is
/// multilinear, so column (l, j) is the coefficient vector of
/// pi_{S_{l-1}}(e_j) prod_{m != l} pi_{S_{m-1}}(w_m)).  Columns are ordered
/// w_{1,0}, ..., w_{1,k_1-1}, w_{2,0}, ...
RatMatrix jacobian(const Architecture& arch, const Filters& theta);

/// Splits a flat parameter vector (the Jacobian's column order) into filters.
Filters split_parameters(const Architecture& arch, const std::vector<Rational>& flat);

}  // namespace lcngeom

#endif
