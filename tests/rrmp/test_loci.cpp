// Multiple root loci: coarsenings, membership, smoothness, tangent spaces (5.3).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

namespace {

// A form with complex root pattern exactly lambda, all roots real and rational.
BinaryForm form_with_pattern(std::mt19937_64& g, const Partition& lambda) {
  return test::planted_form(g, lambda.parts(), {}, 7);
}

// Image of the differential of the parameterization (5.4) at the planted form
// prod f_i^{e_i}: span of e_i (p / f_i) h over h of degree deg f_i.  Computed
// independently of tangent_space().
std::vector<BinaryForm> differential_image(const std::vector<std::pair<BinaryForm, int>>& factors) {
  BinaryForm p{1};
  for (const auto& [f, e] : factors) p = p * pow(f, static_cast<unsigned>(e));
  std::vector<BinaryForm> image;
  for (const auto& [f, e] : factors) {
    BinaryForm rest = divexact(p, f);
    for (int j = 0; j <= f.degree(); ++j) image.push_back(rest * BinaryForm::monomial(f.degree() - j, j));
  }
  return image;
}

}  // namespace

TEST_CASE("coarsenings and splittings (footnote 2)", "[loci]") {
  auto P = [](const char* s) { return Partition::parse(s); };
  CHECK(is_coarsening(P("4"), P("1,1,1,1")));
  CHECK(is_coarsening(P("2,2"), P("2,1,1")));
  CHECK(is_coarsening(P("3,1"), P("2,1,1")));
  CHECK(!is_coarsening(P("3,1"), P("2,2")));
  CHECK(!is_coarsening(P("2,1,1"), P("2,2")));
  CHECK(is_coarsening(P("2,2"), P("2,2")));
  CHECK(splitting_count(P("2,2,1"), P("2,1,1,1")) == 2);  // which double root stays double
  CHECK(splitting_count(P("4,2"), P("2,2,1,1")) == 2);
  CHECK(splitting_count(P("4"), P("2,2")) == 1);
  CHECK(splitting_count(P("3,1"), P("2,2")) == 0);
  CHECK(splitting_count(P("2,2"), P("1,1,1,1")) == 1);
  CHECK_THROWS_AS(is_coarsening(P("3"), P("2,1,1")), invalid_argument);
  // Coarsening is a partial order: reflexive, and transitive on partitions of 6.
  std::vector<Partition> ps = partitions(6);
  for (const Partition& a : ps) {
    CHECK(is_coarsening(a, a));
    for (const Partition& b : ps)
      for (const Partition& c : ps)
        if (is_coarsening(a, b) && is_coarsening(b, c)) CHECK(is_coarsening(a, c));
  }
}

TEST_CASE("membership in Delta_lambda is coarsening of the root pattern", "[loci]") {
  auto g = test::rng(50);
  for (int n = 2; n <= 6; ++n)
    for (const Partition& mu : partitions(n)) {
      BinaryForm p = form_with_pattern(g, mu);
      CHECK(root_pattern(p) == mu);
      for (const Partition& lambda : partitions(n)) CHECK(in_locus(p, lambda) == is_coarsening(mu, lambda));
      CHECK(in_locus(BinaryForm::zero(n), mu));
    }
  // Complex roots count in the pattern: (x^2 + y^2)^2 is in Delta_(2,2).
  CHECK(in_locus(BinaryForm::parse("(x^2+y^2)^2"), Partition({2, 2})));
  CHECK(!in_locus(BinaryForm::parse("(x^2+y^2)(x^2+4y^2)"), Partition({2, 1, 1})));
  CHECK_THROWS_AS((in_locus(BinaryForm{1, 0, 1}, Partition({2, 1}))), invalid_argument);
}

TEST_CASE("smooth points: Kurmann's criterion on known cases", "[loci]") {
  auto P = [](const char* s) { return Partition::parse(s); };
  auto F = [](const char* s) { return BinaryForm::parse(s); };
  // The discriminant Delta_(2,1,1): smooth exactly where the pattern is (2,1,1).
  CHECK(is_smooth_point(F("x^2(x-y)(x+y)"), P("2,1,1")));
  CHECK(!is_smooth_point(F("x^2(x-y)^2"), P("2,1,1")));  // two branches cross
  CHECK(!is_smooth_point(F("x^3(x-y)"), P("2,1,1")));    // cusp
  CHECK(!is_smooth_point(F("x^4"), P("2,1,1")));
  // Delta_(2,2) (squares of quadrics) is smooth at x^4; Delta_(3,1) is not.
  CHECK(is_smooth_point(F("x^4"), P("2,2")));
  CHECK(!is_smooth_point(F("x^4"), P("3,1")));
  CHECK(is_smooth_point(F("(x^2+y^2)^2"), P("2,2")));
  // The whole space is smooth everywhere, a proper cone is singular at 0.
  CHECK(is_smooth_point(F("x^4"), P("1,1,1,1")));
  CHECK(is_smooth_point(BinaryForm::zero(4), P("1,1,1,1")));
  CHECK(!is_smooth_point(BinaryForm::zero(4), P("2,2")));
  CHECK(!is_smooth_point(F("x(x-y)(x+y)(x-2y)"), P("2,1,1")));  // not on the locus
  // Forms with rrmp (rho|gamma) are smooth points of Delta_{lambda_{rho|gamma}} (Section 3).
  auto g = test::rng(51);
  for (int n = 1; n <= 7; ++n)
    for (const Rrmp& r : all_rrmps(n)) {
      std::vector<int> rho(r.rho().begin(), r.rho().end()), gamma(r.gamma().begin(), r.gamma().end());
      CHECK(is_smooth_point(test::planted_form(g, rho, gamma), r.lambda()));
    }
}

TEST_CASE("tangent space (5.3) equals the image of the differential of (5.4)", "[loci][paper]") {
  auto g = test::rng(52);
  for (int it = 0; it < 80; ++it) {
    std::vector<std::pair<BinaryForm, int>> factors;
    std::vector<BinaryForm> used;
    const int r_real = static_cast<int>(test::uniform(g, 0, 4)), r_cplx = static_cast<int>(test::uniform(g, 0, 2));
    if (r_real + r_cplx == 0) continue;
    auto fresh = [&](BinaryForm f) {
      for (const BinaryForm& u : used)
        if (gcd(u, f).degree() > 0) return false;
      used.push_back(f);
      return true;
    };
    while (static_cast<int>(factors.size()) < r_real) {
      BinaryForm f = test::random_linear(g, 6);
      if (fresh(f)) factors.emplace_back(f, static_cast<int>(test::uniform(g, 1, 4)));
    }
    while (static_cast<int>(factors.size()) < r_real + r_cplx) {
      BinaryForm f = test::random_irreducible_quadratic(g, 6);
      if (fresh(f)) factors.emplace_back(f, static_cast<int>(test::uniform(g, 1, 3)));
    }
    BinaryForm p{1};
    for (const auto& [f, e] : factors) p = p * pow(f, static_cast<unsigned>(e));
    std::vector<BinaryForm> T = tangent_space(p, root_pattern(p));
    std::vector<BinaryForm> D = differential_image(factors);
    const long distinct_roots = r_real + 2 * r_cplx;
    INFO("p = " << p);
    CHECK(static_cast<long>(T.size()) == distinct_roots + 1);
    CHECK(test::rank_of(T) == distinct_roots + 1);  // dim Delta_lambda (affine cone)
    CHECK(test::rank_of(D) == distinct_roots + 1);  // (5.4) is an immersion there
    std::vector<BinaryForm> both = T;
    both.insert(both.end(), D.begin(), D.end());
    CHECK(test::rank_of(both) == distinct_roots + 1);  // same space
    std::vector<BinaryForm> Tp = T;
    Tp.push_back(p);
    CHECK(test::rank_of(Tp) == distinct_roots + 1);  // the cone contains its point's ray
  }
  CHECK_THROWS_AS((tangent_space(BinaryForm::parse("x^2(x-y)^2"), Partition({2, 1, 1}))), domain_error);
  CHECK_THROWS_AS(tangent_space(BinaryForm::zero(3)), domain_error);
  CHECK(tangent_generator(BinaryForm::parse("x^3*(x-y)^2*y")) == BinaryForm::parse("x^2*(x-y)"));
}
