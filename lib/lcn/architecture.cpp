// Architectures: validation and the dimension bookkeeping of eq. (2.4), Prop. 2.2.
#include "lcngeom/architecture.hpp"

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

namespace {

int parse_positive(std::string_view field, const char* what) {
  if (field.empty() || field.size() > 9 || field.find_first_not_of("0123456789") != std::string_view::npos)
    throw parse_error(std::string("bad ") + what + " '" + std::string(field) + "' (expected a positive integer)");
  return std::stoi(std::string(field));
}

}  // namespace

Architecture::Architecture(std::vector<int> filters, std::vector<int> strides, int output_size) {
  for (int k : filters) shapes_.push_back({k});
  strides_ = strides.empty() ? std::vector<int>(filters.size(), 1) : std::move(strides);
  output_ = {output_size};
  validate();
}

Architecture Architecture::multi(std::vector<std::vector<int>> filter_shapes, std::vector<int> output_sizes) {
  Architecture a;
  a.shapes_ = std::move(filter_shapes);
  a.strides_ = std::vector<int>(a.shapes_.size(), 1);
  const std::size_t D = a.shapes_.empty() ? 1 : a.shapes_.front().size();
  a.output_ = output_sizes.empty() ? std::vector<int>(D, 1) : std::move(output_sizes);
  a.validate();
  return a;
}

Architecture Architecture::from_input_size(std::vector<int> filters, std::vector<int> strides, int input_size) {
  if (strides.empty()) strides.assign(filters.size(), 1);
  Architecture probe(filters, strides, 1);  // validates k and s
  // Invert (2.4) layer by layer: d_l = (d_{l-1} - k_l) / s_l + 1.
  long d = input_size;
  for (std::size_t l = 0; l < filters.size(); ++l) {
    const long num = d - filters[l];
    if (num < 0 || num % strides[l] != 0)
      throw invalid_argument("input size " + std::to_string(input_size) + " is incompatible with filter size " +
                             std::to_string(filters[l]) + " and stride " + std::to_string(strides[l]) + " in layer " +
                             std::to_string(l + 1) + " (eq. 2.4 gives a non-integral or empty width)");
    d = num / strides[l] + 1;
  }
  return Architecture(std::move(filters), std::move(strides), static_cast<int>(d));
}

namespace {

struct ParsedShapes {
  std::vector<std::vector<int>> shapes;
  std::vector<int> strides;
  bool one_dimensional = true;
};

ParsedShapes parse_shapes(std::string_view filters, std::string_view strides) {
  ParsedShapes p;
  for (std::string_view f : detail::split(filters, ',')) {
    std::vector<int> shape;
    for (std::string_view part : detail::split(f, 'x')) shape.push_back(parse_positive(part, "filter size"));
    p.shapes.push_back(std::move(shape));
  }
  if (!detail::trim(strides).empty())
    for (std::string_view f : detail::split(strides, ',')) p.strides.push_back(parse_positive(f, "stride"));
  p.one_dimensional = p.shapes.front().size() == 1;
  for (const auto& sh : p.shapes)
    if (sh.size() != p.shapes.front().size())
      throw invalid_argument("filters '" + std::string(filters) + "' mix dimensions (" +
                             std::to_string(p.shapes.front().size()) + " and " + std::to_string(sh.size()) + ")");
  if (!p.one_dimensional)
    for (int x : p.strides)
      if (x != 1)
        throw invalid_argument("stride " + std::to_string(x) +
                               " with D-dimensional filters: only stride one is supported (Section 4.3)");
  return p;
}

// "3" (every dimension) or "3x2" (one per dimension).
std::vector<int> parse_sizes(std::string_view text, std::size_t D, const char* what) {
  std::vector<int> v;
  if (detail::trim(text).empty()) return std::vector<int>(D, 1);
  for (std::string_view part : detail::split(text, 'x')) v.push_back(parse_positive(part, what));
  if (v.size() == 1 && D > 1) v.assign(D, v[0]);
  if (v.size() != D)
    throw invalid_argument(std::string(what) + " '" + std::string(text) + "' has " + std::to_string(v.size()) +
                           " entries for " + std::to_string(D) + "-dimensional filters");
  return v;
}

}  // namespace

namespace {

// The architecture of parsed shapes with the given output (or input) sizes.
Architecture from_parsed(const ParsedShapes& p, const std::vector<int>& sizes, bool input) {
  if (p.one_dimensional) {
    std::vector<int> k;
    for (const auto& sh : p.shapes) k.push_back(sh[0]);
    return input ? Architecture::from_input_size(std::move(k), p.strides, sizes[0])
                 : Architecture(std::move(k), p.strides, sizes[0]);
  }
  return input ? Architecture::multi_from_input_size(p.shapes, sizes) : Architecture::multi(p.shapes, sizes);
}

}  // namespace

Architecture Architecture::parse(std::string_view filters, std::string_view strides, int output_size) {
  const ParsedShapes p = parse_shapes(filters, strides);
  return from_parsed(p, std::vector<int>(p.shapes.front().size(), output_size), false);
}

Architecture Architecture::parse(std::string_view filters, std::string_view strides, std::string_view output_sizes) {
  const ParsedShapes p = parse_shapes(filters, strides);
  return from_parsed(p, parse_sizes(output_sizes, p.shapes.front().size(), "output size"), false);
}

Architecture Architecture::parse_with_input(std::string_view filters, std::string_view strides,
                                            std::string_view input_sizes) {
  const ParsedShapes p = parse_shapes(filters, strides);
  return from_parsed(p, parse_sizes(input_sizes, p.shapes.front().size(), "input size"), true);
}

Architecture Architecture::multi_from_input_size(std::vector<std::vector<int>> filter_shapes,
                                                 std::vector<int> input_sizes) {
  Architecture probe = multi(filter_shapes);  // validates the shapes
  const std::size_t D = static_cast<std::size_t>(probe.dimension());
  if (input_sizes.size() != D)
    throw invalid_argument(std::to_string(input_sizes.size()) + " input sizes for " + std::to_string(D) +
                           " dimensions");
  std::vector<int> out(D);
  for (std::size_t h = 0; h < D; ++h) {
    long d = input_sizes[h];
    for (std::size_t l = 0; l < filter_shapes.size(); ++l) {
      d = d - filter_shapes[l][h] + 1;  // (2.4) with stride one
      if (d < 1)
        throw invalid_argument("input size " + std::to_string(input_sizes[h]) + " in dimension " +
                               std::to_string(h + 1) + " is smaller than the filters of layers 1.." +
                               std::to_string(l + 1) + " need (eq. 2.4 gives an empty width)");
    }
    out[h] = static_cast<int>(d);
  }
  return multi(std::move(filter_shapes), std::move(out));
}

void Architecture::validate() const {
  if (shapes_.empty()) throw invalid_argument("an architecture needs at least one layer");
  const std::size_t D = shapes_.front().size();
  if (D == 0) throw invalid_argument("a filter needs at least one dimension");
  for (std::size_t l = 0; l < shapes_.size(); ++l) {
    if (shapes_[l].size() != D)
      throw invalid_argument("layer " + std::to_string(l + 1) + " has a " + std::to_string(shapes_[l].size()) +
                             "-dimensional filter, layer 1 a " + std::to_string(D) + "-dimensional one");
    for (int k : shapes_[l])
      if (k < 1)
        throw invalid_argument("filter size " + std::to_string(k) + " in layer " + std::to_string(l + 1) +
                               " is not positive");
  }
  if (strides_.size() != shapes_.size())
    throw invalid_argument(std::to_string(strides_.size()) + " strides for " + std::to_string(shapes_.size()) +
                           " layers");
  for (std::size_t l = 0; l < strides_.size(); ++l) {
    if (strides_[l] < 1)
      throw invalid_argument("stride " + std::to_string(strides_[l]) + " in layer " + std::to_string(l + 1) +
                             " is not positive");
    if (D > 1 && strides_[l] != 1)
      throw invalid_argument("stride " + std::to_string(strides_[l]) +
                             " with D-dimensional filters: only stride one is supported");
  }
  if (output_.size() != D)
    throw invalid_argument(std::to_string(output_.size()) + " output sizes for " + std::to_string(D) + " dimensions");
  for (int d : output_)
    if (d < 1) throw invalid_argument("output size " + std::to_string(d) + " is not positive");
}

std::vector<int> Architecture::filters() const {
  if (dimension() != 1)
    throw domain_error("filters() needs a 1-D architecture, this one is " + std::to_string(dimension()) + "-D");
  std::vector<int> k;
  for (const auto& s : shapes_) k.push_back(s[0]);
  return k;
}

bool Architecture::stride_one() const noexcept {
  for (int s : strides_)
    if (s != 1) return false;
  return true;
}

std::vector<int> Architecture::input_sizes() const {
  std::vector<int> in;
  for (const auto& w : widths()) in.push_back(w.front());
  return in;
}

int Architecture::ambient_dimension() const {
  long n = 1;
  for (int k : end_to_end_filter_shape()) {
    n *= k;
    if (n > 1000000000L) throw invalid_argument("architecture " + to_string() + " has an ambient space beyond 10^9");
  }
  return static_cast<int>(n);
}

std::vector<std::vector<int>> Architecture::widths() const {
  const int D = dimension(), L = depth();
  std::vector<std::vector<int>> w(static_cast<std::size_t>(D), std::vector<int>(static_cast<std::size_t>(L) + 1));
  for (int d = 0; d < D; ++d) {
    w[static_cast<std::size_t>(d)][static_cast<std::size_t>(L)] = output_[static_cast<std::size_t>(d)];
    for (int l = L; l >= 1; --l) {  // (2.4): d_{l-1} = s_l (d_l - 1) + k_l
      const long prev = static_cast<long>(strides_[static_cast<std::size_t>(l - 1)]) *
                            (w[static_cast<std::size_t>(d)][static_cast<std::size_t>(l)] - 1) +
                        shapes_[static_cast<std::size_t>(l - 1)][static_cast<std::size_t>(d)];
      if (prev > 1000000000L) throw invalid_argument("architecture " + to_string() + " has widths beyond 10^9");
      w[static_cast<std::size_t>(d)][static_cast<std::size_t>(l - 1)] = static_cast<int>(prev);
    }
  }
  return w;
}

std::vector<int> Architecture::widths_1d() const {
  if (dimension() != 1) throw domain_error("widths_1d() needs a 1-D architecture");
  return widths()[0];
}

std::vector<int> Architecture::end_to_end_filter_shape() const {
  std::vector<int> k;
  for (int d = 0; d < dimension(); ++d) {
    long size = shapes_[0][static_cast<std::size_t>(d)], prod = strides_[0];
    for (std::size_t l = 1; l < shapes_.size(); ++l) {
      size += (shapes_[l][static_cast<std::size_t>(d)] - 1) * prod;
      prod *= strides_[l];
      if (size > 1000000000L || prod > 1000000000L)
        throw invalid_argument("architecture " + to_string() + " is too large");
    }
    k.push_back(static_cast<int>(size));
  }
  return k;
}

int Architecture::end_to_end_filter_size() const {
  if (dimension() != 1) throw domain_error("end_to_end_filter_size() needs a 1-D architecture");
  return end_to_end_filter_shape()[0];
}

// Products of sizes are checked against 10^9 after every factor (each factor
// is an int, so the long product cannot overflow first); found by
// tests/fuzz/fuzz_arch_parse ("41x1141x11311x..." overflowed a long).
long Architecture::end_to_end_stride() const {
  long s = 1;
  for (int x : strides_) {
    s *= x;
    if (s > 1000000000L) throw invalid_argument("architecture " + to_string() + " has an end-to-end stride beyond 10^9");
  }
  return s;
}

int Architecture::parameter_count() const {
  long n = 0;
  for (const auto& sh : shapes_) {
    long p = 1;
    for (int k : sh) {
      p *= k;
      if (p > 1000000000L) throw invalid_argument("architecture " + to_string() + " has more than 10^9 parameters");
    }
    n += p;
    if (n > 1000000000L) throw invalid_argument("architecture " + to_string() + " has more than 10^9 parameters");
  }
  return static_cast<int>(n);
}

int Architecture::even_filter_count() const {
  int e = 0;
  for (const auto& sh : shapes_)
    if (sh.size() == 1 && sh[0] % 2 == 0) ++e;
  return e;
}

std::string Architecture::to_string() const {
  std::string s = "k=(";
  for (std::size_t l = 0; l < shapes_.size(); ++l) {
    if (l) s += ',';
    s += detail::join_ints(shapes_[l], "x");
  }
  s += ')';
  if (!stride_one()) {
    s += " s=(";
    s += detail::join_ints(strides_, ",");
    s += ')';
  }
  return s;
}

}  // namespace lcngeom
