// Generalized Toeplitz / circulant matrices and convolutional tensors.
#include "lcngeom/convolution.hpp"

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

void check_conv_args(std::size_t k, int stride, int size, const char* size_name) {
  if (k == 0) throw invalid_argument("a filter needs at least one weight");
  if (stride < 1) throw invalid_argument("stride " + std::to_string(stride) + " is not positive");
  if (size < 1) throw invalid_argument(std::string(size_name) + " " + std::to_string(size) + " is not positive");
}

long input_size_for(std::size_t k, int stride, int output_size) {
  const long n = static_cast<long>(stride) * (output_size - 1) + static_cast<long>(k);
  if (n > 100000000L) throw invalid_argument("convolution with input size " + std::to_string(n) + " is too large");
  return n;
}

void check_circulant(std::size_t k, int stride, int size) {
  check_conv_args(k, stride, size, "circulant size");
  if (static_cast<long>(k) > size)
    throw invalid_argument("filter size " + std::to_string(k) + " exceeds the circulant size " + std::to_string(size));
}

}  // namespace

RatMatrix toeplitz_matrix(const std::vector<Rational>& w, int stride, int output_size) {
  check_conv_args(w.size(), stride, output_size, "output size");
  RatMatrix W(output_size, input_size_for(w.size(), stride, output_size));
  for (long i = 0; i < output_size; ++i)  // W[i][i s + j] = w_j (eq. 2.3)
    for (std::size_t j = 0; j < w.size(); ++j) W.set(i, i * stride + static_cast<long>(j), w[j]);
  return W;
}

RatMatrix circulant_matrix(const std::vector<Rational>& w, int stride, int size) {
  check_circulant(w.size(), stride, size);
  RatMatrix C(size, size);
  for (long i = 0; i < size; ++i)
    for (std::size_t j = 0; j < w.size(); ++j) C.set(i, (i * stride + static_cast<long>(j)) % size, w[j]);
  return C;
}

std::vector<Rational> toeplitz_filter(const RatMatrix& W, int stride) {
  if (stride < 1) throw invalid_argument("stride " + std::to_string(stride) + " is not positive");
  if (W.rows() < 1) throw domain_error("a matrix with no rows is not a convolution");
  const long k = W.cols() - static_cast<long>(stride) * (W.rows() - 1);
  if (k < 1)
    throw domain_error("a " + std::to_string(W.rows()) + " x " + std::to_string(W.cols()) +
                       " matrix is not a convolution with stride " + std::to_string(stride) +
                       " (eq. 2.4 gives filter size " + std::to_string(k) + ")");
  std::vector<Rational> w;
  for (long j = 0; j < k; ++j) w.push_back(W.at(0, j));
  for (long i = 0; i < W.rows(); ++i)
    for (long c = 0; c < W.cols(); ++c) {
      const long j = c - i * stride;
      const Rational want = (j >= 0 && j < k) ? w[static_cast<std::size_t>(j)] : Rational();
      if (W.at(i, c) != want)
        throw domain_error("entry (" + std::to_string(i) + ", " + std::to_string(c) + ") = " + W.at(i, c).to_string() +
                           " breaks the convolution pattern (2.3) with stride " + std::to_string(stride) +
                           " (expected " + want.to_string() + ")");
    }
  return w;
}

std::vector<RatMatrix> layer_matrices(const Architecture& arch, const Filters& theta) {
  mu(arch, theta);  // validates theta against the architecture (and D = 1)
  const std::vector<int> d = arch.widths_1d();
  std::vector<RatMatrix> W;
  for (std::size_t l = 0; l < theta.size(); ++l) W.push_back(toeplitz_matrix(theta[l], arch.strides()[l], d[l + 1]));
  return W;
}

RatMatrix end_to_end_matrix(const Architecture& arch, const Filters& theta) {
  const std::vector<RatMatrix> W = layer_matrices(arch, theta);
  RatMatrix P = W.front();
  for (std::size_t l = 1; l < W.size(); ++l) P = W[l] * P;
  return P;
}

std::vector<RatMatrix> circulant_layer_matrices(const Architecture& arch, const Filters& theta) {
  mu(arch, theta);
  const int d0 = arch.widths_1d().front();
  std::vector<RatMatrix> C;
  for (std::size_t l = 0; l < theta.size(); ++l) C.push_back(circulant_matrix(theta[l], arch.strides()[l], d0));
  return C;
}

RatMatrix top_left_block(const RatMatrix& M, long rows, long cols) {
  if (rows < 0 || cols < 0 || rows > M.rows() || cols > M.cols())
    throw invalid_argument("block " + std::to_string(rows) + " x " + std::to_string(cols) + " of a " +
                           std::to_string(M.rows()) + " x " + std::to_string(M.cols()) + " matrix");
  RatMatrix B(rows, cols);
  for (long i = 0; i < rows; ++i)
    for (long j = 0; j < cols; ++j) B.set(i, j, M.at(i, j));
  return B;
}

// ------------------------------------------------------------ tensors

RatTensor convolutional_tensor(const RatTensor& w, const std::vector<int>& output_extents, int stride) {
  const std::size_t D = static_cast<std::size_t>(w.order());
  if (output_extents.size() != D)
    throw invalid_argument(std::to_string(output_extents.size()) + " output extents for a " + std::to_string(D) +
                           "-dimensional filter");
  if (stride < 1) throw invalid_argument("stride " + std::to_string(stride) + " is not positive");
  std::vector<int> shape = output_extents;
  for (std::size_t h = 0; h < D; ++h) {
    if (output_extents[h] < 1)
      throw invalid_argument("output extent " + std::to_string(output_extents[h]) + " is not positive");
    shape.push_back(
        static_cast<int>(input_size_for(static_cast<std::size_t>(w.shape()[h]), stride, output_extents[h])));
  }
  RatTensor T(shape);
  const RatTensor out_probe(output_extents);
  std::vector<int> idx(2 * D);
  for (long o = 0; o < out_probe.size(); ++o) {
    const std::vector<int> i = out_probe.index_of(o);
    for (long f = 0; f < w.size(); ++f) {
      const std::vector<int> j = w.index_of(f);
      for (std::size_t h = 0; h < D; ++h) {
        idx[h] = i[h];
        idx[D + h] = i[h] * stride + j[h];
      }
      T.set(idx, w.entries()[static_cast<std::size_t>(f)]);
    }
  }
  return T;
}

RatTensor tensor_filter(const RatTensor& T, int stride) {
  if (T.order() % 2 != 0)
    throw invalid_argument("a convolutional tensor has even order, this one " + std::to_string(T.order()));
  if (stride < 1) throw invalid_argument("stride " + std::to_string(stride) + " is not positive");
  const std::size_t D = static_cast<std::size_t>(T.order() / 2);
  std::vector<int> out(T.shape().begin(), T.shape().begin() + static_cast<long>(D)), k;
  for (std::size_t h = 0; h < D; ++h) {
    const long kh = T.shape()[D + h] - static_cast<long>(stride) * (out[h] - 1);
    if (kh < 1)
      throw domain_error("a tensor of shape " + detail::join_ints(T.shape(), "x") +
                         " is not a convolution with stride " + std::to_string(stride) +
                         " (eq. 2.4 gives filter extent " + std::to_string(kh) + ")");
    k.push_back(static_cast<int>(kh));
  }
  RatTensor w(k);
  std::vector<int> idx(2 * D, 0);
  for (long f = 0; f < w.size(); ++f) {
    const std::vector<int> j = w.index_of(f);
    for (std::size_t h = 0; h < D; ++h) idx[D + h] = j[h];
    w.set(j, T.at(idx));
  }
  if (convolutional_tensor(w, out, stride) != T)
    throw domain_error("the tensor of shape " + detail::join_ints(T.shape(), "x") +
                       " breaks the convolution pattern (4.4) with stride " + std::to_string(stride));
  return w;
}

RatMatrix unfold(const RatTensor& T) {
  if (T.order() % 2 != 0)
    throw invalid_argument("unfold needs an order-2D tensor, this one has order " + std::to_string(T.order()));
  const std::size_t D = static_cast<std::size_t>(T.order() / 2);
  long rows = 1, cols = 1;
  for (std::size_t h = 0; h < D; ++h) rows *= T.shape()[h], cols *= T.shape()[D + h];
  RatMatrix M(rows, cols);
  for (long r = 0; r < rows; ++r)
    for (long c = 0; c < cols; ++c) M.set(r, c, T.entries()[static_cast<std::size_t>(r * cols + c)]);
  return M;
}

RatTensor compose(const RatTensor& outer, const RatTensor& inner) {
  if (outer.order() != inner.order() || outer.order() % 2 != 0)
    throw invalid_argument("compose needs two order-2D tensors, got orders " + std::to_string(outer.order()) + " and " +
                           std::to_string(inner.order()));
  const std::size_t D = static_cast<std::size_t>(outer.order() / 2);
  for (std::size_t h = 0; h < D; ++h)
    if (outer.shape()[D + h] != inner.shape()[h])
      throw invalid_argument("cannot compose tensors of shapes " + detail::join_ints(outer.shape(), "x") + " and " +
                             detail::join_ints(inner.shape(), "x") + ": middle extents differ");
  const RatMatrix P = unfold(outer) * unfold(inner);
  std::vector<int> shape(outer.shape().begin(), outer.shape().begin() + static_cast<long>(D));
  shape.insert(shape.end(), inner.shape().begin() + static_cast<long>(D), inner.shape().end());
  std::vector<Rational> e;
  e.reserve(static_cast<std::size_t>(P.rows() * P.cols()));
  for (long r = 0; r < P.rows(); ++r)
    for (long c = 0; c < P.cols(); ++c) e.push_back(P.at(r, c));
  return RatTensor(std::move(shape), std::move(e));
}

std::vector<RatTensor> layer_tensors(const Architecture& arch, const TensorFilters& theta) {
  mu_multi(arch, theta);  // validates (stride one, shapes)
  const auto widths = arch.widths();
  std::vector<RatTensor> T;
  for (std::size_t l = 0; l < theta.size(); ++l) {
    std::vector<int> out;
    for (const auto& w : widths) out.push_back(w[l + 1]);
    T.push_back(convolutional_tensor(theta[l], out));
  }
  return T;
}

RatTensor end_to_end_tensor(const Architecture& arch, const TensorFilters& theta) {
  const std::vector<RatTensor> T = layer_tensors(arch, theta);
  RatTensor P = T.front();
  for (std::size_t l = 1; l < T.size(); ++l) P = compose(T[l], P);
  return P;
}

}  // namespace lcngeom
