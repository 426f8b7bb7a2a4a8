// Function spaces (Section 4): Theorem 4.1, Lemma 4.2, Example 4.3, Prop. 4.4,
// Cor. 4.5, Example 4.6, Prop. 4.7, Example 4.8, Lemma 4.9, Cor. 4.10,
// Prop. 4.11, Example 4.12, Cor. 4.16, Example 4.17.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "support.hpp"

using namespace lcngeom;

namespace {

std::string join(const std::vector<Rrmp>& v) {
  std::string s;
  for (const Rrmp& r : v) {
    if (!s.empty()) s += ", ";
    s += r.to_string();
  }
  return s;
}

std::set<std::string> as_set(const std::vector<Rrmp>& v) {
  std::set<std::string> s;
  for (const Rrmp& r : v) s.insert(r.to_string());
  return s;
}

std::set<std::string> as_set(std::initializer_list<const char*> v) { return {v.begin(), v.end()}; }

// A planted form with its factors kept: p = c prod lin_i^rho_i prod quad_j^gamma_j.
struct Planted {
  Rational c;
  std::vector<BinaryForm> lin, quad;
  std::vector<int> rho, gamma;
  BinaryForm form() const {
    BinaryForm p{1};
    for (std::size_t i = 0; i < lin.size(); ++i) p = p * pow(lin[i], static_cast<unsigned>(rho[i]));
    for (std::size_t j = 0; j < quad.size(); ++j) p = p * pow(quad[j], static_cast<unsigned>(gamma[j]));
    return c * p;
  }
};

Planted plant(std::mt19937_64& g, const Rrmp& r) {
  Planted p;
  p.c = Rational(test::uniform(g, 1, 3) * (test::uniform(g, 0, 1) ? 1 : -1));
  p.rho.assign(r.rho().begin(), r.rho().end());
  p.gamma.assign(r.gamma().begin(), r.gamma().end());
  std::set<long> used;
  const bool infinity = test::uniform(g, 0, 3) == 0;
  for (std::size_t i = 0; i < p.rho.size(); ++i) {
    if (i == 0 && infinity) {
      p.lin.push_back(BinaryForm{0, 1});  // the root (1:0)
      continue;
    }
    long a;
    do a = test::uniform(g, -20, 20);
    while (!used.insert(a).second);
    p.lin.push_back(BinaryForm{1, -a});
  }
  std::set<std::pair<long, long>> qused;
  for (std::size_t j = 0; j < p.gamma.size(); ++j) {
    long a, b;
    do a = test::uniform(g, -5, 5), b = test::uniform(g, 1, 6);
    while (!qused.insert({a, b}).second);
    p.quad.push_back(BinaryForm{1, -2 * a, a * a + b});  // (x - a y)^2 + b y^2
  }
  return p;
}

// Prop. 4.4's perturbation: each p_i^{rho_i} becomes (p_i^2 + eps (x^2 + y^2))^{alpha_i} p_i^{beta_i}.
BinaryForm prop_4_4_perturbation(const Planted& p, const Rational& eps) {
  BinaryForm f{1};
  const BinaryForm definite{1, 0, 1};
  for (std::size_t i = 0; i < p.lin.size(); ++i) {
    const BinaryForm pair = p.lin[i] * p.lin[i] + eps * definite;
    f = f * pow(pair, static_cast<unsigned>(p.rho[i] / 2));
    if (p.rho[i] % 2) f = f * p.lin[i];
  }
  for (std::size_t j = 0; j < p.quad.size(); ++j) f = f * pow(p.quad[j], static_cast<unsigned>(p.gamma[j]));
  return p.c * f;
}

BinaryForm perturb(std::mt19937_64& g, const BinaryForm& p, const Rational& eps) {
  std::vector<Rational> c = p.coefficients();
  for (Rational& x : c) x += eps * Rational(test::uniform(g, -1000, 1000), 1000);
  return BinaryForm(c);
}

}  // namespace

TEST_CASE("Example 4.6: the table, row by row, from the general algorithm", "[function_space][paper]") {
  struct Row {
    std::vector<std::vector<int>> archs;
    const char* space;
    const char* complement;
    std::set<std::string> boundary;
  };
  const std::vector<Row> rows = {
      {{{2, 2}}, "11|0, 2|0", "0|1", as_set({"2|0"})},
      {{{2, 2, 2}}, "111|0, 12|0, 3|0", "1|1", as_set({"12|0", "3|0"})},
      {{{3, 2, 2}, {4, 2}}, "1111|0, 112|0, 22|0, 13|0, 4|0, 11|1, 2|1", "0|2, 0|11", as_set({"2|1", "22|0", "4|0"})},
      {{{2, 2, 2, 2}},
       "1111|0, 112|0, 22|0, 13|0, 4|0",
       "11|1, 2|1, 0|2, 0|11",
       as_set({"112|0", "13|0", "22|0", "4|0"})},
  };
  for (const Row& row : rows)
    for (const auto& k : row.archs) {
      const RrmpTable t = function_space_rrmps(Architecture(k));
      INFO(Architecture(k).to_string());
      CHECK(join(t.function_space) == row.space);
      CHECK(join(t.complement) == row.complement);
      CHECK(as_set(t.boundary) == row.boundary);  // the paper lists the boundary in another order
      CHECK_FALSE(is_filling(Architecture(k)));
    }
  // "all nonfilling architectures with stride one and end-to-end filter sizes 3, 4, 5":
  std::set<std::string> nonfilling;
  for (int n = 2; n <= 4; ++n)
    for (const Architecture& a : stride_one_architectures(n))
      if (!is_filling(a)) nonfilling.insert(a.to_string());
  CHECK(nonfilling == std::set<std::string>{"k=(2,2)", "k=(2,2,2)", "k=(3,2,2)", "k=(4,2)", "k=(2,2,2,2)"});
}

TEST_CASE("Theorem 4.1: filling iff at most one even filter, full-dimensional", "[function_space][paper]") {
  for (int n = 1; n <= 6; ++n)
    for (const Architecture& a : stride_one_architectures(n)) {
      INFO(a.to_string());
      const int e = a.even_filter_count();
      const FillingVerdict v = filling_verdict(a);
      CHECK(v.filling == (e <= 1));
      CHECK(function_space_rrmps(a).complement.empty() == (e <= 1));
      const FunctionSpaceDimension d = function_space_dimension(a);
      CHECK(d.dimension == n + 1);  // full-dimensional in R[x,y]_n
      CHECK(d.certified);
      CHECK(d.ambient_dimension == n + 1);
    }
  // Examples 2.4 (not filling) and 2.5 (filling).
  CHECK_FALSE(is_filling(Architecture({2, 2})));
  CHECK(is_filling(Architecture({3, 2}, {}, 2)));
  CHECK(filling_verdict(Architecture({2, 2})).reason.find("Theorem 4.1") != std::string::npos);
}

TEST_CASE("Example 4.3: quartics for k = (3,3), (4,2), (3,2,2), (2,2,2,2)", "[function_space][paper]") {
  const Architecture a33({3, 3}), a42({4, 2}), a322({3, 2, 2}), a2222({2, 2, 2, 2});
  for (const Rrmp& r : all_rrmps(4)) {
    INFO(r.to_string());
    const int real = r.real_root_count();
    CHECK(rrmp_in_function_space(a33, r));                                     // every quartic
    CHECK(rrmp_in_function_space(a42, r) == (real == 2 || real == 4));         // two or four real roots
    CHECK(rrmp_in_function_space(a322, r) == rrmp_in_function_space(a42, r));  // same function space
    CHECK(rrmp_in_function_space(a2222, r) == (real == 4));                    // all roots real
  }
}

TEST_CASE("membership of planted forms agrees with the rrmp lists (paper and unlisted architectures)",
          "[function_space]") {
  auto g = test::rng(401);
  const std::vector<std::vector<int>> archs = {{2, 2},          {2, 2, 2}, {3, 2, 2}, {4, 2}, {2, 2, 2, 2},
                                               {2, 2, 2, 2, 2}, {4, 4, 2}, {6, 2, 2}, {3, 3}, {2, 5, 2, 1}};
  for (const auto& k : archs) {
    const Architecture a(k);
    const RrmpTable t = function_space_rrmps(a);
    const std::set<std::string> space = as_set(t.function_space), comp = as_set(t.complement), bd = as_set(t.boundary);
    for (const Rrmp& r : all_rrmps(a.end_to_end_filter_size() - 1)) {
      INFO(a.to_string() << " rrmp " << r.to_string());
      CHECK(space.count(r.to_string()) + comp.count(r.to_string()) == 1);
      for (int rep = 0; rep < 3; ++rep) {
        const Planted pl = plant(g, r);
        const BinaryForm p = pl.form();
        REQUIRE(rrmp(p) == r);
        const Region reg = form_region(a, p);
        CHECK(reg == rrmp_region(a, r));
        CHECK((reg != Region::complement) == (space.count(r.to_string()) == 1));
        CHECK((reg == Region::boundary) == (bd.count(r.to_string()) == 1));
        // Lemma 4.2 independently: the planted factors are over Q, so p is in the
        // function space iff its Q-factors can be grouped into degrees k_l - 1.
        const auto w = exact_witness(a, p);
        CHECK(w.has_value() == (reg != Region::complement));
        if (w) CHECK(mu(a, *w) == p);
      }
    }
  }
}

TEST_CASE("Prop. 4.4: the boundary is the closure of the complement within M", "[function_space][paper]") {
  auto g = test::rng(402);
  const std::vector<std::vector<int>> archs = {{2, 2},          {2, 2, 2}, {4, 2},   {2, 2, 2, 2},
                                               {2, 2, 2, 2, 2}, {4, 4, 2}, {6, 2, 2}};
  for (const auto& k : archs) {
    const Architecture a(k);
    const int e = a.even_filter_count();
    for (const Rrmp& r : function_space_rrmps(a).function_space) {
      INFO(a.to_string() << " rrmp " << r.to_string());
      const Planted pl = plant(g, r);
      const BinaryForm p = pl.form();
      const bool boundary = rrmp_on_boundary(a, r);
      // Boundary points are limits of the proof's perturbations, which lie in the complement.
      if (boundary)
        for (long n : {10L, 1000L, 1000000L})
          CHECK(form_region(a, prop_4_4_perturbation(pl, Rational(1, n))) == Region::complement);
      // The same perturbation keeps #odd rho_i real roots: inside iff that is >= e.
      int odd = 0;
      for (int m : r.rho()) odd += m % 2;
      CHECK((form_region(a, prop_4_4_perturbation(pl, Rational(1, 1000))) != Region::complement) == (odd >= e));
      CHECK(boundary == (odd < e));
      // Interior points: small random perturbations stay in M (odd-multiplicity real roots persist).
      if (!boundary)
        for (int rep = 0; rep < 5; ++rep) CHECK(in_function_space(a, perturb(g, p, Rational(1, 1000000000))));
    }
    // The complement is open: small perturbations of complement points stay outside.
    for (const Rrmp& r : function_space_rrmps(a).complement) {
      const BinaryForm p = plant(g, r).form();
      for (int rep = 0; rep < 5; ++rep)
        CHECK(form_region(a, perturb(g, p, Rational(1, 1000000000))) == Region::complement);
    }
    // The zero form is in M and on its boundary (e >= 2): -eps * definite is outside.
    CHECK(form_region(a, BinaryForm::zero(a.end_to_end_filter_size() - 1)) == Region::boundary);
  }
  CHECK(form_region(Architecture({3, 2}), BinaryForm::zero(3)) == Region::interior);
}

TEST_CASE("Corollary 4.5: the boundary lies in the discriminant and contains its smooth points",
          "[function_space][paper]") {
  auto g = test::rng(403);
  for (int n = 2; n <= 7; ++n)
    for (const Architecture& a : stride_one_architectures(n)) {
      const int e = a.even_filter_count();
      if (e < 2) continue;
      INFO(a.to_string());
      const RrmpTable t = function_space_rrmps(a);
      for (const Rrmp& r : t.boundary)
        CHECK(*std::max_element(r.rho().begin(), r.rho().end()) >= 2);  // repeated real root
      // One real double root, e - 2 simple real roots, the rest simple complex pairs.
      std::vector<int> rho(static_cast<std::size_t>(e - 2), 1), gamma(static_cast<std::size_t>((n - e) / 2), 1);
      rho.push_back(2);
      const Rrmp smooth(rho, gamma);
      CHECK(as_set(t.boundary).count(smooth.to_string()) == 1);
      const BinaryForm p = plant(g, smooth).form();
      std::vector<int> disc(static_cast<std::size_t>(n - 1), 1);
      disc[0] = 2;
      CHECK(discriminant(p).is_zero());
      CHECK(is_smooth_point(p, Partition(disc)));
      CHECK(static_cast<int>(tangent_space(p).size()) == n);  // a hypersurface in R[x,y]_n
      CHECK(form_region(a, p) == Region::boundary);
    }
}

TEST_CASE("Prop. 4.7 and Example 4.8: convex complement for exactly two even filters only", "[function_space][paper]") {
  auto g = test::rng(404);
  for (const auto& k : std::vector<std::vector<int>>{{2, 2}, {4, 2}, {3, 2, 2}, {6, 2}, {2, 3, 5, 2}, {4, 4}}) {
    const Architecture a(k);
    REQUIRE(a.even_filter_count() == 2);
    const int n = a.end_to_end_filter_size() - 1;
    // The complement consists exactly of the rrmps without real roots (definite forms).
    for (const Rrmp& r : function_space_rrmps(a).complement) CHECK(r.real_root_count() == 0);
    for (const Rrmp& r : all_rrmps(n))
      if (r.real_root_count() == 0) CHECK(rrmp_region(a, r) == Region::complement);
    // Convexity of each cone on random pairs of definite forms of the same sign.
    for (int rep = 0; rep < 30; ++rep) {
      std::vector<int> gamma;
      int left = n / 2;
      while (left > 0) {
        const int m = static_cast<int>(test::uniform(g, 1, left));
        gamma.push_back(m);
        left -= m;
      }
      BinaryForm p = test::planted_form(g, {}, gamma), q = test::planted_form(g, {}, {n / 2});
      const int sp = p.evaluate(Rational(0), Rational(1)).sign();
      if (q.evaluate(Rational(0), Rational(1)).sign() != sp) q = -q;
      const Rational t(test::uniform(g, 1, 99), 100);
      const BinaryForm c = t * p + (Rational(1) - t) * q;
      CHECK(form_region(a, c) == Region::complement);
      CHECK(c.evaluate(Rational(test::uniform(g, -9, 9)), Rational(1)).sign() == sp);
    }
  }
  // Example 4.8 (e = 3): two forms with one real root whose sum has three.
  const Architecture a({2, 2, 2});
  const BinaryForm base = BinaryForm::parse("(x-y)x(x+y)"), c = BinaryForm::parse("2y^3");
  CHECK(form_region(a, base + c) == Region::complement);
  CHECK(form_region(a, base - c) == Region::complement);
  CHECK(in_function_space(a, (base + c) + (base - c)));
}

TEST_CASE("Lemma 4.9 and Corollary 4.10: reductions keep the function space", "[function_space][paper]") {
  CHECK(reduce_architecture(Architecture({3, 2}, {2, 5})).to_string() == "k=(3,2) s=(2,1)");
  CHECK(reduce_architecture(Architecture({3, 2, 1}, {1, 3, 5})).to_string() == "k=(3,2)");
  CHECK(reduce_architecture(Architecture({3, 1, 2}, {1, 1, 4})).to_string() == "k=(3,2)");
  CHECK(reduce_architecture(Architecture({1, 1}, {2, 3})).to_string() == "k=(1)");
  CHECK(reduce_architecture(Architecture({3, 1, 2}, {1, 2, 1})).to_string() == "k=(3,1,2) s=(1,2,1)");
  CHECK(reduce_architecture(Architecture::parse("2x1,3x1,1x1")).to_string() == "k=(2,3)");
  CHECK(reduce_architecture(Architecture::parse("2x2,1x1")).to_string() == "k=(2x2)");
  // The input size d_0 is kept.
  const Architecture a({3, 2, 1}, {1, 3, 5}, 2);
  CHECK(reduce_architecture(a).widths_1d().front() == a.widths_1d().front());
  // (a): mu does not see s_L; (b): a last filter of size one is a scalar.
  auto g = test::rng(405);
  for (int it = 0; it < 20; ++it) {
    Filters t{{Rational(test::uniform(g, -5, 5)), Rational(test::uniform(g, -5, 5)), Rational(test::uniform(g, -5, 5))},
              {Rational(test::uniform(g, -5, 5)), Rational(test::uniform(g, -5, 5))}};
    CHECK(mu(Architecture({3, 2}, {2, 7}), t) == mu(Architecture({3, 2}, {2, 1}), t));
    Filters t3 = t;
    t3.push_back({Rational(3)});
    CHECK(mu(Architecture({3, 2, 1}, {1, 4, 2}), t3) == Rational(3) * mu(Architecture({3, 2}), t));
  }
  // Corollary 4.10: only the last stride > 1 behaves like stride one.
  const Architecture last({4, 2}, {1, 3});
  CHECK(function_space_rrmps(last).boundary.size() == function_space_rrmps(Architecture({4, 2})).boundary.size());
  CHECK_FALSE(is_filling(last));
  CHECK(is_filling(Architecture({3, 2}, {1, 3})));
  CHECK(function_space_dimension(last).dimension == 5);
}

TEST_CASE("Prop. 4.11: a stride before a nontrivial last filter loses dimensions", "[function_space][paper]") {
  auto g = test::rng(406);
  int seen = 0;
  for (int it = 0; it < 40; ++it) {
    const int L = static_cast<int>(test::uniform(g, 2, 3));
    std::vector<int> k, s;
    for (int l = 0; l < L; ++l)
      k.push_back(static_cast<int>(test::uniform(g, 1, 4))), s.push_back(static_cast<int>(test::uniform(g, 1, 3)));
    const Architecture a(k, s);
    const Architecture r = reduce_architecture(a);
    INFO(a.to_string() << " reduces to " << r.to_string());
    const FunctionSpaceDimension d = function_space_dimension(a);
    CHECK(d.ambient_dimension == a.end_to_end_filter_size());
    CHECK(d.dimension <= d.upper_bound);
    if (is_filling(a)) CHECK(d.dimension == d.ambient_dimension);
    if (r.depth() >= 2 && !r.stride_one()) {  // the hypotheses of Prop. 4.11
      ++seen;
      CHECK_FALSE(is_filling(a));
      CHECK(filling_verdict(a).reason.find("Proposition 4.11") != std::string::npos);
      // dim <= k' + k_L - 1 < k, with k' the filter size of the first L - 1 layers.
      std::vector<int> kk = r.filters(), ss = r.strides();
      const int kL = kk.back();
      kk.pop_back(), ss.pop_back();
      const int kprime = Architecture(kk, ss).end_to_end_filter_size();
      CHECK(d.dimension <= kprime + kL - 1);
      CHECK(d.dimension < d.ambient_dimension);
    }
  }
  CHECK(seen > 5);
}

TEST_CASE("Example 4.12: AD^2 + B^2E = BCD identically and C^2 >= 4AE", "[function_space][paper]") {
  const Architecture a({3, 2}, {2, 1});
  const SymbolicMu m = symbolic_mu(a);
  REQUIRE(m.filter.size() == 5);
  const RatMPoly &A = m.filter[0], &B = m.filter[1], &C = m.filter[2], &D = m.filter[3], &E = m.filter[4];
  CHECK(A * D * D + B * B * E - B * C * D == RatMPoly(m.ring));
  // (4.2): pi(Wbar) = (d x^2 + e y^2)(a x^2 + b x y + c y^2), and C^2 - 4AE = (ae - cd)^2.
  const RatMPoly ae_cd = RatMPoly::parse(m.ring, "w1_0*w2_1 - w1_2*w2_0");
  CHECK(C * C - Rational(4) * A * E == ae_cd * ae_cd);
  auto g = test::rng(407);
  for (int it = 0; it < 50; ++it) {
    std::vector<Rational> flat;
    for (int i = 0; i < 5; ++i) flat.emplace_back(test::uniform(g, -50, 50), test::uniform(g, 1, 9));
    const BinaryForm p = mu(a, split_parameters(a, flat));
    const auto c = p.coefficients();
    CHECK(c[0] * c[3] * c[3] + c[1] * c[1] * c[4] == c[1] * c[2] * c[3]);
    CHECK(c[2] * c[2] >= Rational(4) * c[0] * c[4]);
  }
  const FunctionSpaceDimension d = function_space_dimension(a);
  CHECK(d.dimension == 4);
  CHECK(d.ambient_dimension == 5);
  CHECK(d.certified);
  CHECK_FALSE(is_filling(a));
}

TEST_CASE("Corollary 4.16 and Example 4.17: higher-dimensional function spaces", "[function_space][paper]") {
  const Architecture a = Architecture::multi_from_input_size({{2, 2}, {2, 2}}, {3, 3});
  const FunctionSpaceDimension d = function_space_dimension(a);
  CHECK(d.dimension == 7);
  CHECK(d.ambient_dimension == 9);
  CHECK(d.certified);
  CHECK_FALSE(is_filling(a));
  CHECK(filling_verdict(a).reason.find("Corollary 4.16") != std::string::npos);
  auto g = test::rng(408);
  for (int it = 0; it < 15; ++it) {
    const int D = static_cast<int>(test::uniform(g, 2, 3)), L = static_cast<int>(test::uniform(g, 1, 3));
    std::vector<std::vector<int>> shapes(static_cast<std::size_t>(L));
    for (auto& sh : shapes)
      for (int h = 0; h < D; ++h) sh.push_back(static_cast<int>(test::uniform(g, 1, 3)));
    const Architecture b = Architecture::multi(shapes);
    INFO(b.to_string());
    const FunctionSpaceDimension db = function_space_dimension(b);
    int nontrivial_layers = 0, nontrivial_dims = 0;
    for (const auto& sh : shapes) nontrivial_layers += std::any_of(sh.begin(), sh.end(), [](int k) { return k > 1; });
    for (int k : b.end_to_end_filter_shape()) nontrivial_dims += k > 1;
    if (nontrivial_layers >= 2 && nontrivial_dims >= 2) {
      CHECK_FALSE(is_filling(b));
      CHECK(db.dimension < db.ambient_dimension);
    }
    if (is_filling(b)) CHECK(db.dimension == db.ambient_dimension);
  }
  // One nontrivial dimension: the 1-D theory applies (Theorem 4.1 on (2,2)).
  const Architecture c = Architecture::parse("2x1,2x1");
  CHECK_FALSE(is_filling(c));
  CHECK(function_space_dimension(c).dimension == 3);
  CHECK(form_region(c, BinaryForm{1, 0, 1}) == Region::complement);
}

TEST_CASE("the dimension's probability bound is reported when the bound is not reached", "[function_space]") {
  // With parameters in {-1, 0, 1} a random point often has a zero filter.
  const Architecture a({2, 2, 2, 2});
  int found = 0;
  for (long B : {1L, 4L, 20L})
    for (std::uint64_t seed = 1; seed < 300; ++seed) {
      const FunctionSpaceDimension d = function_space_dimension(a, {2, B, seed});
      if (d.certified) continue;
      ++found;
      CHECK(d.dimension < d.upper_bound);
      CHECK(d.upper_bound == 5);
      const double per = std::min(1.0, 5.0 * 3 / (2.0 * static_cast<double>(B) + 1.0));
      CHECK(d.failure_probability == Approx(per * per));
      break;
    }
  CHECK(found >= 2);
  const FunctionSpaceDimension d = function_space_dimension(a);
  CHECK(d.certified);
  CHECK(d.failure_probability == 0.0);
  CHECK_THROWS_AS(function_space_dimension(a, {0, 10, 1}), invalid_argument);
  CHECK_THROWS_AS(function_space_dimension(a, {1, 0, 1}), invalid_argument);
}

TEST_CASE("function-space errors name the offending value", "[function_space][errors]") {
  const Architecture a({4, 2});
  CHECK_THROWS_AS(form_region(a, BinaryForm{1, 2, 3}), invalid_argument);
  CHECK_THROWS_AS(rrmp_in_function_space(a, Rrmp::parse("11|0")), invalid_argument);
  CHECK_THROWS_AS(form_region(Architecture({3, 2}, {2, 1}), BinaryForm{1, 2, 3, 4, 5}), not_supported);
  CHECK_THROWS_AS(function_space_rrmps(Architecture::parse("2x2,2x2")), not_supported);
  try {
    form_region(a, BinaryForm{1, 2, 3});
    FAIL("no throw");
  } catch (const invalid_argument& e) {
    CHECK(std::string(e.what()).find("degree 2") != std::string::npos);
  }
}
