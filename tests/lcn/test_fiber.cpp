// Fibers of mu (Lemma 5.7, Example 5.8): scaling classes, counts, real
// splitting with certified enclosures.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "support.hpp"

using namespace lcngeom;

namespace {

bool proportional(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < a.size(); ++j)
      if (a[i] * b[j] != a[j] * b[i]) return false;
  return true;
}

std::vector<Ball> ball_product(const std::vector<std::vector<Ball>>& filters, long prec) {
  std::vector<Ball> p{Ball(1)};
  for (const auto& f : filters) {
    std::vector<Ball> q(p.size() + f.size() - 1);
    for (std::size_t i = 0; i < p.size(); ++i)
      for (std::size_t j = 0; j < f.size(); ++j) q[i + j] = add(q[i + j], mul(p[i], f[j], prec), prec);
    p = std::move(q);
  }
  return p;
}

// Every class: sizes, product = w (exactly or by enclosure), consistency of the flags.
void check_classes(const Architecture& arch, const Fiber& fib) {
  const auto k = arch.filters();
  for (const FiberClass& c : fib.classes) {
    INFO("class " << c.notation);
    REQUIRE(c.filters.size() == k.size());
    for (std::size_t l = 0; l < k.size(); ++l) CHECK(static_cast<int>(c.filters[l].size()) == k[l]);
    const auto prod = ball_product(c.filters, 256);
    for (int i = 0; i <= fib.end_to_end.degree(); ++i)
      CHECK(prod[static_cast<std::size_t>(i)].contains(fib.end_to_end.coeff(i)));
    CHECK(c.exact.has_value() == c.rational);
    if (c.exact) {
      CHECK(mu(arch, *c.exact) == fib.end_to_end);
      for (std::size_t l = 0; l < k.size(); ++l) {
        for (std::size_t j = 0; j < c.exact->at(l).size(); ++j) CHECK(c.filters[l][j].contains(c.exact->at(l)[j]));
        CHECK(c.repeated_root[l] ==
              (!BinaryForm(c.exact->at(l)).is_zero() && !is_squarefree(BinaryForm(c.exact->at(l)))));
      }
    }
  }
}

// Independent count: assign every root copy (items of degree 1 or 2) to a
// filter in all possible ways and collect the distinct tuples of multisets.
long brute_force_classes(const std::vector<std::pair<int, int>>& items, const std::vector<int>& caps) {
  std::vector<int> copies;  // item index per copy
  for (std::size_t i = 0; i < items.size(); ++i)
    for (int m = 0; m < items[i].second; ++m) copies.push_back(static_cast<int>(i));
  std::set<std::vector<std::vector<int>>> seen;
  std::vector<std::size_t> where(copies.size(), 0);
  const std::size_t L = caps.size();
  for (;;) {
    std::vector<int> load(L, 0);
    std::vector<std::vector<int>> content(L);
    for (std::size_t c = 0; c < copies.size(); ++c) {
      load[where[c]] += items[static_cast<std::size_t>(copies[c])].first;
      content[where[c]].push_back(copies[c]);
    }
    if (load == caps) {
      for (auto& v : content) std::sort(v.begin(), v.end());
      seen.insert(content);
    }
    std::size_t i = 0;
    while (i < copies.size() && ++where[i] == L) where[i++] = 0;
    if (i == copies.size()) break;
  }
  return static_cast<long>(seen.size());
}

}  // namespace

TEST_CASE("Example 5.8: fibers of k = (2,2) over interior, boundary and zero points", "[fiber][paper]") {
  const Architecture arch({2, 2});
  // P = p1 p2 with independent p1 = x - y, p2 = 2x + 3y: four components.
  const BinaryForm P = BinaryForm{1, -1} * BinaryForm{2, 3};
  Fiber f = fiber(arch, P);
  CHECK(f.classes.size() == 2);
  CHECK(f.component_count() == Integer(4));
  CHECK(f.rational_class_count() == 2);
  CHECK(fiber_class_count(arch, P) == Integer(2));
  check_classes(arch, f);
  const auto a = BinaryForm{1, -1}.coefficients(), b = BinaryForm{2, 3}.coefficients();
  bool ab = false, ba = false;
  for (const auto& c : f.classes) {
    ab = ab || (proportional(c.exact->at(0), a) && proportional(c.exact->at(1), b));
    ba = ba || (proportional(c.exact->at(0), b) && proportional(c.exact->at(1), a));
  }
  CHECK((ab && ba));
  // Boundary: P = +-p^2, one class (+-kappa p, p / kappa), two components.
  for (long s : {1L, -1L}) {
    const BinaryForm Q = Rational(s) * pow(BinaryForm{1, 2}, 2);
    Fiber g = fiber(arch, Q);
    CHECK(g.classes.size() == 1);
    CHECK(g.component_count() == Integer(2));
    CHECK(g.classes[0].notation == "p1\u00b7p1");
    check_classes(arch, g);
  }
  // The fiber over 0 is a union of two planes: not finitely many classes.
  CHECK_THROWS_AS(fiber(arch, BinaryForm::zero(2)), domain_error);
  CHECK_THROWS_AS(fiber_class_count(arch, BinaryForm::zero(2)), domain_error);
  // Outside M (no real roots): the fiber is empty.
  CHECK(fiber(arch, BinaryForm{1, 0, 1}).classes.empty());
  // Irrational roots: x^2 - 2y^2 = (x - sqrt2 y)(x + sqrt2 y), two real classes, none rational.
  Fiber h = fiber(arch, BinaryForm{1, 0, -2});
  CHECK(h.classes.size() == 2);
  CHECK(h.rational_class_count() == 0);
  CHECK(h.blocks.factors.size() == 1);
  CHECK(h.factors.size() == 2);
  check_classes(arch, h);
  for (const auto& c : h.classes) {
    // filter 1 = c (x + a y), filter 2 = x + b y with a b = -2 and a + b = 0.
    const Ball ra = div(c.filters[0][1], c.filters[0][0], 256), rb = div(c.filters[1][1], c.filters[1][0], 256);
    CHECK(mul(ra, rb, 256).contains(Rational(-2)));
    CHECK(add(ra, rb, 256).contains(Rational(0)));
    CHECK(c.filters[0][1].radius() < Rational(1, 1000000));
  }
}

TEST_CASE("Section 7.3's limit point [2,0,5,0,0] has one class for k = (4,2)", "[fiber][paper]") {
  const Architecture arch({4, 2});
  Fiber f = fiber(arch, BinaryForm{2, 0, 5, 0, 0});
  REQUIRE(f.classes.size() == 1);
  CHECK(f.classes[0].notation == "p1q1\u00b7p1");
  CHECK(*f.classes[0].exact ==
        Filters{{Rational(2), Rational(0), Rational(5), Rational(0)}, {Rational(1), Rational(0)}});
  CHECK(f.component_count() == Integer(2));
  check_classes(arch, f);
  // The same form for (3,2,2): x^2 (2x^2 + 5y^2) -> (q1, p1, p1) only.
  Fiber g = fiber(Architecture({3, 2, 2}), BinaryForm{2, 0, 5, 0, 0});
  REQUIRE(g.classes.size() == 1);
  CHECK(g.classes[0].notation == "q1\u00b7p1\u00b7p1");
  CHECK(g.component_count() == Integer(4));
}

TEST_CASE("fiber class counts agree with brute force over root assignments", "[fiber]") {
  auto g = test::rng(5107);
  const std::vector<std::vector<int>> archs{{2, 2},    {3, 2}, {2, 2, 2}, {3, 3},       {4, 2}, {3, 2, 2},
                                            {2, 3, 2}, {4, 3}, {1, 3, 2}, {2, 2, 2, 2}, {5, 2}};
  long nonempty = 0;
  for (int trial = 0; trial < 80; ++trial) {
    const auto& k = archs[static_cast<std::size_t>(trial) % archs.size()];
    const Architecture arch(k);
    int n = 0;
    for (int kl : k) n += kl - 1;
    // A random rrmp of degree n planted with rational factors.
    const auto all = all_rrmps(n);
    const Rrmp& r = all[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(all.size()) - 1))];
    std::vector<int> rho(r.rho().begin(), r.rho().end()), gamma(r.gamma().begin(), r.gamma().end());
    const BinaryForm w = test::planted_form(g, rho, gamma);
    std::vector<std::pair<int, int>> items;
    for (int m : rho) items.emplace_back(1, m);
    for (int m : gamma) items.emplace_back(2, m);
    std::vector<int> caps;
    for (int kl : k) caps.push_back(kl - 1);
    const long brute = brute_force_classes(items, caps);
    INFO("trial " << trial << ": w = " << w << " (" << r << ")");
    CHECK(fiber_class_count(arch, w) == Integer(brute));
    Fiber f = fiber(arch, w);
    CHECK(static_cast<long>(f.classes.size()) == brute);
    CHECK(f.rational_class_count() == brute);  // all factors rational
    CHECK(rational_fiber_classes(arch, w).size() == static_cast<std::size_t>(brute));
    check_classes(arch, f);
    // The fiber is empty exactly outside the function space (Lemma 4.2).
    CHECK((brute == 0) == (form_region(arch, w) == Region::complement));
    // Some class has no repeated root in any filter iff the rrmp is compatible (Cor. 5.5).
    bool squarefree_class = false;
    for (const auto& c : f.classes)
      squarefree_class =
          squarefree_class || std::none_of(c.repeated_root.begin(), c.repeated_root.end(), [](bool b) { return b; });
    CHECK(squarefree_class == is_compatible(r, k));
    // Lemma 5.7: the image of dmu (here: its rank) is constant on a class.
    for (const auto& c : f.classes) {
      Filters t = *c.exact;
      const long rank = jacobian(arch, t).rank();
      for (Rational& x : t[0]) x *= Rational(3, 7);
      for (Rational& x : t.back()) x *= Rational(7, 3);
      CHECK(jacobian(arch, t).rank() == rank);
    }
    nonempty += brute > 0;
  }
  CHECK(nonempty > 40);
}

TEST_CASE("irrational blocks: real classes enclosed, rational ones exact", "[fiber]") {
  // (x^2 - 2y^2)(x - y)(x + 3y) for k = (3,2,2): 4 real roots, 12 classes, 2 rational.
  const Architecture arch({3, 2, 2});
  const BinaryForm w = BinaryForm{1, 0, -2} * BinaryForm{1, -1} * BinaryForm{1, 3};
  CHECK(fiber_class_count(arch, w) == Integer(12));
  Fiber f = fiber(arch, w);
  CHECK(f.classes.size() == 12);
  CHECK(f.rational_class_count() == 2);
  CHECK(rational_fiber_classes(arch, w).size() == 2);
  CHECK(f.component_count() == Integer(48));
  check_classes(arch, f);
  // A block of degree 3 with one real root (x^3 - 2y^3) times (x^2 + y^2) for k = (4,3):
  // real factors p1 (cube root of 2), q1 (the other pair of x^3 - 2y^3), q2 = x^2 + y^2.
  const BinaryForm v = BinaryForm{1, 0, 0, -2} * BinaryForm{1, 0, 1};
  const Architecture a43({4, 3});
  Fiber h = fiber(a43, v);
  CHECK(h.factors.size() == 3);
  CHECK(fiber_class_count(a43, v) == Integer(static_cast<long>(h.classes.size())));
  CHECK(h.classes.size() == 2);  // (p1 q1 | q2) and (p1 q2 | q1)
  CHECK(h.rational_class_count() == 1);
  check_classes(a43, h);
  // Large fibers are counted without listing them: 12 distinct rational roots
  // over twelve filters of size 2 give 12! classes.
  BinaryForm big{1};
  for (long i = 1; i <= 12; ++i) big = big * BinaryForm{1, -i};
  const Architecture twelve(std::vector<int>(12, 2));
  CHECK(fiber_class_count(twelve, big) == Integer(479001600L));
  CHECK_THROWS_AS(fiber(twelve, big), not_supported);
  CHECK_THROWS_AS(fiber(arch, BinaryForm{1, 2, 3}), invalid_argument);
  CHECK_THROWS_AS(fiber(Architecture({2, 2}, {2, 1}), BinaryForm{1, 2, 3, 4}), not_supported);
}
