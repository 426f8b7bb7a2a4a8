// double_convolution.hpp -- the convolutional matrices of eq. (2.3) and
// Section 2.3 in double precision, for the floating-point baselines of the
// benchmarks (the library itself is exact: lcngeom/convolution.hpp).
// Header-only; map a DoubleMatrix into Eigen with
//   Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(m.entries.data(), m.rows, m.cols)
#ifndef LCNGEOM_BENCH_DOUBLE_CONVOLUTION_HPP
#define LCNGEOM_BENCH_DOUBLE_CONVOLUTION_HPP

#include <string>
#include <vector>

#include "lcngeom/error.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom::bench {

/// A dense row-major matrix of doubles.
struct DoubleMatrix {
  long rows = 0, cols = 0;
  std::vector<double> entries;  ///< rows * cols, row-major

  DoubleMatrix() = default;
  /// The zero matrix; throws invalid_argument for negative sizes.
  DoubleMatrix(long r, long c) : rows(r), cols(c) {
    if (r < 0 || c < 0) throw invalid_argument("matrix size " + std::to_string(r) + " x " + std::to_string(c));
    entries.assign(static_cast<std::size_t>(r * c), 0.0);
  }
  double& operator()(long i, long j) { return entries[static_cast<std::size_t>(i * cols + j)]; }
  double operator()(long i, long j) const { return entries[static_cast<std::size_t>(i * cols + j)]; }

  /// Throws invalid_argument on a size mismatch.
  friend DoubleMatrix operator*(const DoubleMatrix& a, const DoubleMatrix& b) {
    if (a.cols != b.rows)
      throw invalid_argument("cannot multiply a " + std::to_string(a.rows) + " x " + std::to_string(a.cols) +
                             " by a " + std::to_string(b.rows) + " x " + std::to_string(b.cols) + " matrix");
    DoubleMatrix c(a.rows, b.cols);
    for (long i = 0; i < a.rows; ++i)
      for (long t = 0; t < a.cols; ++t) {
        const double x = a(i, t);
        if (x == 0.0) continue;
        for (long j = 0; j < b.cols; ++j) c(i, j) += x * b(t, j);
      }
    return c;
  }
};

/// lcngeom::toeplitz_matrix in double precision: W[i][i s + j] = w_j (eq. 2.3).
inline DoubleMatrix toeplitz_matrix_double(const std::vector<double>& w, int stride, int output_size) {
  if (w.empty() || stride < 1 || output_size < 1) throw invalid_argument("toeplitz_matrix_double: bad sizes");
  DoubleMatrix W(output_size, static_cast<long>(stride) * (output_size - 1) + static_cast<long>(w.size()));
  for (long i = 0; i < output_size; ++i)
    for (std::size_t j = 0; j < w.size(); ++j) W(i, i * stride + static_cast<long>(j)) = w[j];
  return W;
}

/// lcngeom::circulant_matrix in double precision: entry (i, (i s + j) mod n) = w_j.
inline DoubleMatrix circulant_matrix_double(const std::vector<double>& w, int stride, int size) {
  if (w.empty() || stride < 1 || static_cast<long>(w.size()) > size)
    throw invalid_argument("circulant_matrix_double: bad sizes");
  DoubleMatrix C(size, size);
  for (long i = 0; i < size; ++i)
    for (std::size_t j = 0; j < w.size(); ++j) C(i, (i * stride + static_cast<long>(j)) % size) = w[j];
  return C;
}

/// Each entry rounded to the nearest double.
inline DoubleMatrix to_double(const RatMatrix& M) {
  DoubleMatrix D(M.rows(), M.cols());
  for (long i = 0; i < M.rows(); ++i)
    for (long j = 0; j < M.cols(); ++j) D(i, j) = M.at(i, j).to_double();
  return D;
}

}  // namespace lcngeom::bench

#endif
