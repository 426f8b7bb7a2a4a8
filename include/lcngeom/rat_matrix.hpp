// lcngeom/rat_matrix.hpp -- RatMatrix: an RAII value type over FLINT's fmpq_mat.
//
// Dense matrices over Q with exact rank, rref, kernel, inverse, determinant.
// Indices are 0-based (row, column); out-of-range access throws.
#ifndef LCNGEOM_RAT_MATRIX_HPP
#define LCNGEOM_RAT_MATRIX_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include <flint/fmpq_mat.h>

#include "lcngeom/rational.hpp"

namespace lcngeom {

class RatMatrix {
 public:
  /// The 0 x 0 matrix.
  RatMatrix() { fmpq_mat_init(v_, 0, 0); }
  /// The zero matrix of the given size; throws invalid_argument for negative sizes.
  RatMatrix(long rows, long cols);
  /// From a list of equally long rows; throws invalid_argument on ragged input.
  explicit RatMatrix(const std::vector<std::vector<Rational>>& rows);
  static RatMatrix identity(long n);

  RatMatrix(const RatMatrix& o) {
    fmpq_mat_init(v_, o.rows(), o.cols());
    fmpq_mat_set(v_, o.v_);
  }
  RatMatrix(RatMatrix&& o) noexcept {
    fmpq_mat_init(v_, 0, 0);
    fmpq_mat_swap(v_, o.v_);
  }
  RatMatrix& operator=(const RatMatrix& o) {
    if (this != &o) {
      RatMatrix t(o);
      fmpq_mat_swap(v_, t.v_);
    }
    return *this;
  }
  RatMatrix& operator=(RatMatrix&& o) noexcept {
    fmpq_mat_swap(v_, o.v_);
    return *this;
  }
  ~RatMatrix() { fmpq_mat_clear(v_); }

  fmpq_mat_struct* raw() noexcept { return v_; }
  const fmpq_mat_struct* raw() const noexcept { return v_; }

  long rows() const noexcept { return fmpq_mat_nrows(v_); }
  long cols() const noexcept { return fmpq_mat_ncols(v_); }
  Rational at(long i, long j) const;
  void set(long i, long j, const Rational& value);

  long rank() const;
  /// Reduced row echelon form.
  RatMatrix rref() const;
  /// A basis of {v : A v = 0}, as the columns of the returned cols x k matrix.
  RatMatrix kernel() const;
  RatMatrix transpose() const;
  /// True iff the matrix is square and equal to c I for some rational c
  /// (c = 0 and the 0 x 0 matrix included), e.g. a whitened covariance (Lemma 6.3).
  bool is_scalar() const;
  /// Throws invalid_argument unless square.
  Rational determinant() const;
  /// Throws invalid_argument unless square, domain_error if singular.
  RatMatrix inverse() const;
  std::string to_string() const;

  /// Throws invalid_argument on a size mismatch.
  friend RatMatrix operator*(const RatMatrix& a, const RatMatrix& b);
  friend RatMatrix operator+(const RatMatrix& a, const RatMatrix& b);
  friend RatMatrix operator-(const RatMatrix& a, const RatMatrix& b);
  friend bool operator==(const RatMatrix& a, const RatMatrix& b) noexcept;

 private:
  void check_index(long i, long j) const;
  fmpq_mat_t v_;
};

std::ostream& operator<<(std::ostream& os, const RatMatrix& m);

}  // namespace lcngeom

#endif
