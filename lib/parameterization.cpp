// mu at filter level: products of (strided) filter forms, and its Jacobian.
#include "lcngeom/parameterization.hpp"

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

}  // namespace lcngeom
