// Critical points of the parameter-space loss of a two-layer LCN with a
// linear filter (Example 5.10).
#include "lcngeom/linear_factor_critical.hpp"

#include <algorithm>

#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

namespace {

using detail::bilinear_form;
using detail::DetMethod;
using detail::Mat;
using detail::RatQuotient;
using detail::Vec;


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
          bilinear_form(K, sigma, cols[static_cast<std::size_t>(i)], cols[static_cast<std::size_t>(j)]));
    b.push_back(bilinear_form(K, sigma, cols[static_cast<std::size_t>(i)], uk));
  }
  RatPoly d = detail::det(K, A, DetMethod::division_free);
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
    h.push_back(K.mul(detail::det(K, Ak, DetMethod::division_free), dinv));
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
      RatPoly v = bilinear_form(K, sigma, grad[i], grad[j]);
      if ((i == 0) != (j == 0)) {
        const int k = static_cast<int>(std::max(i, j)) - 1;
        Vec<RatQuotient> unit(static_cast<std::size_t>(c) + 1, K.zero());
        unit[static_cast<std::size_t>(k)] = K.one();
        v = K.add(v, bilinear_form(K, sigma, shifted(K, detail::poly_mul(K, unit1, unit), 0, n), e));
      }
      H[i][j] = K.mul(K.from_si(2), v);
    }
  out.minors.clear();
  for (std::size_t k = 1; k <= dim; ++k) {
    Mat<RatQuotient> sub;
    for (std::size_t i = 0; i < k; ++i)
      sub.push_back(Vec<RatQuotient>(H[i].begin(), H[i].begin() + static_cast<long>(k)));
    out.minors.push_back(detail::det(K, sub, DetMethod::division_free));
  }
  out.q1 = q1;
  out.h = h;
  out.w = w;
  out.loss = bilinear_form(K, sigma, e, e);
  out.global = zero;
  return true;
}

}  // namespace

LinearFactorCriticalSet linear_factor_critical_points(const Architecture& arch, const BinaryForm& target,
                                                      const InnerProduct& sigma) {
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
  const std::vector<Rational> u = target.coefficients();
  // D(P) = ||u||^2 - N / Delta on P^1, P = s x - t y (binary forms in s, t).
  Ring R = MPolyRing::make({"s", "t"});
  const detail::RatMPolyRing ring{R};
  auto gen = [&](long i) { return RatMPoly::gen(R, i); };
  std::vector<RatMPoly> P{gen(0), -gen(1)};
  std::vector<std::vector<RatMPoly>> cols;
  for (int kk = 0; kk <= c; ++kk) {
    std::vector<RatMPoly> v(static_cast<std::size_t>(n) + 1, RatMPoly(R));
    for (std::size_t l = 0; l < 2; ++l) v[l + static_cast<std::size_t>(kk)] = P[l];
    cols.push_back(std::move(v));
  }
  auto ip = [&](const std::vector<RatMPoly>& a, const std::vector<RatMPoly>& b) {
    return bilinear_form(ring, sigma.matrix(), a, b);
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
  RatMPoly Delta = detail::det(ring, A, DetMethod::fraction_free);
  RatMPoly Nb = -detail::det(ring, border, DetMethod::fraction_free);  // b^T adj(A) b
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
    // Exact values at the real roots: the chart parameter (a = -t, or s = 0
    // at infinity), h_0..h_c and the loss, each an element of Q(t).
    std::vector<AlgebraicReal> zetas;
    for (const RealRoot& root : roots) zetas.emplace_back(root);
    std::vector<std::vector<AlgebraicReal>> values;  // values[j][r]: quantity j at root r
    values.push_back(evaluate(ob.at_infinity ? K.zero() : K.neg(t), zetas));
    for (const RatPoly& hk : pa.h) values.push_back(evaluate(hk, zetas));
    const std::vector<AlgebraicReal> losses = evaluate(pa.loss, zetas);
    for (std::size_t ri = 0; ri < roots.size(); ++ri) {
      RealRoot& root = roots[ri];
      LinearFactorCriticalPoint p;
      p.orbit = oi;
      p.real = true;
      p.global = pa.global;
      p.chart_at_infinity = ob.at_infinity;
      for (const auto& v : values) p.parameters.push_back(v[ri]);
      p.loss = losses[ri];
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

}  // namespace lcngeom
