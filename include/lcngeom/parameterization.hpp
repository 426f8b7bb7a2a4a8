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
//
// D-dimensional stride-one architectures (Section 4.3) use RatTensor filters:
// the end-to-end filter is the full D-dimensional convolution of the layer
// filters (Prop. 4.14), and pi of eq. (4.5) turns a filter into a
// multi-homogeneous polynomial.  The coefficient tensor of a product does not
// depend on which of the two conventions (2.8) or (4.5) is used (both turn
// the convolution of filters into the product of polynomials), so mu_multi
// agrees with mu for D = 1.
//
// Prop. 5.11 (the differential of mu) is at the end of this header.
#ifndef LCNGEOM_PARAMETERIZATION_HPP
#define LCNGEOM_PARAMETERIZATION_HPP

#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/tensor.hpp"

namespace lcngeom {

/// Filters theta = (w_1, ..., w_L), w_l in Q^{k_l}.
using Filters = std::vector<std::vector<Rational>>;

/// Parses filter coefficients written as on the command line: filters
/// separated by ';', coefficients by ',' ("2,0,5,0;1,0" is w_1 = (2,0,5,0),
/// w_2 = (1,0)); each coefficient is read exactly by Rational(std::string_view)
/// ("1/3", "0.25", "-2").  Throws parse_error naming the offending text for an
/// empty input, an empty filter or a bad coefficient.  The sizes are not
/// checked against an architecture (mu() does that).
Filters parse_weights(std::string_view text);

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

// ------------------------------------------------------------ D dimensions

/// D-dimensional filters theta = (w_1, ..., w_L), w_l a RatTensor of shape
/// (k_l^1, ..., k_l^D).
using TensorFilters = std::vector<RatTensor>;

/// The end-to-end filter w_L * ... * w_1 (full convolution, Prop. 4.14) of a
/// stride-one architecture of any dimension D >= 1, a tensor of shape
/// end_to_end_filter_shape().  Throws invalid_argument if the number or shapes
/// of the filters do not match, not_supported if some stride is > 1 (use mu()).
RatTensor mu_multi(const Architecture& arch, const TensorFilters& theta);

/// The Jacobian of mu_multi: prod_h k^h rows (entries of the end-to-end filter
/// in row-major order) and parameter_count() columns (layer by layer, each
/// filter in row-major order).  Exact; mu is multilinear, so column (l, j) is
/// the filter e_j * (the other filters).
RatMatrix jacobian_multi(const Architecture& arch, const TensorFilters& theta);

/// Splits a flat parameter vector (jacobian_multi's column order) into filters.
TensorFilters split_parameters_multi(const Architecture& arch, const std::vector<Rational>& flat);

/// The ring Q[x1, y1, ..., xD, yD] of eq. (4.5); throws invalid_argument for D < 1.
Ring multi_form_ring(int D);

/// pi(w) of eq. (4.5):
///     sum_i w_{i_1..i_D} x1^{i_1} y1^{k^1-1-i_1} ... xD^{i_D} yD^{k^D-1-i_D},
/// multi-homogeneous of degree k^h - 1 in (xh, yh).  Note the paper's index
/// convention here: w_0 goes with y^{k-1}, whereas eq. (2.8) pairs w_0 with
/// x^{k-1}; for D = 1, pi_(4.5)(w)(x, y) = pi_(2.8)(w)(y, x).  Both turn
/// convolution into multiplication (Prop. 4.14), see mu_multi.  Throws
/// invalid_argument if the ring has fewer than 2 D variables.
RatMPoly multi_filter_form(const RatTensor& w, const Ring& ring);

/// mu with symbolic filters: the ring Q[w1_0, w1_1, ..., wL_{k_L-1}] (1-D;
/// D-dimensional filters name their entries w<l>_<i_1>_..._<i_D>) and the
/// end-to-end filter entries as polynomials in the filter weights (row-major
/// for D > 1).  1-D architectures may have strides (Remark 2.8); D-dimensional
/// ones must have stride one.  Variables are in the Jacobian's column order.
struct SymbolicMu {
  Ring ring;  ///< the polynomial ring Q[w1_0, ..., wL_{k_L-1}] of the filter weights
  std::vector<int> shape;        ///< end-to-end filter shape
  std::vector<RatMPoly> filter;  ///< its entries
  /// d filter[i] / d variable j, a filter.size() x ring->nvars() matrix of polynomials.
  std::vector<std::vector<RatMPoly>> jacobian() const;
};
/// mu of the architecture with symbolic filter weights, exact.
SymbolicMu symbolic_mu(const Architecture& arch);

// ------------------------------------------------- Prop. 5.11: d mu (stride one)
//
// For stride one, d mu(theta) maps (dw_1, ..., dw_L) to
//     sum_l dw_l * prod_{m != l} pi(w_m)          (eq. 5.2),
// and by Lemma 5.12 its image is H(theta) = { h g : h in R[x,y]_{k-1-deg g} }
// (eq. 5.1) with g = gcd_l prod_{m != l} pi(w_m) (= gcd_l wbar / w_l; the
// product form is used so that a zero filter needs no division).  The
// functions below require s_1 = ... = s_{L-1} = 1 (s_L does not enter mu,
// Lemma 4.9(a)) and a 1-D architecture; they throw not_supported otherwise and
// invalid_argument if theta does not match the architecture.

/// g as a primitive integer form with first nonzero coefficient positive
/// (degree <= k - 1).  If two or more filters vanish, every product is zero
/// and g is the zero form (degree 0): then d mu(theta) = 0.
BinaryForm differential_generator(const Architecture& arch, const Filters& theta);

/// An exact basis of the image of d mu(theta): g x^r, g x^{r-1} y, ..., g y^r
/// with r = k - 1 - deg g (empty if g = 0).  Its size is the rank of
/// jacobian(arch, theta).
std::vector<BinaryForm> differential_image(const Architecture& arch, const Filters& theta);

/// rank d mu(theta) = k - deg g (0 if g = 0), computed from g alone.
int differential_rank(const Architecture& arch, const Filters& theta);

/// d mu(theta) is surjective iff gcd(pi(w_i), pi(w_j)) = 1 for all i != j
/// (Prop. 5.11), decided from the pairwise gcds (an independent route from
/// differential_generator).  A zero filter shares every factor with the
/// others: gcd(0, q) = q, so it is coprime only to nonzero constants.
bool differential_is_surjective(const Architecture& arch, const Filters& theta);

}  // namespace lcngeom

#endif
