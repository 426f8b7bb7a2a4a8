// Critical points in parameter space (Section 5.1): Prop. 5.1, Theorems 5.2,
// 5.3 on generated critical parameters, pure/spurious, and agreement of the
// exact gradient with an MPFR evaluation.
#include <catch2/catch.hpp>

#include "mp_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

Rational random_rational(std::mt19937_64& g, long bound, long den = 4) {
  return Rational(test::uniform(g, -bound, bound), test::uniform(g, 1, den));
}

Filters random_filters(std::mt19937_64& g, const std::vector<int>& k, long bound = 5) {
  Filters t;
  for (int kl : k) {
    t.emplace_back();
    for (int j = 0; j < kl; ++j) t.back().push_back(random_rational(g, bound));
  }
  return t;
}

// A random symmetric positive definite matrix A A^T + I.
RatMatrix random_spd(std::mt19937_64& g, long n) {
  RatMatrix a(n, n);
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j) a.set(i, j, Rational(test::uniform(g, -3, 3)));
  return a * a.transpose() + RatMatrix::identity(n);
}

InnerProduct pick_sigma(std::mt19937_64& g, int n) {
  switch (test::uniform(g, 0, 2)) {
    case 0: return InnerProduct::euclidean(n);
    case 1: return InnerProduct::bombieri(n);
    default: return InnerProduct(random_spd(g, n + 1));
  }
}

std::vector<Rational> column(const RatMatrix& m, long j) {
  std::vector<Rational> v;
  for (long i = 0; i < m.rows(); ++i) v.push_back(m.at(i, j));
  return v;
}

// A random combination of the columns of `basis` (nonzero if basis is), with
// coefficients from a large range so that it avoids any fixed proper subspace
// except with probability about 10^-6.
std::vector<Rational> random_combination(std::mt19937_64& g, const RatMatrix& basis) {
  std::vector<Rational> v(static_cast<std::size_t>(basis.rows()));
  for (long j = 0; j < basis.cols(); ++j) {
    Rational c(test::uniform(g, 1, 1000000) * (test::uniform(g, 0, 1) ? 1 : -1), test::uniform(g, 1, 1000));
    const auto col = column(basis, j);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] += c * col[i];
  }
  return v;
}

// u = w + v.
BinaryForm shifted(const BinaryForm& w, const std::vector<Rational>& v) { return w + BinaryForm(v); }

Filters scaled(const Filters& t, const std::vector<Rational>& kappa) {
  Filters s = t;
  for (std::size_t l = 0; l < s.size(); ++l)
    for (Rational& x : s[l]) x *= kappa[l];
  return s;
}

// Filters whose forms are products of factors from a small pool, so that
// shared factors and repeated roots are frequent.
Filters planted_degenerate_filters(std::mt19937_64& g, const std::vector<int>& k) {
  std::vector<BinaryForm> pool{BinaryForm{1, 0}, BinaryForm{0, 1},    BinaryForm{1, -1},
                               BinaryForm{2, 1}, BinaryForm{1, 0, 1}, BinaryForm{1, 1, 3}};
  Filters t;
  for (int kl : k) {
    BinaryForm f{test::uniform(g, 1, 3)};
    int deg = 0;
    while (deg < kl - 1) {
      const BinaryForm& p = pool[static_cast<std::size_t>(test::uniform(g, 0, 5))];
      if (deg + p.degree() > kl - 1) continue;
      f = f * p;
      deg += p.degree();
    }
    t.push_back(f.coefficients());
  }
  return t;
}

}  // namespace

TEST_CASE("Section 7.3: ([2,0,5,0],[1,0]) is a pure critical point for k = (4,2) and target (2,0,5,0,2)",
          "[critical][paper]") {
  const Architecture arch({4, 2});
  const BinaryForm u{2, 0, 5, 0, 2};
  const Filters theta{{Rational(2), Rational(0), Rational(5), Rational(0)}, {Rational(1), Rational(0)}};
  const auto c = classify_parameter(arch, theta, u, InnerProduct::euclidean(4));
  CHECK(c.end_to_end == BinaryForm({2, 0, 5, 0, 0}));
  CHECK(c.critical);
  CHECK(c.loss == Rational(4));
  CHECK(c.position == Region::boundary);           // rrmp 2|1, Prop. 4.4
  CHECK(c.target_position == Region::complement);  // 0|11
  CHECK(c.pure);
  CHECK_FALSE(c.spurious);
  CHECK(c.global_minimum == Decision::yes);  // min of l on M_(4,2) is 4 (function_space_minimum.hpp)
  CHECK(c.local_minimum == Decision::yes);   // Hessian >= 0 with kernel = the scaling direction
  CHECK(c.lambda == Partition({2, 1, 1}));
  CHECK(c.rrmp->to_string() == "2|1");
  CHECK(c.critical_on_locus == true);
  CHECK(c.repeated_root == std::vector<bool>{false, false});
  CHECK_FALSE(c.pairwise_coprime);  // both filters contain x (Prop. 5.1, case 2)
  CHECK(c.jacobian_rank == 4);      // k - deg gcd = 5 - 1 (Prop. 5.11)

  // The same point also for the Bombieri norm: Sigma (w - u) = (0,0,0,0,-2) again.
  CHECK(classify_parameter(arch, theta, u, InnerProduct::bombieri(4)).critical);

  // 5x^2y^2 (a (2,2) critical point of Section 7.3): critical for (3,2,2) with
  // square-free filters (5xy, x, y), not for (4,2), whose cubic filter must
  // have a repeated root (Example 5.6: 22|0 is not compatible with (4,2)).
  const auto c322 = classify_parameter(
      Architecture({3, 2, 2}),
      {{Rational(0), Rational(5), Rational(0)}, {Rational(1), Rational(0)}, {Rational(0), Rational(1)}}, u,
      InnerProduct::euclidean(4));
  CHECK(c322.critical);
  CHECK(c322.pure);
  CHECK(c322.lambda == Partition({2, 2}));
  for (const Filters& t : rational_fiber_classes(arch, BinaryForm{0, 0, 5, 0, 0})) {
    const auto c42 = classify_parameter(arch, t, u, InnerProduct::euclidean(4));
    CHECK_FALSE(c42.critical);
    CHECK(c42.critical_on_locus == true);  // the point is critical on Delta_(2,2) nonetheless
    CHECK((c42.repeated_root[0] || c42.repeated_root[1]));
  }

  // Filling k = (3,3): M is everything, u in M; 7/3 (x^2+y^2)^2 is a critical
  // point on Delta_(2,2) and (7/3 (x^2+y^2), x^2+y^2) is a spurious critical point.
  const auto c33 = classify_parameter(
      Architecture({3, 3}), {{Rational(7, 3), Rational(0), Rational(7, 3)}, {Rational(1), Rational(0), Rational(1)}}, u,
      InnerProduct::euclidean(4));
  CHECK(c33.critical);
  CHECK(c33.spurious);
  CHECK_FALSE(c33.pure);
  CHECK(c33.global_minimum == Decision::no);
  CHECK(c33.position == Region::interior);
  CHECK(c33.rrmp->to_string() == "0|2");
}

TEST_CASE("pure, spurious and global minima on small architectures", "[critical]") {
  const InnerProduct I3 = InnerProduct::euclidean(2);
  // k = (2,2): a factorization of u itself is a global minimum (pure).
  const Architecture a22({2, 2});
  const BinaryForm u{1, 1, -2};  // (x - y)(x + 2y)
  auto c = classify_parameter(a22, {{Rational(1), Rational(-1)}, {Rational(1), Rational(2)}}, u, I3);
  CHECK(c.critical);
  CHECK(c.global_minimum == Decision::yes);
  CHECK(c.pure);
  CHECK(c.loss.is_zero());
  // theta = 0 is critical (J = 0); mu = 0 is on the boundary of M_(2,2): pure by the {0} stratum.
  c = classify_parameter(a22, {{Rational(0), Rational(0)}, {Rational(0), Rational(0)}}, u, I3);
  CHECK(c.critical);
  CHECK(c.position == Region::boundary);
  CHECK(c.pure);
  CHECK(c.global_minimum == Decision::no);  // u is inside M
  CHECK_FALSE(c.lambda.has_value());
  CHECK_FALSE(c.critical_on_locus.has_value());
  CHECK(c.repeated_root == std::vector<bool>{true, true});
  CHECK_FALSE(c.pairwise_coprime);
  // Filling k = (2,3): theta = 0 is a spurious critical point (mu = 0 is interior).
  c = classify_parameter(Architecture({2, 3}), {{Rational(0), Rational(0)}, {Rational(0), Rational(0), Rational(0)}},
                         BinaryForm{1, 2, 3, 4}, InnerProduct::euclidean(3));
  CHECK(c.critical);
  CHECK(c.spurious);
  // A non-critical parameter is neither pure nor spurious.
  c = classify_parameter(a22, {{Rational(1), Rational(0)}, {Rational(1), Rational(0)}}, u, I3);
  CHECK_FALSE(c.critical);
  CHECK_FALSE(c.pure);
  CHECK_FALSE(c.spurious);
  CHECK(c.global_minimum == Decision::no);
  // k = (2,2), u = x^2 + y^2 outside M.  w = x^2: Sigma (w - u) = (0,0,-1) is
  // orthogonal to x {x, y} = Im dmu, a pure critical point on the boundary cone;
  // w = (x + y)^2: (0,2,0) is not orthogonal to (x + y) {x, y}.
  const BinaryForm v{1, 0, 1};
  c = classify_parameter(a22, {{Rational(1), Rational(0)}, {Rational(1), Rational(0)}}, v, I3);
  CHECK(c.critical);
  CHECK(c.pure);
  CHECK(c.position == Region::boundary);
  // u is outside M; the exact search finds min_M l = 1 at x^2 and y^2.
  CHECK(c.global_minimum == Decision::yes);
  REQUIRE(c.function_space_minimum.has_value());
  CHECK(c.function_space_minimum->value == Rational(1));
  c = classify_parameter(a22, {{Rational(1), Rational(1)}, {Rational(1), Rational(1)}}, v, I3);
  CHECK_FALSE(c.critical);
  CHECK(c.critical_on_locus == false);
}

TEST_CASE("Prop. 5.1 and Theorem 5.2 on generated critical parameters", "[critical][paper]") {
  auto g = test::rng(5102);
  const std::vector<std::vector<int>> archs{{2, 2},    {3, 2}, {2, 2, 2},    {4, 2}, {3, 2, 2}, {3, 3},
                                            {2, 3, 2}, {4, 3}, {2, 2, 2, 2}, {5, 2}, {3, 3, 2}};
  int nontrivial = 0, total = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const auto& k = archs[static_cast<std::size_t>(trial) % archs.size()];
    const Architecture arch(k);
    const Filters theta = planted_degenerate_filters(g, k);
    const BinaryForm w = mu(arch, theta);
    const InnerProduct sigma = pick_sigma(g, w.degree());
    // theta is critical for u iff u - w lies in Im(dmu)^{perp_Sigma}.
    const RatMatrix normals = critical_target_directions(arch, theta, sigma);
    CHECK(normals.cols() == w.degree() + 1 - jacobian(arch, theta).rank());
    std::vector<Rational> n(static_cast<std::size_t>(w.degree()) + 1);
    if (normals.cols() > 0) n = random_combination(g, normals);
    const BinaryForm u = shifted(w, n);
    const auto c = classify_parameter(arch, theta, u, sigma);
    INFO("trial " << trial << ": theta gives " << w << ", target " << u);
    REQUIRE(c.critical);
    ++total;
    // Prop. 5.1: a global minimum, or two filters share a factor.
    CHECK((c.global_minimum == Decision::yes || !c.pairwise_coprime));
    if (c.global_minimum == Decision::yes) continue;
    ++nontrivial;
    // Theorem 5.2: w is critical for l restricted to Delta_lambda.
    CHECK(c.critical_on_locus == true);
    CHECK(is_critical_on_locus(w, u, sigma));
    // Lemma 5.7: every rescaling of theta is critical as well.
    std::vector<Rational> kappa;
    Rational prod(1);
    for (std::size_t l = 0; l + 1 < k.size(); ++l) {
      kappa.push_back(Rational(test::uniform(g, 1, 5), test::uniform(g, 1, 5)) *
                      Rational(test::uniform(g, 0, 1) ? 1 : -1));
      prod *= kappa.back();
    }
    kappa.push_back(Rational(1) / prod);
    CHECK(classify_parameter(arch, scaled(theta, kappa), u, sigma).critical);
    // Pure iff on the boundary of M (the spurious ones are interior).
    CHECK(c.pure == (c.position == Region::boundary));
  }
  CHECK(total == 120);
  CHECK(nontrivial > 40);
}

TEST_CASE("Theorem 5.3 and its converse on planted critical points of the multiple root loci", "[critical][paper]") {
  auto g = test::rng(5103);
  const std::vector<std::vector<int>> archs{{3, 2, 2}, {4, 2}, {2, 2, 2}, {3, 3}, {2, 2, 2, 2}, {4, 3}, {3, 2, 3}};
  int critical_classes = 0, noncritical_classes = 0, rows = 0;
  for (const auto& k : archs) {
    const Architecture arch(k);
    for (const auto& row : compatibility_table(k)) {
      // A form with the row's rrmp from pairwise coprime rational factors.
      std::vector<BinaryForm> used;
      auto fresh = [&](auto make) {
        for (;;) {
          BinaryForm f = make();
          bool ok = true;
          for (const auto& h : used) ok = ok && gcd(h, f).degree() == 0;
          if (ok) {
            used.push_back(f);
            return f;
          }
        }
      };
      BinaryForm w{test::uniform(g, 1, 3)};
      for (int m : row.rrmp.rho())
        w = w * pow(fresh([&] { return test::random_linear(g, 4); }), static_cast<unsigned>(m));
      for (int m : row.rrmp.gamma())
        w = w * pow(fresh([&] { return test::random_irreducible_quadratic(g, 4); }), static_cast<unsigned>(m));
      REQUIRE(rrmp(w) == row.rrmp);
      // u - w Sigma-normal to T_w Delta_lambda (eq. 5.3), random otherwise.
      const InnerProduct sigma = pick_sigma(g, w.degree());
      const RatMatrix normals = locus_normal_directions(w, sigma);
      CHECK(normals.cols() == w.degree() - static_cast<long>(tangent_space(w).size()) + 1);
      std::vector<Rational> n(static_cast<std::size_t>(w.degree()) + 1);
      if (normals.cols() > 0) n = random_combination(g, normals);
      const BinaryForm u = shifted(w, n);
      INFO("k size " << k.size() << ", rrmp " << row.rrmp << ", w = " << w << ", u = " << u);
      REQUIRE(is_critical_on_locus(w, u, sigma));
      ++rows;
      bool some_squarefree = false;
      for (const Filters& theta : rational_fiber_classes(arch, w)) {
        const auto c = classify_parameter(arch, theta, u, sigma);
        bool squarefree = true;
        for (bool r : c.repeated_root) squarefree = squarefree && !r;
        if (squarefree) {
          // Theorem 5.3.
          some_squarefree = true;
          CHECK(c.critical);
          ++critical_classes;
        } else if (normals.cols() > 0) {
          // Proof of Theorem 5.3: Im dmu strictly contains T_w Delta_lambda, so
          // a random normal vector is not normal to Im dmu.
          CHECK(c.jacobian_rank > static_cast<long>(tangent_space(w).size()));
          CHECK_FALSE(c.critical);
          ++noncritical_classes;
        }
        if (c.critical) CHECK(c.critical_on_locus == true);  // Theorem 5.2
      }
      // Corollary 5.5: a factorization without repeated roots exists iff compatible.
      CHECK(some_squarefree == row.witness.has_value());
    }
  }
  CHECK(rows == 64);
  CHECK(critical_classes > 50);
  CHECK(noncritical_classes > 20);
}

TEST_CASE("exact gradient and classification agree with an MPFR evaluation at random parameters", "[critical][mpfr]") {
  auto g = test::rng(5104);
  using test::mp;
  const mp h("1e-70");
  int critical = 0, noncritical = 0;
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<int> k;
    const long L = test::uniform(g, 1, 4);
    for (long l = 0; l < L; ++l) k.push_back(static_cast<int>(test::uniform(g, 1, 4)));
    const Architecture arch(k);
    const int n = arch.end_to_end_filter_size() - 1;
    Filters theta = trial % 2 ? random_filters(g, k) : planted_degenerate_filters(g, k);
    const BinaryForm w = mu(arch, theta);
    const InnerProduct sigma = pick_sigma(g, n);
    BinaryForm u = test::random_form(g, n, 6);
    if (trial % 3 == 0) {  // a generated critical point
      const RatMatrix normals = critical_target_directions(arch, theta, sigma);
      std::vector<Rational> nv(static_cast<std::size_t>(n) + 1);
      if (normals.cols() > 0) nv = random_combination(g, normals);
      u = shifted(w, nv);
    }
    const auto c = classify_parameter(arch, theta, u, sigma);
    const auto exact = square_loss_gradient(arch, theta, u, sigma);
    CHECK(exact == c.gradient);
    const auto numeric =
        test::mp_numeric_gradient(test::to_mp(theta), test::to_mp(u.coefficients()), test::to_mp(sigma.matrix()), h);
    REQUIRE(numeric.size() == exact.size());
    mp worst = 0, biggest = 0;
    for (std::size_t i = 0; i < exact.size(); ++i) {
      worst = std::max(worst, mp(abs(numeric[i] - test::to_mp(exact[i]))));
      biggest = std::max(biggest, mp(abs(numeric[i])));
    }
    // Central differences err by h^2/6 times the third derivative of L, which
    // grows like the square of the target.
    mp scale = 1;
    for (const Rational& x : u.coefficients()) scale += abs(test::to_mp(x));
    const mp tol = mp("1e-100") * scale * scale;
    INFO("trial " << trial << ": max |numeric - exact| = " << worst.str(5) << ", max |numeric| = " << biggest.str(5)
                  << ", tolerance " << tol.str(5));
    CHECK(worst < tol);
    // The exact verdict agrees with the numerical gradient.
    if (c.critical) {
      CHECK(biggest < tol);
      ++critical;
    } else {
      CHECK(biggest > mp("1e-20"));
      ++noncritical;
    }
    CHECK(test::to_mp(c.loss) -
              test::mp_loss(test::to_mp(theta), test::to_mp(u.coefficients()), test::to_mp(sigma.matrix())) <
          mp("1e-100"));
  }
  CHECK(critical >= 15);
  CHECK(noncritical >= 15);
}

TEST_CASE("Hessian of L: exact against MPFR differences of the gradient, inertia by Sylvester's law",
          "[critical][mpfr]") {
  auto g = test::rng(5108);
  // Inertia of B^T D B is that of D (Sylvester's law of inertia).
  for (int trial = 0; trial < 20; ++trial) {
    const long n = test::uniform(g, 1, 6);
    RatMatrix D(n, n), B(n, n);
    Inertia want;
    for (long i = 0; i < n; ++i) {
      const long s = test::uniform(g, -1, 1);
      D.set(i, i, Rational(s * test::uniform(g, 1, 9)));
      (s > 0 ? want.positive : s < 0 ? want.negative : want.zero)++;
    }
    do {
      for (long i = 0; i < n; ++i)
        for (long j = 0; j < n; ++j) B.set(i, j, Rational(test::uniform(g, -3, 3)));
    } while (B.rank() < n);
    const Inertia got = inertia(B.transpose() * D * B);
    CHECK(got.positive == want.positive);
    CHECK(got.negative == want.negative);
    CHECK(got.zero == want.zero);
  }
  CHECK_THROWS_AS(inertia(RatMatrix(2, 3)), invalid_argument);
  using test::mp;
  const mp h("1e-60");
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<int> k;
    const long L = test::uniform(g, 1, 4);
    for (long l = 0; l < L; ++l) k.push_back(static_cast<int>(test::uniform(g, 1, 4)));
    const Architecture arch(k);
    const int n = arch.end_to_end_filter_size() - 1;
    const Filters theta = random_filters(g, k);
    const BinaryForm u = test::random_form(g, n, 5);
    const InnerProduct sigma = pick_sigma(g, n);
    const RatMatrix H = square_loss_hessian(arch, theta, u, sigma);
    CHECK(H == H.transpose());
    const auto t = test::to_mp(theta);
    const auto uu = test::to_mp(u.coefficients());
    const auto ss = test::to_mp(sigma.matrix());
    std::size_t col = 0;
    for (std::size_t l = 0; l < t.size(); ++l)
      for (std::size_t j = 0; j < t[l].size(); ++j, ++col) {
        auto a = t, b = t;
        a[l][j] += h;
        b[l][j] -= h;
        const auto ga = test::mp_gradient(a, uu, ss), gb = test::mp_gradient(b, uu, ss);
        for (std::size_t i = 0; i < ga.size(); ++i)
          CHECK(abs((ga[i] - gb[i]) / (2 * h) - test::to_mp(H.at(static_cast<long>(i), static_cast<long>(col)))) <
                mp("1e-80"));
      }
  }
}

TEST_CASE("Remark 5.9: a filling architecture with a spurious (nonglobal) local minimum, exactly",
          "[critical][paper]") {
  // k = (2,3) is filling; target u = x^3 + x^2y + y^3; theta = (x, x^2 + xy) maps to x^2 (x + y),
  // a critical point of l on the discriminant Delta_(2,1) (u - w = y^3 is normal to x (x,y)^2).
  const Architecture arch({2, 3});
  const BinaryForm u{1, 1, 0, 1};
  const Filters theta{{Rational(1), Rational(0)}, {Rational(1), Rational(1), Rational(0)}};
  const auto c = classify_parameter(arch, theta, u, InnerProduct::euclidean(3));
  CHECK(c.critical);
  CHECK(c.spurious);
  CHECK(c.loss == Rational(1));
  CHECK(c.hessian_inertia.negative == 0);
  CHECK(c.hessian_inertia.zero == 1);  // the scaling direction (x, x^2 + xy) -> (kappa x, (x^2 + xy) / kappa)
  CHECK(c.local_minimum == Decision::yes);
  CHECK(c.global_minimum == Decision::no);
  // MPFR: L does not decrease in random directions near theta.
  using test::mp;
  auto g = test::rng(5109);
  const auto t = test::to_mp(theta);
  const auto uu = test::to_mp(u.coefficients());
  const auto ss = test::to_mp(RatMatrix::identity(4));
  const mp L0 = test::mp_loss(t, uu, ss);
  for (int i = 0; i < 200; ++i) {
    std::vector<mp> d;
    for (int j = 0; j < 5; ++j) d.push_back(mp(test::uniform(g, -1000, 1000)) / 1000);
    CHECK(test::mp_loss(test::mp_axpy(t, mp("1e-6"), d), uu, ss) >= L0);
  }
  // The same construction with u = x^3 + x^2y - y^3 is a saddle: some direction decreases L.
  const BinaryForm v{1, 1, 0, -1};
  const auto s = classify_parameter(arch, theta, v, InnerProduct::euclidean(3));
  CHECK(s.critical);
  CHECK(s.local_minimum == Decision::no);
  const auto vv = test::to_mp(v.coefficients());
  const mp V0 = test::mp_loss(t, vv, ss);
  bool descends = false;
  for (int i = 0; i < 400 && !descends; ++i) {
    std::vector<mp> d;
    for (int j = 0; j < 5; ++j) d.push_back(mp(test::uniform(g, -1000, 1000)) / 1000);
    descends = test::mp_loss(test::mp_axpy(t, mp("1e-6"), d), vv, ss) < V0;
  }
  CHECK(descends);
}

TEST_CASE("mu(theta) never lies in the complement of the function space", "[critical]") {
  auto g = test::rng(5105);
  for (const auto& k : std::vector<std::vector<int>>{{4, 2}, {2, 2, 2}, {3, 2, 2}, {4, 4}, {2, 2, 2, 2}})
    for (int i = 0; i < 20; ++i) {
      const Architecture arch(k);
      const auto c =
          classify_parameter(arch, random_filters(g, k), test::random_form(g, arch.end_to_end_filter_size() - 1, 4),
                             InnerProduct::euclidean(arch.end_to_end_filter_size() - 1));
      CHECK(c.position != Region::complement);
    }
  CHECK(to_string(Decision::undecided) == std::string("undecided"));
}

TEST_CASE("classification rejects bad input naming the value", "[critical][errors]") {
  const Architecture arch({2, 2});
  const Filters theta{{Rational(1), Rational(2)}, {Rational(3), Rational(4)}};
  const BinaryForm u{1, 2, 3};
  CHECK_THROWS_AS(classify_parameter(arch, theta, BinaryForm{1, 2}, InnerProduct::euclidean(2)), invalid_argument);
  CHECK_THROWS_AS(classify_parameter(arch, theta, u, InnerProduct::euclidean(3)), invalid_argument);
  // The inner product's size must match the degree; a non-SPD Gram matrix is
  // rejected when the InnerProduct is built.
  CHECK_THROWS_WITH(classify_parameter(arch, theta, u, InnerProduct::bombieri(4)),
                    Catch::Contains("degree 4") && Catch::Contains("degree 2"));
  CHECK_THROWS_AS(square_loss(arch, theta, u, InnerProduct::euclidean(1)), invalid_argument);
  CHECK_THROWS_AS(square_loss_gradient(arch, theta, u, InnerProduct::euclidean(3)), invalid_argument);
  CHECK_THROWS_AS(square_loss_hessian(arch, theta, u, InnerProduct::euclidean(3)), invalid_argument);
  CHECK_THROWS_AS(is_critical_on_locus(u, u, InnerProduct::euclidean(3)), invalid_argument);
  CHECK_THROWS_AS(critical_target_directions(arch, theta, InnerProduct::euclidean(3)), invalid_argument);
  CHECK_THROWS_AS(locus_normal_directions(u, InnerProduct::euclidean(3)), invalid_argument);
  RatMatrix nonsym = RatMatrix::identity(3);
  nonsym.set(0, 1, Rational(1));
  CHECK_THROWS_AS(InnerProduct(nonsym), invalid_argument);
  RatMatrix indefinite = RatMatrix::identity(3);
  indefinite.set(2, 2, Rational(-1));
  try {
    classify_parameter(arch, theta, u, InnerProduct(indefinite));
    FAIL("indefinite matrix accepted");
  } catch (const invalid_argument& e) {
    CHECK(std::string(e.what()).find("positive definite") != std::string::npos);
  }
  CHECK_THROWS_AS(classify_parameter(arch, {{Rational(1)}, {Rational(3), Rational(4)}}, u, InnerProduct::euclidean(2)),
                  invalid_argument);
  CHECK_THROWS_AS(
      classify_parameter(Architecture({2, 2}, {2, 1}), theta, BinaryForm{1, 2, 3, 4}, InnerProduct::euclidean(3)),
      not_supported);
  CHECK_THROWS_AS(is_critical_on_locus(BinaryForm::zero(2), u, InnerProduct::euclidean(2)), domain_error);
}
