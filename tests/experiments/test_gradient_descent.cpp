// The gradient-descent engine (gradient_descent.hpp): Prop. A.2 against the
// exact rational gradient and MPFR finite differences, one step against exact
// rational arithmetic, Prop. 5.13 for the discrete iteration, the batched
// kernel against the reference bit for bit, Section 7.3's run, bad input.
#include <catch2/catch.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/mpfr.hpp>
#include <cstring>

#include "mp_support.hpp"
#include "support.hpp"

using namespace lcngeom;
using test::mp;

namespace {

// Small dyadic rationals m / 2^e: exact in double and in every type below.
Rational dyadic(std::mt19937_64& g, long bound = 24) {
  return Rational(test::uniform(g, -bound, bound), 1L << test::uniform(g, 0, 3));
}

Filters random_filters(std::mt19937_64& g, const std::vector<int>& k) {
  Filters t;
  for (int kl : k) {
    t.emplace_back();
    for (int j = 0; j < kl; ++j) t.back().push_back(dyadic(g));
  }
  return t;
}

// A random SPD dyadic Sigma = A A^T + I (k x k) and a dyadic target.
struct ExactLoss {
  RatMatrix sigma;
  std::vector<Rational> u;
};

ExactLoss random_loss(std::mt19937_64& g, int k) {
  std::vector<std::vector<Rational>> a(static_cast<std::size_t>(k));
  for (auto& row : a)
    for (int j = 0; j < k; ++j) row.push_back(Rational(test::uniform(g, -3, 3), 2));
  std::vector<std::vector<Rational>> s(static_cast<std::size_t>(k), std::vector<Rational>(static_cast<std::size_t>(k)));
  for (int i = 0; i < k; ++i)
    for (int j = 0; j < k; ++j) {
      Rational acc(0L);
      for (int m = 0; m < k; ++m)
        acc += a[static_cast<std::size_t>(i)][static_cast<std::size_t>(m)] *
               a[static_cast<std::size_t>(j)][static_cast<std::size_t>(m)];
      if (i == j) acc += Rational(1L);
      s[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = acc;
    }
  ExactLoss l{RatMatrix(s), {}};
  for (int i = 0; i < k; ++i) l.u.push_back(dyadic(g, 8));
  return l;
}

template <class T>
T conv(const Rational& q) {
  return T(q.numerator().to_string()) / T(q.denominator().to_string());
}
template <>
double conv<double>(const Rational& q) {
  return q.to_double();
}

template <class T>
QuadraticLoss<T> to_loss(const ExactLoss& e) {
  const long k = e.sigma.rows();
  std::vector<T> s, u;
  for (long i = 0; i < k; ++i)
    for (long j = 0; j < k; ++j) s.push_back(conv<T>(e.sigma.at(i, j)));
  for (const Rational& x : e.u) u.push_back(conv<T>(x));
  return quadratic_loss_from_target(s, u);
}

template <class T>
FilterSet<T> to_set(const Filters& t) {
  FilterSet<T> out;
  for (const auto& w : t) {
    out.emplace_back();
    for (const Rational& x : w) out.back().push_back(conv<T>(x));
  }
  return out;
}

// The exact gradient grad L = J^T 2 Sigma (mu(theta) - u) (chain rule with the
// library's exact Jacobian, an independent route from Prop. A.2).
std::vector<Rational> exact_gradient(const Architecture& arch, const ExactLoss& e, const Filters& theta) {
  const std::vector<Rational> w = mu(arch, theta).coefficients();
  const long k = e.sigma.rows();
  std::vector<Rational> G(static_cast<std::size_t>(k));
  for (long i = 0; i < k; ++i) {
    Rational acc(0L);
    for (long j = 0; j < k; ++j)
      acc += e.sigma.at(i, j) * (w[static_cast<std::size_t>(j)] - e.u[static_cast<std::size_t>(j)]);
    G[static_cast<std::size_t>(i)] = acc + acc;
  }
  const RatMatrix J = jacobian(arch, theta);
  std::vector<Rational> g(static_cast<std::size_t>(J.cols()));
  for (long c = 0; c < J.cols(); ++c) {
    Rational acc(0L);
    for (long r = 0; r < J.rows(); ++r) acc += J.at(r, c) * G[static_cast<std::size_t>(r)];
    g[static_cast<std::size_t>(c)] = acc;
  }
  return g;
}

template <class T>
std::vector<T> flat(const FilterSet<T>& t) {
  std::vector<T> out;
  for (const auto& w : t) out.insert(out.end(), w.begin(), w.end());
  return out;
}

const std::vector<std::vector<int>> kArchs = {{2, 2},       {2, 2, 2}, {4, 2},    {3, 2, 2},
                                              {2, 2, 2, 2}, {3},       {2, 3, 4}, {5, 1, 2}};

}  // namespace

TEST_CASE("Prop. A.2: the Laurent-product gradient equals the exact rational gradient", "[gd][gradient]") {
  auto g = test::rng(1001);
  for (const auto& k : kArchs) {
    const Architecture arch(k);
    for (int trial = 0; trial < 10; ++trial) {
      const ExactLoss e = random_loss(g, arch.end_to_end_filter_size());
      const Filters theta = random_filters(g, k);
      const std::vector<Rational> exact = exact_gradient(arch, e, theta);
      // MPFR at 250 digits: every operation is exact on these small dyadics.
      const std::vector<mp> gm = flat(loss_gradient(to_loss<mp>(e), to_set<mp>(theta)));
      REQUIRE(gm.size() == exact.size());
      for (std::size_t i = 0; i < exact.size(); ++i) {
        INFO("k = " << arch.to_string() << " entry " << i);
        CHECK(abs(gm[i] - test::to_mp(exact[i])) <= mp("1e-200") * (1 + abs(test::to_mp(exact[i]))));
      }
      // double: within a few ulps of the (large) intermediate values.
      const std::vector<double> gd = flat(loss_gradient(to_loss<double>(e), to_set<double>(theta)));
      double scale = 1;
      for (const Rational& x : exact) scale = std::max(scale, std::abs(x.to_double()));
      for (std::size_t i = 0; i < exact.size(); ++i) CHECK(std::abs(gd[i] - exact[i].to_double()) <= 1e-11 * scale);
      // Appendix A's formula is exactly half of it.
      const std::vector<mp> ga = flat(loss_gradient(to_loss<mp>(e), to_set<mp>(theta), GradientConvention::appendix_a));
      for (std::size_t i = 0; i < exact.size(); ++i) CHECK(ga[i] * 2 == gm[i]);
    }
  }
}

TEST_CASE("Prop. A.2 against MPFR central differences and the product rule", "[gd][gradient][mpfr]") {
  auto g = test::rng(1002);
  for (const auto& k : kArchs) {
    const ExactLoss e = random_loss(g, end_to_end_size(k));
    const Filters theta = random_filters(g, k);
    const test::MpFilters tm = test::to_mp(theta);
    const std::vector<mp> u = test::to_mp(e.u);
    const auto sigma = test::to_mp(e.sigma);
    const std::vector<mp> fd = test::mp_numeric_gradient(tm, u, sigma, mp("1e-60"));
    const std::vector<mp> pr = test::mp_gradient(tm, u, sigma);
    const std::vector<mp> ours = flat(loss_gradient(to_loss<mp>(e), to_set<mp>(theta)));
    for (std::size_t i = 0; i < ours.size(); ++i) {
      CHECK(abs(ours[i] - fd[i]) <= mp("1e-100") * (1 + abs(fd[i])));
      CHECK(abs(ours[i] - pr[i]) <= mp("1e-200") * (1 + abs(pr[i])));
    }
  }
}

TEST_CASE("one step of gradient descent equals exact rational arithmetic", "[gd][step]") {
  auto g = test::rng(1003);
  for (const auto& k : kArchs) {
    const Architecture arch(k);
    const ExactLoss e = random_loss(g, arch.end_to_end_filter_size());
    const Filters theta = random_filters(g, k);
    const Rational eta(1, 64);  // dyadic: the double step is exact
    const std::vector<Rational> grad = exact_gradient(arch, e, theta);
    std::vector<Rational> next;
    std::size_t at = 0;
    for (const auto& w : theta)
      for (const Rational& x : w) next.push_back(x - eta * grad[at++]);
    DescentOptions o;
    o.step = 1.0 / 64;
    o.tolerance = 0;  // never converged: exactly max_iterations updates
    o.max_iterations = 1;
    const auto rm = descend<mp>(to_loss<mp>(e), to_set<mp>(theta), o);
    const auto rd = descend<double>(to_loss<double>(e), to_set<double>(theta), o);
    CHECK(rm.iterations == 1);
    CHECK(rm.status == DescentStatus::not_converged);
    const auto fm = flat(rm.theta);
    const auto fd = flat(rd.theta);
    double scale = 1;
    for (const Rational& x : next) scale = std::max(scale, std::abs(x.to_double()));
    for (std::size_t i = 0; i < next.size(); ++i) {
      CHECK(abs(fm[i] - test::to_mp(next[i])) <= mp("1e-200"));
      CHECK(std::abs(fd[i] - next[i].to_double()) <= 1e-12 * scale);
    }
  }
}

TEST_CASE("Prop. 5.13: one step changes delta_ij by exactly eta^2 (||g_i||^2 - ||g_j||^2)", "[gd][invariants]") {
  auto g = test::rng(1004);
  for (const auto& k : kArchs) {
    if (k.size() < 2) continue;
    const Architecture arch(k);
    const ExactLoss e = random_loss(g, arch.end_to_end_filter_size());
    const Filters theta = random_filters(g, k);
    const Rational eta(1, 100);
    const Filters grad = split_parameters(arch, exact_gradient(arch, e, theta));
    Filters next = theta;
    for (std::size_t l = 0; l < next.size(); ++l)
      for (std::size_t j = 0; j < next[l].size(); ++j) next[l][j] -= eta * grad[l][j];
    for (std::size_t i = 0; i < k.size(); ++i)
      for (std::size_t j = 0; j < k.size(); ++j) {
        // The O(eta) term vanishes (<w_i, g_i> = <w_j, g_j>, the proof of Prop. 5.13).
        const Rational change = conserved_difference(next, i, j) - conserved_difference(theta, i, j);
        CHECK(change == eta * eta * (squared_norm(grad[i]) - squared_norm(grad[j])));
      }
  }
}

TEST_CASE("Prop. 5.13: delta is conserved to O(step^2) per step along descend<double>", "[gd][invariants]") {
  auto g = test::rng(1005);
  for (const auto& k : kArchs) {
    if (k.size() < 2) continue;
    const ExactLoss e = random_loss(g, end_to_end_size(k));
    const auto loss = to_loss<double>(e);
    DescentOptions o;
    o.step = 1e-3;
    o.max_iterations = 200;
    std::vector<double> prev_delta;
    double worst = 0, prev_g2 = 0;
    descend<double>(
        loss, to_set<double>(random_filters(g, k)), o, [&](long, const FilterSet<double>& th, const double& g2) {
          std::vector<double> d, size;
          for (std::size_t l = 0; l + 1 < th.size(); ++l) {
            const double a = squared_norm(FilterSet<double>{th[l]}), b = squared_norm(FilterSet<double>{th[l + 1]});
            d.push_back(b - a);
            size.push_back(a + b);
          }
          if (!prev_delta.empty())
            for (std::size_t i = 0; i < d.size(); ++i) {
              // |change| <= eta^2 ||g||^2 (the exact identity above), plus
              // the rounding of the update and of the norms.
              const double bound = o.step * o.step * prev_g2 * 1.0001 + 1e-14 * size[i];
              worst = std::max(worst, std::abs(d[i] - prev_delta[i]) / bound);
            }
          prev_delta = d;
          prev_g2 = g2;  // the step from theta_t uses grad L(theta_t)
        });
    CHECK(worst <= 1.0);
  }
}

TEST_CASE("descend_batch is bit-identical to descend<double>, whatever the batching", "[gd][kernel]") {
  for (const auto& k : paper_architectures()) {
    INFO("kernel " << descent_kernel_name(k));
    const int kk = end_to_end_size(k);
    std::vector<QuadraticLoss<double>> losses;
    std::vector<DescentJob> jobs;
    for (int d = 0; d < 37; ++d) {  // 37: not a multiple of the lane count
      const Table1Dataset ds = table1_dataset(k, test::seed(), static_cast<std::size_t>(d), 10);
      losses.push_back(quadratic_loss_from_data(ds.x, ds.y, static_cast<std::size_t>(kk)));
      jobs.push_back({losses.size() - 1, ds.theta0});
      // Large filters: diverging runs.
      FilterSet<double> big = ds.theta0;
      for (auto& w : big)
        for (double& x : w) x *= 9;
      jobs.push_back({losses.size() - 1, big});
    }
    for (long maxit : {15000L, 300L}) {  // 300: many runs stop as not converged
      DescentOptions o;
      o.max_iterations = maxit;
      for (GradientConvention gc : {GradientConvention::true_gradient, GradientConvention::appendix_a}) {
        o.gradient = gc;
        const auto batch = descend_batch(k, losses, jobs, o);
        // A different batching: every other job alone.
        const std::vector<DescentJob> odd(jobs.begin() + 5, jobs.begin() + 6);
        const auto single = descend_batch(k, losses, odd, o);
        std::size_t statuses[3] = {0, 0, 0};
        for (std::size_t i = 0; i < jobs.size(); ++i) {
          const auto ref = descend<double>(losses[jobs[i].loss], jobs[i].theta0, o);
          ++statuses[static_cast<int>(ref.status)];
          REQUIRE(ref.status == batch[i].status);
          REQUIRE(ref.iterations == batch[i].iterations);
          CHECK(std::memcmp(&ref.gradient_norm2, &batch[i].gradient_norm2, sizeof(double)) == 0);
          for (std::size_t l = 0; l < k.size(); ++l)
            CHECK(std::memcmp(ref.theta[l].data(), batch[i].theta[l].data(), sizeof(double) * ref.theta[l].size()) ==
                  0);
          if (ref.status != DescentStatus::diverged) CHECK(std::memcmp(&ref.loss, &batch[i].loss, sizeof(double)) == 0);
        }
        for (std::size_t l = 0; l < k.size(); ++l)
          CHECK(std::memcmp(single[0].theta[l].data(), batch[5].theta[l].data(), sizeof(double) * k[l]) == 0);
        if (maxit == 300) CHECK(statuses[1] > 0);
        CHECK(statuses[2] > 0);  // the scaled-up starts diverge
      }
    }
  }
  // Another architecture goes through descend<double> itself.
  CHECK_THAT(descent_kernel_name(std::vector<int>{3, 3}), Catch::Matchers::StartsWith("scalar"));
}

TEST_CASE("Section 7.3: the gradient flow from ([1,6,11,6],[4,1]) ends at (kappa^-1 [2,0,5,0], kappa [1,0])",
          "[gd][paper]") {
  std::vector<double> I(25, 0.0);
  for (int i = 0; i < 5; ++i) I[static_cast<std::size_t>(i * 6)] = 1;
  const auto loss = quadratic_loss_from_target<double>(I, {2, 0, 5, 0, 2});
  DescentOptions o;
  o.method = DescentMethod::gradient_flow;
  o.max_iterations = 1000000;
  const auto r = descend<double>(loss, {{1, 6, 11, 6}, {4, 1}}, o);
  REQUIRE(r.status == DescentStatus::converged);
  // kappa from Corollary 5.14 (recover_scales), not from the paper's decimals.
  const ScaleRecovery rec =
      recover_scales(Architecture({4, 2}), parse_weights("1,6,11,6;4,1"), BinaryForm{2, 0, 5, 0, 0});
  const double kappa = std::stod(rec.classes.at(0).points.at(0).kappa.at(1).to_decimal(17));
  CHECK(std::abs(kappa - 0.4045867) < 1e-7);
  CHECK(std::abs(r.theta[1][0] - kappa) < 1e-6);
  CHECK(std::abs(r.theta[1][1]) < 1e-6);
  const std::vector<double> q{2, 0, 5, 0};
  for (int j = 0; j < 4; ++j)
    CHECK(std::abs(r.theta[0][static_cast<std::size_t>(j)] - q[static_cast<std::size_t>(j)] / kappa) < 1e-5);
  CHECK(std::abs(r.loss - 4) < 1e-9);  // ||[2,0,5,0,0] - u||^2 = 4
  // The flow keeps delta = ||w_2||^2 - ||w_1||^2 = -177 (Prop. 5.13) ...
  const double delta =
      r.theta[1][0] * r.theta[1][0] + r.theta[1][1] * r.theta[1][1] - squared_norm(FilterSet<double>{r.theta[0]});
  CHECK(std::abs(delta + 177) < 1e-6);
  // ... which fixed-step descent with a stable step does not, but its limit is
  // the Corollary 5.14 point of its own final invariant.
  DescentOptions gd;
  gd.step = 0.001;
  gd.max_iterations = 200000;
  const auto s = descend<double>(loss, {{1, 6, 11, 6}, {4, 1}}, gd);
  REQUIRE(s.status == DescentStatus::converged);
  CHECK(std::abs(s.theta[1][0] - kappa) > 1e-3);
  // step 0.01 is unstable there (step * largest Hessian eigenvalue > 2).
  gd.step = 0.01;
  CHECK(descend<double>(loss, {{1, 6, 11, 6}, {4, 1}}, gd).status == DescentStatus::diverged);
}

TEST_CASE("the engine runs on mpfr_float with run-time precision and on cpp_bin_float_50", "[gd][mpfr]") {
  using boost::multiprecision::cpp_bin_float_50;
  using boost::multiprecision::mpfr_float;
  const unsigned saved = mpfr_float::default_precision();
  mpfr_float::default_precision(40);
  // The first dataset whose double run converges (most do).
  std::size_t index = 0;
  for (; index < 50; ++index) {
    const Table1Dataset d = table1_dataset(std::vector<int>{2, 2}, test::seed(), index, 10);
    if (descend<double>(quadratic_loss_from_data(d.x, d.y, 3), d.theta0, DescentOptions{}).status ==
        DescentStatus::converged)
      break;
  }
  const Table1Dataset ds = table1_dataset(std::vector<int>{2, 2}, test::seed(), index, 10);
  const auto ld = quadratic_loss_from_data(ds.x, ds.y, 3);
  const auto rd = descend<double>(ld, ds.theta0, DescentOptions{});
  auto run = [&](auto zero) {
    using T = decltype(zero);
    std::vector<T> x(ds.x.begin(), ds.x.end()), y(ds.y.begin(), ds.y.end());
    FilterSet<T> t0;
    for (const auto& w : ds.theta0) t0.emplace_back(w.begin(), w.end());
    return descend<T>(quadratic_loss_from_data(x, y, 3), t0, DescentOptions{});
  };
  const auto rm = run(mpfr_float(0));
  const auto rb = run(cpp_bin_float_50(0));
  mpfr_float::default_precision(saved);
  REQUIRE(rd.status == DescentStatus::converged);
  REQUIRE(rm.status == DescentStatus::converged);
  REQUIRE(rb.status == DescentStatus::converged);
  // The same limit to the accuracy the stopping rule allows.
  for (std::size_t l = 0; l < 2; ++l)
    for (std::size_t j = 0; j < 2; ++j) {
      CHECK(std::abs(static_cast<double>(rm.theta[l][j]) - rd.theta[l][j]) < 1e-5);
      CHECK(std::abs(static_cast<double>(rb.theta[l][j]) - static_cast<double>(rm.theta[l][j])) < 1e-5);
    }
  CHECK(tolerance_rrmp(rm.theta) == tolerance_rrmp(rd.theta));
}

TEST_CASE("bad input to the engine throws invalid_argument naming the value", "[gd][errors]") {
  std::vector<double> I(9, 0.0);
  I[0] = I[4] = I[8] = 1;
  const auto loss = quadratic_loss_from_target<double>(I, {1, 2, 3});
  const FilterSet<double> theta{{1, 1}, {1, -1}};
  DescentOptions o;
  o.step = 0;
  CHECK_THROWS_AS(descend<double>(loss, theta, o), invalid_argument);
  o.step = -0.01;
  CHECK_THROWS_WITH(descend<double>(loss, theta, o), Catch::Matchers::Contains("-0.01"));
  o.step = std::nan("");
  CHECK_THROWS_AS(descend<double>(loss, theta, o), invalid_argument);
  o = DescentOptions{};
  o.tolerance = -1;
  CHECK_THROWS_AS(descend<double>(loss, theta, o), invalid_argument);
  o = DescentOptions{};
  o.max_iterations = -5;
  CHECK_THROWS_AS(descend<double>(loss, theta, o), invalid_argument);
  o = DescentOptions{};
  // d_0 != k: filters (2,2,2) have k = 4, the loss d_0 = 3.
  CHECK_THROWS_WITH(descend<double>(loss, FilterSet<double>{{1, 1}, {1, 1}, {1, 1}}, o),
                    Catch::Matchers::Contains("k = 4") && Catch::Matchers::Contains("d_0 = 3"));
  CHECK_THROWS_AS(descend<double>(loss, FilterSet<double>{}, o), invalid_argument);
  CHECK_THROWS_AS(descend<double>(loss, FilterSet<double>{{1, 1}, {}}, o), invalid_argument);
  CHECK_THROWS_AS(quadratic_loss_from_target<double>({1, 0, 0, 1}, {1, 2, 3}), invalid_argument);
  CHECK_THROWS_AS(quadratic_loss_from_data<double>({1, 2, 3}, {1, 2}, 2), invalid_argument);
  CHECK_THROWS_AS(quadratic_loss_from_data<double>({1, 2, 2, 4}, {1, 2}, 2), domain_error);  // XX^T singular
  const std::vector<int> k22{2, 2};
  const std::vector<QuadraticLoss<double>> losses{loss};
  CHECK_THROWS_AS(descend_batch(k22, losses, std::vector<DescentJob>{{1, theta}}, o), invalid_argument);
  CHECK_THROWS_AS(descend_batch(k22, losses, std::vector<DescentJob>{{0, FilterSet<double>{{1, 1, 1}, {1, 1}}}}, o),
                  invalid_argument);
  CHECK_THROWS_AS(parse_gradient_convention("half"), parse_error);
  CHECK(parse_gradient_convention("appendix-a") == GradientConvention::appendix_a);
  CHECK(parse_descent_method("flow") == DescentMethod::gradient_flow);
  CHECK_THROWS_AS(parse_descent_method("adam"), parse_error);
}
