// lcngeom/gradient_descent.hpp -- gradient descent on the square loss of a
// 1-D stride-one LCN (Sections 6.1, 7.1, 7.2; Propositions A.1, A.2, 5.13).
//
// Problem.  Filters theta = (w_1, ..., w_L), w_l in R^{k_l}, end-to-end filter
// wbar = mu(theta) in R^k, k = k_1 + ... + k_L - L + 1 (Prop. 2.2, d_L = 1,
// d_0 = k), and the quadratic loss on filters
//     l(w) = (w - u)^T Sigma (w - u),       L(theta) = l(mu(theta)),
// Sigma symmetric positive definite.  For data X in R^{k x N}, Y in R^{1 x N}
// this is the square loss ||wbar^T X - Y||^2 up to the constant
// min_V ||V X - Y||^2 (eq. 6.1 with Sigma = XX^T, u = YX^T (XX^T)^{-1}); for
// Table 2 it is ||w - U||^2_Sigma with Sigma = I or the Bombieri matrix
// (eq. 6.10).  The loss is stored as (Sigma, c = Sigma u, u).
//
// Gradient (Prop. A.2).  With G = grad l(wbar) = 2 (Sigma wbar - c), the
// gradient with respect to w_i is read off the Laurent product
//     pi~(G) * pi_{-1}(w_1) ... pi_{-1}(w_{i-1}) pi_{-1}(w_{i+1}) ... pi_{-1}(w_L),
// pi~(v) = v_0 x^{k-1} + ... + v_{k-1} and pi_{-1}(w) = w_0 x^{-k_j+1} + ... + w_{k_j-1}
// (the adjoint filter): grad_{w_i} L has entry j equal to the coefficient of
// x^{k_i-1-j}.  Appendix A writes grad l = W XX^T - YX^T, which is the
// gradient of (1/2) ||W X - Y||^2, half the gradient of the loss it names;
// GradientConvention::appendix_a uses G = Sigma wbar - c instead (the same
// descent with half the step and a 4x looser stopping test).
//
// Descent (Section 7.1): theta_{t+1} = theta_t - step * grad L(theta_t),
// stopping at the first t with ||grad L(theta_t)||^2 <= tolerance
// (converged, iterations = t), or when t reaches max_iterations updates
// (not_converged), or when ||grad L||^2 is not a finite number <= DBL_MAX
// (diverged; the threshold is the double overflow bound for every scalar
// type, so that double and MPFR runs classify divergence alike).
// DescentMethod::gradient_flow instead integrates d theta/dt = -grad L
// (Prop. 5.13's theta(t), Section 7.3) by the Dormand-Prince 5(4) pair with
// step-size control; its iterations are accepted steps.
//
// Scalars.  Everything here is a template on the scalar T: double, and
// Boost.Multiprecision types (mpfr_float with run-time precision,
// cpp_bin_float_50, ...) -- include their headers yourself; this header
// includes none.  T needs + - * / with T, construction from int and double,
// ordered comparison, explicit conversion to double, and sqrt / abs / pow /
// isfinite found by argument-dependent lookup or in std.
//
// Reproducibility.  descend<double> and descend_batch perform the same IEEE
// operations in the same order for every run, so their results are
// bit-identical (when compiled without floating-point contraction, the
// library's default), whatever the batching and the number of threads.
//
// Example:
//   auto loss = lcngeom::quadratic_loss_from_target<double>(identity5, {2, 0, 5, 0, 2});
//   lcngeom::DescentOptions o;  o.method = lcngeom::DescentMethod::gradient_flow;
//   auto r = lcngeom::descend<double>(loss, {{1, 6, 11, 6}, {4, 1}}, o);
//   // r.theta ~ (kappa^-1 (2,0,5,0), kappa (1,0)), kappa ~ 0.4045867 (Section 7.3)
#ifndef LCNGEOM_GRADIENT_DESCENT_HPP
#define LCNGEOM_GRADIENT_DESCENT_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lcngeom/error.hpp"

namespace lcngeom {

/// theta = (w_1, ..., w_L) over a scalar type T (each w_l in paper order w_0..w_{k_l-1}).
template <class T>
using FilterSet = std::vector<std::vector<T>>;

/// Which vector field descent follows.
enum class GradientConvention {
  true_gradient,  ///< G = 2 (Sigma wbar - c): the gradient of l
  appendix_a      ///< G = Sigma wbar - c: Appendix A's formula (gradient of l / 2)
};
/// How the descent is discretised.
enum class DescentMethod {
  gradient_descent,  ///< fixed step (Section 7.1)
  gradient_flow      ///< adaptive Dormand-Prince 5(4) integration of the flow
};
/// How a descent ended: the gradient criterion met, the iteration limit reached, or overflow.
enum class DescentStatus { converged, not_converged, diverged };

/// "true" | "appendix-a" (parse_gradient_convention reads it back).
inline std::string_view to_string(GradientConvention g) noexcept {
  return g == GradientConvention::true_gradient ? "true" : "appendix-a";
}
/// "gd" | "flow" (parse_descent_method reads it back).
inline std::string_view to_string(DescentMethod m) noexcept {
  return m == DescentMethod::gradient_descent ? "gd" : "flow";
}
/// "converged" | "not_converged" | "diverged".
inline std::string_view to_string(DescentStatus s) noexcept {
  switch (s) {
    case DescentStatus::converged: return "converged";
    case DescentStatus::not_converged: return "not_converged";
    default: return "diverged";
  }
}
/// "true" | "appendix-a"; throws parse_error otherwise.
GradientConvention parse_gradient_convention(std::string_view text);
/// "gd" | "flow"; throws parse_error otherwise.
DescentMethod parse_descent_method(std::string_view text);

/// The protocol of Section 7.1 as defaults.
struct DescentOptions {
  double step = 0.01;           ///< gd: the step; flow: the initial step
  double tolerance = 1e-14;     ///< stop when ||grad L||^2 <= tolerance
  long max_iterations = 15000;  ///< updates (gd) or accepted steps (flow)
  GradientConvention gradient = GradientConvention::true_gradient;  ///< the gradient formula (true gradient or Appendix A's)
  DescentMethod method = DescentMethod::gradient_descent;  ///< fixed-step descent or the gradient flow
  double flow_tolerance = 1e-11;  ///< flow: per-step error bound (absolute + relative)

  /// Throws invalid_argument (naming the value) for a step that is not a
  /// finite positive number, a negative or NaN tolerance, max_iterations < 0,
  /// or a flow tolerance that is not positive.
  void validate() const;
};

/// l(w) = (w - u)^T Sigma (w - u) on R^k, stored with c = Sigma u.
template <class T>
struct QuadraticLoss {
  std::vector<T> sigma;   ///< k x k, row-major, symmetric positive definite
  std::vector<T> c;       ///< Sigma u
  std::vector<T> target;  ///< u
  /// k, the size of the end-to-end filter.
  std::size_t size() const noexcept { return c.size(); }
};

/// The outcome of descend(): final filters, status and the loss there.
template <class T>
struct DescentResult {
  FilterSet<T> theta;   ///< the final filters
  long iterations = 0;  ///< updates (gd) or accepted steps (flow) performed
  DescentStatus status = DescentStatus::not_converged;  ///< converged, not_converged (iteration limit) or diverged (overflow)
  T gradient_norm2{};  ///< ||grad L(theta)||^2 at the final theta
  T loss{};            ///< l(mu(theta)) = (wbar - u)^T Sigma (wbar - u)
  long gradient_evaluations = 0;  ///< evaluations of the gradient (gd: one per update plus the last; flow: one per stage)
};

namespace detail {
inline void gd_fail(const std::string& what) { throw invalid_argument(what); }
template <class T>
bool gd_isfinite(const T& x) {
  using std::isfinite;
  return isfinite(x);
}
template <class T>
T gd_abs(const T& x) {
  using std::abs;
  return abs(x);
}
template <class T>
T gd_sqrt(const T& x) {
  using std::sqrt;
  return sqrt(x);
}
}  // namespace detail

/// The end-to-end filter size k = k_1 + ... + k_L - L + 1 (Prop. 2.2, stride
/// one); throws invalid_argument for no filters or a size < 1.
inline int end_to_end_size(std::span<const int> filters) {
  if (filters.empty()) detail::gd_fail("gradient descent: no filters");
  int k = 1;
  for (int kl : filters) {
    if (kl < 1) detail::gd_fail("gradient descent: filter size " + std::to_string(kl) + " < 1");
    k += kl - 1;
  }
  return k;
}

/// Checks theta against a loss: every filter nonempty and sum (k_l - 1) + 1 =
/// loss.size() (d_0 = k); Sigma k x k and u of size k.  Throws invalid_argument.
template <class T>
void check_descent_problem(const QuadraticLoss<T>& loss, const FilterSet<T>& theta) {
  std::vector<int> sizes;
  for (const auto& w : theta) sizes.push_back(static_cast<int>(w.size()));
  const int k = end_to_end_size(sizes);
  const std::size_t d0 = loss.size();
  if (d0 == 0) detail::gd_fail("gradient descent: empty loss (input size d_0 = 0)");
  if (static_cast<std::size_t>(k) != d0)
    detail::gd_fail("gradient descent: the filters have end-to-end size k = " + std::to_string(k) +
                    " but the data/target have size d_0 = " + std::to_string(d0) + " (d_L = 1 needs d_0 = k)");
  if (loss.sigma.size() != d0 * d0)
    detail::gd_fail("gradient descent: Sigma has " + std::to_string(loss.sigma.size()) + " entries, expected " +
                    std::to_string(d0 * d0));
  if (loss.target.size() != d0)
    detail::gd_fail("gradient descent: target u has size " + std::to_string(loss.target.size()) + ", expected " +
                    std::to_string(d0));
}

/// The polynomial product of coefficient vectors in paper order (= the
/// convolution of filters, eq. 2.7): c_{i+j} += a_i b_j, i then j ascending.
template <class T>
std::vector<T> polynomial_product(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<T> c(a.size() + b.size() - 1, T(0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

/// mu(theta) for stride one (Prop. 2.6), multiplied as ((w_1 w_2) w_3) ...
template <class T>
std::vector<T> end_to_end_filter(const FilterSet<T>& theta) {
  if (theta.empty()) detail::gd_fail("end_to_end_filter: no filters");
  std::vector<T> p = theta.front();
  for (std::size_t l = 1; l < theta.size(); ++l) p = polynomial_product(p, theta[l]);
  return p;
}

/// A Laurent polynomial sum_i c_i x^{low + i} (Prop. A.2).
template <class T>
struct LaurentPolynomial {
  int low = 0;  ///< exponent of the first coefficient
  std::vector<T> c;  ///< coefficients c_0, c_1, ... of x^low, x^{low+1}, ...

  /// pi~(v) = v_0 x^{k-1} + ... + v_{k-1}: the dehomogenisation y = 1 of (2.8).
  static LaurentPolynomial dehomogenized(const std::vector<T>& v) {
    LaurentPolynomial p;
    p.c.assign(v.rbegin(), v.rend());
    return p;
  }
  /// pi_{-1}(w) = w_0 x^{-k+1} + ... + w_{k-1}: the adjoint filter w* (Prop. A.2).
  static LaurentPolynomial adjoint(const std::vector<T>& w) {
    LaurentPolynomial p;
    p.low = 1 - static_cast<int>(w.size());
    p.c = w;
    return p;
  }
  /// Coefficient of x^e (0 outside the support).
  T coefficient(int e) const {
    const long i = static_cast<long>(e) - low;
    return (i < 0 || i >= static_cast<long>(c.size())) ? T(0) : c[static_cast<std::size_t>(i)];
  }
  /// Product of Laurent polynomials.
  friend LaurentPolynomial operator*(const LaurentPolynomial& a, const LaurentPolynomial& b) {
    LaurentPolynomial p;
    p.low = a.low + b.low;
    p.c = polynomial_product(a.c, b.c);
    return p;
  }
};

/// G = grad l(wbar): 2 (Sigma wbar - c), or Sigma wbar - c for Appendix A.
/// (Sigma wbar)_i is summed over j ascending.
template <class T>
std::vector<T> wbar_gradient(const QuadraticLoss<T>& loss, const std::vector<T>& wbar, GradientConvention g) {
  const std::size_t k = loss.size();
  std::vector<T> G(k);
  for (std::size_t i = 0; i < k; ++i) {
    T acc(0);
    for (std::size_t j = 0; j < k; ++j) acc += loss.sigma[i * k + j] * wbar[j];
    acc -= loss.c[i];
    G[i] = g == GradientConvention::true_gradient ? T(acc * 2) : acc;
  }
  return G;
}

/// Prop. A.2: grad_{w_i} L from G = grad l(mu(theta)) by Laurent products
/// with the adjoint filters (the product starts from 1 and takes the factors
/// j != i ascending; every sum runs over ascending indices).
template <class T>
FilterSet<T> filter_gradient(const FilterSet<T>& theta, const std::vector<T>& G) {
  const LaurentPolynomial<T> A = LaurentPolynomial<T>::dehomogenized(G);
  FilterSet<T> grad(theta.size());
  for (std::size_t i = 0; i < theta.size(); ++i) {
    LaurentPolynomial<T> B;  // the empty product 1, then times pi_{-1}(w_j), j != i ascending
    B.c.assign(1, T(1));
    for (std::size_t j = 0; j < theta.size(); ++j)
      if (j != i) B = B * LaurentPolynomial<T>::adjoint(theta[j]);
    const LaurentPolynomial<T> C = A * B;
    const int ki = static_cast<int>(theta[i].size());
    grad[i].resize(theta[i].size());
    for (int j = 0; j < ki; ++j) grad[i][static_cast<std::size_t>(j)] = C.coefficient(ki - 1 - j);
  }
  return grad;
}

/// grad L(theta) (Prop. A.2 with G from wbar_gradient).
template <class T>
FilterSet<T> loss_gradient(const QuadraticLoss<T>& loss, const FilterSet<T>& theta,
                           GradientConvention g = GradientConvention::true_gradient) {
  check_descent_problem(loss, theta);
  return filter_gradient(theta, wbar_gradient(loss, end_to_end_filter(theta), g));
}

/// sum over layers and entries (ascending) of the squares.
template <class T>
T squared_norm(const FilterSet<T>& theta) {
  T acc(0);
  for (const auto& w : theta)
    for (const T& x : w) acc += x * x;
  return acc;
}

/// l(wbar) = (wbar - u)^T Sigma (wbar - u), the loss above its unconstrained
/// minimum (eq. 6.1: ||wbar^T X - Y||^2 - min_V ||V X - Y||^2 for data).
template <class T>
T excess_loss(const QuadraticLoss<T>& loss, const std::vector<T>& wbar) {
  const std::size_t k = loss.size();
  std::vector<T> d(k);
  for (std::size_t i = 0; i < k; ++i) d[i] = wbar[i] - loss.target[i];
  T acc(0);
  for (std::size_t i = 0; i < k; ++i) {
    T s(0);
    for (std::size_t j = 0; j < k; ++j) s += loss.sigma[i * k + j] * d[j];
    acc += d[i] * s;
  }
  return acc;
}

/// Solves Sigma u = c for symmetric positive definite Sigma (Cholesky);
/// throws domain_error if Sigma is not numerically positive definite.
template <class T>
std::vector<T> solve_spd(const std::vector<T>& sigma, const std::vector<T>& c) {
  const std::size_t k = c.size();
  if (sigma.size() != k * k) detail::gd_fail("solve_spd: Sigma is not k x k");
  std::vector<T> Lm(k * k, T(0));
  for (std::size_t j = 0; j < k; ++j) {
    T d = sigma[j * k + j];
    for (std::size_t m = 0; m < j; ++m) d -= Lm[j * k + m] * Lm[j * k + m];
    if (!(d > T(0))) throw domain_error("solve_spd: Sigma is not positive definite (pivot " + std::to_string(j) + ")");
    Lm[j * k + j] = detail::gd_sqrt(d);
    for (std::size_t i = j + 1; i < k; ++i) {
      T s = sigma[i * k + j];
      for (std::size_t m = 0; m < j; ++m) s -= Lm[i * k + m] * Lm[j * k + m];
      Lm[i * k + j] = s / Lm[j * k + j];
    }
  }
  std::vector<T> z(k), u(k);
  for (std::size_t i = 0; i < k; ++i) {
    T s = c[i];
    for (std::size_t m = 0; m < i; ++m) s -= Lm[i * k + m] * z[m];
    z[i] = s / Lm[i * k + i];
  }
  for (std::size_t ii = k; ii-- > 0;) {
    T s = z[ii];
    for (std::size_t m = ii + 1; m < k; ++m) s -= Lm[m * k + ii] * u[m];
    u[ii] = s / Lm[ii * k + ii];
  }
  return u;
}

/// l(w) = ||w - u||^2_Sigma for a given Sigma (k x k row-major) and target u
/// (c = Sigma u, j ascending).  Throws invalid_argument on a size mismatch.
template <class T>
QuadraticLoss<T> quadratic_loss_from_target(std::vector<T> sigma, std::vector<T> u) {
  const std::size_t k = u.size();
  if (k == 0 || sigma.size() != k * k)
    detail::gd_fail("quadratic_loss_from_target: Sigma has " + std::to_string(sigma.size()) +
                    " entries for a target of size " + std::to_string(k));
  QuadraticLoss<T> loss;
  loss.c.resize(k);
  for (std::size_t i = 0; i < k; ++i) {
    T acc(0);
    for (std::size_t j = 0; j < k; ++j) acc += sigma[i * k + j] * u[j];
    loss.c[i] = acc;
  }
  loss.sigma = std::move(sigma);
  loss.target = std::move(u);
  return loss;
}

/// The square loss of data X (k x N, row-major), Y (N) written on filters
/// (eq. 6.1): Sigma = XX^T, c = XY^T (sums over samples ascending), u the
/// Cholesky solution of Sigma u = c.  Throws invalid_argument for sizes that
/// do not fit, domain_error if XX^T is singular (N < k).
template <class T>
QuadraticLoss<T> quadratic_loss_from_data(const std::vector<T>& x, const std::vector<T>& y, std::size_t k) {
  const std::size_t n = y.size();
  if (k == 0 || n == 0 || x.size() != k * n)
    detail::gd_fail("quadratic_loss_from_data: X has " + std::to_string(x.size()) +
                    " entries, expected k * N = " + std::to_string(k) + " * " + std::to_string(n));
  QuadraticLoss<T> loss;
  loss.sigma.assign(k * k, T(0));
  loss.c.assign(k, T(0));
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      T acc(0);
      for (std::size_t s = 0; s < n; ++s) acc += x[i * n + s] * x[j * n + s];
      loss.sigma[i * k + j] = acc;
    }
    T acc(0);
    for (std::size_t s = 0; s < n; ++s) acc += x[i * n + s] * y[s];
    loss.c[i] = acc;
  }
  loss.target = solve_spd(loss.sigma, loss.c);
  return loss;
}

/// Observer that does nothing (the default of descend()).
struct NoDescentObserver {
  /// Ignores the step.
  template <class T>
  void operator()(long, const FilterSet<T>&, const T&) const noexcept {}
};

namespace detail {

template <class T>
std::vector<T> gd_flatten(const FilterSet<T>& theta) {
  std::vector<T> y;
  for (const auto& w : theta) y.insert(y.end(), w.begin(), w.end());
  return y;
}

template <class T>
void gd_unflatten(const std::vector<T>& y, FilterSet<T>& theta) {
  std::size_t at = 0;
  for (auto& w : theta)
    for (T& x : w) x = y[at++];
}

inline const double dbl_max = std::numeric_limits<double>::max();

template <class T, class Observer>
DescentResult<T> descend_fixed_step(const QuadraticLoss<T>& loss, FilterSet<T> theta, const DescentOptions& o,
                                    Observer& observe) {
  DescentResult<T> r;
  const T step(o.step), tol(o.tolerance), big(dbl_max);
  for (long t = 0;; ++t) {
    const std::vector<T> G = wbar_gradient(loss, end_to_end_filter(theta), o.gradient);
    const FilterSet<T> g = filter_gradient(theta, G);
    const T g2 = squared_norm(g);
    ++r.gradient_evaluations;
    observe(t, static_cast<const FilterSet<T>&>(theta), g2);
    r.iterations = t;
    r.gradient_norm2 = g2;
    if (g2 <= tol) {
      r.status = DescentStatus::converged;
      break;
    }
    if (!(g2 <= big)) {
      r.status = DescentStatus::diverged;
      break;
    }
    if (t >= o.max_iterations) {
      r.status = DescentStatus::not_converged;
      break;
    }
    for (std::size_t l = 0; l < theta.size(); ++l)
      for (std::size_t j = 0; j < theta[l].size(); ++j) theta[l][j] = theta[l][j] - step * g[l][j];
  }
  r.loss = excess_loss(loss, end_to_end_filter(theta));
  r.theta = std::move(theta);
  return r;
}

// Dormand-Prince 5(4) (Hairer, Norsett & Wanner, Solving ODE I, II.5), FSAL.
template <class T, class Observer>
DescentResult<T> descend_flow(const QuadraticLoss<T>& loss, FilterSet<T> theta, const DescentOptions& o,
                              Observer& observe) {
  DescentResult<T> r;
  const T tol(o.tolerance), big(dbl_max);
  auto rhs = [&](const std::vector<T>& y, T& g2) {
    FilterSet<T> th = theta;
    gd_unflatten(y, th);
    FilterSet<T> g = filter_gradient(th, wbar_gradient(loss, end_to_end_filter(th), o.gradient));
    g2 = squared_norm(g);
    ++r.gradient_evaluations;
    std::vector<T> f = gd_flatten(g);
    for (T& v : f) v = -v;
    return f;
  };
  auto q = [](int a, int b) { return T(a) / T(b); };
  const T a21 = q(1, 5), a31 = q(3, 40), a32 = q(9, 40), a41 = q(44, 45), a42 = q(-56, 15), a43 = q(32, 9),
          a51 = q(19372, 6561), a52 = q(-25360, 2187), a53 = q(64448, 6561), a54 = q(-212, 729), a61 = q(9017, 3168),
          a62 = q(-355, 33), a63 = q(46732, 5247), a64 = q(49, 176), a65 = q(-5103, 18656), b1 = q(35, 384),
          b3 = q(500, 1113), b4 = q(125, 192), b5 = q(-2187, 6784), b6 = q(11, 84), e1 = q(71, 57600),
          e3 = q(-71, 16695), e4 = q(71, 1920), e5 = q(-17253, 339200), e6 = q(22, 525), e7 = q(-1, 40);
  std::vector<T> y = gd_flatten(theta);
  const std::size_t n = y.size();
  T g2;
  std::vector<T> k1 = rhs(y, g2), k2, k3, k4, k5, k6, k7, z(n), y5(n);
  double h = o.step;
  for (long t = 0;;) {
    observe(t, static_cast<const FilterSet<T>&>(theta), g2);
    r.iterations = t;
    r.gradient_norm2 = g2;
    if (g2 <= tol) {
      r.status = DescentStatus::converged;
      break;
    }
    if (!(g2 <= big) || !(h > 1e-300)) {
      r.status = DescentStatus::diverged;
      break;
    }
    if (t >= o.max_iterations) {
      r.status = DescentStatus::not_converged;
      break;
    }
    const T H(h);
    T dummy;
    for (std::size_t i = 0; i < n; ++i) z[i] = y[i] + H * (a21 * k1[i]);
    k2 = rhs(z, dummy);
    for (std::size_t i = 0; i < n; ++i) z[i] = y[i] + H * (a31 * k1[i] + a32 * k2[i]);
    k3 = rhs(z, dummy);
    for (std::size_t i = 0; i < n; ++i) z[i] = y[i] + H * (a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
    k4 = rhs(z, dummy);
    for (std::size_t i = 0; i < n; ++i) z[i] = y[i] + H * (a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
    k5 = rhs(z, dummy);
    for (std::size_t i = 0; i < n; ++i)
      z[i] = y[i] + H * (a61 * k1[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
    k6 = rhs(z, dummy);
    for (std::size_t i = 0; i < n; ++i)
      y5[i] = y[i] + H * (b1 * k1[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i] + b6 * k6[i]);
    T g2new;
    k7 = rhs(y5, g2new);
    double err = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const T e = H * (e1 * k1[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i] + e7 * k7[i]);
      const T scale = T(o.flow_tolerance) * (T(1) + std::max(gd_abs(y[i]), gd_abs(y5[i])));
      const double ratio = static_cast<double>(T(gd_abs(e) / scale));
      err = std::isfinite(ratio) ? std::max(err, ratio) : std::numeric_limits<double>::infinity();
    }
    if (err <= 1.0) {
      y = y5;
      k1 = k7;
      g2 = g2new;
      ++t;
      gd_unflatten(y, theta);
    }
    const double factor = err == 0 ? 5.0 : std::min(5.0, std::max(0.2, 0.9 * std::pow(err, -0.2)));
    h *= std::isfinite(err) ? factor : 0.2;
  }
  r.loss = excess_loss(loss, end_to_end_filter(theta));
  r.theta = std::move(theta);
  return r;
}

}  // namespace detail

/// Runs gradient descent (or the gradient flow) from theta0 on L = l o mu.
/// observer(t, theta_t, ||grad L(theta_t)||^2) is called at every iterate,
/// before the stopping test.  Throws invalid_argument for bad options or a
/// theta0 that does not fit the loss (d_0 != k).
template <class T, class Observer = NoDescentObserver>
DescentResult<T> descend(const QuadraticLoss<T>& loss, FilterSet<T> theta0, const DescentOptions& options,
                         Observer&& observer = {}) {
  options.validate();
  check_descent_problem(loss, theta0);
  if (options.method == DescentMethod::gradient_flow)
    return detail::descend_flow(loss, std::move(theta0), options, observer);
  return detail::descend_fixed_step(loss, std::move(theta0), options, observer);
}

/// One problem of a batch: losses[loss] from theta0.
struct DescentJob {
  std::size_t loss = 0;  ///< index into the batch's losses
  FilterSet<double> theta0;  ///< initial filters theta_0
};

/// descend<double> for many problems of one architecture (filter sizes
/// `filters`) at once: a structure-of-arrays kernel (lanes = problems, AVX-512
/// / AVX2 when the CPU has them) for the five architectures of Example 4.6,
/// (2,2), (2,2,2), (4,2), (3,2,2), (2,2,2,2), whose sizes are compiled in;
/// any other architecture runs descend<double> problem by problem.  Result
/// i is bit-identical to descend<double>(losses[jobs[i].loss],
/// jobs[i].theta0, options).  The flow method falls back to descend<double>.
/// Single-threaded: callers split the jobs across threads.  Throws as
/// descend() does, before any work.
std::vector<DescentResult<double>> descend_batch(std::span<const int> filters,
                                                 std::span<const QuadraticLoss<double>> losses,
                                                 std::span<const DescentJob> jobs, const DescentOptions& options);

/// Which kernel descend_batch uses for these filter sizes on this CPU, e.g.
/// "avx512 k=(2,2) fixed sizes" or "scalar k=(5,3) (descend<double>)".
std::string descent_kernel_name(std::span<const int> filters);

}  // namespace lcngeom

#endif
