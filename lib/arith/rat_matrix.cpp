// RatMatrix: exact linear algebra over Q via fmpq_mat / fmpz_mat.
#include "lcngeom/rat_matrix.hpp"

#include <ostream>

#include <flint/fmpz_mat.h>
#include <flint/fmpz_vec.h>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

RatMatrix::RatMatrix() noexcept { fmpq_mat_init(v_, 0, 0); }
RatMatrix::RatMatrix(FromFlint, const void* m) {
  const auto* src = static_cast<const fmpq_mat_struct*>(m);
  fmpq_mat_init(v_, fmpq_mat_nrows(src), fmpq_mat_ncols(src));
  fmpq_mat_set(v_, src);
}
RatMatrix::RatMatrix(const RatMatrix& o) {
  fmpq_mat_init(v_, o.rows(), o.cols());
  fmpq_mat_set(v_, o.v_);
}
RatMatrix& RatMatrix::operator=(const RatMatrix& o) {
  if (this != &o) {
    RatMatrix t(o);
    v_.swap(t.v_);
  }
  return *this;
}
RatMatrix::~RatMatrix() { fmpq_mat_clear(v_); }

RatMatrix::RatMatrix(std::initializer_list<std::initializer_list<Rational>> rows)
    : RatMatrix(std::vector<std::vector<Rational>>(rows.begin(), rows.end())) {}

RatMatrix::RatMatrix(long rows, long cols) {
  if (rows < 0 || cols < 0)
    throw invalid_argument("matrix size " + std::to_string(rows) + " x " + std::to_string(cols) + " is negative");
  fmpq_mat_init(v_, rows, cols);
}

RatMatrix::RatMatrix(const std::vector<std::vector<Rational>>& rows) {
  const long r = static_cast<long>(rows.size());
  const long c = r ? static_cast<long>(rows[0].size()) : 0;
  for (const auto& row : rows)
    if (static_cast<long>(row.size()) != c)
      throw invalid_argument("ragged matrix: a row of length " + std::to_string(row.size()) + " among rows of length " +
                             std::to_string(c));
  fmpq_mat_init(v_, r, c);
  for (long i = 0; i < r; ++i)
    for (long j = 0; j < c; ++j)
      fmpq_set(fmpq_mat_entry(v_, i, j), rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)].raw());
}

RatMatrix RatMatrix::identity(long n) {
  RatMatrix m(n, n);
  fmpq_mat_one(m.v_);
  return m;
}

void RatMatrix::check_index(long i, long j) const {
  if (i < 0 || j < 0 || i >= rows() || j >= cols())
    throw invalid_argument("index (" + std::to_string(i) + ", " + std::to_string(j) + ") outside a " +
                           std::to_string(rows()) + " x " + std::to_string(cols()) + " matrix");
}

Rational RatMatrix::at(long i, long j) const {
  check_index(i, j);
  return Rational(fmpq_mat_entry(v_, i, j));
}

void RatMatrix::set(long i, long j, const Rational& value) {
  check_index(i, j);
  fmpq_set(fmpq_mat_entry(v_, i, j), value.raw());
}

long RatMatrix::rank() const {
  if (rows() == 0 || cols() == 0) return 0;
  RatMatrix r(rows(), cols());
  return fmpq_mat_rref(r.v_, v_);
}

RatMatrix RatMatrix::rref() const {
  RatMatrix r(rows(), cols());
  if (rows() && cols()) fmpq_mat_rref(r.v_, v_);
  return r;
}

RatMatrix RatMatrix::kernel() const {
  // Clear denominators row by row (does not change the kernel), then use
  // FLINT's integer nullspace.
  fmpz_mat_t A, N;
  fmpz_mat_init(A, rows(), cols());
  fmpz* den = _fmpz_vec_init(rows() > 0 ? rows() : 1);
  if (rows() > 0) fmpq_mat_get_fmpz_mat_rowwise(A, den, v_);
  _fmpz_vec_clear(den, rows() > 0 ? rows() : 1);
  fmpz_mat_init(N, cols(), cols());
  const long k = cols() ? fmpz_mat_nullspace(N, A) : 0;
  RatMatrix out(cols(), k);
  for (long i = 0; i < cols(); ++i)
    for (long j = 0; j < k; ++j) {
      fmpz_set(fmpq_mat_entry_num(out.v_, i, j), fmpz_mat_entry(N, i, j));
      fmpz_one(fmpq_mat_entry_den(out.v_, i, j));
    }
  fmpz_mat_clear(N);
  fmpz_mat_clear(A);
  return out;
}

RatMatrix RatMatrix::transpose() const {
  RatMatrix t(cols(), rows());
  fmpq_mat_transpose(t.v_, v_);
  return t;
}

bool RatMatrix::is_scalar() const {
  if (rows() != cols()) return false;
  for (long i = 0; i < rows(); ++i)
    for (long j = 0; j < cols(); ++j)
      if (i != j ? !fmpq_is_zero(fmpq_mat_entry(v_, i, j))
                 : !fmpq_equal(fmpq_mat_entry(v_, i, i), fmpq_mat_entry(v_, 0, 0)))
        return false;
  return true;
}

Rational RatMatrix::determinant() const {
  if (rows() != cols())
    throw invalid_argument("determinant of a non-square " + std::to_string(rows()) + " x " + std::to_string(cols()) +
                           " matrix");
  Rational d(1);
  if (rows()) fmpq_mat_det(d.raw(), v_);
  return d;
}

RatMatrix RatMatrix::inverse() const {
  if (rows() != cols())
    throw invalid_argument("inverse of a non-square " + std::to_string(rows()) + " x " + std::to_string(cols()) +
                           " matrix");
  RatMatrix inv(rows(), cols());
  if (rows() && !fmpq_mat_inv(inv.v_, v_)) throw domain_error("matrix is singular");
  return inv;
}

std::string RatMatrix::to_string() const {
  std::string s = "[";
  for (long i = 0; i < rows(); ++i) {
    s += i ? "; " : "";
    for (long j = 0; j < cols(); ++j) {
      if (j) s += ", ";
      s += Rational(fmpq_mat_entry(v_, i, j)).to_string();
    }
  }
  return s + "]";
}

RatMatrix operator*(const RatMatrix& a, const RatMatrix& b) {
  if (a.cols() != b.rows())
    throw invalid_argument("product of " + std::to_string(a.rows()) + " x " + std::to_string(a.cols()) + " and " +
                           std::to_string(b.rows()) + " x " + std::to_string(b.cols()) + " matrices");
  RatMatrix c(a.rows(), b.cols());
  fmpq_mat_mul(c.v_, a.v_, b.v_);
  return c;
}

RatMatrix operator+(const RatMatrix& a, const RatMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) throw invalid_argument("sum of matrices of different sizes");
  RatMatrix c(a.rows(), a.cols());
  fmpq_mat_add(c.v_, a.v_, b.v_);
  return c;
}

RatMatrix operator-(const RatMatrix& a, const RatMatrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) throw invalid_argument("difference of matrices of different sizes");
  RatMatrix c(a.rows(), a.cols());
  fmpq_mat_sub(c.v_, a.v_, b.v_);
  return c;
}

bool operator==(const RatMatrix& a, const RatMatrix& b) noexcept {
  return a.rows() == b.rows() && a.cols() == b.cols() && fmpq_mat_equal(a.v_, b.v_);
}

std::ostream& operator<<(std::ostream& os, const RatMatrix& m) { return os << m.to_string(); }

}  // namespace lcngeom
