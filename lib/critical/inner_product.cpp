#include "lcngeom/inner_product.hpp"

#include <cctype>
#include <string>
#include <vector>

#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

RatMatrix bombieri_matrix(int n) {
  RatMatrix m(n + 1, n + 1);
  fmpz_t b;
  fmpz_init(b);
  for (int i = 0; i <= n; ++i) {
    fmpz_bin_uiui(b, static_cast<ulong>(n), static_cast<ulong>(i));  // i!(n-i)!/n! = 1/binom(n,i)
    m.set(i, i, Rational(Integer(1L), Integer(b)));
  }
  fmpz_clear(b);
  return m;
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

// Leading principal minor of order j (1-based); the first one <= 0 is reported.
int first_nonpositive_minor(const RatMatrix& m, Rational& value) {
  for (long j = 1; j <= m.rows(); ++j) {
    RatMatrix sub(j, j);
    for (long a = 0; a < j; ++a)
      for (long b = 0; b < j; ++b) sub.set(a, b, m.at(a, b));
    value = sub.determinant();
    if (value.sign() <= 0) return static_cast<int>(j);
  }
  return 0;
}

void check_spd(const RatMatrix& m, const char* what) {
  if (m.rows() < 1 || m.rows() != m.cols())
    throw invalid_argument(std::string(what) + " must be a nonempty square matrix, got " + std::to_string(m.rows()) +
                           " x " + std::to_string(m.cols()));
  for (long i = 0; i < m.rows(); ++i)
    for (long j = i + 1; j < m.cols(); ++j)
      if (!(m.at(i, j) == m.at(j, i)))
        throw invalid_argument(std::string(what) + " is not symmetric: entry (" + std::to_string(i) + "," +
                               std::to_string(j) + ") = " + m.at(i, j).to_string() + " but (" + std::to_string(j) +
                               "," + std::to_string(i) + ") = " + m.at(j, i).to_string());
  Rational v;
  if (int j = first_nonpositive_minor(m, v))
    throw invalid_argument(std::string(what) + " is not positive definite: leading principal minor of order " +
                           std::to_string(j) + " is " + v.to_string() + " (matrix " + m.to_string() + ")");
}

std::vector<Rational> coeffs_checked(const BinaryForm& p, int n) {
  if (p.degree() != n)
    throw invalid_argument("inner product on forms of degree " + std::to_string(n) + " applied to a form of degree " +
                           std::to_string(p.degree()) + ": " + p.to_string());
  return p.coefficients();
}

}  // namespace

namespace {

// The Gram matrix has (n+1)^2 exact entries: refuse a size that is only a typo
// (--degree 1000000 would ask for 10^12 of them).
void check_degree(int n) {
  if (n < 0) throw invalid_argument("degree of an inner product must be >= 0, got " + std::to_string(n));
  if (n > kMaxInnerProductDegree)
    throw invalid_argument("degree " + std::to_string(n) + " of an inner product is above the limit " +
                           std::to_string(kMaxInnerProductDegree) + " (its matrix would have " +
                           std::to_string((static_cast<long>(n) + 1) * (n + 1)) + " entries)");
}

}  // namespace

InnerProduct InnerProduct::euclidean(int n) {
  check_degree(n);
  return InnerProduct(RatMatrix::identity(n + 1), Kind::euclidean);
}

InnerProduct InnerProduct::bombieri(int n) {
  check_degree(n);
  return InnerProduct(bombieri_matrix(n), Kind::bombieri);
}

InnerProduct::InnerProduct(RatMatrix sigma) : sigma_(std::move(sigma)) {
  check_spd(sigma_, "inner product matrix");
  const int n = static_cast<int>(sigma_.rows()) - 1;
  if (sigma_ == RatMatrix::identity(n + 1)) kind_ = Kind::euclidean;
  else if (sigma_ == bombieri_matrix(n)) kind_ = Kind::bombieri;
  else kind_ = Kind::custom;
}

InnerProduct InnerProduct::parse(std::string_view text, int n) {
  check_degree(n);
  const std::string t = trim(text);
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "euclidean" || lower == "identity" || lower == "i") return euclidean(n);
  if (lower == "bombieri" || lower == "b") return bombieri(n);
  std::string body = t;
  if (!body.empty() && (body.front() == '[' || body.front() == '(')) body = body.substr(1);
  if (!body.empty() && (body.back() == ']' || body.back() == ')')) body.pop_back();
  std::vector<std::vector<Rational>> rows;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t semi = body.find(';', start);
    std::string row = body.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    std::vector<Rational> entries;
    std::string tok;
    auto flush = [&] {
      if (!tok.empty()) {
        try {
          entries.emplace_back(std::string_view(tok));
        } catch (const error&) {
          throw parse_error("inner product matrix: cannot read entry '" + tok + "' in '" + std::string(text) +
                            "' (expected euclidean, bombieri or rows 'a,b,...;c,d,...')");
        }
        tok.clear();
      }
    };
    for (char c : row) {
      if (c == ',' || std::isspace(static_cast<unsigned char>(c))) flush();
      else tok += c;
    }
    flush();
    if (entries.empty())
      throw parse_error("inner product matrix: empty row in '" + std::string(text) +
                        "' (expected euclidean, bombieri or rows 'a,b,...;c,d,...')");
    rows.push_back(std::move(entries));
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  const std::size_t size = static_cast<std::size_t>(n) + 1;
  if (rows.size() != size)
    throw invalid_argument("inner product matrix '" + std::string(text) + "' has " + std::to_string(rows.size()) +
                           " rows; forms of degree " + std::to_string(n) + " need " + std::to_string(size));
  for (const auto& r : rows)
    if (r.size() != size)
      throw invalid_argument("inner product matrix '" + std::string(text) + "' has a row of length " +
                             std::to_string(r.size()) + "; expected " + std::to_string(size));
  return InnerProduct(RatMatrix(rows));
}

std::string InnerProduct::name() const {
  switch (kind_) {
    case Kind::euclidean: return "euclidean";
    case Kind::bombieri: return "bombieri";
    default: return "custom";
  }
}

Rational InnerProduct::operator()(const BinaryForm& p, const BinaryForm& q) const {
  const int n = degree();
  return detail::bilinear_form(detail::RationalField{}, sigma_, coeffs_checked(p, n), coeffs_checked(q, n));
}

Rational InnerProduct::distance_squared(const BinaryForm& p, const BinaryForm& q) const {
  coeffs_checked(p, degree());
  coeffs_checked(q, degree());
  return norm_squared(p - q);
}

bool is_symmetric_positive_definite(const RatMatrix& m) {
  if (m.rows() < 1 || m.rows() != m.cols()) return false;
  for (long i = 0; i < m.rows(); ++i)
    for (long j = i + 1; j < m.cols(); ++j)
      if (!(m.at(i, j) == m.at(j, i))) return false;
  Rational v;
  return first_nonpositive_minor(m, v) == 0;
}

RatMatrix tau(const RatMatrix& m, int k, int stride, ConvolutionKind kind) {
  if (m.rows() != m.cols() || m.rows() < 1)
    throw invalid_argument("tau: the covariance XX^T must be a nonempty square matrix, got " +
                           std::to_string(m.rows()) + " x " + std::to_string(m.cols()));
  if (k < 1) throw invalid_argument("tau: filter size k must be >= 1, got " + std::to_string(k));
  if (stride < 1) throw invalid_argument("tau: stride must be >= 1, got " + std::to_string(stride));
  const long d0 = m.rows();
  if (k > d0)
    throw invalid_argument("tau: filter size k = " + std::to_string(k) +
                           " exceeds the input size d0 = " + std::to_string(d0));
  RatMatrix t(k, k);
  if (kind == ConvolutionKind::toeplitz) {
    if ((d0 - k) % stride != 0)
      throw invalid_argument("tau: input size d0 = " + std::to_string(d0) + " is not s (d_L - 1) + k for k = " +
                             std::to_string(k) + ", s = " + std::to_string(stride) + " (eq. 2.4)");
    const long dl = (d0 - k) / stride + 1;
    for (int i = 0; i < k; ++i)
      for (int j = 0; j < k; ++j) {
        Rational s;
        for (long r = 0; r < dl; ++r) s += m.at(i + stride * r, j + stride * r);
        t.set(i, j, s);
      }
  } else {
    for (int i = 0; i < k; ++i)
      for (int j = 0; j < k; ++j) {
        Rational s;
        for (long r = 0; r < d0; ++r) s += m.at((i + stride * r) % d0, (j + stride * r) % d0);
        t.set(i, j, s);
      }
  }
  return t;
}

InnerProduct data_inner_product(const RatMatrix& xxt, int k, int stride, ConvolutionKind kind) {
  check_spd(xxt, "data covariance XX^T");
  return InnerProduct(tau(xxt, k, stride, kind));
}

RatMatrix unconstrained_optimum(const RatMatrix& x, const RatMatrix& y) {
  if (x.cols() != y.cols())
    throw invalid_argument("unconstrained_optimum: X has " + std::to_string(x.cols()) + " samples but Y has " +
                           std::to_string(y.cols()));
  RatMatrix xt = x.transpose();
  RatMatrix xxt = x * xt;
  if (xxt.rank() < xxt.rows())
    throw domain_error("unconstrained_optimum: XX^T is singular (rank " + std::to_string(xxt.rank()) + " < " +
                       std::to_string(xxt.rows()) + ")");
  return y * xt * xxt.inverse();
}

namespace {

// Output rows of the convolution and the column index of filter entry i in row r.
long output_rows(long d0, int k, int stride, ConvolutionKind kind) {
  if (kind == ConvolutionKind::circulant) return d0;
  if (k > d0 || (d0 - k) % stride != 0)
    throw invalid_argument("input size d0 = " + std::to_string(d0) + " is not s (d_L - 1) + k for k = " +
                           std::to_string(k) + ", s = " + std::to_string(stride) + " (eq. 2.4)");
  return (d0 - k) / stride + 1;
}

long column_of(long r, int i, int stride, long d0, ConvolutionKind kind) {
  long c = i + static_cast<long>(stride) * r;
  return kind == ConvolutionKind::circulant ? c % d0 : c;
}

}  // namespace

FilterSquareLoss filter_square_loss(const RatMatrix& x, const RatMatrix& y, int k, int stride, ConvolutionKind kind) {
  if (k < 1) throw invalid_argument("filter size k must be >= 1, got " + std::to_string(k));
  if (stride < 1) throw invalid_argument("stride must be >= 1, got " + std::to_string(stride));
  const long d0 = x.rows();
  const long dl = output_rows(d0, k, stride, kind);
  if (y.rows() != dl || y.cols() != x.cols())
    throw invalid_argument("filter_square_loss: Y must be " + std::to_string(dl) + " x " + std::to_string(x.cols()) +
                           ", got " + std::to_string(y.rows()) + " x " + std::to_string(y.cols()));
  RatMatrix xxt = x * x.transpose();
  InnerProduct sigma = data_inner_product(xxt, k, stride, kind);
  RatMatrix yxt = y * x.transpose();
  RatMatrix c(k, 1);
  for (int i = 0; i < k; ++i) {
    Rational s;
    for (long r = 0; r < dl; ++r) s += yxt.at(r, column_of(r, i, stride, d0, kind));
    c.set(i, 0, s);
  }
  RatMatrix u = sigma.matrix().inverse() * c;
  std::vector<Rational> coeffs;
  for (int i = 0; i < k; ++i) coeffs.push_back(u.at(i, 0));
  Rational yy;
  for (long i = 0; i < y.rows(); ++i)
    for (long j = 0; j < y.cols(); ++j) yy += y.at(i, j) * y.at(i, j);
  RatMatrix utsu = u.transpose() * sigma.matrix() * u;
  return {sigma, BinaryForm(coeffs), yy - utsu.at(0, 0)};
}

Rational data_square_loss(const RatMatrix& x, const RatMatrix& y, const std::vector<Rational>& w, int stride,
                          ConvolutionKind kind) {
  const int k = static_cast<int>(w.size());
  if (k < 1) throw invalid_argument("data_square_loss: empty filter");
  if (stride < 1) throw invalid_argument("stride must be >= 1, got " + std::to_string(stride));
  const long d0 = x.rows();
  const long dl = output_rows(d0, k, stride, kind);
  RatMatrix wm(dl, d0);
  for (long r = 0; r < dl; ++r)
    for (int i = 0; i < k; ++i) {
      const long c = column_of(r, i, stride, d0, kind);
      wm.set(r, c, wm.at(r, c) + w[static_cast<std::size_t>(i)]);
    }
  RatMatrix diff = wm * x - y;
  Rational s;
  for (long i = 0; i < diff.rows(); ++i)
    for (long j = 0; j < diff.cols(); ++j) s += diff.at(i, j) * diff.at(i, j);
  return s;
}

}  // namespace lcngeom
