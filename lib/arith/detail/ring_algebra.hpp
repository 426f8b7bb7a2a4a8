// lcngeom/detail/ring_algebra.hpp -- dense linear algebra and univariate
// polynomial arithmetic written once over any ring of detail/rings.hpp
// (F_p, F_p[z]/(T), Q, Q(alpha), Q[z], Q[x1, z]): products, the one
// determinant family (DetMethod), the one resultant of binary forms at formal
// degree (form_resultant / formal_resultant), the one Sigma inner product
// (bilinear_form), gcds.  Internal to the library.
//
// A ring R provides: typename R::E, zero(), one(), from_si(long),
// from_rational, add, sub, mul, neg, is_zero; fields and quotient rings also
// inv and is_unit, integral domains divexact (see detail/rings.hpp).
#ifndef LCNGEOM_DETAIL_RING_ALGEBRA_HPP
#define LCNGEOM_DETAIL_RING_ALGEBRA_HPP

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "lcngeom/error.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rational.hpp"

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

/// How det() computes a determinant.  One family, three ways to avoid or
/// pay for divisions:
enum class DetMethod {
  /// Gaussian elimination with unit pivots: O(n^3) ring operations and one
  /// inversion per column.  Fields (Q, F_p) and products of fields (quotient
  /// rings, where a zero-divisor pivot throws SplitRequest).
  elimination,
  /// Bareiss' fraction-free elimination: O(n^3) operations whose divisions
  /// are exact.  Integral domains with ring.divexact(a, b) (polynomial rings).
  fraction_free,
  /// Expansion over column subsets: n 2^n multiplications and no division at
  /// all.  Number fields with large coefficients, where one inversion costs
  /// more than the whole expansion for the small n used there (n <= 20).
  division_free,
};

namespace det_impl {

template <class R>
typename R::E elimination(const R& ring, Mat<R> m) {
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

template <class R>
typename R::E fraction_free(const R& ring, Mat<R> m) {
  const std::size_t n = m.size();
  if (n == 0) return ring.one();
  typename R::E prev = ring.one();
  bool negate = false;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (ring.is_zero(m[k][k])) {
      std::size_t i = k + 1;
      while (i < n && ring.is_zero(m[i][k])) ++i;
      if (i == n) return ring.zero();
      std::swap(m[i], m[k]);
      negate = !negate;
    }
    for (std::size_t i = k + 1; i < n; ++i)
      for (std::size_t j = k + 1; j < n; ++j)
        m[i][j] = ring.divexact(ring.sub(ring.mul(m[i][j], m[k][k]), ring.mul(m[i][k], m[k][j])), prev);
    prev = m[k][k];
  }
  return negate ? ring.neg(m[n - 1][n - 1]) : m[n - 1][n - 1];
}

template <class R>
typename R::E division_free(const R& ring, const Mat<R>& m) {
  const std::size_t n = m.size();
  if (n == 0) return ring.one();
  if (n > 20) throw invalid_argument("division-free determinant of size " + std::to_string(n) + " > 20");
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

}  // namespace det_impl

/// Determinant of a square matrix over R (1 for the empty matrix).  The
/// rational-matrix determinant RatMatrix::determinant() is FLINT's
/// (multimodular) fmpq_mat_det instead: same value, faster on Q.
template <class R>
typename R::E det(const R& ring, Mat<R> m, DetMethod method = DetMethod::elimination) {
  if (method == DetMethod::division_free) return det_impl::division_free(ring, m);
  if (method == DetMethod::fraction_free) {
    if constexpr (requires(const typename R::E& a) { ring.divexact(a, a); })
      return det_impl::fraction_free(ring, std::move(m));
    else
      throw invalid_argument("fraction-free determinant over a ring without exact division");
  }
  if constexpr (requires(const typename R::E& a) { ring.inv(a); })
    return det_impl::elimination(ring, std::move(m));
  else
    throw invalid_argument("determinant by elimination over a ring without inverses");
}

/// a^e (e >= 0) by repeated squaring.
template <class R>
typename R::E power(const R& ring, typename R::E a, long e) {
  typename R::E r = ring.one();
  for (; e > 0; e >>= 1) {
    if (e & 1) r = ring.mul(r, a);
    if (e > 1) a = ring.mul(a, a);
  }
  return r;
}

/// The Sylvester matrix of forms with formal degrees a.size()-1, b.size()-1
/// (coefficient vectors a_0..a_m of a_0 x^m + ... + a_m y^m): db rows of
/// shifted a, then da rows of shifted b.
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

/// The homogeneous resultant Res(a, b) of forms at their formal degrees: the
/// Sylvester determinant itself (the definition, invariants.hpp), for rings
/// without a native resultant (Q(alpha), F_p[z]/(T), where a zero divisor
/// splits the computation).  Over Q and F_p the library uses FLINT's
/// resultant at the actual degrees instead, made formal by
/// formal_resultant() below; resultant_sylvester() (invariants.hpp) is this
/// function over Q, the reference the fast path is tested against.
template <class R>
typename R::E form_resultant(const R& ring, const Vec<R>& a, const Vec<R>& b,
                             DetMethod method = DetMethod::elimination) {
  if (a.size() + b.size() == 2) return ring.one();
  return det(ring, sylvester_matrix(ring, a, b), method);
}

/// The resultant at formal degrees da >= ea, db >= eb from one at the actual
/// degrees ea = deg a, eb = deg b (-1 for a zero polynomial) with leading
/// coefficients lca, lcb; `actual()` returns Res_{ea,eb}(a, b) for
/// ea, eb >= 1 (FLINT's fmpq_poly_resultant / nmod_poly_resultant).
/// Expanding the Sylvester determinant along the columns only one of the
/// polynomials reaches:
///   Res_{da,db} = (-1)^{db (da-ea)} lcb^{da-ea} Res_{ea,db}   if ea < da (then eb = db),
///   Res_{da,db} = lca^{db-eb} Res_{da,eb}                     if eb < db (then ea = da),
/// Res = 0 if both degrees drop (a common root (1:0)) or a polynomial is zero,
/// Res_{0,db}(c, b) = c^db and Res_{da,0}(a, c) = c^da (Res_{0,0} = 1).
template <class R, class Actual>
typename R::E formal_resultant(const R& ring, long da, long ea, const typename R::E& lca, long db, long eb,
                               const typename R::E& lcb, Actual&& actual) {
  if (da == 0) return db == 0 ? ring.one() : (ea < 0 ? ring.zero() : power(ring, lca, db));
  if (db == 0) return eb < 0 ? ring.zero() : power(ring, lcb, da);
  if (ea < 0 || eb < 0 || (ea < da && eb < db)) return ring.zero();
  typename R::E core = ea == 0 ? power(ring, lca, eb) : eb == 0 ? power(ring, lcb, ea) : actual();
  if (ea < da) {
    core = ring.mul(core, power(ring, lcb, da - ea));
    if ((db * (da - ea)) % 2 != 0) core = ring.neg(core);
  } else if (eb < db) {
    core = ring.mul(core, power(ring, lca, db - eb));
  }
  return core;
}

/// Res(f_x, f_y) for a form f of degree d >= 2: nonzero iff f is square-free
/// in P^1 (it is d^{d-2} Disc(f) up to sign; the characteristic is 0 or > d).
template <class R>
typename R::E squarefree_witness(const R& ring, const Vec<R>& f, DetMethod method = DetMethod::elimination) {
  const std::size_t d = f.size() - 1;
  Vec<R> fx, fy;
  for (std::size_t i = 0; i < d; ++i) fx.push_back(ring.mul(ring.from_si(static_cast<long>(d - i)), f[i]));
  for (std::size_t i = 1; i <= d; ++i) fy.push_back(ring.mul(ring.from_si(static_cast<long>(i)), f[i]));
  return form_resultant(ring, fx, fy, method);
}

/// The matrix S over R.
template <class R>
Mat<R> to_ring_matrix(const R& ring, const RatMatrix& S) {
  Mat<R> out(static_cast<std::size_t>(S.rows()));
  for (long i = 0; i < S.rows(); ++i)
    for (long j = 0; j < S.cols(); ++j) out[static_cast<std::size_t>(i)].push_back(ring.from_rational(S.at(i, j)));
  return out;
}

/// a^T S b for coefficient vectors over R and a rational matrix S: the
/// inner product <a, b>_Sigma of inner_product.hpp (eq. 6.3), written once
/// for every coefficient ring.  Zero entries are skipped.
template <class R>
typename R::E bilinear_form(const R& ring, const RatMatrix& S, const Vec<R>& a, const Vec<R>& b) {
  typename R::E s = ring.zero();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ring.is_zero(a[i])) continue;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const Rational& sij = S.at(static_cast<long>(i), static_cast<long>(j));
      if (sij.is_zero() || ring.is_zero(b[j])) continue;
      s = ring.add(s, ring.mul(ring.from_rational(sij), ring.mul(a[i], b[j])));
    }
  }
  return s;
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
