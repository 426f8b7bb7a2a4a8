// lcngeom/tensor.hpp -- RatTensor: dense tensors over Q.
//
// A tensor of order D with shape (n_1, ..., n_D), every n_h >= 1, stored in
// row-major order (the last index runs fastest).  Used for D-dimensional
// filters w in R^{[k^1] x ... x [k^D]} (Section 4.3) and for the order-2D
// convolutional tensors T in R^{Lambda_l x Lambda_{l-1}} of eq. (4.4).
//
// Example:
//   lcngeom::RatTensor w({2, 2}, {Rational(1), Rational(2), Rational(3), Rational(4)});
//   w.at({1, 0});                 // 3 (= w_10)
//   convolve(w, w).shape();       // {3, 3}
#ifndef LCNGEOM_TENSOR_HPP
#define LCNGEOM_TENSOR_HPP

#include <initializer_list>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "lcngeom/rational.hpp"

namespace lcngeom {

/// A dense tensor over Q of order D and shape (n_1, ..., n_D), row-major (see the file comment):
/// D-dimensional filters (Section 4.3) and the convolutional tensors of eq. (4.4).  Exact.
class RatTensor {
 public:
  /// The order-1 tensor (0) of shape {1}.
  RatTensor() : RatTensor(std::vector<int>{1}) {}
  /// The zero tensor of the given shape; throws invalid_argument for an empty
  /// shape, an extent < 1 or more than 10^8 entries.
  explicit RatTensor(std::vector<int> shape);
  /// From entries in row-major order; throws invalid_argument if their number
  /// is not the product of the extents.
  RatTensor(std::vector<int> shape, std::vector<Rational> entries);
  /// The order-1 tensor (a vector) with these entries; throws for an empty vector.
  static RatTensor vector(std::vector<Rational> entries);

  /// The shape (n_1, ..., n_D), every n_h >= 1.
  const std::vector<int>& shape() const noexcept { return shape_; }
  /// The order D (number of modes).
  int order() const noexcept { return static_cast<int>(shape_.size()); }
  /// Number of entries prod n_h.
  long size() const noexcept { return static_cast<long>(data_.size()); }
  /// Entries in row-major order.
  const std::vector<Rational>& entries() const noexcept { return data_; }

  /// Entry at a multi-index (one index per mode, 0 <= i_h < n_h); throws
  /// invalid_argument otherwise.
  const Rational& at(std::span<const int> index) const;
  /// at() with a braced multi-index: t.at({1, 0}).
  const Rational& at(std::initializer_list<int> index) const {
    return at(std::span<const int>(index.begin(), index.size()));
  }
  /// Sets the entry at a multi-index; throws invalid_argument as at().
  void set(std::span<const int> index, const Rational& value);
  /// set() with a braced multi-index.
  void set(std::initializer_list<int> index, const Rational& value) {
    set(std::span<const int>(index.begin(), index.size()), value);
  }
  /// Row-major position of a multi-index (checked like at()).
  long offset(std::span<const int> index) const;
  /// The multi-index of a row-major position 0 <= pos < size().
  std::vector<int> index_of(long pos) const;
  /// True if every entry is 0.
  bool is_zero() const noexcept;

  /// "[[1, 2], [3, 4]]" (nested lists, last mode innermost).
  std::string to_string() const;

  /// Same shape and equal entries.
  friend bool operator==(const RatTensor& a, const RatTensor& b) noexcept = default;

 private:
  std::vector<int> shape_;
  std::vector<Rational> data_;
};

/// Full (linear, not cyclic) convolution of two tensors of the same order D:
///     (a * b)_m = sum_{j + l = m} a_j b_l,   shape n_h(a) + n_h(b) - 1,
/// the filter of the composition of two stride-one convolutions (proof of
/// Prop. 4.14; for D = 1 it is eq. 2.7 with s_1 = 1).  Throws invalid_argument
/// if the orders differ.
RatTensor convolve(const RatTensor& a, const RatTensor& b);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const RatTensor& t);

}  // namespace lcngeom

#endif
