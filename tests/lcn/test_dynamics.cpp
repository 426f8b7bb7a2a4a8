// Section 5.2: invariants of the gradient flow (Prop. 5.13), recovery of the
// scale factors (Cor. 5.14, eq. 5.5, Section 7.3), the neural tangent kernel
// (eq. 5.6) and Example 5.15, checked against MPFR gradient flow.
#include <catch2/catch.hpp>

#include "mp_support.hpp"
#include "support.hpp"

using namespace lcngeom;
using test::mp;

namespace {

Rational random_rational(std::mt19937_64& g, long bound, long den = 3) {
  return Rational(test::uniform(g, -bound, bound), test::uniform(g, 1, den));
}

Filters random_nonzero_filters(std::mt19937_64& g, const std::vector<int>& k) {
  for (;;) {
    Filters t;
    bool ok = true;
    for (int kl : k) {
      t.emplace_back();
      for (int j = 0; j < kl; ++j) t.back().push_back(random_rational(g, 4));
      ok = ok && !BinaryForm(t.back()).is_zero();
    }
    if (ok) return t;
  }
}

mp to_mp(const RealRoot& r, int digits = 120) { return mp(r.to_decimal(digits)); }

mp ball_mid(const Ball& b) { return test::to_mp(b.midpoint()); }

}  // namespace

TEST_CASE("Section 7.3: kappa = +-sqrt((sqrt(31445) - 177)/2) with minimal polynomial t^4 + 177t^2 - 29",
          "[dynamics][paper]") {
  const Architecture arch({4, 2});
  const Filters init{{Rational(1), Rational(6), Rational(11), Rational(6)}, {Rational(4), Rational(1)}};
  // (x + y)(x + 2y)(x + 3y) * (4x + y)
  CHECK(mu(arch, init) == BinaryForm::parse("(x+y)(x+2y)(x+3y)(4x+y)"));
  const ScaleRecovery rec = recover_scales(arch, init, BinaryForm{2, 0, 5, 0, 0});
  REQUIRE(rec.delta == std::vector<Rational>{Rational(-177)});
  REQUIRE(rec.classes.size() == 1);
  CHECK(rec.enclosed.empty());
  const ClassScales& c = rec.classes[0];
  CHECK(c.representative == Filters{{Rational(2), Rational(0), Rational(5), Rational(0)}, {Rational(1), Rational(0)}});
  CHECK(c.H == Rational(29));
  CHECK(c.beta_polynomial == RatPoly(std::vector<Rational>{Rational(-29), Rational(-177), Rational(1)}));
  REQUIRE(c.positive_roots.size() == 1);  // beta^2 - 177 beta - 29: one positive root
  REQUIRE(c.points.size() == 2);
  const mp kappa = sqrt((sqrt(mp(31445)) - 177) / 2);
  for (const ScaledPoint& p : c.points) {
    REQUIRE(p.kappa.size() == 2);
    // The paper's kappa scales the second filter: (q_1 / kappa, kappa q_2).
    CHECK(p.kappa[1].defining_polynomial() == IntPoly(std::vector<long>{-29, 0, 177, 0, 1}));
    CHECK(p.kappa[0].defining_polynomial() == IntPoly(std::vector<long>{-1, 0, -177, 0, 29}));
    const std::string d = p.kappa[1].to_decimal(50);
    INFO("kappa_2 = " << d);
    CHECK(abs(mp(d) - p.signs[1] * kappa) <= mp("1e-50"));
    CHECK(abs(to_mp(p.kappa[0]) * to_mp(p.kappa[1]) - 1) < mp("1e-100"));
  }
  CHECK(c.points[0].signs == std::vector<int>{1, 1});
  CHECK(c.points[0].kappa[1].to_decimal(7) == "0.4045867");  // the paper's value
  // beta_2 = kappa^2 = (sqrt(31445) - 177) / 2.
  CHECK(abs(to_mp(c.beta[1]) - (sqrt(mp(31445)) - 177) / 2) < mp("1e-100"));
}

TEST_CASE("Corollary 5.14: a planted parameter is recovered exactly from its invariants", "[dynamics]") {
  auto g = test::rng(5114);
  const std::vector<std::vector<int>> archs{{2, 2},    {3, 2},    {2, 2, 2},    {4, 2}, {3, 2, 2},
                                            {2, 3, 2}, {1, 3, 2}, {2, 2, 2, 2}, {3, 3}, {5}};
  int enclosed = 0;
  for (int trial = 0; trial < 30; ++trial) {
    const auto& k = archs[static_cast<std::size_t>(trial) % archs.size()];
    const Architecture arch(k);
    const Filters theta = random_nonzero_filters(g, k);
    const BinaryForm w = mu(arch, theta);
    INFO("trial " << trial << ": w = " << w);
    const ScaleRecovery rec = recover_scales(arch, theta, w);
    CHECK(rec.delta == layer_invariants(theta));
    CHECK(Integer(static_cast<long>(rec.classes.size() + rec.enclosed.size())) == fiber_class_count(arch, w));
    const std::size_t L = k.size();
    bool found = false;
    for (const ClassScales& c : rec.classes) {
      CHECK(c.points.size() == (std::size_t{1} << (L - 1)));
      CHECK(c.positive_roots.size() >= 1);
      for (const RealRoot& r : c.positive_roots)
        CHECK(c.beta_polynomial.evaluate(r.lo()).sign() * c.beta_polynomial.evaluate(r.hi()).sign() <= 0);
      CHECK(mu(arch, c.representative) == w);
      // |kappa_l| from the all-plus point (certified to 100 digits), reused for every sign pattern.
      REQUIRE(c.points[0].signs == std::vector<int>(L, 1));
      std::vector<mp> abs_kappa;
      for (std::size_t l = 0; l < L; ++l) abs_kappa.push_back(to_mp(c.points[0].kappa[l], 100));
      for (const ScaledPoint& p : c.points) {
        // Invariants and prod kappa = 1.
        mp prod = 1;
        std::vector<mp> norms;
        for (std::size_t l = 0; l < L; ++l) {
          const mp kl = p.signs[l] * abs_kappa[l];
          CHECK(test::to_mp(p.kappa[l].lo()) <= kl + mp("1e-95"));
          CHECK(kl - mp("1e-95") <= test::to_mp(p.kappa[l].hi()));
          prod *= kl;
          norms.push_back(kl * kl * test::to_mp(c.norms_squared[l]));
        }
        CHECK(abs(prod - 1) < mp("1e-90"));
        for (std::size_t l = 0; l + 1 < L; ++l)
          CHECK(abs(norms[l + 1] - norms[l] - test::to_mp(rec.delta[l])) < mp("1e-90"));
        // theta itself: kappa_l = theta_l / q_l, rational.
        bool same = true;
        for (std::size_t l = 0; l < L && same; ++l) {
          if (!p.kappa[l].is_exact()) {
            same = false;
            break;
          }
          for (std::size_t j = 0; j < theta[l].size(); ++j)
            same = same && theta[l][j] == p.kappa[l].lo() * c.representative[l][j];
        }
        found = found || same;
      }
    }
    CHECK(found);
    for (const ClassScalesEnclosure& e : rec.enclosed) {
      ++enclosed;
      for (std::size_t l = 0; l < L; ++l)
        CHECK(abs(ball_mid(e.abs_kappa[l]) * ball_mid(e.abs_kappa[l]) * ball_mid(e.norms_squared[l]) -
                  ball_mid(e.beta[l])) < mp("1e-20"));
      for (std::size_t l = 0; l + 1 < L; ++l) CHECK(sub(e.beta[l + 1], e.beta[l], 128).contains(rec.delta[l]));
    }
  }
  CHECK(enclosed > 0);  // random filters give irrational splittings
}

TEST_CASE("eq. (5.5): exactly one admissible root, the invariants fix one point per component", "[dynamics]") {
  // beta (beta + S_1) ... - H increases on beta > max(0, -S_l): one root there.
  auto g = test::rng(5115);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t L = static_cast<std::size_t>(test::uniform(g, 1, 5));
    std::vector<Rational> delta;
    for (std::size_t l = 0; l + 1 < L; ++l) delta.push_back(random_rational(g, 20));
    const Rational H(test::uniform(g, 1, 50), test::uniform(g, 1, 7));
    const RatPoly P = beta_polynomial(delta, H);
    CHECK(P.degree() == static_cast<long>(L));
    Rational b0(0), S(0);
    for (const Rational& d : delta) {
      S += d;
      if (-S > b0) b0 = -S;
    }
    int admissible = 0;
    for (RealRoot r : real_roots(BinaryForm(static_cast<int>(L), P))) {
      if (r.lo() < b0 && b0 < r.hi()) r.split_at(b0);
      if (r.lo() >= b0 && r.hi() > b0) ++admissible;
    }
    CHECK(admissible == 1);
    CHECK(P.evaluate(b0) == -H);
  }
}

TEST_CASE("Prop. 5.13: delta_ij is constant along an MPFR Runge-Kutta gradient flow", "[dynamics][mpfr]") {
  auto g = test::rng(5113);
  for (const auto& k : std::vector<std::vector<int>>{{3, 2, 2}, {2, 3}, {2, 2, 2, 2}}) {
    const Architecture arch(k);
    const Filters theta = random_nonzero_filters(g, k);
    const int n = arch.end_to_end_filter_size() - 1;
    const BinaryForm u = test::random_form(g, n, 3);
    const RatMatrix sigma = RatMatrix::identity(n + 1);
    auto t = test::to_mp(theta);
    const auto uu = test::to_mp(u.coefficients());
    const auto ss = test::to_mp(sigma);
    const mp d01 = test::mp_norm2(t[0]) - test::mp_norm2(t[1]);
    const mp n0 = test::mp_norm2(t[0]);
    // RK4 step small against the speed of the flow: the drift of an exact
    // invariant is then O(dt^4) per unit time.
    mp speed = 1;
    for (const mp& x : test::mp_gradient(t, uu, ss)) speed = std::max(speed, mp(abs(x)));
    const mp dt = mp("1e-4") / speed;
    for (int step = 0; step < 100; ++step) t = test::mp_rk4_step(t, uu, ss, dt);
    const mp drift = abs(test::mp_norm2(t[0]) - test::mp_norm2(t[1]) - d01);
    const mp moved = abs(test::mp_norm2(t[0]) - n0);
    INFO("drift " << drift.str(5) << ", change of ||w_1||^2 " << moved.str(5));
    CHECK(drift < mp("1e-15") * moved);
    CHECK(moved > mp("1e-6"));
    CHECK(abs(test::to_mp(conserved_difference(theta, 0, 1)) - d01) < mp("1e-200"));
  }
}

TEST_CASE("eq. (5.6): d mu/dt = -K(theta) grad l, against finite differences of the gradient flow",
          "[dynamics][mpfr]") {
  auto g = test::rng(5116);
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<int> k;
    const long L = test::uniform(g, 1, 4);
    for (long l = 0; l < L; ++l) k.push_back(static_cast<int>(test::uniform(g, 1, 4)));
    const Architecture arch(k);
    const Filters theta = random_nonzero_filters(g, k);
    const int n = arch.end_to_end_filter_size() - 1;
    const BinaryForm u = test::random_form(g, n, 4);
    RatMatrix sigma = RatMatrix::identity(n + 1);
    for (int i = 0; i < n; ++i) {
      sigma.set(i, i + 1, Rational(1, 3));
      sigma.set(i + 1, i, Rational(1, 3));
    }
    const RatMatrix K = neural_tangent_kernel(arch, theta);
    // K = J J^T = sum of the layer terms, symmetric positive semidefinite.
    RatMatrix sum(n + 1, n + 1);
    for (const RatMatrix& t : neural_tangent_kernel_terms(arch, theta)) sum = sum + t;
    CHECK(sum == K);
    CHECK(K == K.transpose());
    // -K grad l(mu), grad l = 2 Sigma (mu - u).
    const auto w = mu(arch, theta).coefficients();
    std::vector<mp> grad_l(w.size(), mp(0)), want(w.size(), mp(0));
    for (std::size_t i = 0; i < w.size(); ++i)
      for (std::size_t j = 0; j < w.size(); ++j)
        grad_l[i] += 2 * test::to_mp(sigma.at(static_cast<long>(i), static_cast<long>(j)) *
                                     (w[j] - u.coeff(static_cast<int>(j))));
    for (std::size_t i = 0; i < w.size(); ++i)
      for (std::size_t j = 0; j < w.size(); ++j)
        want[i] -= test::to_mp(K.at(static_cast<long>(i), static_cast<long>(j))) * grad_l[j];
    // One RK4 step of length h of the parameter flow; (mu(theta(h)) - mu(theta)) / h -> d mu/dt.
    const auto t0 = test::to_mp(theta);
    const auto uu = test::to_mp(u.coefficients());
    const auto ss = test::to_mp(sigma);
    const mp h("1e-60");
    const auto t1 = test::mp_rk4_step(t0, uu, ss, h);
    const auto m0 = test::mp_mu(t0), m1 = test::mp_mu(t1);
    mp scale = 1;
    for (const mp& x : want) scale += abs(x);
    for (std::size_t i = 0; i < w.size(); ++i) {
      const mp fd = (m1[i] - m0[i]) / h;
      INFO("trial " << trial << ", coefficient " << i << ": finite difference " << fd.str(20) << ", -K grad l "
                    << want[i].str(20));
      CHECK(abs(fd - want[i]) < mp("1e-50") * scale * scale);
    }
  }
}

TEST_CASE("Example 5.15: Jacobian, K = K_B + K_A, K(gamma) and beta^2 + delta beta - H = 0", "[dynamics][paper]") {
  auto g = test::rng(5115);
  const Architecture arch({3, 2});  // C = A B, A quadratic (a2, a1, a0), B linear (b1, b0)
  for (int trial = 0; trial < 10; ++trial) {
    const Rational a2 = random_rational(g, 5), a1 = random_rational(g, 5), a0 = random_rational(g, 5);
    const Rational b1 = random_rational(g, 5), b0 = random_rational(g, 5);
    if ((a2.is_zero() && a1.is_zero() && a0.is_zero()) || (b1.is_zero() && b0.is_zero())) continue;
    const Filters theta{{a2, a1, a0}, {b1, b0}};
    const Rational z(0);
    // The Jacobian as printed.
    CHECK(jacobian(arch, theta) ==
          RatMatrix({{b1, z, z, a2, z}, {b0, b1, z, a1, a2}, {z, b0, b1, a0, a1}, {z, z, b0, z, a0}}));
    const auto terms = neural_tangent_kernel_terms(arch, theta);
    const RatMatrix KB({{b1 * b1, b0 * b1, z, z},
                        {b0 * b1, b0 * b0 + b1 * b1, b0 * b1, z},
                        {z, b0 * b1, b0 * b0 + b1 * b1, b0 * b1},
                        {z, z, b0 * b1, b0 * b0}});
    const RatMatrix KA({{a2 * a2, a1 * a2, a0 * a2, z},
                        {a1 * a2, a1 * a1 + a2 * a2, a0 * a1 + a1 * a2, a0 * a2},
                        {a0 * a2, a0 * a1 + a1 * a2, a0 * a0 + a1 * a1, a0 * a1},
                        {z, a0 * a2, a0 * a1, a0 * a0}});
    CHECK(terms[0] == KB);
    CHECK(terms[1] == KA);
    CHECK(neural_tangent_kernel(arch, theta) == KB + KA);
    // (gamma A, B / gamma): K(gamma) = gamma^-2 K_B + gamma^2 K_A.
    const Rational gamma(test::uniform(g, 1, 9), test::uniform(g, 1, 9));
    Filters scaled{{gamma * a2, gamma * a1, gamma * a0}, {b1 / gamma, b0 / gamma}};
    RatMatrix want(4, 4);
    for (long i = 0; i < 4; ++i)
      for (long j = 0; j < 4; ++j) want.set(i, j, KB.at(i, j) / (gamma * gamma) + gamma * gamma * KA.at(i, j));
    CHECK(neural_tangent_kernel(arch, scaled) == want);
    // Given only C and delta = ||A||^2 - ||B||^2 of the initialization: K of the
    // reachable point, from any factorization (A', B') of C.
    const Rational delta = squared_norm(theta[0]) - squared_norm(theta[1]);
    const Rational s(test::uniform(g, 1, 5), test::uniform(g, 1, 5));
    const Filters other{{a2 * s, a1 * s, a0 * s}, {b1 / s, b0 / s}};  // A' = s A, B' = B / s
    const KernelFromInvariants kfi = kernel_from_invariants(arch, other, layer_invariants(theta));
    REQUIRE(kfi.weights.size() == 2);
    // The reachable point is theta itself (gamma = 1/s relative to (A', B')): exact rational weights.
    CHECK(kfi.weights[0].is_exact());
    RatMatrix Krec(4, 4);
    for (long i = 0; i < 4; ++i)
      for (long j = 0; j < 4; ++j)
        Krec.set(i, j, kfi.weights[0].lo() * kfi.terms[0].at(i, j) + kfi.weights[1].lo() * kfi.terms[1].at(i, j));
    CHECK(Krec == neural_tangent_kernel(arch, theta));
    // The paper's closed forms with H = ||A'||^2 ||B'||^2: beta = ||B'/gamma||^2 =
    // (-delta + sqrt(delta^2 + 4H)) / 2 and gamma^2 = 2 ||B'||^2 / (-delta + sqrt(delta^2 + 4H)).
    const mp H = test::to_mp(squared_norm(other[0]) * squared_norm(other[1]));
    const mp d = test::to_mp(delta), B2 = test::to_mp(squared_norm(other[1]));
    const mp beta = (-d + sqrt(d * d + 4 * H)) / 2, gamma2 = 2 * B2 / (-d + sqrt(d * d + 4 * H));
    CHECK(abs(beta * beta + d * beta - H) < mp("1e-100"));
    CHECK(abs(beta - test::to_mp(squared_norm(theta[1]))) < mp("1e-100"));
    // weights: c_1 = kappa_1^-2 = gamma^-2, c_2 = gamma^2.
    CHECK(abs(test::to_mp(kfi.weights[1].lo()) - gamma2) < mp("1e-100"));
    CHECK(abs(test::to_mp(kfi.weights[0].lo()) - 1 / gamma2) < mp("1e-100"));
    // (5.5) in the paper's variable: beta_2 (beta_2 + delta) - H with beta_1 = beta_2 + delta.
    const RatPoly P = beta_polynomial(layer_invariants(theta), squared_norm(other[0]) * squared_norm(other[1]));
    const Rational x = random_rational(g, 9);
    CHECK(P.evaluate(x + delta) == x * x + delta * x - squared_norm(other[0]) * squared_norm(other[1]));
  }
  // An irrational reachable point: weights are algebraic, K certified.
  const Filters rep{{Rational(1), Rational(0), Rational(1)}, {Rational(1), Rational(1)}};
  const KernelFromInvariants kfi = kernel_from_invariants(arch, rep, {Rational(1)});
  CHECK_FALSE(kfi.weights[0].is_exact());
  const auto K = kfi.evaluate(200);
  // c_1 c_2 = N_1 N_2 / (beta_1 beta_2) = 1; beta_1 (beta_1 + 1) = 4.
  const mp c1 = to_mp(kfi.weights[0]), c2 = to_mp(kfi.weights[1]);
  CHECK(abs(c1 * c2 - 1) < mp("1e-100"));
  const mp b1 = 2 / c1;
  CHECK(abs(b1 * (b1 + 1) - 4) < mp("1e-100"));
  CHECK(K[0][0].contains(Rational(0)) == false);
  CHECK(abs(ball_mid(K[0][0]) - (c1 * 1 + c2 * 1)) < mp("1e-50"));
  CHECK_THROWS_AS(kernel_from_invariants(arch, rep, {}), invalid_argument);
  CHECK_THROWS_AS(kernel_from_invariants(arch, {{Rational(0), Rational(0), Rational(0)}, {Rational(1), Rational(1)}},
                                         {Rational(1)}),
                  invalid_argument);
  CHECK_THROWS_AS(
      recover_scales(Architecture({4, 2}), {{Rational(1)}, {Rational(1), Rational(2)}}, BinaryForm{2, 0, 5, 0, 0}),
      invalid_argument);
  CHECK_THROWS_AS(recover_scales(Architecture({4, 2}),
                                 {{Rational(1), Rational(1), Rational(1), Rational(1)}, {Rational(1), Rational(2)}},
                                 BinaryForm::zero(4)),
                  domain_error);
  CHECK_THROWS_AS(conserved_difference(rep, 0, 2), invalid_argument);
}
