#include "lcngeom/limit_classification.hpp"

#include <cmath>
#include <numeric>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/parameterization.hpp"

namespace lcngeom {

Rational exact_rational(double x) {
  if (!std::isfinite(x)) throw invalid_argument("exact_rational: " + std::to_string(x) + " is not finite");
  if (x == 0) return Rational(0L);
  int e = 0;
  const double m = std::frexp(x, &e);                      // x = m 2^e, 1/2 <= |m| < 1
  const long mant = static_cast<long>(std::ldexp(m, 53));  // exact: 53 significant bits
  return Rational(mant) * pow(Rational(2L), static_cast<long>(e) - 53);
}

std::optional<Rrmp> exact_rrmp_of_float_filter(const FilterSet<double>& theta) {
  if (theta.empty()) return std::nullopt;
  BinaryForm product;
  bool first = true;
  for (const auto& w : theta) {
    if (w.empty()) return std::nullopt;
    std::vector<Rational> q;
    for (double x : w) {
      if (!std::isfinite(x)) return std::nullopt;
      q.push_back(exact_rational(x));
    }
    BinaryForm f = filter_form(q);
    product = first ? f : product * f;
    first = false;
  }
  if (product.is_zero()) return std::nullopt;
  return rrmp(product);
}

std::vector<std::size_t> distinct_solution_labels(const std::vector<std::vector<double>>& solutions, double tol) {
  const std::size_t n = solutions.size();
  if (n == 0) return {};
  const std::size_t k = solutions.front().size();
  for (const auto& s : solutions)
    if (s.size() != k)
      throw invalid_argument("distinct_solution_labels: solutions of sizes " + std::to_string(k) + " and " +
                             std::to_string(s.size()));
  std::vector<double> scale(k, 1.0);  // max(max_m |w_mk|, 1)
  for (const auto& s : solutions)
    for (std::size_t j = 0; j < k; ++j) scale[j] = std::max(scale[j], std::abs(s[j]));
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) {
      bool same = true;
      for (std::size_t j = 0; j < k && same; ++j) same = std::abs(solutions[a][j] - solutions[b][j]) <= tol * scale[j];
      if (same) parent[find(a)] = find(b);
    }
  std::vector<std::size_t> label(n), root_label(n, n);
  std::size_t next = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = find(i);
    if (root_label[r] == n) root_label[r] = next++;
    label[i] = root_label[r];
  }
  return label;
}

}  // namespace lcngeom
