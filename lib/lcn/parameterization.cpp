// mu at filter level: products of (strided) filter forms, and its Jacobian.
#include "lcngeom/parameterization.hpp"

#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

BinaryForm filter_form(const std::vector<Rational>& w, int stride) {
  if (w.empty()) throw invalid_argument("a filter needs at least one weight");
  if (stride < 1) throw invalid_argument("stride " + std::to_string(stride) + " is not positive");
  if (stride == 1) return BinaryForm(w);
  const int k = static_cast<int>(w.size());
  std::vector<Rational> a(static_cast<std::size_t>((k - 1) * stride) + 1);
  for (int i = 0; i < k; ++i) a[static_cast<std::size_t>(i * stride)] = w[static_cast<std::size_t>(i)];
  return BinaryForm(a);
}

namespace {

void check_filters(const Architecture& arch, const Filters& theta) {
  const std::vector<int> k = arch.filters();  // throws for D > 1
  if (theta.size() != k.size())
    throw invalid_argument(std::to_string(theta.size()) + " filters for the " + std::to_string(k.size()) +
                           " layers of " + arch.to_string());
  for (std::size_t l = 0; l < k.size(); ++l)
    if (static_cast<int>(theta[l].size()) != k[l])
      throw invalid_argument("filter " + std::to_string(l + 1) + " has " + std::to_string(theta[l].size()) +
                             " weights, the architecture " + arch.to_string() + " needs " + std::to_string(k[l]));
}

// pi_{S_{l-1}}(w_l) for every layer.
std::vector<BinaryForm> layer_forms(const Architecture& arch, const Filters& theta) {
  std::vector<BinaryForm> f;
  long S = 1;
  for (std::size_t l = 0; l < theta.size(); ++l) {
    f.push_back(filter_form(theta[l], static_cast<int>(S)));
    S *= arch.strides()[l];
  }
  return f;
}

}  // namespace

BinaryForm mu(const Architecture& arch, const Filters& theta) {
  check_filters(arch, theta);
  BinaryForm p{1};
  for (const BinaryForm& f : layer_forms(arch, theta)) p = p * f;
  return p;
}

RatMatrix jacobian(const Architecture& arch, const Filters& theta) {
  check_filters(arch, theta);
  const std::vector<BinaryForm> f = layer_forms(arch, theta);
  const int k = arch.end_to_end_filter_size();
  RatMatrix J(k, arch.parameter_count());
  long col = 0, S = 1;
  for (std::size_t l = 0; l < f.size(); ++l) {
    BinaryForm others{1};
    for (std::size_t m = 0; m < f.size(); ++m)
      if (m != l) others = others * f[m];
    for (std::size_t j = 0; j < theta[l].size(); ++j, ++col) {
      std::vector<Rational> e(theta[l].size());
      e[j] = Rational(1);
      const BinaryForm column = others * filter_form(e, static_cast<int>(S));
      for (int i = 0; i < k; ++i) J.set(i, col, column.coeff(i));
    }
    S *= arch.strides()[l];
  }
  return J;
}

Filters parse_weights(std::string_view text) {
  if (detail::trim(text).empty()) throw parse_error("empty weights (expected e.g. \"2,0,5,0;1,0\")");
  Filters theta;
  for (std::string_view layer : detail::split(text, ';')) {
    if (layer.empty())
      throw parse_error("weights '" + std::string(text) + "' have an empty filter (filters are separated by ';')");
    theta.emplace_back();
    for (std::string_view x : detail::split(layer, ',')) {
      try {
        theta.back().emplace_back(x);
      } catch (const lcngeom::error& e) {
        throw parse_error("weights '" + std::string(text) + "': bad coefficient '" + std::string(x) + "': " + e.what());
      }
    }
  }
  return theta;
}

Filters split_parameters(const Architecture& arch, const std::vector<Rational>& flat) {
  const std::vector<int> k = arch.filters();
  if (static_cast<int>(flat.size()) != arch.parameter_count())
    throw invalid_argument(std::to_string(flat.size()) + " parameters for " + arch.to_string() + ", which has " +
                           std::to_string(arch.parameter_count()));
  Filters theta;
  std::size_t at = 0;
  for (int kl : k) {
    theta.emplace_back(flat.begin() + static_cast<long>(at), flat.begin() + static_cast<long>(at) + kl);
    at += static_cast<std::size_t>(kl);
  }
  return theta;
}

// ------------------------------------------------------------ D dimensions

namespace {

void check_stride_one(const Architecture& arch, const char* what) {
  if (!arch.stride_one())
    throw not_supported(std::string(what) + " needs stride one; " + arch.to_string() +
                        " has strides (use mu() / jacobian() for 1-D architectures with strides)");
}

void check_tensor_filters(const Architecture& arch, const TensorFilters& theta) {
  const auto& shapes = arch.filter_shapes();
  if (theta.size() != shapes.size())
    throw invalid_argument(std::to_string(theta.size()) + " filters for the " + std::to_string(shapes.size()) +
                           " layers of " + arch.to_string());
  for (std::size_t l = 0; l < shapes.size(); ++l)
    if (theta[l].shape() != shapes[l])
      throw invalid_argument("filter " + std::to_string(l + 1) + " has shape " +
                             detail::join_ints(theta[l].shape(), "x") + ", the architecture " + arch.to_string() +
                             " needs " + detail::join_ints(shapes[l], "x"));
}

RatTensor product_except(const TensorFilters& theta, std::size_t skip, const RatTensor* replacement) {
  RatTensor acc;
  bool first = true;
  for (std::size_t m = 0; m < theta.size(); ++m) {
    const RatTensor& f = (m == skip && replacement) ? *replacement : theta[m];
    if (m == skip && !replacement) continue;
    acc = first ? f : convolve(acc, f);
    first = false;
  }
  return acc;
}

}  // namespace

RatTensor mu_multi(const Architecture& arch, const TensorFilters& theta) {
  check_stride_one(arch, "mu_multi");
  check_tensor_filters(arch, theta);
  return product_except(theta, theta.size(), nullptr);
}

RatMatrix jacobian_multi(const Architecture& arch, const TensorFilters& theta) {
  check_stride_one(arch, "jacobian_multi");
  check_tensor_filters(arch, theta);
  const int rows = arch.ambient_dimension();
  RatMatrix J(rows, arch.parameter_count());
  long col = 0;
  for (std::size_t l = 0; l < theta.size(); ++l) {
    for (long j = 0; j < theta[l].size(); ++j, ++col) {
      RatTensor e(theta[l].shape());
      e.set(e.index_of(j), Rational(1));
      const RatTensor column = product_except(theta, l, &e);
      for (long i = 0; i < rows; ++i) J.set(i, col, column.entries()[static_cast<std::size_t>(i)]);
    }
  }
  return J;
}

TensorFilters split_parameters_multi(const Architecture& arch, const std::vector<Rational>& flat) {
  if (static_cast<int>(flat.size()) != arch.parameter_count())
    throw invalid_argument(std::to_string(flat.size()) + " parameters for " + arch.to_string() + ", which has " +
                           std::to_string(arch.parameter_count()));
  TensorFilters theta;
  auto at = flat.begin();
  for (const auto& shape : arch.filter_shapes()) {
    RatTensor w(shape);
    const long n = w.size();
    theta.emplace_back(shape, std::vector<Rational>(at, at + n));
    at += n;
  }
  return theta;
}

Ring multi_form_ring(int D) {
  if (D < 1) throw invalid_argument("dimension D = " + std::to_string(D) + " is not positive");
  std::vector<std::string> names;
  for (int h = 1; h <= D; ++h) {
    std::string x = "x", y = "y";
    x += std::to_string(h);
    y += std::to_string(h);
    names.push_back(std::move(x));
    names.push_back(std::move(y));
  }
  return MPolyRing::make(std::move(names));
}

RatMPoly multi_filter_form(const RatTensor& w, const Ring& ring) {
  const int D = w.order();
  if (ring->nvars() < 2L * D)
    throw invalid_argument("the ring has " + std::to_string(ring->nvars()) + " variables, eq. (4.5) for a " +
                           std::to_string(D) + "-dimensional filter needs " + std::to_string(2 * D));
  RatMPoly p(ring);
  for (long pos = 0; pos < w.size(); ++pos) {
    const Rational& c = w.entries()[static_cast<std::size_t>(pos)];
    if (c.is_zero()) continue;
    const std::vector<int> i = w.index_of(pos);
    RatMPoly term = RatMPoly::constant(ring, c);
    for (int h = 0; h < D; ++h) {
      const int k = w.shape()[static_cast<std::size_t>(h)];
      term = term * pow(RatMPoly::gen(ring, 2L * h), static_cast<unsigned long>(i[static_cast<std::size_t>(h)])) *
             pow(RatMPoly::gen(ring, 2L * h + 1), static_cast<unsigned long>(k - 1 - i[static_cast<std::size_t>(h)]));
    }
    p = p + term;
  }
  return p;
}

namespace {

// Full convolution of two dense arrays of polynomials (row-major shapes).
std::vector<RatMPoly> convolve_symbolic(const Ring& ring, const std::vector<int>& sa, const std::vector<RatMPoly>& a,
                                        const std::vector<int>& sb, const std::vector<RatMPoly>& b,
                                        std::vector<int>& shape_out) {
  shape_out.resize(sa.size());
  for (std::size_t h = 0; h < sa.size(); ++h) shape_out[h] = sa[h] + sb[h] - 1;
  const RatTensor ta(sa), tb(sb), tc(shape_out);  // index bookkeeping only
  std::vector<RatMPoly> c(static_cast<std::size_t>(tc.size()), RatMPoly(ring));
  std::vector<int> m(sa.size());
  for (long i = 0; i < ta.size(); ++i) {
    if (a[static_cast<std::size_t>(i)].is_zero()) continue;
    const std::vector<int> ia = ta.index_of(i);
    for (long j = 0; j < tb.size(); ++j) {
      if (b[static_cast<std::size_t>(j)].is_zero()) continue;
      const std::vector<int> ib = tb.index_of(j);
      for (std::size_t h = 0; h < m.size(); ++h) m[h] = ia[h] + ib[h];
      auto& slot = c[static_cast<std::size_t>(tc.offset(m))];
      slot = slot + a[static_cast<std::size_t>(i)] * b[static_cast<std::size_t>(j)];
    }
  }
  return c;
}

}  // namespace

SymbolicMu symbolic_mu(const Architecture& arch) {
  const auto& shapes = arch.filter_shapes();
  const bool one_d = arch.dimension() == 1;
  if (!one_d) check_stride_one(arch, "symbolic_mu for D-dimensional filters");
  std::vector<std::string> names;
  for (std::size_t l = 0; l < shapes.size(); ++l) {
    const RatTensor probe(shapes[l]);
    for (long j = 0; j < probe.size(); ++j) {
      std::string name = "w";
      name += std::to_string(l + 1);
      for (int i : probe.index_of(j)) {
        name += '_';
        name += std::to_string(i);
      }
      names.push_back(std::move(name));
    }
  }
  SymbolicMu out{MPolyRing::make(std::move(names)), {}, {}};
  long var = 0, S = 1;
  std::vector<int> shape;
  std::vector<RatMPoly> acc;
  for (std::size_t l = 0; l < shapes.size(); ++l) {
    // Filter l as a (dilated, Remark 2.8) array of variables.
    std::vector<int> sl = shapes[l];
    const long n = RatTensor(sl).size();
    std::vector<RatMPoly> f;
    if (one_d && S > 1) {
      const int k = sl[0];
      sl[0] = static_cast<int>((k - 1) * S + 1);
      f.assign(static_cast<std::size_t>(sl[0]), RatMPoly(out.ring));
      for (int j = 0; j < k; ++j) f[static_cast<std::size_t>(j * S)] = RatMPoly::gen(out.ring, var + j);
    } else {
      for (long j = 0; j < n; ++j) f.push_back(RatMPoly::gen(out.ring, var + j));
    }
    var += n;
    if (l == 0) {
      shape = sl;
      acc = std::move(f);
    } else {
      std::vector<int> next;
      acc = convolve_symbolic(out.ring, shape, acc, sl, f, next);
      shape = std::move(next);
    }
    S *= arch.strides()[l];
  }
  out.shape = std::move(shape);
  out.filter = std::move(acc);
  return out;
}

std::vector<std::vector<RatMPoly>> SymbolicMu::jacobian() const {
  std::vector<std::vector<RatMPoly>> J;
  for (const RatMPoly& f : filter) {
    std::vector<RatMPoly> row;
    for (long j = 0; j < ring->nvars(); ++j) row.push_back(f.derivative(j));
    J.push_back(std::move(row));
  }
  return J;
}

// ------------------------------------------------- Prop. 5.11

namespace {

std::vector<BinaryForm> stride_one_forms(const Architecture& arch, const Filters& theta, const char* what) {
  check_filters(arch, theta);  // also rejects D > 1
  for (std::size_t l = 0; l + 1 < arch.strides().size(); ++l)
    if (arch.strides()[l] != 1)
      throw not_supported(std::string(what) + " (Prop. 5.11) needs s_1 = ... = s_{L-1} = 1; " + arch.to_string() +
                          " has s_" + std::to_string(l + 1) + " = " + std::to_string(arch.strides()[l]));
  std::vector<BinaryForm> f;
  for (const auto& w : theta) f.push_back(filter_form(w));
  return f;
}

}  // namespace

BinaryForm differential_generator(const Architecture& arch, const Filters& theta) {
  const std::vector<BinaryForm> f = stride_one_forms(arch, theta, "differential_generator");
  BinaryForm g;  // the zero form: gcd(0, c) = primitive(c)
  for (std::size_t l = 0; l < f.size(); ++l) {
    BinaryForm cofactor{1};
    for (std::size_t m = 0; m < f.size(); ++m)
      if (m != l) cofactor = cofactor * f[m];
    g = gcd(g, cofactor);
  }
  return g;
}

std::vector<BinaryForm> differential_image(const Architecture& arch, const Filters& theta) {
  const BinaryForm g = differential_generator(arch, theta);
  std::vector<BinaryForm> basis;
  if (g.is_zero()) return basis;
  const int r = arch.end_to_end_filter_size() - 1 - g.degree();
  for (int i = 0; i <= r; ++i) basis.push_back(g * BinaryForm::monomial(r - i, i));
  return basis;
}

int differential_rank(const Architecture& arch, const Filters& theta) {
  const BinaryForm g = differential_generator(arch, theta);
  return g.is_zero() ? 0 : arch.end_to_end_filter_size() - g.degree();
}

bool differential_is_surjective(const Architecture& arch, const Filters& theta) {
  const std::vector<BinaryForm> f = stride_one_forms(arch, theta, "differential_is_surjective");
  for (std::size_t i = 0; i < f.size(); ++i)
    for (std::size_t j = i + 1; j < f.size(); ++j) {
      const BinaryForm d = gcd(f[i], f[j]);
      if (d.is_zero() || d.degree() > 0) return false;
    }
  return true;
}

}  // namespace lcngeom
