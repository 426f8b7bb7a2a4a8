// lcngeom/detail/gram.hpp -- Gram matrices of inner products on forms of
// degree n, used by the parameter-space critical point code (Section 5.1,
// eq. 6.3) until the general inner-product module lands.
//
// An inner product on R[x,y]_n is <v, w>_Sigma = v^T Sigma w on coefficient
// vectors (a_0, ..., a_n); Sigma is (n+1) x (n+1), symmetric positive definite.
#ifndef LCNGEOM_DETAIL_GRAM_HPP
#define LCNGEOM_DETAIL_GRAM_HPP

#include <string>

#include "lcngeom/rat_matrix.hpp"

namespace lcngeom::detail {

/// The identity of size n + 1 (the standard coefficient-wise inner product).
RatMatrix euclidean_gram(int n);

/// The Bombieri inner product (eq. 6.10): <P, Q>_B = sum_i i!(n-i)!/n! p_i q_i,
/// i.e. diag(1 / binom(n, i)).  Throws invalid_argument for n < 0.
RatMatrix bombieri_gram(int n);

/// Throws invalid_argument (naming `what`) unless sigma is size x size,
/// symmetric and positive definite (exact: all pivots of symmetric Gaussian
/// elimination are positive, i.e. Sylvester's criterion).
void check_gram(const RatMatrix& sigma, long size, const std::string& what = "inner product matrix");

}  // namespace lcngeom::detail

#endif
