// Inner products on forms (eq. 6.10), tau (eq. 6.4, Remark 6.2), Lemma 6.3,
// Remark 6.4, Example 6.11, the square loss on filters (eqs. 6.1-6.3).
#include <catch2/catch.hpp>

#include "lcngeom/inner_product.hpp"
#include "support.hpp"

using namespace lcngeom;

namespace {

RatMatrix diag(const std::vector<Rational>& d) {
  RatMatrix m(static_cast<long>(d.size()), static_cast<long>(d.size()));
  for (std::size_t i = 0; i < d.size(); ++i) m.set(static_cast<long>(i), static_cast<long>(i), d[i]);
  return m;
}

RatMatrix random_matrix(std::mt19937_64& g, long rows, long cols, long bound) {
  RatMatrix m(rows, cols);
  for (long i = 0; i < rows; ++i)
    for (long j = 0; j < cols; ++j) m.set(i, j, Rational(test::uniform(g, -bound, bound)));
  return m;
}

}  // namespace

TEST_CASE("Bombieri product (eq. 6.10) and Euclidean product", "[inner_product]") {
  InnerProduct b2 = InnerProduct::bombieri(2);
  CHECK(b2.matrix() == diag({Rational(1L), Rational(1L, 2L), Rational(1L)}));  // Remark 6.8
  CHECK(b2.kind() == InnerProduct::Kind::bombieri);
  InnerProduct b4 = InnerProduct::bombieri(4);
  CHECK(b4.matrix() == diag({Rational(1L), Rational(1L, 4L), Rational(1L, 6L), Rational(1L, 4L), Rational(1L)}));
  // i!(n-i)!/n! for every n <= 12
  for (int n = 0; n <= 12; ++n) {
    InnerProduct b = InnerProduct::bombieri(n);
    Rational nf(1L);
    for (int i = 2; i <= n; ++i) nf *= Rational(static_cast<long>(i));
    for (int i = 0; i <= n; ++i) {
      Rational num(1L);
      for (int j = 2; j <= i; ++j) num *= Rational(static_cast<long>(j));
      for (int j = 2; j <= n - i; ++j) num *= Rational(static_cast<long>(j));
      CHECK(b.matrix().at(i, i) == num / nf);
    }
  }
  // <P, Q>_B for quadrics: u2 w2 + u1 w1 / 2 + u0 w0
  CHECK(b2(BinaryForm{1, 2, 3}, BinaryForm{4, 5, 6}) == Rational(4 + 5 + 18));
  CHECK(InnerProduct::euclidean(2)(BinaryForm{1, 2, 3}, BinaryForm{4, 5, 6}) == Rational(32L));
  CHECK(InnerProduct::euclidean(3).distance_squared(BinaryForm{1, 0, 0, 1}, BinaryForm{0, 0, 0, 0}) == Rational(2L));
  // Bombieri is O(2)-invariant: ||p(cx - sy, sx + cy)||_B = ||p||_B for a rational rotation (3/5, 4/5).
  auto g = test::rng(61);
  for (int trial = 0; trial < 20; ++trial) {
    const int n = static_cast<int>(test::uniform(g, 1, 7));
    BinaryForm p = test::random_form(g, n, 9);
    BinaryForm q = p.substitute(Rational(3L, 5L), Rational(-4L, 5L), Rational(4L, 5L), Rational(3L, 5L));
    CHECK(InnerProduct::bombieri(n).norm_squared(p) == InnerProduct::bombieri(n).norm_squared(q));
  }
}

TEST_CASE("Bombieri reproducing property: <P, (alpha x + beta y)^n>_B = P(alpha, beta)", "[inner_product]") {
  auto g = test::rng(5106);
  for (int n = 1; n <= 7; ++n) {
    const BinaryForm p = test::random_form(g, n, 9);
    const Rational alpha(test::uniform(g, -5, 5)), beta(test::uniform(g, -5, 5));
    CHECK(InnerProduct::bombieri(n)(p, pow(BinaryForm::linear(alpha, beta), static_cast<unsigned>(n))) ==
          p.evaluate(alpha, beta));
  }
}

TEST_CASE("SPD matrices, kinds and the matrix syntax", "[inner_product]") {
  CHECK(InnerProduct(RatMatrix::identity(3)).kind() == InnerProduct::Kind::euclidean);
  CHECK(InnerProduct(InnerProduct::bombieri(3).matrix()).kind() == InnerProduct::Kind::bombieri);
  InnerProduct c = InnerProduct::parse("2,1,0; 1,2,1; 0,1,2", 2);
  CHECK(c.kind() == InnerProduct::Kind::custom);
  CHECK(c.name() == "custom");
  CHECK(c.matrix().at(0, 1) == Rational(1L));
  CHECK(InnerProduct::parse("euclidean", 3) == InnerProduct::euclidean(3));
  CHECK(InnerProduct::parse("Bombieri", 3) == InnerProduct::bombieri(3));
  CHECK(InnerProduct::parse("[1 0 0;0 1/2 0;0 0 1]", 2) == InnerProduct::bombieri(2));
  CHECK(InnerProduct::parse("1,0;0,0.5", 1).matrix().at(1, 1) == Rational(1L, 2L));
  // errors name the value
  CHECK_THROWS_WITH(InnerProduct::parse("1,2;3,4", 1), Catch::Contains("not symmetric"));
  CHECK_THROWS_WITH(InnerProduct::parse("1,2;2,1", 1), Catch::Contains("order 2 is -3"));
  CHECK_THROWS_WITH(InnerProduct::parse("0,0;0,1", 1), Catch::Contains("order 1 is 0"));
  CHECK_THROWS_AS(InnerProduct::parse("1,0;0,1", 2), invalid_argument);
  CHECK_THROWS_AS(InnerProduct::parse("1,0;0", 1), invalid_argument);
  CHECK_THROWS_AS(InnerProduct::parse("1,x;0,1", 1), parse_error);
  CHECK_THROWS_AS(InnerProduct::parse("1,0;;0,1", 1), parse_error);
  CHECK_THROWS_AS(InnerProduct::euclidean(-1), invalid_argument);
  CHECK_THROWS_AS(InnerProduct::euclidean(2)(BinaryForm{1, 2}, BinaryForm{1, 2}), invalid_argument);
  CHECK(is_symmetric_positive_definite(RatMatrix::identity(4)));
  CHECK(!is_symmetric_positive_definite(diag({Rational(1L), Rational(-1L)})));
  // random SPD matrices: A^T A + I
  auto g = test::rng(62);
  for (int trial = 0; trial < 10; ++trial) {
    RatMatrix a = random_matrix(g, 4, 4, 5);
    RatMatrix s = a.transpose() * a + RatMatrix::identity(4);
    CHECK(is_symmetric_positive_definite(s));
    CHECK_NOTHROW(InnerProduct(s));
  }
}

TEST_CASE("Lemma 6.3: XX^T = cI induces a multiple of the Euclidean product for any stride", "[inner_product]") {
  for (int k = 1; k <= 5; ++k)
    for (int s = 1; s <= 3; ++s)
      for (int dl = 1; dl <= 4; ++dl) {
        const int d0 = s * (dl - 1) + k;
        RatMatrix xxt = diag(std::vector<Rational>(static_cast<std::size_t>(d0), Rational(3L, 7L)));
        RatMatrix t = tau(xxt, k, s);
        CHECK(t == diag(std::vector<Rational>(static_cast<std::size_t>(k), Rational(3L * dl, 7L))));
        RatMatrix tc = tau(xxt, k, s, ConvolutionKind::circulant);
        CHECK(tc == diag(std::vector<Rational>(static_cast<std::size_t>(k), Rational(3L * d0, 7L))));
      }
}

TEST_CASE("Remark 6.4: circulant, diagonal XX^T, gcd(s, d0) = 1 gives a multiple of I", "[inner_product]") {
  auto g = test::rng(64);
  for (int d0 = 2; d0 <= 7; ++d0)
    for (int s = 1; s <= 4; ++s)
      for (int k = 1; k <= d0; ++k) {
        std::vector<Rational> d;
        for (int i = 0; i < d0; ++i) d.emplace_back(test::uniform(g, 1, 9));
        RatMatrix t = tau(diag(d), k, s, ConvolutionKind::circulant);
        Rational trace;
        for (const Rational& x : d) trace += x;
        if (std::gcd(s, d0) == 1) {
          CHECK(t.is_scalar());
          CHECK(t.at(0, 0) == trace);
        } else {
          // tau_ii sums only the residues i + s m: with distinct diagonal
          // entries the diagonal need not be constant (Remark 6.2).
          for (long i = 0; i < k; ++i) {
            Rational e;
            for (int m = 0; m < d0; ++m) e += d[static_cast<std::size_t>((i + s * m) % d0)];
            CHECK(t.at(i, i) == e);
          }
        }
      }
  // A witness that coprimality matters: d0 = 4, s = 2.
  RatMatrix t = tau(diag({Rational(1L), Rational(2L), Rational(3L), Rational(5L)}), 2, 2, ConvolutionKind::circulant);
  CHECK(!t.is_scalar());
}

TEST_CASE("Example 6.11: XX^T = diag(3/4,1/4,1/4,3/4) induces exactly the Bombieri norm on quadrics",
          "[inner_product]") {
  RatMatrix xxt = diag({Rational(3L, 4L), Rational(1L, 4L), Rational(1L, 4L), Rational(3L, 4L)});
  InnerProduct s = data_inner_product(xxt, 3);
  CHECK(s == InnerProduct::bombieri(2));
  CHECK(s.kind() == InnerProduct::Kind::bombieri);
  // Remark 6.10: circulant data never induces Bombieri (constant diagonal when d0 = dL).
  for (int d0 = 3; d0 <= 6; ++d0) {
    auto g = test::rng(static_cast<std::uint64_t>(d0));
    std::vector<Rational> d;
    for (int i = 0; i < d0; ++i) d.emplace_back(test::uniform(g, 1, 9));
    RatMatrix t = tau(diag(d), 3, 1, ConvolutionKind::circulant);
    CHECK(t.at(0, 0) == t.at(1, 1));
    CHECK(!(t == InnerProduct::bombieri(2).matrix()));
  }
}

TEST_CASE("square loss on filters (eqs. 6.1-6.3) equals the data loss exactly", "[inner_product]") {
  auto g = test::rng(66);
  for (int trial = 0; trial < 30; ++trial) {
    const int k = static_cast<int>(test::uniform(g, 1, 4)), s = static_cast<int>(test::uniform(g, 1, 3));
    const int dl = static_cast<int>(test::uniform(g, 1, 3));
    const ConvolutionKind kind = trial % 2 ? ConvolutionKind::circulant : ConvolutionKind::toeplitz;
    const int d0 = s * (dl - 1) + k;
    const long rows_out = kind == ConvolutionKind::circulant ? d0 : dl;
    const int samples = d0 + static_cast<int>(test::uniform(g, 0, 3));
    RatMatrix x = random_matrix(g, d0, samples, 4);
    if (x.rank() < d0) continue;
    RatMatrix y = random_matrix(g, rows_out, samples, 4);
    FilterSquareLoss loss = filter_square_loss(x, y, k, s, kind);
    for (int t = 0; t < 5; ++t) {
      std::vector<Rational> w;
      for (int i = 0; i < k; ++i) w.emplace_back(test::uniform(g, -5, 5), test::uniform(g, 1, 3));
      const Rational direct = data_square_loss(x, y, w, s, kind);
      CHECK(direct == loss.sigma.distance_squared(BinaryForm(w), loss.target) + loss.constant);
    }
    // A target that is exactly representable is recovered: Y = W(u0) X gives u = u0 and constant 0.
    std::vector<Rational> u0;
    for (int i = 0; i < k; ++i) u0.emplace_back(test::uniform(g, -5, 5));
    RatMatrix w0(rows_out, d0);
    for (long r = 0; r < rows_out; ++r)
      for (int i = 0; i < k; ++i) {
        long c = i + static_cast<long>(s) * r;
        if (kind == ConvolutionKind::circulant) c %= d0;
        w0.set(r, c, w0.at(r, c) + u0[static_cast<std::size_t>(i)]);
      }
    FilterSquareLoss exact = filter_square_loss(x, w0 * x, k, s, kind);
    CHECK(exact.target == BinaryForm(u0));
    CHECK(exact.constant.is_zero());
  }
}

TEST_CASE("U = Y X^T (X X^T)^{-1} (eq. 6.1) solves the normal equations", "[inner_product]") {
  auto g = test::rng(67);
  for (int trial = 0; trial < 10; ++trial) {
    RatMatrix x = random_matrix(g, 3, 5, 5), y = random_matrix(g, 2, 5, 5);
    if (x.rank() < 3) continue;
    RatMatrix u = unconstrained_optimum(x, y);
    CHECK(u * x * x.transpose() == y * x.transpose());
  }
  CHECK_THROWS_AS(unconstrained_optimum(RatMatrix(2, 3), RatMatrix(1, 3)), domain_error);
  CHECK_THROWS_AS(unconstrained_optimum(RatMatrix::identity(2), RatMatrix(1, 3)), invalid_argument);
  CHECK_THROWS_AS(tau(RatMatrix::identity(4), 2, 3), invalid_argument);  // 4 != 3 (dL - 1) + 2
  CHECK_THROWS_AS(tau(RatMatrix::identity(2), 3), invalid_argument);     // k > d0
  CHECK_THROWS_AS(tau(RatMatrix(2, 3), 1), invalid_argument);
  CHECK_THROWS_AS(tau(RatMatrix::identity(3), 0), invalid_argument);
  CHECK_THROWS_AS(data_inner_product(diag({Rational(1L), Rational(-1L), Rational(1L)}), 2), invalid_argument);
}
