// Convolutional matrices and tensors: eqs. (2.2)-(2.4), (2.7), Section 2.3,
// Examples 2.4, 2.5, 2.9, 4.12, 4.13, Prop. 2.2, Prop. 4.14.
#include <catch2/catch.hpp>

#include <cmath>

#include "double_convolution.hpp"  // bench/support: the float baselines
#include "support.hpp"

using namespace lcngeom;

namespace {

std::vector<Rational> R(std::initializer_list<long> v) {
  std::vector<Rational> out;
  for (long x : v) out.emplace_back(x);
  return out;
}

RatMatrix M(std::initializer_list<std::initializer_list<long>> rows) {
  std::vector<std::vector<Rational>> r;
  for (const auto& row : rows) r.push_back(R(row));
  return RatMatrix(r);
}

std::vector<Rational> random_filter(std::mt19937_64& g, int k, long bound = 9) {
  std::vector<Rational> w;
  for (int i = 0; i < k; ++i) w.emplace_back(test::uniform(g, -bound, bound));
  return w;
}

Architecture random_architecture(std::mt19937_64& g, int max_layers, int max_k, int max_s) {
  const int L = static_cast<int>(test::uniform(g, 1, max_layers));
  std::vector<int> k, s;
  for (int l = 0; l < L; ++l) {
    k.push_back(static_cast<int>(test::uniform(g, 1, max_k)));
    s.push_back(static_cast<int>(test::uniform(g, 1, max_s)));
  }
  return Architecture(k, s, static_cast<int>(test::uniform(g, 1, 3)));
}

RatTensor random_tensor(std::mt19937_64& g, const std::vector<int>& shape, long bound = 5) {
  RatTensor t(shape);
  for (long i = 0; i < t.size(); ++i) t.set(t.index_of(i), Rational(test::uniform(g, -bound, bound)));
  return t;
}

}  // namespace

TEST_CASE("generalized Toeplitz matrices follow (2.2)-(2.4)", "[convolution][paper]") {
  // (2.3): k = 3, s = 2, d_in = 7 gives d_out = (7 - 3)/2 + 1 = 3 rows shifted by 2.
  const RatMatrix W = toeplitz_matrix(R({1, 2, 3}), 2, 3);
  CHECK(W == M({{1, 2, 3, 0, 0, 0, 0}, {0, 0, 1, 2, 3, 0, 0}, {0, 0, 0, 0, 1, 2, 3}}));
  CHECK(toeplitz_filter(W, 2) == R({1, 2, 3}));
  // (2.2): (W x)_i = sum_j w_j x_{i s + j}.
  const RatMatrix x = M({{5}, {-1}, {2}, {7}, {0}, {3}, {4}});
  const RatMatrix y = W * x;
  for (int i = 0; i < 3; ++i) {
    Rational want;
    for (int j = 0; j < 3; ++j) want += Rational(j + 1) * x.at(2 * i + j, 0);
    CHECK(y.at(i, 0) == want);
  }
  // Toeplitz_filter rejects a matrix that breaks the pattern, naming the entry.
  RatMatrix bad = W;
  bad.set(1, 2, Rational(9));
  CHECK_THROWS_AS(toeplitz_filter(bad, 2), domain_error);
  CHECK_THROWS_AS(toeplitz_filter(W, 3), domain_error);                // 7 - 3*2 = 1, pattern broken
  CHECK_THROWS_AS(toeplitz_filter(RatMatrix(3, 2), 1), domain_error);  // k = 0
  CHECK_THROWS_AS(toeplitz_matrix({}, 1, 1), invalid_argument);
  CHECK_THROWS_AS(toeplitz_matrix(R({1}), 0, 1), invalid_argument);
  CHECK_THROWS_AS(toeplitz_matrix(R({1}), 1, 0), invalid_argument);
}

TEST_CASE("Examples 2.4, 2.5 and (4.1): W_L ... W_1 as printed", "[convolution][paper]") {
  // Example 2.4 with (a, b, c, d) = (2, 3, 5, 7): [ac, ad + bc, bd].
  Architecture a({2, 2});
  const Filters t{R({2, 3}), R({5, 7})};
  const auto W = layer_matrices(a, t);
  CHECK(W[0] == M({{2, 3, 0}, {0, 2, 3}}));
  CHECK(W[1] == M({{5, 7}}));
  CHECK(end_to_end_matrix(a, t) == M({{10, 2 * 7 + 3 * 5, 21}}));
  // Example 2.5, d = (5, 3, 2), (a..e) = (1, 2, 3, 4, 5): (A, B, C, D) = (ad, bd + ae, cd + be, ce).
  Architecture b({3, 2}, {}, 2);
  const auto Wb = end_to_end_matrix(b, {R({1, 2, 3}), R({4, 5})});
  CHECK(Wb == M({{4, 13, 22, 15, 0}, {0, 4, 13, 22, 15}}));
  // (4.1), Example 4.12: k = (3, 2), s = (2, 1), d = (5, 2, 1): [ad, bd, ae + cd, be, ce].
  Architecture c({3, 2}, {2, 1}, 1);
  CHECK(c.widths_1d() == std::vector<int>{5, 2, 1});
  const auto Wc = layer_matrices(c, {R({1, 2, 3}), R({4, 5})});
  CHECK(Wc[0] == M({{1, 2, 3, 0, 0}, {0, 0, 1, 2, 3}}));
  CHECK(end_to_end_matrix(c, {R({1, 2, 3}), R({4, 5})}) == M({{4, 8, 5 + 12, 10, 15}}));
}

TEST_CASE("W_L ... W_1 is the convolution of the end-to-end filter (Prop. 2.2, eq. 2.7, Remark 2.8)", "[convolution]") {
  auto g = test::rng(301);
  for (int it = 0; it < 60; ++it) {
    const Architecture arch = random_architecture(g, 4, 4, 3);
    Filters theta;
    for (int k : arch.filters()) theta.push_back(random_filter(g, k));
    const RatMatrix P = end_to_end_matrix(arch, theta);
    const std::vector<int> d = arch.widths_1d();
    INFO(arch.to_string());
    REQUIRE(P.rows() == d.back());
    REQUIRE(P.cols() == d.front());
    // The product is a convolution with stride s_1 ... s_L whose filter is mu(theta).
    const BinaryForm wbar = mu(arch, theta);
    CHECK(toeplitz_filter(P, static_cast<int>(arch.end_to_end_stride())) == wbar.coefficients());
    CHECK(static_cast<int>(wbar.coefficients().size()) == arch.end_to_end_filter_size());
    CHECK(P == toeplitz_matrix(wbar.coefficients(), static_cast<int>(arch.end_to_end_stride()), d.back()));
  }
}

TEST_CASE("Toeplitz vs circulant (Section 2.3, Example 2.9)", "[convolution][paper]") {
  // Example 2.9 with (a, b, c, d) = (2, 3, 5, 7).
  Architecture a({2, 2});
  const Filters t{R({2, 3}), R({5, 7})};
  const auto C = circulant_layer_matrices(a, t);
  CHECK(C[0] == M({{2, 3, 0}, {0, 2, 3}, {3, 0, 2}}));
  CHECK(C[1] == M({{5, 7, 0}, {0, 5, 7}, {7, 0, 5}}));
  const long ac = 10, adbc = 29, bd = 21;
  CHECK(C[1] * C[0] == M({{ac, adbc, bd}, {bd, ac, adbc}, {adbc, bd, ac}}));
  // Random architectures with strides: the product of circulants is the
  // circulant of the end-to-end filter with stride s_1...s_L, each W_l is the
  // top-left block of C_l, and the top d_L rows of the product are W_L...W_1.
  auto g = test::rng(302);
  for (int it = 0; it < 60; ++it) {
    const Architecture arch = random_architecture(g, 4, 4, 3);
    Filters theta;
    for (int k : arch.filters()) theta.push_back(random_filter(g, k));
    INFO(arch.to_string());
    const std::vector<int> d = arch.widths_1d();
    const auto Cs = circulant_layer_matrices(arch, theta);
    const auto Ws = layer_matrices(arch, theta);
    RatMatrix P = Cs.front();
    for (std::size_t l = 1; l < Cs.size(); ++l) P = Cs[l] * P;
    for (std::size_t l = 0; l < Cs.size(); ++l) CHECK(top_left_block(Cs[l], d[l + 1], d[l]) == Ws[l]);
    CHECK(P == circulant_matrix(mu(arch, theta).coefficients(), static_cast<int>(arch.end_to_end_stride()), d[0]));
    CHECK(top_left_block(P, d.back(), d.front()) == end_to_end_matrix(arch, theta));
  }
  CHECK_THROWS_AS(circulant_matrix(R({1, 2, 3}), 1, 2), invalid_argument);
  CHECK_THROWS_AS(top_left_block(RatMatrix(2, 2), 3, 1), invalid_argument);
}

TEST_CASE("double-precision matrices of the benchmarks agree with the exact ones", "[convolution]") {
  using bench::circulant_matrix_double;
  using bench::DoubleMatrix;
  using bench::to_double;
  using bench::toeplitz_matrix_double;
  auto g = test::rng(303);
  for (int it = 0; it < 20; ++it) {
    const int k = static_cast<int>(test::uniform(g, 1, 5)), s = static_cast<int>(test::uniform(g, 1, 3)),
              out = static_cast<int>(test::uniform(g, 1, 4));
    std::vector<Rational> w = random_filter(g, k);
    std::vector<double> wd;
    for (const Rational& x : w) wd.push_back(x.to_double());
    const DoubleMatrix T = toeplitz_matrix_double(wd, s, out);
    CHECK(T.entries == to_double(toeplitz_matrix(w, s, out)).entries);
    const int n = k + static_cast<int>(test::uniform(g, 0, 3));
    CHECK(circulant_matrix_double(wd, s, n).entries == to_double(circulant_matrix(w, s, n)).entries);
    // Products of small integers are exact in double.
    std::vector<Rational> v = random_filter(g, static_cast<int>(test::uniform(g, 1, 4)));
    std::vector<double> vd;
    for (const Rational& x : v) vd.push_back(x.to_double());
    const DoubleMatrix P = toeplitz_matrix_double(vd, 1, 1) * toeplitz_matrix_double(wd, 1, static_cast<int>(v.size()));
    CHECK(P.entries == to_double(toeplitz_matrix(v, 1, 1) * toeplitz_matrix(w, 1, static_cast<int>(v.size()))).entries);
  }
  CHECK_THROWS_AS(DoubleMatrix(2, 3) * DoubleMatrix(2, 3), invalid_argument);
}

TEST_CASE("convolutional tensors: Example 4.13", "[convolution][paper]") {
  // w = [[w00, w01], [w10, w11]] = [[1, 2], [3, 4]] on a 3x2 input: output 2x1.
  const RatTensor w({2, 2}, R({1, 2, 3, 4}));
  const RatTensor T = convolutional_tensor(w, {2, 1});
  CHECK(T.shape() == std::vector<int>{2, 1, 3, 2});
  // T_{00::} = [[w00, w01], [w10, w11], [0, 0]],  T_{10::} = [[0, 0], [w00, w01], [w10, w11]].
  const long slice0[3][2] = {{1, 2}, {3, 4}, {0, 0}}, slice1[3][2] = {{0, 0}, {1, 2}, {3, 4}};
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 2; ++b) {
      CHECK(T.at({0, 0, a, b}) == Rational(slice0[a][b]));
      CHECK(T.at({1, 0, a, b}) == Rational(slice1[a][b]));
    }
  CHECK(tensor_filter(T) == w);
  // (4.5): pi(w) = w00 y1 y2 + w10 x1 y2 + w01 y1 x2 + w11 x1 x2.
  const Ring ring = multi_form_ring(2);
  CHECK(multi_filter_form(w, ring) == RatMPoly::parse(ring, "y1*y2 + 3*x1*y2 + 2*y1*x2 + 4*x1*x2"));
  // Example 4.17's architecture: 3x3 -> 2x2 -> 1x1.
  const Architecture a = Architecture::multi_from_input_size({{2, 2}, {2, 2}}, {3, 3});
  CHECK(a.output_sizes() == std::vector<int>{1, 1});
  CHECK(layer_tensors(a, {w, w})[0].shape() == std::vector<int>{2, 2, 3, 3});
  CHECK_THROWS_AS(tensor_filter(RatTensor({2, 2, 2})), invalid_argument);
  RatTensor broken = T;
  broken.set({1, 0, 2, 1}, Rational(9));
  CHECK_THROWS_AS(tensor_filter(broken), domain_error);
  CHECK_THROWS_AS(convolutional_tensor(w, {2}), invalid_argument);
  CHECK_THROWS_AS(compose(T, T), invalid_argument);
}

TEST_CASE("Prop. 4.14: T_L o ... o T_1 is the convolution of pi(T_L) ... pi(T_1)", "[convolution][paper]") {
  auto g = test::rng(304);
  for (int it = 0; it < 25; ++it) {
    const int D = static_cast<int>(test::uniform(g, 1, 3)), L = static_cast<int>(test::uniform(g, 1, 3));
    std::vector<std::vector<int>> shapes(static_cast<std::size_t>(L));
    std::vector<int> out;
    for (auto& sh : shapes)
      for (int h = 0; h < D; ++h) sh.push_back(static_cast<int>(test::uniform(g, 1, 3)));
    for (int h = 0; h < D; ++h) out.push_back(static_cast<int>(test::uniform(g, 1, 2)));
    const Architecture arch = Architecture::multi(shapes, out);
    INFO(arch.to_string());
    TensorFilters theta;
    for (const auto& sh : shapes) theta.push_back(random_tensor(g, sh));
    const RatTensor wbar = mu_multi(arch, theta);
    CHECK(wbar.shape() == arch.end_to_end_filter_shape());
    const RatTensor T = end_to_end_tensor(arch, theta);
    CHECK(T == convolutional_tensor(wbar, out));
    CHECK(tensor_filter(T) == wbar);
    // pi(Tbar) = pi(T_L) ... pi(T_1) in Q[x1, y1, ..., xD, yD] (eq. 4.5).
    const Ring ring = multi_form_ring(D);
    RatMPoly prod = RatMPoly::constant(ring, Rational(1));
    for (const RatTensor& w : theta) prod = prod * multi_filter_form(w, ring);
    CHECK(multi_filter_form(wbar, ring) == prod);
    // Layer permutations give the same function (end of Section 2.2 and 4.3).
    TensorFilters rev(theta.rbegin(), theta.rend());
    std::vector<std::vector<int>> rshapes(shapes.rbegin(), shapes.rend());
    CHECK(mu_multi(Architecture::multi(rshapes, out), rev) == wbar);
    // For D = 1 everything agrees with the 1-D functions.
    if (D == 1) {
      Filters f;
      for (const RatTensor& w : theta) f.push_back(w.entries());
      std::vector<int> k;
      for (const auto& sh : shapes) k.push_back(sh[0]);
      const Architecture one(k, {}, out[0]);
      CHECK(wbar.entries() == mu(one, f).coefficients());
      CHECK(unfold(T) == end_to_end_matrix(one, f));
    }
  }
}
