// High-precision floating-point model of an LCN (MPFR via Boost.Multiprecision),
// an independent check of the exact code: mu, the square loss, its gradient by
// central differences or by the product rule, and gradient-flow steps.
#ifndef LCNGEOM_TESTS_MP_SUPPORT_HPP
#define LCNGEOM_TESTS_MP_SUPPORT_HPP

#include <boost/multiprecision/mpfr.hpp>
#include <vector>

#include "lcngeom/lcngeom.hpp"

namespace lcngeom::test {

/// 250 significant decimal digits.
using mp = boost::multiprecision::number<boost::multiprecision::mpfr_float_backend<250>, boost::multiprecision::et_off>;
using MpFilters = std::vector<std::vector<mp>>;

inline mp to_mp(const Rational& q) { return mp(q.numerator().to_string()) / mp(q.denominator().to_string()); }

inline MpFilters to_mp(const Filters& theta) {
  MpFilters out;
  for (const auto& w : theta) {
    out.emplace_back();
    for (const Rational& x : w) out.back().push_back(to_mp(x));
  }
  return out;
}

inline std::vector<mp> to_mp(const std::vector<Rational>& v) {
  std::vector<mp> out;
  for (const Rational& x : v) out.push_back(to_mp(x));
  return out;
}

/// Coefficient vectors in the paper's order multiply like polynomials.
inline std::vector<mp> mp_product(const std::vector<mp>& a, const std::vector<mp>& b) {
  std::vector<mp> c(a.size() + b.size() - 1, mp(0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

/// mu(theta) for stride one (Prop. 2.6).
inline std::vector<mp> mp_mu(const MpFilters& theta, std::size_t skip = static_cast<std::size_t>(-1)) {
  std::vector<mp> p{mp(1)};
  for (std::size_t l = 0; l < theta.size(); ++l)
    if (l != skip) p = mp_product(p, theta[l]);
  return p;
}

/// (mu - u)^T Sigma (mu - u).
inline mp mp_loss(const MpFilters& theta, const std::vector<mp>& u, const std::vector<std::vector<mp>>& sigma) {
  const std::vector<mp> w = mp_mu(theta);
  mp s = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t j = 0; j < w.size(); ++j) s += (w[i] - u[i]) * sigma[i][j] * (w[j] - u[j]);
  return s;
}

/// Central differences (L(theta + h e) - L(theta - h e)) / 2h, flattened in
/// jacobian() column order.
inline std::vector<mp> mp_numeric_gradient(const MpFilters& theta, const std::vector<mp>& u,
                                           const std::vector<std::vector<mp>>& sigma, const mp& h) {
  std::vector<mp> g;
  for (std::size_t l = 0; l < theta.size(); ++l)
    for (std::size_t j = 0; j < theta[l].size(); ++j) {
      MpFilters a = theta, b = theta;
      a[l][j] += h;
      b[l][j] -= h;
      g.push_back((mp_loss(a, u, sigma) - mp_loss(b, u, sigma)) / (2 * h));
    }
  return g;
}

/// The gradient by the product rule: dL/dw_{l,j} = 2 sum_i s_i (prod_{m != l} w_m)_{i-j},
/// s = Sigma (mu - u) (Prop. A.2 in coefficient form).
inline std::vector<mp> mp_gradient(const MpFilters& theta, const std::vector<mp>& u,
                                   const std::vector<std::vector<mp>>& sigma) {
  const std::vector<mp> w = mp_mu(theta);
  std::vector<mp> s(w.size(), mp(0));
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t j = 0; j < w.size(); ++j) s[i] += sigma[i][j] * (w[j] - u[j]);
  std::vector<mp> g;
  for (std::size_t l = 0; l < theta.size(); ++l) {
    const std::vector<mp> others = mp_mu(theta, l);
    for (std::size_t j = 0; j < theta[l].size(); ++j) {
      mp acc = 0;
      for (std::size_t i = j; i < w.size() && i - j < others.size(); ++i) acc += s[i] * others[i - j];
      g.push_back(2 * acc);
    }
  }
  return g;
}

inline MpFilters mp_axpy(const MpFilters& theta, const mp& a, const std::vector<mp>& flat) {
  MpFilters out = theta;
  std::size_t at = 0;
  for (auto& w : out)
    for (mp& x : w) x += a * flat[at++];
  return out;
}

/// One classical Runge-Kutta step of the gradient flow d theta/dt = -grad L.
inline MpFilters mp_rk4_step(const MpFilters& theta, const std::vector<mp>& u,
                             const std::vector<std::vector<mp>>& sigma, const mp& dt) {
  auto f = [&](const MpFilters& t) {
    std::vector<mp> g = mp_gradient(t, u, sigma);
    for (mp& x : g) x = -x;
    return g;
  };
  const auto k1 = f(theta);
  const auto k2 = f(mp_axpy(theta, dt / 2, k1));
  const auto k3 = f(mp_axpy(theta, dt / 2, k2));
  const auto k4 = f(mp_axpy(theta, dt, k3));
  std::vector<mp> step(k1.size());
  for (std::size_t i = 0; i < k1.size(); ++i) step[i] = (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
  return mp_axpy(theta, dt, step);
}

inline mp mp_norm2(const std::vector<mp>& w) {
  mp s = 0;
  for (const mp& x : w) s += x * x;
  return s;
}

inline std::vector<std::vector<mp>> to_mp(const RatMatrix& m) {
  std::vector<std::vector<mp>> out(static_cast<std::size_t>(m.rows()));
  for (long i = 0; i < m.rows(); ++i)
    for (long j = 0; j < m.cols(); ++j) out[static_cast<std::size_t>(i)].push_back(to_mp(m.at(i, j)));
  return out;
}

}  // namespace lcngeom::test

#endif
