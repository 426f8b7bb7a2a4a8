// lcngeom/convolution.hpp -- convolutional matrices and tensors (eqs. 2.2,
// 2.3, 4.4, Section 2.3, Example 4.13, Prop. 4.14).
//
// A convolution with filter w in R^k and stride s maps R^{d_in} to R^{d_out},
// d_in = s (d_out - 1) + k (eq. 2.4), by (alpha(x))_i = sum_j w_j x_{i s + j}
// (eq. 2.2, "no padding").  Its matrix is the generalized Toeplitz matrix
//     W[i][i s + j] = w_j   (0 <= j < k),   all other entries 0      (eq. 2.3).
// The generalized circulant matrix of w with stride s and size n (Section 2.3)
// has w_j in row i, column (i s + j) mod n: the cyclic convolution.  For an
// architecture, C_l is the d_0 x d_0 circulant of w_l with stride s_l; its
// top-left d_l x d_{l-1} block is W_l, the product C_L ... C_1 is the circulant
// of the end-to-end filter with stride s_1 ... s_L, and the top d_L rows of
// that product are W_L ... W_1 (so both formulations give the same function
// space).
//
// For D-dimensional inputs (Section 4.3) a convolution is an order-2D tensor
// T in R^{Lambda_out x Lambda_in} with T[i, j] = w[j - s i] (eq. 4.4); its
// shape lists the D output extents, then the D input extents (Example 4.13:
// a 2x2 filter on a 3x2 input gives a 2x1x3x2 tensor).  Composition contracts
// the middle D modes.
//
// Everything here is exact (RatMatrix / RatTensor); double-precision copies
// for floating-point baselines live in bench/support/double_convolution.hpp.
#ifndef LCNGEOM_CONVOLUTION_HPP
#define LCNGEOM_CONVOLUTION_HPP

#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/tensor.hpp"

namespace lcngeom {

// ------------------------------------------------------------ 1-D, exact

/// The generalized Toeplitz matrix (2.3) of the filter w with the given stride
/// and output size: d_out x (s (d_out - 1) + k).  Throws invalid_argument for
/// an empty filter, stride < 1 or output size < 1.
RatMatrix toeplitz_matrix(const std::vector<Rational>& w, int stride, int output_size);

/// The generalized circulant matrix of w with stride s and size n >= k
/// (Section 2.3): entry (i, (i s + j) mod n) = w_j.  Throws invalid_argument
/// for k > n, an empty filter or s < 1.
RatMatrix circulant_matrix(const std::vector<Rational>& w, int stride, int size);

/// The filter of a generalized Toeplitz matrix with the given stride:
/// k = cols - s (rows - 1).  Throws domain_error if W does not have the
/// pattern (2.3) exactly (zeros outside the band, repeated entries), i.e. if
/// W is not a convolution with stride s.
std::vector<Rational> toeplitz_filter(const RatMatrix& W, int stride);

/// W_1, ..., W_L of a 1-D architecture (W_l is d_l x d_{l-1}, eq. 2.4).
/// Throws invalid_argument if theta does not match the architecture,
/// domain_error for D > 1.
std::vector<RatMatrix> layer_matrices(const Architecture& arch, const Filters& theta);

/// The end-to-end matrix W_L ... W_1 (d_L x d_0).  By Prop. 2.2 and (2.7) it is
/// toeplitz_matrix(mu(arch, theta).coefficients(), s_1 ... s_L, d_L).
RatMatrix end_to_end_matrix(const Architecture& arch, const Filters& theta);

/// The d_0 x d_0 circulant matrices C_1, ..., C_L (C_l has stride s_l).
std::vector<RatMatrix> circulant_layer_matrices(const Architecture& arch, const Filters& theta);

/// The top-left rows x cols block of M; throws invalid_argument if too large.
RatMatrix top_left_block(const RatMatrix& M, long rows, long cols);

// ------------------------------------------------------------ D dimensions

/// The convolutional tensor (4.4) of a D-dimensional filter w with stride s
/// and output extents d_out (D entries): shape (d_out^1..d_out^D,
/// d_in^1..d_in^D) with d_in^h = s (d_out^h - 1) + k^h, T[i, j] = w[j - s i]
/// where defined, 0 elsewhere.  Throws invalid_argument on a dimension
/// mismatch, an extent < 1 or s < 1.
RatTensor convolutional_tensor(const RatTensor& w, const std::vector<int>& output_extents, int stride = 1);

/// The filter of a convolutional tensor with the given stride; throws
/// domain_error if T does not have the pattern (4.4) exactly, invalid_argument
/// if its order is odd.
RatTensor tensor_filter(const RatTensor& T, int stride = 1);

/// The composition outer o inner of two order-2D tensors (the linear maps
/// R^{Lambda_in} -> R^{Lambda_mid} -> R^{Lambda_out}): contracts the last D
/// modes of `outer` with the first D modes of `inner`.  Throws
/// invalid_argument if the middle extents differ.
RatTensor compose(const RatTensor& outer, const RatTensor& inner);

/// An order-2D tensor as the (prod d_out) x (prod d_in) matrix of its linear
/// map, multi-indices flattened row-major.  Throws invalid_argument for odd order.
RatMatrix unfold(const RatTensor& T);

/// The layer tensors T_1, ..., T_L of a stride-one architecture (any D;
/// extents from Architecture::widths()).  Throws as mu_multi.
std::vector<RatTensor> layer_tensors(const Architecture& arch, const TensorFilters& theta);

/// T_L o ... o T_1.  By Prop. 4.14 it is the convolutional tensor of
/// mu_multi(arch, theta) with the architecture's output extents.
RatTensor end_to_end_tensor(const Architecture& arch, const TensorFilters& theta);

}  // namespace lcngeom

#endif
