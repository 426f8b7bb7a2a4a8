// The Section 7.1 float baseline (see float_baseline.hpp).
#include "float_baseline.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "companion.hpp"

namespace lcngeom::bench {

void companion_roots(const double* c, int r, std::complex<double>* roots) {
  switch (r) {
    case 4: return companion_roots_sized<4>(c, r, roots);
    case 8: return companion_roots_sized<8>(c, r, roots);
    case 16: return companion_roots_sized<16>(c, r, roots);
    case 32: return companion_roots_sized<32>(c, r, roots);
    default: return companion_roots_sized<Eigen::Dynamic>(c, r, roots);
  }
}

namespace {

constexpr int kMax = 64;

// Adds the size of every connected component of "the same" among w[0..k).
template <class Push>
void clusters(const std::complex<double>* w, int k, double tol, Push push) {
  int parent[kMax];
  std::iota(parent, parent + k, 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (int i = 0; i < k; ++i)
    for (int j = i + 1; j < k; ++j)
      if (std::abs(w[i] - w[j]) <= tol * std::max(std::abs(w[i]), std::abs(w[j]))) parent[find(i)] = find(j);
  int size[kMax] = {};
  for (int i = 0; i < k; ++i) ++size[find(i)];
  for (int i = 0; i < k; ++i)
    if (size[i] > 0) push(size[i]);
}

}  // namespace

Rrmp float_rrmp(std::span<const long> a, double tol) {
  const int n = static_cast<int>(a.size()) - 1;
  int m = 0, z = 0;
  while (m <= n && a[static_cast<std::size_t>(m)] == 0) ++m;
  while (z <= n - m && a[static_cast<std::size_t>(n - z)] == 0) ++z;
  const int r = n - m - z;
  Rrmp out;
  if (m > 0) out.push_real(m);
  if (z > 0) out.push_real(z);
  if (r >= 1 && r <= kMax) {
    // t^r + c_{r-1} t^{r-1} + ... + c_0 with c_k = a_{m + r - k} / a_m.
    double c[kMax];
    const double lead = static_cast<double>(a[static_cast<std::size_t>(m)]);
    for (int k = 0; k < r; ++k) c[k] = static_cast<double>(a[static_cast<std::size_t>(m + r - k)]) / lead;
    std::complex<double> roots[kMax], real[kMax], upper[kMax];
    companion_roots(c, r, roots);
    int nr = 0, nu = 0;
    for (int i = 0; i < r; ++i) {
      if (std::abs(roots[i].imag()) <= tol * std::abs(roots[i])) real[nr++] = roots[i];  // |z - Re z| = |Im z|
      else if (roots[i].imag() > 0) upper[nu++] = roots[i];
    }
    clusters(real, nr, tol, [&](int k) { out.push_real(k); });
    clusters(upper, nu, tol, [&](int k) { out.push_complex(k); });
  }
  out.normalize();
  return out;
}

}  // namespace lcngeom::bench
