// lcngeom/detail/ring_algebra.hpp -- dense linear algebra and univariate
// polynomial arithmetic written once over any ring of detail/rings.hpp
// (F_p, F_p[z]/(T), Q, Q(alpha)): products, determinants (with unit pivots or
// division-free), the Sylvester resultant of forms at formal degree, gcds.
// Internal to the library.
//
// A ring R provides: typename R::E, zero(), one(), from_si(long), add, sub,
// mul, neg, inv, is_zero, is_unit (see detail/rings.hpp).
#ifndef LCNGEOM_DETAIL_RING_ALGEBRA_HPP
#define LCNGEOM_DETAIL_RING_ALGEBRA_HPP

#include <cstddef>
#include <utility>
#include <vector>

#include "lcngeom/error.hpp"

namespace lcngeom::detail {

template <class R>
using Vec = std::vector<typename R::E>;
template <class R>
using Mat = std::vector<std::vector<typename R::E>>;

/// Product of coefficient vectors (forms or polynomials: a convolution).
template <class R>
Vec<R> poly_mul(const R& ring, const Vec<R>& a, const Vec<R>& b) {
  if (a.empty() || b.empty()) return {};
  Vec<R> r(a.size() + b.size() - 1, ring.zero());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ring.is_zero(a[i])) continue;
    for (std::size_t j = 0; j < b.size(); ++j) r[i + j] = ring.add(r[i + j], ring.mul(a[i], b[j]));
  }
  return r;
}

template <class R>
Vec<R> poly_pow(const R& ring, const Vec<R>& a, int e) {
  Vec<R> r{ring.one()};
  for (int i = 0; i < e; ++i) r = poly_mul(ring, r, a);
  return r;
}

/// Matrix-vector product m v.
template <class R>
Vec<R> mat_vec(const R& ring, const Mat<R>& m, const Vec<R>& v) {
  Vec<R> r;
  r.reserve(m.size());
  for (const auto& row : m) {
    typename R::E s = ring.zero();
    for (std::size_t j = 0; j < v.size(); ++j)
      if (!ring.is_zero(row[j]) && !ring.is_zero(v[j])) s = ring.add(s, ring.mul(row[j], v[j]));
    r.push_back(std::move(s));
  }
  return r;
}

/// Determinant by Gaussian elimination with unit pivots (may throw
/// SplitRequest in a quotient ring).
template <class R>
typename R::E det(const R& ring, Mat<R> m) {
  const std::size_t n = m.size();
  typename R::E d = ring.one();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t piv = n;
    for (std::size_t i = c; i < n; ++i)
      if (ring.is_unit(m[i][c])) {
        piv = i;
        break;
      }
    if (piv == n) return ring.zero();
    if (piv != c) {
      std::swap(m[piv], m[c]);
      d = ring.neg(d);
    }
    d = ring.mul(d, m[c][c]);
    typename R::E inv = ring.inv(m[c][c]);
    for (std::size_t i = c + 1; i < n; ++i) {
      if (ring.is_zero(m[i][c])) continue;
      typename R::E f = ring.mul(m[i][c], inv);
      for (std::size_t j = c + 1; j < n; ++j)
        if (!ring.is_zero(m[c][j])) m[i][j] = ring.sub(m[i][j], ring.mul(f, m[c][j]));
    }
  }
  return d;
}

/// Division-free determinant (expansion over column subsets, n 2^n
/// multiplications): for rings where inversion is expensive (number fields
/// with large coefficients).  n <= 20.
template <class R>
typename R::E det_division_free(const R& ring, const Mat<R>& m) {
  const std::size_t n = m.size();
  if (n == 0) return ring.one();
  std::vector<typename R::E> D(std::size_t{1} << n, ring.zero());
  D[0] = ring.one();
  for (std::size_t mask = 0; mask < D.size(); ++mask) {
    const std::size_t k = static_cast<std::size_t>(__builtin_popcountll(mask));
    if (k >= n || ring.is_zero(D[mask])) continue;
    // row k goes into a column j outside mask; sign = (-1)^{#columns of mask above j}
    std::size_t above = k;
    for (std::size_t j = 0; j < n; ++j) {
      if (mask & (std::size_t{1} << j)) {
        --above;
        continue;
      }
      if (ring.is_zero(m[k][j])) continue;
      typename R::E t = ring.mul(m[k][j], D[mask]);
      D[mask | (std::size_t{1} << j)] =
          above % 2 ? ring.sub(D[mask | (std::size_t{1} << j)], t) : ring.add(D[mask | (std::size_t{1} << j)], t);
    }
  }
  return D.back();
}

/// Homogeneous resultant of forms with formal degrees a.size()-1, b.size()-1
/// (Sylvester determinant).
template <class R>
Mat<R> sylvester_matrix(const R& ring, const Vec<R>& a, const Vec<R>& b) {
  const std::size_t da = a.size() - 1, db = b.size() - 1, n = da + db;
  Mat<R> m(n, Vec<R>(n, ring.zero()));
  for (std::size_t i = 0; i < db; ++i)
    for (std::size_t j = 0; j <= da; ++j) m[i][i + j] = a[j];
  for (std::size_t i = 0; i < da; ++i)
    for (std::size_t j = 0; j <= db; ++j) m[db + i][i + j] = b[j];
  return m;
}

template <class R>
typename R::E form_resultant(const R& ring, const Vec<R>& a, const Vec<R>& b) {
  if (a.size() + b.size() == 2) return ring.one();
  return det(ring, sylvester_matrix(ring, a, b));
}

/// Res(f_x, f_y) for a form f of degree d >= 2: nonzero iff f is square-free
/// in P^1 (it is d^{d-2} Disc(f) up to sign; the characteristic is 0 or > d).
template <class R>
typename R::E squarefree_witness(const R& ring, const Vec<R>& f) {
  const std::size_t d = f.size() - 1;
  Vec<R> fx, fy;
  for (std::size_t i = 0; i < d; ++i) fx.push_back(ring.mul(ring.from_si(static_cast<long>(d - i)), f[i]));
  for (std::size_t i = 1; i <= d; ++i) fy.push_back(ring.mul(ring.from_si(static_cast<long>(i)), f[i]));
  return form_resultant(ring, fx, fy);
}

/// True iff the vector is nonzero at every point (may split).
template <class R>
bool nonzero_vector(const R& ring, const Vec<R>& v) {
  for (const auto& e : v)
    if (!ring.is_zero(e) && ring.is_unit(e)) return true;
  return false;
}

/// Monic gcd of univariate polynomials (ascending coefficients) over R.
template <class R>
Vec<R> poly_gcd(const R& ring, Vec<R> a, Vec<R> b) {
  auto strip = [&](Vec<R>& p) {
    while (!p.empty() && ring.is_zero(p.back())) p.pop_back();
  };
  strip(a);
  strip(b);
  while (!b.empty()) {
    if (!ring.is_unit(b.back())) throw domain_error("poly_gcd: leading coefficient is not a unit");
    typename R::E inv = ring.inv(b.back());
    // a := a mod b
    while (a.size() >= b.size()) {
      typename R::E f = ring.mul(a.back(), inv);
      const std::size_t shift = a.size() - b.size();
      for (std::size_t i = 0; i + 1 < b.size(); ++i) a[shift + i] = ring.sub(a[shift + i], ring.mul(f, b[i]));
      a.pop_back();
      strip(a);
    }
    std::swap(a, b);
    // a is the old b; b is the remainder; the leading coefficient of b is tested next round
  }
  if (a.empty()) return a;
  if (!ring.is_unit(a.back())) throw domain_error("poly_gcd: leading coefficient is not a unit");
  typename R::E inv = ring.inv(a.back());
  for (auto& c : a) c = ring.mul(c, inv);
  return a;
}

/// Exact quotient a / b for a monic b (ascending coefficients).
template <class R>
Vec<R> divide_monic(const R& ring, Vec<R> a, const Vec<R>& b) {
  const std::size_t db = b.size() - 1;
  if (a.size() < b.size()) return {};
  Vec<R> q(a.size() - db, ring.zero());
  for (std::size_t i = a.size(); i-- > db;) {
    typename R::E f = a[i];
    for (std::size_t j = 0; j <= db; ++j) a[i - db + j] = ring.sub(a[i - db + j], ring.mul(f, b[j]));
    q[i - db] = std::move(f);
  }
  return q;
}

/// The unique root of a monic polynomial whose square-free part is linear
/// (a multiple root of the scheme is still one point): returns false for a
/// constant, throws ShapeFailure-like `Overflow` if there are several roots.
template <class R, class Overflow>
bool unique_root(const R& ring, Vec<R> g, typename R::E& root) {
  if (g.size() <= 1) return false;
  if (g.size() > 2) {
    Vec<R> d;
    for (std::size_t i = 1; i < g.size(); ++i) d.push_back(ring.mul(ring.from_si(static_cast<long>(i)), g[i]));
    g = divide_monic(ring, g, poly_gcd(ring, g, d));
    if (g.size() > 2) throw Overflow{};
  }
  root = ring.neg(g[0]);
  return true;
}

}  // namespace lcngeom::detail

#endif
