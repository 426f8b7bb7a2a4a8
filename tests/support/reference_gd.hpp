// A small double-precision reference of the Section 7.1 protocol (data X, Y
// and filters i.i.d. N(0,1), plain gradient descent on ||W X - Y||^2, step
// 0.01, stop when ||grad L||^2 <= 1e-14, at most 15,000 updates), used by the
// limit-certificate tests and bench/bench_limit_certificate.cpp to produce
// realistic final filters.  It is not the experiments-layer engine; it only
// has to be a faithful, simple gradient descent.
#ifndef LCNGEOM_TESTS_REFERENCE_GD_HPP
#define LCNGEOM_TESTS_REFERENCE_GD_HPP

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "lcngeom/lcngeom.hpp"

namespace lcngeom::test {

/// A standard normal sample by Box-Muller from 53-bit uniforms (portable,
/// unlike std::normal_distribution).
inline double standard_normal(std::mt19937_64& g) {
  constexpr double two_pi = 6.283185307179586476925286766559;
  double u1;
  do u1 = static_cast<double>(g() >> 11) * 0x1.0p-53;
  while (u1 <= 0.0);
  const double u2 = static_cast<double>(g() >> 11) * 0x1.0p-53;
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

/// The exact rational value of a finite double (a dyadic number).
inline Rational exact_double(double d) {
  int e = 0;
  const double m = std::frexp(d, &e);
  const long mant = static_cast<long>(std::ldexp(m, 53));
  e -= 53;
  Rational r(mant);
  Rational two(2L), p(1L);
  for (int i = 0; i < (e < 0 ? -e : e); ++i) p *= two;
  return e < 0 ? r / p : r * p;
}

inline Filters exact_filters(const std::vector<std::vector<double>>& theta) {
  Filters out;
  for (const auto& w : theta) {
    out.emplace_back();
    for (double x : w) out.back().push_back(exact_double(x));
  }
  return out;
}

/// One dataset: X is k x N, Y is 1 x N (d_L = 1, d_0 = k), as doubles and as
/// the exact square loss ||w - u||^2_Sigma + c with Sigma = XX^T, u = YX^T (XX^T)^{-1}.
struct GdDataset {
  int k = 0;
  std::vector<std::vector<double>> x;  // k rows
  std::vector<double> y;
  std::vector<double> sigma;  // XX^T, row-major (double, rounded)
  std::vector<double> xy;     // X Y^T
  InnerProduct exact_sigma = InnerProduct::euclidean(0);
  BinaryForm exact_target;
};

inline GdDataset random_dataset(std::mt19937_64& g, int k, int samples = 10) {
  GdDataset d;
  d.k = k;
  d.x.assign(static_cast<std::size_t>(k), std::vector<double>(static_cast<std::size_t>(samples)));
  for (auto& row : d.x)
    for (double& v : row) v = standard_normal(g);
  d.y.resize(static_cast<std::size_t>(samples));
  for (double& v : d.y) v = standard_normal(g);
  RatMatrix X(k, samples), Y(1, samples);
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < samples; ++j)
      X.set(i, j, exact_double(d.x[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]));
  for (int j = 0; j < samples; ++j) Y.set(0, j, exact_double(d.y[static_cast<std::size_t>(j)]));
  FilterSquareLoss loss = filter_square_loss(X, Y, k);
  d.exact_sigma = loss.sigma;
  d.exact_target = loss.target;
  d.sigma.assign(static_cast<std::size_t>(k * k), 0.0);
  d.xy.assign(static_cast<std::size_t>(k), 0.0);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      double s = 0;
      for (int t = 0; t < samples; ++t)
        s += d.x[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)] *
             d.x[static_cast<std::size_t>(j)][static_cast<std::size_t>(t)];
      d.sigma[static_cast<std::size_t>(i * k + j)] = s;
    }
    double s = 0;
    for (int t = 0; t < samples; ++t)
      s += d.x[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)] * d.y[static_cast<std::size_t>(t)];
    d.xy[static_cast<std::size_t>(i)] = s;
  }
  return d;
}

/// A dataset given by (u, Sigma) directly (Section 7.2 style, or Section 7.3).
inline GdDataset target_dataset(const BinaryForm& u, const InnerProduct& sigma) {
  GdDataset d;
  d.k = u.degree() + 1;
  d.exact_sigma = sigma;
  d.exact_target = u;
  const int k = d.k;
  d.sigma.assign(static_cast<std::size_t>(k * k), 0.0);
  d.xy.assign(static_cast<std::size_t>(k), 0.0);
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j) {
      d.sigma[static_cast<std::size_t>(i * k + j)] = sigma.matrix().at(i, j).to_double();
      d.xy[static_cast<std::size_t>(i)] += sigma.matrix().at(i, j).to_double() * u.coeff(j).to_double();
    }
  return d;
}

inline std::vector<double> product(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> c(a.size() + b.size() - 1, 0.0);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

struct GdRun {
  std::vector<std::vector<double>> theta;
  int iterations = 0;
  bool converged = false;
  bool diverged = false;
};

/// Gradient descent on L(theta) = ||mu(theta) X - Y||^2 = w^T Sigma w - 2 w^T XY^T + const
/// (the true gradient: dL/dw = 2 (Sigma w - XY^T), chained through mu).
inline GdRun reference_gd(const std::vector<int>& k, const GdDataset& d, std::vector<std::vector<double>> theta,
                          double step = 0.01, double tol = 1e-14, int max_updates = 15000) {
  GdRun run;
  const std::size_t L = k.size();
  const int K = d.k;
  for (int it = 0; it <= max_updates; ++it) {
    std::vector<double> w{1.0};
    for (const auto& f : theta) w = product(w, f);
    std::vector<double> gw(static_cast<std::size_t>(K), 0.0);
    for (int i = 0; i < K; ++i) {
      double s = -d.xy[static_cast<std::size_t>(i)];
      for (int j = 0; j < K; ++j) s += d.sigma[static_cast<std::size_t>(i * K + j)] * w[static_cast<std::size_t>(j)];
      gw[static_cast<std::size_t>(i)] = 2 * s;
    }
    std::vector<std::vector<double>> grad(L);
    double norm2 = 0;
    for (std::size_t l = 0; l < L; ++l) {
      std::vector<double> others{1.0};
      for (std::size_t m = 0; m < L; ++m)
        if (m != l) others = product(others, theta[m]);
      grad[l].assign(theta[l].size(), 0.0);
      for (std::size_t a = 0; a < theta[l].size(); ++a) {
        double s = 0;
        for (std::size_t j = 0; j < others.size(); ++j) s += gw[a + j] * others[j];
        grad[l][a] = s;
        norm2 += s * s;
      }
    }
    if (!std::isfinite(norm2)) {
      run.diverged = true;
      break;
    }
    if (norm2 <= tol) {
      run.converged = true;
      break;
    }
    if (it == max_updates) break;
    for (std::size_t l = 0; l < L; ++l)
      for (std::size_t a = 0; a < theta[l].size(); ++a) theta[l][a] -= step * grad[l][a];
    run.iterations = it + 1;
  }
  run.theta = std::move(theta);
  return run;
}

inline std::vector<std::vector<double>> random_filters(std::mt19937_64& g, const std::vector<int>& k) {
  std::vector<std::vector<double>> theta;
  for (int kl : k) {
    theta.emplace_back();
    for (int j = 0; j < kl; ++j) theta.back().push_back(standard_normal(g));
  }
  return theta;
}

}  // namespace lcngeom::test

#endif
