// Dense rational tensors (row-major) and their full convolution.
#include "lcngeom/tensor.hpp"

#include <ostream>

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

long checked_size(const std::vector<int>& shape) {
  if (shape.empty()) throw invalid_argument("a tensor needs at least one mode");
  long n = 1;
  for (int e : shape) {
    if (e < 1)
      throw invalid_argument("tensor extent " + std::to_string(e) + " in shape (" + detail::join_ints(shape, "x") +
                             ") is not positive");
    n *= e;
    if (n > 100000000L)
      throw invalid_argument("tensor of shape (" + detail::join_ints(shape, "x") + ") has more than 10^8 entries");
  }
  return n;
}

}  // namespace

RatTensor::RatTensor(std::vector<int> shape) : shape_(std::move(shape)) {
  data_.resize(static_cast<std::size_t>(checked_size(shape_)));
}

RatTensor::RatTensor(std::vector<int> shape, std::vector<Rational> entries)
    : shape_(std::move(shape)), data_(std::move(entries)) {
  const long n = checked_size(shape_);
  if (static_cast<long>(data_.size()) != n)
    throw invalid_argument(std::to_string(data_.size()) + " entries for a tensor of shape (" +
                           detail::join_ints(shape_, "x") + ")" + " (needs " + std::to_string(n) + ")");
}

RatTensor RatTensor::vector(std::vector<Rational> entries) {
  const int n = static_cast<int>(entries.size());
  if (n == 0) throw invalid_argument("a vector needs at least one entry");
  return RatTensor({n}, std::move(entries));
}

long RatTensor::offset(std::span<const int> index) const {
  if (index.size() != shape_.size())
    throw invalid_argument(std::to_string(index.size()) + " indices for a tensor of order " + std::to_string(order()));
  long pos = 0;
  for (std::size_t h = 0; h < shape_.size(); ++h) {
    if (index[h] < 0 || index[h] >= shape_[h])
      throw invalid_argument("index " + std::to_string(index[h]) + " in mode " + std::to_string(h + 1) +
                             " is outside the shape (" + detail::join_ints(shape_, "x") + ")");
    pos = pos * shape_[h] + index[h];
  }
  return pos;
}

std::vector<int> RatTensor::index_of(long pos) const {
  if (pos < 0 || pos >= size())
    throw invalid_argument("position " + std::to_string(pos) + " outside a tensor of size " + std::to_string(size()));
  std::vector<int> idx(shape_.size());
  for (std::size_t h = shape_.size(); h-- > 0;) {
    idx[h] = static_cast<int>(pos % shape_[h]);
    pos /= shape_[h];
  }
  return idx;
}

const Rational& RatTensor::at(std::span<const int> index) const {
  return data_[static_cast<std::size_t>(offset(index))];
}

void RatTensor::set(std::span<const int> index, const Rational& value) {
  data_[static_cast<std::size_t>(offset(index))] = value;
}

bool RatTensor::is_zero() const noexcept {
  for (const Rational& x : data_)
    if (!x.is_zero()) return false;
  return true;
}

std::string RatTensor::to_string() const {
  // Nested lists: open a bracket whenever an index (from the left) starts at 0.
  std::string s;
  const long n = size();
  for (long pos = 0; pos < n; ++pos) {
    const std::vector<int> idx = index_of(pos);
    std::size_t opens = 0;
    for (std::size_t h = idx.size(); h-- > 0 && idx[h] == 0;) ++opens;
    if (pos > 0) s += ", ";
    s.append(opens, '[');
    s += data_[static_cast<std::size_t>(pos)].to_string();
    std::size_t closes = 0;
    for (std::size_t h = idx.size(); h-- > 0 && idx[h] == shape_[h] - 1;) ++closes;
    s.append(closes, ']');
  }
  return s;
}

RatTensor convolve(const RatTensor& a, const RatTensor& b) {
  if (a.order() != b.order())
    throw invalid_argument("cannot convolve tensors of orders " + std::to_string(a.order()) + " and " +
                           std::to_string(b.order()));
  std::vector<int> shape(a.shape().size());
  for (std::size_t h = 0; h < shape.size(); ++h) shape[h] = a.shape()[h] + b.shape()[h] - 1;
  RatTensor c(shape);
  std::vector<int> m(shape.size());
  for (long i = 0; i < a.size(); ++i) {
    const Rational& ai = a.entries()[static_cast<std::size_t>(i)];
    if (ai.is_zero()) continue;
    const std::vector<int> ia = a.index_of(i);
    for (long j = 0; j < b.size(); ++j) {
      const Rational& bj = b.entries()[static_cast<std::size_t>(j)];
      if (bj.is_zero()) continue;
      const std::vector<int> ib = b.index_of(j);
      for (std::size_t h = 0; h < m.size(); ++h) m[h] = ia[h] + ib[h];
      const long pos = c.offset(m);
      Rational v = c.entries()[static_cast<std::size_t>(pos)] + ai * bj;
      c.set(m, v);
    }
  }
  return c;
}

std::ostream& operator<<(std::ostream& os, const RatTensor& t) { return os << t.to_string(); }

}  // namespace lcngeom
