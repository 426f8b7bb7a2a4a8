// The exact global minimum of the square loss on the function space
// (function_space_minimum.hpp) and the global-minimum verdict of
// classify_parameter(): Section 7.3, Example 5.10, planted targets, an
// independent double-precision gradient descent, error paths; at form degree 6
// (issue 11) against witness points of M, an independent solve of every locus,
// planted nearest points and MPFR evaluations.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "mp_support.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

std::vector<BinaryForm> exact_minimisers(const FunctionSpaceMinimum& m) {
  std::vector<BinaryForm> out;
  for (const auto& c : m.minimisers) {
    REQUIRE(c.exact.has_value());
    out.push_back(*c.exact);
  }
  return out;
}

bool contains(const std::vector<BinaryForm>& v, const BinaryForm& p) {
  return std::find(v.begin(), v.end(), p) != v.end();
}

Filters filters(const std::vector<std::vector<long>>& w) {
  Filters t;
  for (const auto& f : w) {
    t.emplace_back();
    for (long x : f) t.back().emplace_back(x);
  }
  return t;
}

// Plain double-precision gradient descent on L(theta) = ||mu(theta) - u||^2
// (Euclidean) from random starts; returns the least loss reached.
double descent_minimum(const std::vector<int>& k, const std::vector<double>& u, std::mt19937_64& g, int starts) {
  std::normal_distribution<double> normal(0.0, 1.2);
  auto conv = [](const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> r(a.size() + b.size() - 1, 0.0);
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = 0; j < b.size(); ++j) r[i + j] += a[i] * b[j];
    return r;
  };
  auto product = [&](const std::vector<std::vector<double>>& t, std::size_t skip) {
    std::vector<double> w{1.0};
    for (std::size_t l = 0; l < t.size(); ++l)
      if (l != skip) w = conv(w, t[l]);
    return w;
  };
  auto loss = [&](const std::vector<std::vector<double>>& t) {
    const auto w = product(t, t.size());
    double s = 0;
    for (std::size_t i = 0; i < w.size(); ++i) s += (w[i] - u[i]) * (w[i] - u[i]);
    return s;
  };
  double best = 1e300;
  for (int s = 0; s < starts; ++s) {
    std::vector<std::vector<double>> t;
    for (int kl : k) {
      t.emplace_back();
      for (int j = 0; j < kl; ++j) t.back().push_back(normal(g));
    }
    double f = loss(t), lr = 0.01;
    for (int step = 0; step < 4000 && lr > 1e-18; ++step) {
      const auto w = product(t, t.size());
      std::vector<std::vector<double>> next = t;
      for (std::size_t l = 0; l < t.size(); ++l) {
        const auto others = product(t, l);
        for (std::size_t a = 0; a < t[l].size(); ++a) {
          double d = 0;  // dL/dw_{l,a} = 2 sum_i (w - u)_{i+a} others_i
          for (std::size_t i = 0; i < others.size(); ++i) d += 2 * (w[i + a] - u[i + a]) * others[i];
          next[l][a] -= lr * d;
        }
      }
      const double fn = loss(next);
      if (fn < f) {
        t = next, f = fn;
        lr *= 1.2;
      } else {
        lr *= 0.5;
      }
    }
    best = std::min(best, f);
  }
  return best;
}

}  // namespace

TEST_CASE("Section 7.3: the global minimum of l on each quartic function space", "[minimum][section7_3][paper]") {
  const BinaryForm u{2, 0, 5, 0, 2};
  const InnerProduct I = InnerProduct::euclidean(4);
  const BinaryForm x2{2, 0, 5, 0, 0}, y2{0, 0, 5, 0, 2}, xy{0, 0, 5, 0, 0};
  // (4,2) and (3,2,2): e = 2, M = forms with >= 2 real roots.  The minimum 4 is
  // attained at the two limits of gradient descent the paper reports for
  // (4,2), [2,0,5,0,0] and [0,0,5,0,2] (lambda = (2,1,1)).
  for (const auto& k : std::vector<std::vector<int>>{{4, 2}, {3, 2, 2}}) {
    const auto m = minimum_on_function_space(Architecture(k), u, I);
    INFO(Architecture(k).to_string());
    CHECK(m.complete);
    CHECK(m.target_position == Region::complement);
    CHECK(m.value == Rational(4));
    CHECK(m.value.rational() == Rational(4));
    CHECK(to_decimal(m.value, 20) == "4");
    CHECK(m.value.enclosure(64).contains(Rational(4)));
    const auto mins = exact_minimisers(m);
    CHECK(mins.size() == 2u);
    CHECK(contains(mins, x2));
    CHECK(contains(mins, y2));
    for (const auto& c : m.minimisers) {
      CHECK(c.rrmp->to_string() == "2|1");
      CHECK(*c.lambda == Partition({2, 1, 1}));
    }
    CHECK(m.searched ==
          std::vector<Partition>{Partition({2, 1, 1}), Partition({2, 2}), Partition({3, 1}), Partition({4})});
    CHECK(m.skipped == std::vector<Partition>{Partition({1, 1, 1, 1})});
    // candidates: 0, the 4 of (2,1,1), the two 22|0 of (2,2) (the 0|2 ones are outside M), 4 of (3,1), 4 of (4)
    CHECK(m.candidates.size() == 15u);
    CHECK(m.candidates.front().exact->is_zero());
    CHECK(m.candidates.front().distance_squared == Rational(33));
  }
  // (2,2,2,2): e = 4, only forms with real roots; 2|1 is excluded and the
  // minimum 8 is attained only at 5x^2y^2 (lambda = (2,2)).
  {
    const auto m = minimum_on_function_space(Architecture({2, 2, 2, 2}), u, I);
    CHECK(m.complete);
    CHECK(m.value == Rational(8));
    CHECK(exact_minimisers(m) == std::vector<BinaryForm>{xy});
    CHECK(m.minimisers.front().rrmp->to_string() == "22|0");
    CHECK(m.candidates.size() == 13u);
    // the next candidates: 1/5 (x +- y)^2 (x^2 +- 7xy + y^2) at 81/5, then the four 13|0 points of (3,1)
    CHECK(m.candidates[2].distance_squared == Rational(81, 5));
    CHECK(m.candidates[4].rrmp->to_string() == "13|0");
    CHECK(m.candidates[4].distance_squared.to_decimal(17) == "16.390678452585954");
    // the candidates are in increasing order of distance, decided exactly
    for (std::size_t i = 2; i < m.candidates.size(); ++i)
      CHECK(m.candidates[i - 1].distance_squared <= m.candidates[i].distance_squared);
  }
  // (3,3) is filling: u itself, value 0, nothing solved.
  {
    const auto m = minimum_on_function_space(Architecture({3, 3}), u, I);
    CHECK(m.target_position == Region::interior);
    CHECK(m.value == Rational(0));
    CHECK(exact_minimisers(m) == std::vector<BinaryForm>{u});
    CHECK(m.searched.empty());
  }
}

TEST_CASE("Section 7.3: classify_parameter decides the global minimum of critical parameters",
          "[minimum][section7_3][critical]") {
  const BinaryForm u{2, 0, 5, 0, 2};
  const InnerProduct I = InnerProduct::euclidean(4);
  struct Row {
    std::vector<int> k;
    Filters theta;
    Decision global, local;
    const char* reason;
  };
  const std::vector<Row> rows{
      // (4,2): the limit point of gradient descent in Section 7.3 and its mirror image
      {{4, 2}, filters({{2, 0, 5, 0}, {1, 0}}), Decision::yes, Decision::yes, "exact search"},
      {{4, 2}, filters({{0, 5, 0, 2}, {0, 1}}), Decision::yes, Decision::yes, "exact search"},
      {{3, 2, 2}, filters({{2, 0, 5}, {1, 0}, {1, 0}}), Decision::yes, Decision::yes, "exact search"},
      // (3,2,2): 5x^2y^2 = 5xy * x * y is a (Morse-Bott) local minimum, but not global: 8 > 4
      {{3, 2, 2}, filters({{0, 5, 0}, {1, 0}, {0, 1}}), Decision::no, Decision::yes, "loss 4 < 8"},
      // (2,2,2,2): 5x^2y^2 is the global minimum of M_(2,2,2,2)
      {{2, 2, 2, 2}, filters({{5, 0}, {1, 0}, {0, 1}, {0, 1}}), Decision::yes, Decision::yes, "exact search"},
      // saddles
      {{2, 2, 2, 2}, filters({{-1, 1}, {1, -1}, {1, 1}, {1, 1}}), Decision::no, Decision::no, "saddle"},
      {{3, 2, 2}, filters({{-1, 0, 1}, {1, 1}, {1, -1}}), Decision::no, Decision::no, "saddle"},
      // theta = 0 is critical with a zero Hessian; the search shows 8 < 33 = l(0)
      {{2, 2, 2, 2}, filters({{0, 0}, {0, 0}, {0, 0}, {0, 0}}), Decision::no, Decision::undecided, "loss 8 < 33"},
  };
  int by_search = 0;
  for (const Row& r : rows) {
    const auto c = classify_parameter(Architecture(r.k), r.theta, u, I);
    INFO(Architecture(r.k).to_string() << " mu = " << c.end_to_end << ": " << c.global_minimum_reason);
    REQUIRE(c.critical);
    CHECK(c.global_minimum == r.global);
    CHECK(c.local_minimum == r.local);
    CHECK_THAT(c.global_minimum_reason, Catch::Contains(r.reason));
    if (c.function_space_minimum) {
      ++by_search;
      CHECK(c.function_space_minimum->complete);
    }
  }
  CHECK(by_search == 6);
  // The search can be switched off: the old "undecided".
  const auto off = classify_parameter(Architecture({4, 2}), rows[0].theta, u, I, ClassifyOptions{false, 5});
  CHECK(off.global_minimum == Decision::undecided);
  CHECK_FALSE(off.function_space_minimum.has_value());
  const auto capped = classify_parameter(Architecture({4, 2}), rows[0].theta, u, I, ClassifyOptions{true, 3});
  CHECK(capped.global_minimum == Decision::undecided);
  CHECK_THAT(capped.global_minimum_reason, Catch::Contains("degree 4 was skipped"));
}

TEST_CASE("Example 5.10: 3 global and 3 real spurious critical points (M is filling)", "[minimum][example5_10]") {
  const BinaryForm u = BinaryForm::parse("(x+y)(x^2+y^2/10)");
  const Architecture arch({2, 3});
  const InnerProduct I = InnerProduct::euclidean(3);
  const auto m = minimum_on_function_space(arch, u, I);
  CHECK(m.value == Rational(0));
  CHECK(exact_minimisers(m) == std::vector<BinaryForm>{u});
  // The real global point (q1 = x + y, q2 = x^2 + y^2/10) is a global minimum.
  const Filters global{{Rational(1), Rational(1)}, {Rational(1), Rational(0), Rational(1, 10)}};
  const auto c = classify_parameter(arch, global, u, I);
  CHECK(c.critical);
  CHECK(c.global_minimum == Decision::yes);
  // The certified losses of the real spurious points are > 0 = min_M l: not global.
  const LinearFactorCriticalSet s = linear_factor_critical_points(arch, u, I);
  int spurious = 0;
  for (const LinearFactorCriticalPoint& p : s.points) {
    if (!p.real || p.global) continue;
    ++spurious;
    CHECK(p.loss->sign() > 0);
    CHECK(compare_minimum(m, p.loss->lo()) < 0);  // lo < loss
    CHECK(*p.loss > m.value);
  }
  CHECK(spurious == 3);
}

TEST_CASE("planted targets: inside M, scaled, mirrored, and irrational ties", "[minimum]") {
  const InnerProduct I2 = InnerProduct::euclidean(2);
  // u in M: the minimum is 0 at u.
  const BinaryForm in{1, 1, -2};  // (x - y)(x + 2y)
  auto m = minimum_on_function_space(Architecture({2, 2}), in, I2);
  CHECK(m.value == Rational(0));
  CHECK(exact_minimisers(m) == std::vector<BinaryForm>{in});
  // u = c (x^2 + y^2) outside the cone b^2 >= 4ac: minimisers c x^2, c y^2 at c^2
  // (the 2 points (x +- y)^2 c/3 are at 4c^2/3, the zero form at 2c^2).
  for (long c : {1L, 3L, 7L}) {
    m = minimum_on_function_space(Architecture({2, 2}), BinaryForm{c, 0, c}, I2);
    CHECK(m.value == Rational(c * c));
    const auto mins = exact_minimisers(m);
    CHECK(mins.size() == 2u);
    CHECK(contains(mins, BinaryForm{c, 0, 0}));
    CHECK(contains(mins, BinaryForm{0, 0, c}));
  }
  // Irrational minimum attained twice (x <-> y mirror images): exact tie detection.
  m = minimum_on_function_space(Architecture({4, 2}), BinaryForm{1, 1, 5, 1, 1}, InnerProduct::euclidean(4));
  CHECK(m.complete);
  CHECK_FALSE(m.value.is_rational());
  CHECK(m.value.minimal_polynomial().to_string() == "5*t^4+114*t^3-523*t^2-8328*t+7744");
  REQUIRE(m.minimisers.size() == 2u);
  CHECK(m.minimisers[0].coefficients ==
        std::vector<AlgebraicReal>(m.minimisers[1].coefficients.rbegin(), m.minimisers[1].coefficients.rend()));
  CHECK(m.minimisers[0].distance_squared == m.minimisers[1].distance_squared);  // exact tie
  CHECK(m.value.to_decimal(12) == "0.890146565891");
  CHECK(compare_minimum(m, Rational(89014656589, 100000000000)) > 0);
  CHECK(compare_minimum(m, Rational(89014656590, 100000000000)) < 0);
  // Four minimisers with a rational value 44/5 (x -> -x and x <-> y symmetry).
  m = minimum_on_function_space(Architecture({4, 2}), BinaryForm{3, 0, 1, 0, 3}, InnerProduct::euclidean(4));
  CHECK(m.value == Rational(44, 5));
  CHECK(m.minimisers.size() == 4u);
  for (const auto& c : m.minimisers) {
    CHECK_FALSE(c.exact.has_value());  // irrational points at a rational distance
    CHECK(c.distance_squared.is_rational());
    CHECK(c.distance_squared == Rational(44, 5));
    CHECK(c.rrmp->to_string() == "2|1");
  }
}

TEST_CASE("random targets: the exact minimum is a lower bound for gradient descent and is reached", "[minimum]") {
  auto g = test::rng(7301);
  const std::vector<std::vector<int>> archs{{2, 2}, {2, 2, 2}, {4, 2}, {2, 2, 2, 2}};
  int outside = 0;
  for (int trial = 0; trial < 8; ++trial) {
    const auto& k = archs[static_cast<std::size_t>(trial) % archs.size()];
    const Architecture arch(k);
    const int n = arch.end_to_end_filter_size() - 1;
    BinaryForm u = test::random_nonzero_form(g, n, 5);
    while (trial % 2 == 0 && in_function_space(arch, u)) u = test::random_nonzero_form(g, n, 5);  // half outside M
    const auto m = minimum_on_function_space(arch, u, InnerProduct::euclidean(n));
    REQUIRE(m.complete);
    outside += m.target_position == Region::complement;
    // every minimiser lies in M and all are at the same, least distance
    for (const auto& c : m.minimisers) {
      CHECK(rrmp_in_function_space(arch, *c.rrmp));
      CHECK(c.distance_squared == m.minimisers.front().distance_squared);
    }
    CHECK(compare_minimum(m, InnerProduct::euclidean(n).norm_squared(u)) <= 0);  // l(0)
    std::vector<double> ud;
    for (const Rational& x : u.coefficients()) ud.push_back(x.to_double());
    const double gd = descent_minimum(k, ud, g, 25);
    const double v = m.value.enclosure(64).mid_double();
    INFO(arch.to_string() << ", u = " << u << ": exact " << m.value << ", descent " << gd);
    CHECK(gd >= v - 1e-9 * (1 + v));
    CHECK(gd <= v + 1e-6 * (1 + v));
  }
  CHECK(outside >= 4);
}

TEST_CASE("minimum on the function space: unsupported loci and bad input", "[minimum][errors]") {
  // Bombieri and the O(2)-invariant target x^2 + y^2: a circle of critical points on Delta_(2).
  const BinaryForm u{1, 0, 1};
  const InnerProduct B = InnerProduct::bombieri(2);
  const auto m = minimum_on_function_space(Architecture({2, 2}), u, B);
  CHECK_FALSE(m.complete);
  REQUIRE(m.unsupported.size() == 1u);
  CHECK_THAT(m.unsupported.front(), Catch::StartsWith("(2): "));
  const auto c =
      classify_parameter(Architecture({2, 2}), {{Rational(1), Rational(0)}, {Rational(1), Rational(0)}}, u, B);
  CHECK(c.critical);
  CHECK(c.global_minimum == Decision::undecided);
  CHECK_THAT(c.global_minimum_reason, Catch::Contains("(2)"));
  // sizes, strides, dimension
  CHECK_THROWS_WITH(minimum_on_function_space(Architecture({2, 2}), BinaryForm{1, 2, 3, 4}, InnerProduct::euclidean(3)),
                    Catch::Contains("degree 3") && Catch::Contains("degree 2"));
  CHECK_THROWS_WITH(minimum_on_function_space(Architecture({2, 2}), u, InnerProduct::euclidean(3)),
                    Catch::Contains("degree 3") && Catch::Contains("degree 2"));
  CHECK_THROWS_AS(
      minimum_on_function_space(Architecture({2, 2}, {2, 1}), BinaryForm{1, 2, 3, 4}, InnerProduct::euclidean(3)),
      not_supported);
}

TEST_CASE("generated critical parameters with u outside M: the search always decides", "[minimum][critical]") {
  auto g = test::rng(7302);
  const std::vector<std::vector<int>> archs{{2, 2}, {2, 2, 2}, {4, 2}, {3, 2, 2}, {2, 2, 2, 2}};
  int searched = 0, yes = 0, no = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const auto& k = archs[static_cast<std::size_t>(trial) % archs.size()];
    const Architecture arch(k);
    // filters from products of two random linear forms and a quadratic: repeated roots are frequent
    const std::vector<BinaryForm> pool{test::random_linear(g, 3), test::random_linear(g, 3),
                                       test::random_irreducible_quadratic(g, 3)};
    Filters theta;
    for (int kl : k) {
      BinaryForm f{test::uniform(g, 1, 3)};
      while (f.degree() < kl - 1) {
        const BinaryForm& h = pool[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(pool.size()) - 1))];
        if (f.degree() + h.degree() <= kl - 1) f = f * h;
      }
      theta.push_back(f.coefficients());
    }
    const BinaryForm w = mu(arch, theta);
    const int n = w.degree();
    const InnerProduct I = InnerProduct::euclidean(n);
    const RatMatrix normals = critical_target_directions(arch, theta, I);
    std::vector<Rational> v(static_cast<std::size_t>(n) + 1);
    for (long j = 0; j < normals.cols(); ++j) {
      const Rational c(test::uniform(g, -9, 9), test::uniform(g, 1, 3));
      for (long i = 0; i <= n; ++i) v[static_cast<std::size_t>(i)] += c * normals.at(i, j);
    }
    const BinaryForm u = w + BinaryForm(v);
    const auto c = classify_parameter(arch, theta, u, I);
    REQUIRE(c.critical);
    if (!c.function_space_minimum) continue;
    ++searched;
    INFO(arch.to_string() << ", mu = " << w << ", u = " << u << ": " << c.global_minimum_reason);
    CHECK(c.function_space_minimum->complete);
    REQUIRE(c.global_minimum != Decision::undecided);
    const int s = compare_minimum(*c.function_space_minimum, c.loss);
    CHECK((c.global_minimum == Decision::yes) == (s == 0));
    CHECK(s <= 0);  // w itself is a candidate
    (c.global_minimum == Decision::yes ? yes : no)++;
  }
  CHECK(searched >= 8);
  CHECK(yes >= 2);
  CHECK(no >= 1);
}

// ---- Form degree 6 (issue 11, item 4): the search is on by default there.

namespace {

// l at the best multiple of w: M is a cone, so c w lies in M with w, and the
// best c = <u,w>/<w,w> gives l = |u|^2 - <u,w>^2/|w|^2, exact.
Rational ray_distance(const InnerProduct& s, const BinaryForm& u, const BinaryForm& w) {
  const Rational uw = s(u, w);
  return s.norm_squared(u) - uw * uw / s.norm_squared(w);
}

// Witness points of M: a planted form of every rrmp in M (random factors), and
// its best multiple.  min_M l is at most l of each.
void check_witnesses(const Architecture& arch, const FunctionSpaceMinimum& m, const InnerProduct& s,
                     std::mt19937_64& g) {
  const int n = m.target.degree();
  int witnesses = 0;
  for (const Rrmp& r : all_rrmps(n)) {
    if (!rrmp_in_function_space(arch, r)) continue;
    for (int rep = 0; rep < 2; ++rep) {
      const BinaryForm w = test::planted_form(g, std::vector<int>(r.rho().begin(), r.rho().end()),
                                                 std::vector<int>(r.gamma().begin(), r.gamma().end()), 4);
      REQUIRE(in_function_space(arch, w));
      INFO("witness " << w << " (rrmp " << r << ")");
      CHECK(compare_minimum(m, s.distance_squared(w, m.target)) <= 0);
      CHECK(compare_minimum(m, ray_distance(s, m.target, w)) <= 0);
      witnesses += 2;
    }
  }
  CHECK(witnesses >= 20);
}

// min(l(0), the real critical points of every Delta_lambda with rrmp in M),
// recomputed locus by locus with other seeds (other random primes) and, with
// `resultants`, resultants over Q wherever a cell has <= 2 root coordinates
// (but on Delta(3,2,1), minutes).
AlgebraicReal independent_minimum(const Architecture& arch, const BinaryForm& u, const InnerProduct& s,
                                  bool resultants, std::uint64_t seed, int& solved) {
  AlgebraicReal best(s.norm_squared(u));
  for (const Partition& lambda : partitions(u.degree())) {
    if (lambda.is_trivial()) continue;
    bool in_m = false;
    for (const Rrmp& r : all_rrmps(u.degree())) in_m = in_m || (r.lambda() == lambda && rrmp_in_function_space(arch, r));
    if (!in_m) continue;
    CriticalPointOptions o;
    o.seed = seed + static_cast<std::uint64_t>(solved);
    // Resultants over Q take minutes on Delta(3,2,1) (hence the lifting by default); (2,2,2) needs the lifting.
    const Partition slow{3, 2, 1};
    o.method = resultants && lambda != slow ? CriticalMethod::automatic : CriticalMethod::modular;
    const CriticalPointSet c = critical_points(lambda, u, s, o);
    ++solved;
    for (const RealCriticalPoint& p : c.real_points)
      if (rrmp_in_function_space(arch, p.rrmp) && compare(p.distance_squared, best) < 0) best = p.distance_squared;
  }
  return best;
}

// A target outside M with every coefficient in [-bound, bound].
BinaryForm outside_target(std::mt19937_64& g, const Architecture& arch, int n, long bound) {
  for (;;) {
    BinaryForm u = test::random_nonzero_form(g, n, bound);
    if (u.coefficients().front().sign() != 0 && !in_function_space(arch, u)) return u;
  }
}

}  // namespace

TEST_CASE("degree 6: the minimum is the least exact critical value, below every witness point of M",
          "[minimum][degree6]") {
  auto g = test::rng(7306);
  // Forms of degree 6: e = 2 ((4,3,2)), e = 4 ((4,2,2,2)) and e = 6 ((2,2,2,2,2,2), M = forms with 6 real roots).
  const std::vector<std::vector<int>> archs{{4, 3, 2}, {4, 2, 2, 2}, {2, 2, 2, 2, 2, 2}};
  for (std::size_t i = 0; i < archs.size(); ++i) {
    const Architecture arch(archs[i]);
    const BinaryForm u = outside_target(g, arch, 6, 4);
    const InnerProduct s = i == 1 ? InnerProduct::bombieri(6) : InnerProduct::euclidean(6);
    INFO(arch.to_string() << ", u = " << u << ", " << s.name());
    const FunctionSpaceMinimum m = minimum_on_function_space(arch, u, s);
    REQUIRE(m.complete);
    CHECK(m.target_position == Region::complement);
    // (2,2,2) is in every non-filling M of degree 6 and needs the lifting, so every locus is lifted.
    CHECK_FALSE(m.completeness_proven);
    CHECK(m.lifted == m.searched);
    CHECK(std::find(m.searched.begin(), m.searched.end(), Partition({2, 2, 2})) != m.searched.end());
    CHECK(m.lifting_primes >= 3 * static_cast<int>(m.searched.size()));
    for (const auto& c : m.minimisers) {
      CHECK(rrmp_in_function_space(arch, *c.rrmp));
      CHECK(compare(c.distance_squared, m.value) == 0);
    }
    for (const auto& c : m.candidates) CHECK(compare(m.value, c.distance_squared) <= 0);
    check_witnesses(arch, m, s, g);
    // The same minimum from every locus solved again: other primes, and resultants
    // over Q (proven) on the loci of <= 2 root coordinates but (3,2,1) for the e = 6 architecture.
    int solved = 0;
    const AlgebraicReal v = independent_minimum(arch, u, s, i == 2, 1000 + i, solved);
    CHECK(solved == static_cast<int>(m.searched.size()));
    CHECK(compare(v, m.value) == 0);
    // MPFR: l at the minimiser's 80-digit coefficients agrees with the exact value.
    const auto S = test::to_mp(s.matrix());
    std::vector<test::mp> d;
    for (std::size_t k = 0; k <= 6; ++k)
      d.push_back(test::mp(m.minimisers.front().coefficients[k].to_decimal(80)) - test::to_mp(u.coefficients()[k]));
    test::mp l = 0;
    for (std::size_t a = 0; a <= 6; ++a)
      for (std::size_t b = 0; b <= 6; ++b) l += d[a] * S[a][b] * d[b];
    const test::mp exact(m.value.to_decimal(80));
    CHECK(abs(l - exact) < test::mp("1e-60") * (1 + exact));
  }
}

TEST_CASE("degree 6: planted targets (u in M, u = w + small normal vector at a boundary point w)",
          "[minimum][degree6]") {
  // u in M: 0 at u, nothing solved.
  const BinaryForm in = BinaryForm::parse("(x-y)(x+y)(x-2y)(x+3y)(x^2+y^2)");
  auto m = minimum_on_function_space(Architecture({4, 3, 2}), in, InnerProduct::euclidean(6));
  CHECK(m.value == Rational(0));
  CHECK(exact_minimisers(m) == std::vector<BinaryForm>{in});
  CHECK(m.searched.empty());
  CHECK(m.completeness_proven);
  // w on the boundary (a real double root, exactly e real roots with multiplicity);
  // moving along the Sigma-normal of Delta_(2,1,1,1,1) splits the double root into a
  // complex pair, so u = w + eps n leaves M and, for small eps, w is its nearest point
  // of M at squared distance eps^2 |n|^2 exactly.
  const std::vector<std::pair<std::vector<int>, const char*>> cases{
      {{4, 3, 2}, "x^2 (x^2 + y^2) (x^2 + x y + 3 y^2)"},
      {{2, 2, 2, 2, 2, 2}, "x^2 (x - y) (x + y) (x - 2 y) (2 x + 3 y)"}};
  for (const auto& [k, text] : cases) {
    const Architecture arch(k);
    const BinaryForm w = BinaryForm::parse(text);
    REQUIRE(form_region(arch, w) == Region::boundary);
    for (const InnerProduct& s : {InnerProduct::euclidean(6), InnerProduct::bombieri(6)}) {
      const RatMatrix normals = locus_normal_directions(w, s);
      REQUIRE(normals.cols() == 1);  // Delta_(2,1,1,1,1) is a hypersurface
      std::vector<Rational> nv;
      for (long i = 0; i <= 6; ++i) nv.push_back(normals.at(i, 0));
      const BinaryForm n(nv);
      const Rational eps = Rational(1, 1000) / Rational(std::max<long>(1, n.coefficients()[0].numerator().to_long()));
      BinaryForm u = w + eps * n;
      if (in_function_space(arch, u)) u = w - eps * n;
      INFO(arch.to_string() << ", w = " << w << ", u = " << u << ", " << s.name());
      REQUIRE_FALSE(in_function_space(arch, u));
      m = minimum_on_function_space(arch, u, s);
      REQUIRE(m.complete);
      CHECK(m.value == s.distance_squared(w, u));
      CHECK(m.value == eps * eps * s.norm_squared(n));
      CHECK(exact_minimisers(m) == std::vector<BinaryForm>{w});
      CHECK(m.minimisers.front().rrmp == rrmp(w));
    }
  }
}

TEST_CASE("degree 6: double-precision gradient descent never goes below the exact minimum", "[minimum][degree6]") {
  auto g = test::rng(7307);
  const std::vector<std::vector<int>> archs{{4, 3, 2}, {2, 2, 2, 2, 2, 2}};
  int reached = 0;
  for (const auto& k : archs) {
    const Architecture arch(k);
    const BinaryForm u = outside_target(g, arch, 6, 3);
    const auto m = minimum_on_function_space(arch, u, InnerProduct::euclidean(6));
    REQUIRE(m.complete);
    std::vector<double> ud;
    for (const Rational& x : u.coefficients()) ud.push_back(x.to_double());
    const double gd = descent_minimum(k, ud, g, 25);
    const double v = m.value.enclosure(64).mid_double();
    INFO(arch.to_string() << ", u = " << u << ": exact " << m.value << ", descent " << gd);
    CHECK(gd >= v - 1e-9 * (1 + v));
    reached += gd <= v + 1e-4 * (1 + v);
  }
  CHECK(reached >= 1);
}

TEST_CASE("degree 6: classify_parameter decides the global minimum by default", "[minimum][critical][degree6]") {
  auto g = test::rng(7308);
  const Architecture arch({4, 3, 2});
  const InnerProduct I = InnerProduct::euclidean(6);
  int decided = 0, yes = 0;
  for (int trial = 0; decided < 3 && trial < 20; ++trial) {
    // theta with a real root shared by two filters: mu(theta) = a^2 q q2 has rrmp 2|11, on the boundary (e = 2).
    const BinaryForm a = test::random_linear(g, 3), q = test::random_irreducible_quadratic(g, 3),
                     q2 = test::random_irreducible_quadratic(g, 3);
    const Filters theta{(a * q).coefficients(), q2.coefficients(), a.coefficients()};
    const BinaryForm w = mu(arch, theta);
    if (form_region(arch, w) != Region::boundary) continue;
    const RatMatrix normals = critical_target_directions(arch, theta, I);
    // Small steps along the outward normal keep w the nearest point (yes); large ones may not.
    Rational wmax, nmax;
    for (long i = 0; i <= 6; ++i) {
      wmax = std::max(wmax, abs(w.coefficients()[static_cast<std::size_t>(i)]));
      for (long j = 0; j < normals.cols(); ++j) nmax = std::max(nmax, abs(normals.at(i, j)));
    }
    const Rational c =
        Rational(trial % 2 ? 1 : -1) * (trial % 4 < 2 ? Rational(1, 1000) : Rational(1, 2)) * wmax / nmax;
    std::vector<Rational> v(7);
    for (long j = 0; j < normals.cols(); ++j)
      for (long i = 0; i <= 6; ++i) v[static_cast<std::size_t>(i)] += c * normals.at(i, j);
    const BinaryForm u = w + BinaryForm(v);
    if (in_function_space(arch, u)) continue;
    const auto cl = classify_parameter(arch, theta, u, I);
    REQUIRE(cl.critical);
    INFO("mu = " << w << ", u = " << u << ": " << cl.global_minimum_reason);
    if (cl.local_minimum == Decision::no) continue;  // a saddle: decided without the search
    REQUIRE(cl.function_space_minimum);
    REQUIRE(cl.global_minimum != Decision::undecided);
    const int s = compare_minimum(*cl.function_space_minimum, cl.loss);
    CHECK(s <= 0);
    CHECK((cl.global_minimum == Decision::yes) == (s == 0));
    CHECK(cl.global_minimum_proven == (cl.global_minimum != Decision::yes));
    if (cl.global_minimum == Decision::yes) {
      CHECK_THAT(cl.global_minimum_reason, Catch::Contains("probabilistic"));
      ++yes;
    }
    // Capped at degree 5 the same question is left open, saying why.
    ClassifyOptions capped;
    capped.max_search_degree = 5;
    const auto d = classify_parameter(arch, theta, u, I, capped);
    CHECK(d.global_minimum == Decision::undecided);
    CHECK_THAT(d.global_minimum_reason, Catch::Contains("max_search_degree = 5"));
    ++decided;
  }
  CHECK(decided >= 2);
  CHECK(yes >= 1);
}

TEST_CASE("search method: proven by resultants up to degree 5, the lifting on request gives the same minimum",
          "[minimum]") {
  // Section 7.3, k = (4,2): min 4 at 2x^4 + 5x^2y^2 and 5x^2y^2 + 2y^4, by either method.
  const BinaryForm u{2, 0, 5, 0, 2};
  FunctionSpaceMinimumOptions o;
  auto m = minimum_on_function_space(Architecture({4, 2}), u, InnerProduct::euclidean(4), o);
  CHECK(m.completeness_proven);
  CHECK(m.lifted.empty());
  CHECK(m.lifting_primes == 0);
  o.method = CriticalMethod::modular;
  const auto lifted = minimum_on_function_space(Architecture({4, 2}), u, InnerProduct::euclidean(4), o);
  CHECK_FALSE(lifted.completeness_proven);
  CHECK(lifted.lifted == lifted.searched);
  CHECK(lifted.value == Rational(4));
  CHECK(exact_minimisers(lifted) == exact_minimisers(m));
  // Degree 5, k = (2,2,2,2,2): no locus has 3 repeated roots, so automatic stays proven.
  auto g = test::rng(7309);
  const Architecture a5({2, 2, 2, 2, 2});
  const BinaryForm u5 = outside_target(g, a5, 5, 4);
  m = minimum_on_function_space(a5, u5, InnerProduct::euclidean(5));
  CHECK(m.complete);
  CHECK(m.completeness_proven);
  o.method = CriticalMethod::modular;
  CHECK(compare(minimum_on_function_space(a5, u5, InnerProduct::euclidean(5), o).value, m.value) == 0);
}
