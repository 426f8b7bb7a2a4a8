// lcngeom/detail/small_vector.hpp -- a vector of ints with inline storage.
//
// Root multiplicity lists are short; keeping up to N entries inline lets the
// rrmp classifiers return results without touching the heap.
#ifndef LCNGEOM_DETAIL_SMALL_VECTOR_HPP
#define LCNGEOM_DETAIL_SMALL_VECTOR_HPP

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace lcngeom::detail {

template <std::size_t N>
class SmallIntVector {
 public:
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const int* data() const noexcept { return size_ > N ? heap_.data() : inline_; }
  int* data() noexcept { return size_ > N ? heap_.data() : inline_; }
  std::span<const int> span() const noexcept { return {data(), size_}; }
  const int* begin() const noexcept { return data(); }
  const int* end() const noexcept { return data() + size_; }
  int operator[](std::size_t i) const noexcept { return data()[i]; }

  /// Appends `count` copies of `value`.
  void push_back(int value, int count = 1) {
    for (int k = 0; k < count; ++k) {
      if (size_ < N) {
        inline_[size_] = value;
      } else {
        if (size_ == N) heap_.assign(inline_, inline_ + N);
        heap_.push_back(value);
      }
      ++size_;
    }
  }
  void clear() noexcept {
    size_ = 0;
    heap_.clear();
  }
  void sort() noexcept { std::sort(data(), data() + size_); }

  friend bool operator==(const SmallIntVector& a, const SmallIntVector& b) noexcept {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::size_t size_ = 0;
  int inline_[N] = {};
  std::vector<int> heap_;
};

}  // namespace lcngeom::detail

#endif
