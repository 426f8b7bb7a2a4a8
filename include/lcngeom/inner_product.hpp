// lcngeom/inner_product.hpp -- inner products on binary forms of degree n
// (Section 6.1: the square loss as a weighted distance; eqs. 6.1-6.4, 6.10,
// Remark 6.2, Lemma 6.3, Remark 6.4, Example 6.11).
//
// An InnerProduct on R[x,y]_n is a symmetric positive definite (n+1) x (n+1)
// rational matrix Sigma acting on coefficient vectors (a_0, ..., a_n) in the
// paper's order (a_0 x^n + ... + a_n y^n):
//     <p, q>_Sigma = p^T Sigma q,      ||p||^2_Sigma = p^T Sigma p.
// Built-in choices: the Euclidean product (Sigma = I, the "generic" ED
// degrees of Section 6.2) and the Bombieri product (eq. 6.10,
// Sigma = diag(i! (n-i)! / n!), the "special" ED degrees of Remark 6.8).
// Any other SPD rational matrix is accepted after an exact check; data
// matrices induce one through tau(XX^T) (eq. 6.4).
//
// Example:
//   auto B = lcngeom::InnerProduct::bombieri(2);     // diag(1, 1/2, 1)
//   B.norm_squared(lcngeom::BinaryForm{1, 2, 1});     // 1 + 2 + 1 = 4
//   lcngeom::RatMatrix xxt = ...diag(3/4, 1/4, 1/4, 3/4)...;
//   lcngeom::data_inner_product(xxt, 3) == B;         // Example 6.11
#ifndef LCNGEOM_INNER_PRODUCT_HPP
#define LCNGEOM_INNER_PRODUCT_HPP

#include <string>
#include <string_view>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// Largest degree n for euclidean(), bombieri() and parse(): the matrix has
/// (n+1)^2 exact entries (about 17 MB at the limit).
inline constexpr int kMaxInnerProductDegree = 1024;

/// A Sigma-inner product <p, q>_Sigma = p^T Sigma q on the binary forms R[x,y]_n of degree n,
/// coefficients in the order a_0..a_n (eq. 2.8); Sigma symmetric positive definite over Q.
/// Euclidean (Sigma = I), Bombieri (eq. 6.10) or any SPD matrix (eq. 6.3 for data). Exact.
class InnerProduct {
 public:
  /// Which Sigma: the identity, the Bombieri matrix, or another SPD matrix.
  enum class Kind { euclidean, bombieri, custom };

  /// Sigma = I on R[x,y]_n; throws invalid_argument for n < 0 or n > kMaxInnerProductDegree.
  static InnerProduct euclidean(int n);
  /// Bombieri (eq. 6.10): Sigma = diag(i! (n-i)! / n!) = diag(1 / binom(n, i)).
  /// For n = 2: diag(1, 1/2, 1).  Invariant under the orthogonal group O(2)
  /// acting on (x, y).
  static InnerProduct bombieri(int n);
  /// Any symmetric positive definite rational matrix of size >= 1.  SPD is
  /// verified exactly (symmetry and all leading principal minors > 0);
  /// otherwise throws invalid_argument naming the failing minor.  A matrix
  /// equal to I or to the Bombieri matrix gets that kind.
  explicit InnerProduct(RatMatrix sigma);
  /// "euclidean" | "bombieri" | a matrix "s00,s01,...;s10,...;..." (rows
  /// separated by ';', entries by ',' or blanks, exact rationals or
  /// decimals).  n is the degree of the forms (the matrix must be
  /// (n+1) x (n+1)).  Throws parse_error / invalid_argument.
  static InnerProduct parse(std::string_view text, int n);

  /// Degree n of the forms (matrix size n + 1).
  int degree() const noexcept { return static_cast<int>(sigma_.rows()) - 1; }
  /// Sigma, (n+1) x (n+1).
  const RatMatrix& matrix() const noexcept { return sigma_; }
  /// Whether Sigma is I, the Bombieri matrix or another.
  Kind kind() const noexcept { return kind_; }
  /// "euclidean", "bombieri" or "custom".
  std::string name() const;

  /// <p, q>_Sigma; throws invalid_argument unless deg p = deg q = degree().
  Rational operator()(const BinaryForm& p, const BinaryForm& q) const;
  /// ||p||^2_Sigma = <p, p>_Sigma; throws invalid_argument unless deg p = degree().
  Rational norm_squared(const BinaryForm& p) const { return (*this)(p, p); }
  /// ||p - q||^2_Sigma.
  Rational distance_squared(const BinaryForm& p, const BinaryForm& q) const;

  /// Equal matrices (hence equal kinds).
  friend bool operator==(const InnerProduct& a, const InnerProduct& b) noexcept { return a.sigma_ == b.sigma_; }

 private:
  InnerProduct(RatMatrix sigma, Kind kind) : sigma_(std::move(sigma)), kind_(kind) {}
  RatMatrix sigma_;
  Kind kind_ = Kind::custom;
};

/// Exact test: M square, symmetric, and every leading principal minor > 0
/// (Sylvester's criterion).
bool is_symmetric_positive_definite(const RatMatrix& m);

/// Convolutional matrices (Toeplitz, eq. 2.6) or their cyclic version
/// (circulant, Remark 6.2).
enum class ConvolutionKind { toeplitz, circulant };

/// The operator tau of eq. (6.4): for a d0 x d0 matrix M, filter size k and
/// stride s,
///   Toeplitz:  tau(M)_{ij} = sum_{m=0}^{d_L-1} M_{i+sm, j+sm},  d_L = (d0 - k)/s + 1
///              (d0 = s (d_L - 1) + k must hold exactly);
///   circulant: tau(M)_{ij} = sum_{m=0}^{d0-1} M_{(i+sm) mod d0, (j+sm) mod d0}
///              (Remark 6.2; the d0 x d0 circulant matrix has d0 rows), k <= d0.
/// Result k x k.  Throws invalid_argument for a non-square M, k < 1, s < 1 or
/// sizes that do not fit.
RatMatrix tau(const RatMatrix& m, int k, int stride = 1, ConvolutionKind kind = ConvolutionKind::toeplitz);

/// The inner product Sigma = tau(XX^T) on R[x,y]_{k-1} induced by data with
/// input covariance XX^T (eq. 6.3).  Throws invalid_argument if XX^T is not
/// symmetric positive definite (then tau(XX^T) is SPD: its m = 0 term is a
/// principal submatrix of XX^T and the others are PSD).
InnerProduct data_inner_product(const RatMatrix& xxt, int k, int stride = 1,
                                ConvolutionKind kind = ConvolutionKind::toeplitz);

/// U = Y X^T (X X^T)^{-1}, the unconstrained least-squares solution of
/// min_V ||V X - Y||^2 (eq. 6.1).  X is d0 x N, Y is dL x N; throws
/// invalid_argument on a size mismatch, domain_error if X X^T is singular.
RatMatrix unconstrained_optimum(const RatMatrix& x, const RatMatrix& y);

/// The square loss of a one-layer convolution written on filters (eq. 6.3):
///   ||W(w) X - Y||^2 = ||w - u||^2_Sigma + constant   for every filter w in Q^k,
/// with Sigma = tau(XX^T) and the target filter u = Sigma^{-1} c,
/// c_i = sum_m (Y X^T)_{m, i+sm} (cyclic indices in the circulant case).  When
/// U = Y X^T (XX^T)^{-1} is itself convolutional with filter u0, u = u0; in
/// general u is the Sigma-orthogonal projection of U onto the convolutional
/// matrices (text after eq. 6.1).  The target is returned as the form pi(u).
struct FilterSquareLoss {
  InnerProduct sigma;  ///< Sigma = tau(XX^T) (eq. 6.3)
  BinaryForm target;  ///< pi(u), u = Sigma^{-1} c
  Rational constant;  ///< ||W(w) X - Y||^2 - ||w - u||^2_Sigma, independent of w
};
/// The FilterSquareLoss of data X (d0 x N), Y (dL x N) for filters of size k and stride s
/// (Toeplitz or circulant convolution), exact; throws invalid_argument on a size mismatch,
/// domain_error if Sigma is singular.
FilterSquareLoss filter_square_loss(const RatMatrix& x, const RatMatrix& y, int k, int stride = 1,
                                    ConvolutionKind kind = ConvolutionKind::toeplitz);

/// ||W(w) X - Y||^2 evaluated directly from the convolutional matrix W(w)
/// (the reference filter_square_loss is checked against).  Output rows d_L
/// (Toeplitz) or d0 (circulant) are taken from Y.
Rational data_square_loss(const RatMatrix& x, const RatMatrix& y, const std::vector<Rational>& w, int stride = 1,
                          ConvolutionKind kind = ConvolutionKind::toeplitz);

}  // namespace lcngeom

#endif
