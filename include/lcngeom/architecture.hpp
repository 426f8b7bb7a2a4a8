// lcngeom/architecture.hpp -- LCN architectures (Section 2, Section 4.3).
//
// An architecture is L layers with filter shapes k_l = (k_l^1, ..., k_l^D)
// (D = 1: the usual filter sizes k = (k_1, ..., k_L)), strides s = (s_1..s_L)
// (D = 1 only; stride one by default) and an output size d_L per dimension
// (default 1).  The remaining widths follow from eq. (2.4):
//     d_{l-1} = s_l (d_l - 1) + k_l.
// Filter l acts first on the input for l = 1 (W = W_L ... W_1).
//
// Example:
//   lcngeom::Architecture a{4, 2};              // k = (4, 2), stride one
//   a.end_to_end_filter_size();                 // 5
//   lcngeom::Architecture b{{3, 2}, {2, 1}};    // k = (3, 2), s = (2, 1)
#ifndef LCNGEOM_ARCHITECTURE_HPP
#define LCNGEOM_ARCHITECTURE_HPP

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace lcngeom {

/// An LCN architecture (Section 2): L layers with filter sizes k = (k_1, ..., k_L)
/// (D-dimensional shapes for D > 1, Section 4.3), strides s = (s_1, ..., s_L) (stride one by
/// default) and output width d_L; the widths d_l follow from eq. (2.4).
class Architecture {
 public:
  /// 1-D architecture.  `strides` empty means all ones; throws invalid_argument
  /// (naming the value) for k_l < 1, s_l < 1, a strides/filters length
  /// mismatch, no layers, or output_size < 1.
  explicit Architecture(std::vector<int> filters, std::vector<int> strides = {}, int output_size = 1);
  /// Architecture{4, 2}: filter sizes k = (4, 2), stride one, d_L = 1.  (With
  /// strides: Architecture{{4, 2}, {2, 1}}, the constructor above.)
  explicit Architecture(std::initializer_list<int> filters) : Architecture(std::vector<int>(filters)) {}
  /// D-dimensional architecture with stride one: filter_shapes[l] has D >= 1
  /// entries (the same D for every layer); output_sizes has D entries (empty:
  /// all ones).
  static Architecture multi(std::vector<std::vector<int>> filter_shapes, std::vector<int> output_sizes = {});
  /// 1-D architecture given the input size d_0 instead of d_L; throws
  /// invalid_argument if (2.4) does not give integral widths >= 1.
  static Architecture from_input_size(std::vector<int> filters, std::vector<int> strides, int input_size);
  /// D-dimensional stride-one architecture given the input sizes d_0^1..d_0^D
  /// instead of the output sizes; throws invalid_argument if (2.4) gives an
  /// empty width in some dimension (d_{l-1}^h < k_l^h).
  static Architecture multi_from_input_size(std::vector<std::vector<int>> filter_shapes, std::vector<int> input_sizes);
  /// Parses CLI text: filters "4,2" or "2x2,3x3" (D-dim), strides "2,1" or "".
  static Architecture parse(std::string_view filters, std::string_view strides = "", int output_size = 1);
  /// As above with the output sizes as text: "3" (every dimension) or "3x2"
  /// (one per dimension); empty text means 1.  Throws parse_error /
  /// invalid_argument naming the offending value.
  static Architecture parse(std::string_view filters, std::string_view strides, std::string_view output_sizes);
  /// As above with the input sizes d_0 as text ("5", "3x3"); the output sizes
  /// follow from (2.4), which must give integral widths >= 1.
  static Architecture parse_with_input(std::string_view filters, std::string_view strides,
                                       std::string_view input_sizes);

  /// Number of layers L.
  int depth() const noexcept { return static_cast<int>(shapes_.size()); }
  /// D, the number of spatial dimensions.
  int dimension() const noexcept { return static_cast<int>(shapes_.front().size()); }
  /// 1-D filter sizes k_1..k_L; throws domain_error if dimension() > 1.
  std::vector<int> filters() const;
  /// Filter shapes k_l (one entry per dimension) of every layer.
  const std::vector<std::vector<int>>& filter_shapes() const noexcept { return shapes_; }
  /// Strides s_1..s_L.
  const std::vector<int>& strides() const noexcept { return strides_; }
  /// True if every stride is 1.
  bool stride_one() const noexcept;
  /// Output sizes d_L^1..d_L^D.
  const std::vector<int>& output_sizes() const noexcept { return output_; }
  /// Input sizes d_0^1..d_0^D (eq. 2.4).
  std::vector<int> input_sizes() const;
  /// Widths d_0, ..., d_L per dimension: widths()[d][l].
  std::vector<std::vector<int>> widths() const;
  /// 1-D widths d_0..d_L; throws domain_error if dimension() > 1.
  std::vector<int> widths_1d() const;
  /// End-to-end filter size per dimension (Prop. 2.2):
  /// k = k_1 + sum_{l>=2} (k_l - 1) s_1 ... s_{l-1}.
  std::vector<int> end_to_end_filter_shape() const;
  /// 1-D end-to-end filter size k; throws domain_error if dimension() > 1.
  int end_to_end_filter_size() const;
  /// s = s_1 ... s_L; throws invalid_argument beyond 10^9.
  long end_to_end_stride() const;
  /// Number of parameters sum_l prod_d k_l^d; throws invalid_argument beyond 10^9.
  int parameter_count() const;
  /// e = number of layers whose (1-D) filter size is even (Lemma 4.2).
  /// For D > 1 only layers with a 1-D shape would count, i.e. e = 0.
  int even_filter_count() const;
  /// Size of the natural ambient space M_{(d_0, d_L), k, s}: prod_h k^h
  /// (the end-to-end filter has that many entries; Prop. 2.2, Section 4.3).
  int ambient_dimension() const;
  /// "k=(4,2)", "k=(4,2) s=(2,1)", "k=(2x2,2x2)".
  std::string to_string() const;

  /// Same filters, strides and widths.
  friend bool operator==(const Architecture&, const Architecture&) = default;

 private:
  Architecture() = default;
  void validate() const;
  std::vector<std::vector<int>> shapes_;
  std::vector<int> strides_;
  std::vector<int> output_;
};

}  // namespace lcngeom

#endif
