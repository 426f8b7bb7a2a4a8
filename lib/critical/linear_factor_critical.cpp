// Critical points of the parameter-space loss of a two-layer LCN with a
// linear filter (Example 5.10), and the Lagrange-multiplier polynomial (6.7)
// of Example 6.5.
#include <algorithm>

#include "lcngeom/critical_points.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/mpoly_det.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"

namespace lcngeom {

namespace {

using detail::Mat;
using detail::RatQuotient;
using detail::Vec;

// <a, b>_Sigma for coefficient vectors over a ring.
template <class R>
typename R::E inner(const R& ring, const RatMatrix& sigma, const Vec<R>& a, const Vec<R>& b) {
  typename R::E s = ring.zero();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ring.is_zero(a[i])) continue;
    for (std::size_t j = 0; j < b.size(); ++j) {
      const Rational& sij = sigma.at(static_cast<long>(i), static_cast<long>(j));
      if (sij.is_zero() || ring.is_zero(b[j])) continue;
      s = ring.add(s, ring.mul(ring.from_rational(sij), ring.mul(a[i], b[j])));
    }
  }
  return s;
}

// q x^{c-k} y^k as a vector of length n + 1 (q of degree n - c).
template <class R>
Vec<R> shifted(const R& ring, const Vec<R>& q, int k, int n) {
  Vec<R> v(static_cast<std::size_t>(n) + 1, ring.zero());
  for (std::size_t l = 0; l < q.size(); ++l) v[l + static_cast<std::size_t>(k)] = q[l];
  return v;
}

struct Chart {
  bool at_infinity;  // q1 = s x + y at s = 0 instead of x + a y
};

struct PointAlgebra {
  Vec<RatQuotient> q1, h, w;
  RatPoly loss;
  std::vector<RatPoly> minors;  // leading principal minors of the Hessian
  bool global;
};

// Solves for h and the Hessian data at q1 over K; false if the Gram matrix is
// singular with an inconsistent system (no critical point), not_supported if
// it is singular and consistent.
bool analyse(const RatQuotient& K, const Vec<RatQuotient>& q1, int c, const RatMatrix& sigma,
             const std::vector<Rational>& u, bool at_infinity, PointAlgebra& out) {
  const int n = c + 1;
  std::vector<Vec<RatQuotient>> cols;
  for (int k = 0; k <= c; ++k) cols.push_back(shifted(K, q1, k, n));
  Vec<RatQuotient> uk;
  for (const Rational& q : u) uk.push_back(K.from_rational(q));
  Mat<RatQuotient> A(static_cast<std::size_t>(c) + 1);
  Vec<RatQuotient> b;
  for (int i = 0; i <= c; ++i) {
    for (int j = 0; j <= c; ++j)
      A[static_cast<std::size_t>(i)].push_back(
          inner(K, sigma, cols[static_cast<std::size_t>(i)], cols[static_cast<std::size_t>(j)]));
    b.push_back(inner(K, sigma, cols[static_cast<std::size_t>(i)], uk));
  }
  RatPoly d = detail::det_division_free(K, A);
  if (K.is_zero(d)) {
    Mat<RatQuotient> Ab = A;
    for (std::size_t i = 0; i < Ab.size(); ++i) Ab[i].push_back(b[i]);
    // Consistency: every (c+2)-column minor problem; use elimination in the field.
    long rankA = 0, rankAb = 0;
    auto rank = [&](Mat<RatQuotient> m) {
      long r = 0;
      const std::size_t cols_n = m.empty() ? 0 : m[0].size();
      for (std::size_t col = 0; col < cols_n && static_cast<std::size_t>(r) < m.size(); ++col) {
        std::size_t piv = m.size();
        for (std::size_t i = static_cast<std::size_t>(r); i < m.size(); ++i)
          if (!K.is_zero(m[i][col])) {
            piv = i;
            break;
          }
        if (piv == m.size()) continue;
        std::swap(m[piv], m[static_cast<std::size_t>(r)]);
        RatPoly inv = K.inv(m[static_cast<std::size_t>(r)][col]);
        for (std::size_t i = 0; i < m.size(); ++i) {
          if (i == static_cast<std::size_t>(r) || K.is_zero(m[i][col])) continue;
          RatPoly f = K.mul(m[i][col], inv);
          for (std::size_t j = col; j < cols_n; ++j)
            m[i][j] = K.sub(m[i][j], K.mul(f, m[static_cast<std::size_t>(r)][j]));
        }
        ++r;
      }
      return r;
    };
    rankA = rank(A);
    rankAb = rank(Ab);
    if (rankA == rankAb)
      throw not_supported(
          "the Gram matrix of q1 R_c is singular at a point where the least-squares system is "
          "consistent: the critical set is not finite");
    return false;
  }
  RatPoly dinv = K.inv(d);
  Vec<RatQuotient> h;
  for (int k = 0; k <= c; ++k) {
    Mat<RatQuotient> Ak = A;
    for (int i = 0; i <= c; ++i)
      Ak[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = b[static_cast<std::size_t>(i)];
    h.push_back(K.mul(detail::det_division_free(K, Ak), dinv));
  }
  Vec<RatQuotient> w = detail::poly_mul(K, h, q1);
  Vec<RatQuotient> e;
  bool zero = true;
  for (std::size_t i = 0; i < w.size(); ++i) {
    e.push_back(K.sub(w[i], uk[i]));
    zero = zero && K.is_zero(e.back());
  }
  // Hessian of L(theta) = ||w - u||^2 in the chart: theta = (a, h_0..h_c).
  // dw/da = y h (or x h at infinity), dw/dh_k = q1 x^{c-k} y^k,
  // d2w/da dh_k = y x^{c-k} y^k (or x x^{c-k} y^k); other second derivatives vanish.
  std::vector<Vec<RatQuotient>> grad;
  Vec<RatQuotient> unit1 = at_infinity ? Vec<RatQuotient>{K.one(), K.zero()} : Vec<RatQuotient>{K.zero(), K.one()};
  grad.push_back(detail::poly_mul(K, unit1, h));
  for (int k = 0; k <= c; ++k) grad.push_back(cols[static_cast<std::size_t>(k)]);
  const std::size_t dim = grad.size();
  Mat<RatQuotient> H(dim, Vec<RatQuotient>(dim, K.zero()));
  for (std::size_t i = 0; i < dim; ++i)
    for (std::size_t j = 0; j < dim; ++j) {
      RatPoly v = inner(K, sigma, grad[i], grad[j]);
      if ((i == 0) != (j == 0)) {
        const int k = static_cast<int>(std::max(i, j)) - 1;
        Vec<RatQuotient> unit(static_cast<std::size_t>(c) + 1, K.zero());
        unit[static_cast<std::size_t>(k)] = K.one();
        v = K.add(v, inner(K, sigma, shifted(K, detail::poly_mul(K, unit1, unit), 0, n), e));
      }
      H[i][j] = K.mul(K.from_si(2), v);
    }
  out.minors.clear();
  for (std::size_t k = 1; k <= dim; ++k) {
    Mat<RatQuotient> sub;
    for (std::size_t i = 0; i < k; ++i)
      sub.push_back(Vec<RatQuotient>(H[i].begin(), H[i].begin() + static_cast<long>(k)));
    out.minors.push_back(detail::det_division_free(K, sub));
  }
  out.q1 = q1;
  out.h = h;
  out.w = w;
  out.loss = inner(K, sigma, e, e);
  out.global = zero;
  return true;
}

}  // namespace

LinearFactorCriticalSet linear_factor_critical_points(const Architecture& arch, const BinaryForm& target,
                                                      const InnerProduct& sigma, const CriticalPointOptions& options) {
  if (arch.dimension() != 1 || arch.depth() != 2 || !arch.stride_one())
    throw not_supported("linear_factor_critical_points: needs a stride-one two-layer 1-D architecture, got " +
                        arch.to_string());
  std::vector<int> k = arch.filters();
  if (k[0] != 2 && k[1] != 2)
    throw not_supported("linear_factor_critical_points: one filter must have size 2 (a linear factor), got " +
                        arch.to_string());
  const int c = (k[0] == 2 ? k[1] : k[0]) - 1, n = c + 1;
  if (c < 0 || n < 1) throw not_supported("linear_factor_critical_points: degenerate architecture " + arch.to_string());
  if (target.degree() != n)
    throw invalid_argument("the architecture " + arch.to_string() + " has end-to-end forms of degree " +
                           std::to_string(n) + ", but the target " + target.to_string() + " has degree " +
                           std::to_string(target.degree()));
  if (sigma.degree() != n)
    throw invalid_argument("inner product of degree " + std::to_string(sigma.degree()) + " for forms of degree " +
                           std::to_string(n));
  if (options.digits < 0) throw invalid_argument("digits must be >= 0");
  const std::vector<Rational> u = target.coefficients();
  // D(P) = ||u||^2 - N / Delta on P^1, P = s x - t y (binary forms in s, t).
  Ring R = MPolyRing::make({"s", "t"});
  auto gen = [&](long i) { return RatMPoly::gen(R, i); };
  std::vector<RatMPoly> P{gen(0), -gen(1)};
  std::vector<std::vector<RatMPoly>> cols;
  for (int kk = 0; kk <= c; ++kk) {
    std::vector<RatMPoly> v(static_cast<std::size_t>(n) + 1, RatMPoly(R));
    for (std::size_t l = 0; l < 2; ++l) v[l + static_cast<std::size_t>(kk)] = P[l];
    cols.push_back(std::move(v));
  }
  auto ip = [&](const std::vector<RatMPoly>& a, const std::vector<RatMPoly>& b) {
    RatMPoly s(R);
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = 0; j < b.size(); ++j) {
        const Rational& sij = sigma.matrix().at(static_cast<long>(i), static_cast<long>(j));
        if (!sij.is_zero() && !a[i].is_zero() && !b[j].is_zero()) s = s + sij * (a[i] * b[j]);
      }
    return s;
  };
  std::vector<RatMPoly> uc;
  for (const Rational& q : u) uc.push_back(RatMPoly::constant(R, q));
  std::vector<std::vector<RatMPoly>> A(static_cast<std::size_t>(c) + 1), border(static_cast<std::size_t>(c) + 2);
  for (int i = 0; i <= c; ++i) {
    for (int j = 0; j <= c; ++j)
      A[static_cast<std::size_t>(i)].push_back(
          ip(cols[static_cast<std::size_t>(i)], cols[static_cast<std::size_t>(j)]));
    border[static_cast<std::size_t>(i)] = A[static_cast<std::size_t>(i)];
    border[static_cast<std::size_t>(i)].push_back(ip(cols[static_cast<std::size_t>(i)], uc));
  }
  for (int j = 0; j <= c; ++j)
    border[static_cast<std::size_t>(c) + 1].push_back(border[static_cast<std::size_t>(j)].back());
  border[static_cast<std::size_t>(c) + 1].push_back(RatMPoly(R));
  RatMPoly Delta = detail::bareiss_det(R, A);
  RatMPoly Nb = -detail::bareiss_det(R, border);  // b^T adj(A) b
  RatMPoly J = divexact(Nb.derivative(1) * Delta - Nb * Delta.derivative(1), gen(0));
  if (J.is_zero())
    throw not_supported("the reduced loss is constant along q1 at this target: the critical set is not finite");
  const long deg = J.total_degree();
  // Dehomogenize at s = 1: roots (1 : t); the degree drop is the root s = 0 (q1 = y).
  RatPoly j = J.substitute(0, Rational(1L)).to_univariate(1);
  LinearFactorCriticalSet res;
  res.architecture = arch;
  struct Orbit {
    RatPoly f;
    bool at_infinity;
  };
  std::vector<Orbit> orbits;
  if (j.degree() >= 1) {
    RatPoly sq = divexact(j, gcd(j, j.derivative()));
    FormFactorization ff = factor(BinaryForm(static_cast<int>(sq.degree()), sq));
    for (const FormFactor& f : ff.factors) orbits.push_back({f.form.dehomogenized(), false});
  }
  if (j.degree() < deg) orbits.push_back({RatPoly(std::vector<Rational>{Rational(), Rational(1L)}), true});
  for (const Orbit& ob : orbits) {
    RatQuotient K(ob.f);
    RatPoly t = K.reduce(RatPoly(std::vector<Rational>{Rational(), Rational(1L)}));
    // q1 = x - t y (chart a = -t) or q1 = y (s = 0).
    Vec<RatQuotient> q1 = ob.at_infinity ? Vec<RatQuotient>{K.zero(), K.one()} : Vec<RatQuotient>{K.one(), K.neg(t)};
    PointAlgebra pa;
    if (!analyse(K, q1, c, sigma.matrix(), u, ob.at_infinity, pa)) continue;
    const std::size_t oi = res.orbits.size();
    res.orbits.push_back(ob.f);
    const int size = static_cast<int>(ob.f.degree());
    std::vector<RealRoot> roots = real_roots(BinaryForm(size, ob.f));
    res.complex_count += size;
    res.real_count += static_cast<int>(roots.size());
    (pa.global ? res.global_count : res.spurious_count) += size;
    (pa.global ? res.global_real : res.spurious_real) += static_cast<int>(roots.size());
    for (int i = 0; i < size - static_cast<int>(roots.size()); ++i) {
      LinearFactorCriticalPoint p;
      p.orbit = oi;
      p.global = pa.global;
      p.chart_at_infinity = ob.at_infinity;
      res.points.push_back(p);
    }
    for (RealRoot& root : roots) {
      LinearFactorCriticalPoint p;
      p.orbit = oi;
      p.real = true;
      p.global = pa.global;
      p.chart_at_infinity = ob.at_infinity;
      // chart parameter: a = -t, or s = 0 at infinity
      RatPoly a = ob.at_infinity ? K.zero() : K.neg(t);
      p.parameters.push_back(detail::decimal_at_root(a, root, options.digits));
      for (const RatPoly& hk : pa.h) p.parameters.push_back(detail::decimal_at_root(hk, root, options.digits));
      p.loss = detail::decimal_at_root(pa.loss, root, options.digits);
      bool pd = true;
      for (const RatPoly& m : pa.minors) {
        const int sg = detail::sign_at_root(m, ob.f, root);
        p.hessian_minor_signs.push_back(sg);
        pd = pd && sg > 0;
      }
      p.hessian_positive_definite = pd;
      res.points.push_back(std::move(p));
    }
  }
  return res;
}

RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt) { return quadric_multiplier_polynomial(xxt, xxt); }

RatMPoly quadric_multiplier_polynomial(const RatMatrix& xxt, const RatMatrix& yxt_of_u) {
  if (yxt_of_u.rows() != 3 || yxt_of_u.cols() != 3)
    throw invalid_argument("quadric_multiplier_polynomial: the matrix M in YX^T = U M must be 3 x 3, got " +
                           std::to_string(yxt_of_u.rows()) + " x " + std::to_string(yxt_of_u.cols()));
  if (xxt.rows() != 3 || xxt.cols() != 3)
    throw invalid_argument("quadric_multiplier_polynomial: XX^T must be 3 x 3, got " + std::to_string(xxt.rows()) +
                           " x " + std::to_string(xxt.cols()));
  if (!is_symmetric_positive_definite(xxt))
    throw invalid_argument("quadric_multiplier_polynomial: XX^T is not symmetric positive definite: " +
                           xxt.to_string());
  Ring R = MPolyRing::make({"u1", "u2", "u3", "l"});
  const RatMPoly l = RatMPoly::gen(R, 3);
  const Rational J[3][3] = {{Rational(), Rational(), Rational(1L)},
                            {Rational(), Rational(-1L, 2L), Rational()},
                            {Rational(1L), Rational(), Rational()}};
  RatMPoly M[3][3] = {{RatMPoly(R), RatMPoly(R), RatMPoly(R)},
                      {RatMPoly(R), RatMPoly(R), RatMPoly(R)},
                      {RatMPoly(R), RatMPoly(R), RatMPoly(R)}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) M[i][j] = RatMPoly::constant(R, xxt.at(i, j)) - J[i][j] * l;
  // adj(M)_{ij} = (-1)^{i+j} det(M without row j, column i)
  auto minor = [&](int r, int cidx) {
    int rs[2], cs[2], a = 0, b = 0;
    for (int i = 0; i < 3; ++i)
      if (i != r) rs[a++] = i;
    for (int j = 0; j < 3; ++j)
      if (j != cidx) cs[b++] = j;
    return M[rs[0]][cs[0]] * M[rs[1]][cs[1]] - M[rs[0]][cs[1]] * M[rs[1]][cs[0]];
  };
  // YX^T = U M: a row vector v.
  RatMPoly v[3] = {RatMPoly(R), RatMPoly(R), RatMPoly(R)};
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) v[j] = v[j] + yxt_of_u.at(i, j) * RatMPoly::gen(R, i);
  RatMPoly col[3] = {RatMPoly(R), RatMPoly(R), RatMPoly(R)};
  for (int k = 0; k < 3; ++k)
    for (int j = 0; j < 3; ++j) {
      RatMPoly adj = minor(k, j);  // adj(M)_{jk} = (-1)^{j+k} det M_{(k),(j)}
      if ((j + k) % 2) adj = -adj;
      col[k] = col[k] + v[j] * adj;
    }
  return col[1] * col[1] - Rational(4L) * (col[0] * col[2]);
}

}  // namespace lcngeom
