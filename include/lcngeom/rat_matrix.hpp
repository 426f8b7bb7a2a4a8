// lcngeom/rat_matrix.hpp -- RatMatrix: an RAII value type over FLINT's fmpq_mat.
//
// Dense matrices over Q with exact rank, rref, kernel, inverse, determinant.
// Indices are 0-based (row, column); out-of-range access throws.  The
// fmpq_mat is reached with raw(), which needs <lcngeom/flint.hpp>.
#ifndef LCNGEOM_RAT_MATRIX_HPP
#define LCNGEOM_RAT_MATRIX_HPP

#include <initializer_list>
#include <iosfwd>
#include <string>
#include <vector>

#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// A dense matrix over Q with exact linear algebra (see the file comment); indices 0-based.
class RatMatrix {
 public:
  /// The 0 x 0 matrix.
  RatMatrix() noexcept;
  /// The zero matrix of the given size; throws invalid_argument for negative sizes.
  RatMatrix(long rows, long cols);
  /// From a list of equally long rows; throws invalid_argument on ragged input.
  explicit RatMatrix(const std::vector<std::vector<Rational>>& rows);
  /// The n x n identity; throws invalid_argument for n < 0.
  static RatMatrix identity(long n);

  /// From a braced list of rows: RatMatrix{{1, 2}, {3, 4}}; throws invalid_argument on ragged input.
  RatMatrix(std::initializer_list<std::initializer_list<Rational>> rows);
  /// Copies a FLINT fmpq_mat (needs <lcngeom/flint.hpp>).
  template <detail::flint_struct_of<RatMatrix> F>
  explicit RatMatrix(const F* m) : RatMatrix(from_flint, m) {}

  /// Value semantics: copies are deep, a moved-from matrix is 0 x 0.
  ///@{
  RatMatrix(const RatMatrix& o);
  RatMatrix(RatMatrix&& o) noexcept : RatMatrix() { v_.swap(o.v_); }
  RatMatrix& operator=(const RatMatrix& o);
  RatMatrix& operator=(RatMatrix&& o) noexcept {
    v_.swap(o.v_);
    return *this;
  }
  ///@}
  ~RatMatrix();

  /// The fmpq_mat (FLINT escape hatch): needs <lcngeom/flint.hpp>.
  template <class W = RatMatrix>
  detail::flint_t<W>* raw() noexcept {
    return v_.template get<W>();
  }
  /// The fmpq_mat (FLINT escape hatch), read-only: needs <lcngeom/flint.hpp>.
  template <class W = RatMatrix>
  const detail::flint_t<W>* raw() const noexcept {
    return v_.template get<W>();
  }

  // fmpq_mat_struct::r and ::c (checked in flint.hpp).
  /// Number of rows.
  long rows() const noexcept { return v_.word(1); }
  /// Number of columns.
  long cols() const noexcept { return v_.word(2); }
  /// Entry (i, j); throws invalid_argument out of range.
  Rational at(long i, long j) const;
  /// Sets entry (i, j); throws invalid_argument out of range.
  void set(long i, long j, const Rational& value);

  /// The rank over Q, exact.
  long rank() const;
  /// Reduced row echelon form.
  RatMatrix rref() const;
  /// A basis of {v : A v = 0}, as the columns of the returned cols x k matrix.
  RatMatrix kernel() const;
  /// The transpose.
  RatMatrix transpose() const;
  /// True iff the matrix is square and equal to c I for some rational c
  /// (c = 0 and the 0 x 0 matrix included), e.g. a whitened covariance (Lemma 6.3).
  bool is_scalar() const;
  /// Throws invalid_argument unless square.
  Rational determinant() const;
  /// Throws invalid_argument unless square, domain_error if singular.
  RatMatrix inverse() const;
  /// Rows separated by ";": "[1, 2; 3, 4]".
  std::string to_string() const;

  /// Throws invalid_argument on a size mismatch.
  friend RatMatrix operator*(const RatMatrix& a, const RatMatrix& b);
  /// Entrywise sum; throws invalid_argument on a size mismatch.
  friend RatMatrix operator+(const RatMatrix& a, const RatMatrix& b);
  /// Entrywise difference; throws invalid_argument on a size mismatch.
  friend RatMatrix operator-(const RatMatrix& a, const RatMatrix& b);
  /// Same size and equal entries.
  friend bool operator==(const RatMatrix& a, const RatMatrix& b) noexcept;

 private:
  struct FromFlint {};
  static constexpr FromFlint from_flint{};
  RatMatrix(FromFlint, const void* fmpq_mat_value);
  void check_index(long i, long j) const;
  detail::FlintCell<RatMatrix, 4> v_;
};

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const RatMatrix& m);

}  // namespace lcngeom

#endif
