// The differential of mu (Prop. 5.11, Lemma 5.12, Example 5.15), checked
// against the explicit Jacobian.
#include <catch2/catch.hpp>

#include <map>

#include "support.hpp"

using namespace lcngeom;

namespace {

// Rank of the columns of J together with the coefficient vectors of `forms`.
long joint_rank(const RatMatrix& J, const std::vector<BinaryForm>& forms) {
  RatMatrix M(J.rows(), J.cols() + static_cast<long>(forms.size()));
  for (long i = 0; i < J.rows(); ++i) {
    for (long j = 0; j < J.cols(); ++j) M.set(i, j, J.at(i, j));
    for (std::size_t f = 0; f < forms.size(); ++f)
      M.set(i, J.cols() + static_cast<long>(f), forms[f].coeff(static_cast<int>(i)));
  }
  return M.rank();
}

// All statements of Prop. 5.11 at one parameter point.
void check_prop_5_11(const Architecture& a, const Filters& theta) {
  const RatMatrix J = jacobian(a, theta);
  const BinaryForm g = differential_generator(a, theta);
  const std::vector<BinaryForm> basis = differential_image(a, theta);
  const int k = a.end_to_end_filter_size();
  const long rank = J.rank();
  CHECK(rank == differential_rank(a, theta));
  CHECK(static_cast<long>(basis.size()) == rank);
  if (!basis.empty()) CHECK(test::rank_of(basis) == rank);
  CHECK(joint_rank(J, basis) == rank);  // image d mu = H(theta) (eq. 5.1)
  if (!g.is_zero()) CHECK(rank == k - g.degree());
  // g divides wbar / w_l = prod_{m != l} pi(w_m) for every l.
  for (std::size_t l = 0; l < theta.size(); ++l) {
    BinaryForm cof{1};
    for (std::size_t m = 0; m < theta.size(); ++m)
      if (m != l) cof = cof * filter_form(theta[m]);
    if (!g.is_zero() && !cof.is_zero()) CHECK(divides(g, cof));
  }
  CHECK(differential_is_surjective(a, theta) == (rank == k));
}

Rational nonzero(std::mt19937_64& g) {
  long v;
  do v = test::uniform(g, -7, 7);
  while (v == 0);
  return Rational(v);
}

}  // namespace

TEST_CASE("Example 5.15: the Jacobian of (A, B) -> A B as printed", "[differential][paper]") {
  // A = a2 x^2 + a1 xy + a0 y^2 (filter w1 = (a2, a1, a0)), B = b1 x + b0 y (w2 = (b1, b0)).
  const SymbolicMu m = symbolic_mu(Architecture({3, 2}));
  REQUIRE(m.ring->names() == std::vector<std::string>{"w1_0", "w1_1", "w1_2", "w2_0", "w2_1"});
  const char* printed[4][5] = {{"b1", "0", "0", "a2", "0"},
                               {"b0", "b1", "0", "a1", "a2"},
                               {"0", "b0", "b1", "a0", "a1"},
                               {"0", "0", "b0", "0", "a0"}};
  const std::map<std::string, std::string> rename = {{"a2", "w1_0"}, {"a1", "w1_1"}, {"a0", "w1_2"},
                                                     {"b1", "w2_0"}, {"b0", "w2_1"}, {"0", "0"}};
  const auto J = m.jacobian();
  REQUIRE(J.size() == 4);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      CHECK(J[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] ==
            RatMPoly::parse(m.ring, rename.at(printed[i][j])));
  // mu itself: (c3, c2, c1, c0) = (a2 b1, a2 b0 + a1 b1, a1 b0 + a0 b1, a0 b0).
  CHECK(m.filter[1] == RatMPoly::parse(m.ring, "w1_0*w2_1 + w1_1*w2_0"));
  // The exact jacobian() at a point is the symbolic one evaluated there.
  const std::vector<Rational> pt{Rational(2), Rational(-3), Rational(5), Rational(7), Rational(1, 2)};
  const RatMatrix Jp = jacobian(Architecture({3, 2}), split_parameters(Architecture({3, 2}), pt));
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      CHECK(Jp.at(i, j) == J[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)].evaluate(pt));
  // Generic parameters: full rank 4, g = 1.
  const Filters theta = split_parameters(Architecture({3, 2}), pt);
  CHECK(differential_generator(Architecture({3, 2}), theta) == BinaryForm{1});
  check_prop_5_11(Architecture({3, 2}), theta);
}

TEST_CASE("Prop. 5.11 on random parameters", "[differential][paper]") {
  auto g = test::rng(601);
  for (int it = 0; it < 60; ++it) {
    const int L = static_cast<int>(test::uniform(g, 1, 4));
    std::vector<int> k, s;
    for (int l = 0; l < L; ++l) k.push_back(static_cast<int>(test::uniform(g, 1, 4))), s.push_back(1);
    s.back() = static_cast<int>(test::uniform(g, 1, 3));  // the last stride is allowed
    const Architecture a(k, s);
    std::vector<Rational> flat;
    for (int i = 0; i < a.parameter_count(); ++i)
      flat.emplace_back(test::uniform(g, -3, 3));  // small: collisions happen
    INFO(a.to_string());
    check_prop_5_11(a, split_parameters(a, flat));
  }
}

TEST_CASE("Prop. 5.11 on planted shared factors", "[differential][paper]") {
  // Pairwise coprime irreducible factors: x - a y, y, and x^2 + b y^2.
  const std::vector<BinaryForm> pool = {BinaryForm{1, -1},   BinaryForm{1, 2},    BinaryForm{0, 1},
                                        BinaryForm{1, 0, 1}, BinaryForm{1, 0, 3}, BinaryForm{2, -1}};
  auto g = test::rng(602);
  int rank_deficient = 0;
  for (int it = 0; it < 80; ++it) {
    const int L = static_cast<int>(test::uniform(g, 2, 4));
    std::vector<std::vector<int>> mult(static_cast<std::size_t>(L), std::vector<int>(pool.size(), 0));
    Filters theta;
    std::vector<int> k;
    for (int l = 0; l < L; ++l) {
      BinaryForm w{1};
      const int nf = static_cast<int>(test::uniform(g, 0, 3));
      for (int f = 0; f < nf; ++f) {
        const std::size_t q = static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(pool.size()) - 1));
        ++mult[static_cast<std::size_t>(l)][q];
        w = w * pool[q];
      }
      w = nonzero(g) * w;
      theta.push_back(w.coefficients());
      k.push_back(w.degree() + 1);
    }
    const Architecture a(k);
    INFO(a.to_string());
    // Expected g: multiplicity of q is (total) - (largest in one filter).
    BinaryForm expected{1};
    bool shared = false;
    for (std::size_t q = 0; q < pool.size(); ++q) {
      int total = 0, most = 0, holders = 0;
      for (int l = 0; l < L; ++l) {
        total += mult[static_cast<std::size_t>(l)][q];
        most = std::max(most, mult[static_cast<std::size_t>(l)][q]);
        holders += mult[static_cast<std::size_t>(l)][q] > 0;
      }
      expected = expected * pow(pool[q], static_cast<unsigned>(total - most));
      shared = shared || holders >= 2;
    }
    const BinaryForm gen = differential_generator(a, theta);
    CHECK(gen == expected.primitive());
    CHECK(differential_is_surjective(a, theta) == !shared);
    rank_deficient += shared;
    check_prop_5_11(a, theta);
  }
  CHECK(rank_deficient > 20);
}

TEST_CASE("Prop. 5.11 with zero filters and errors", "[differential][errors]") {
  const Architecture a({2, 3, 2});
  const Filters one_zero{
      {Rational(0), Rational(0)}, {Rational(1), Rational(0), Rational(1)}, {Rational(1), Rational(-2)}};
  // Image = { dw_1 * pi(w_2) pi(w_3) }: multiples of (x^2 + y^2)(x - 2y), rank 2.
  CHECK(differential_generator(a, one_zero) == BinaryForm::parse("(x^2+y^2)(x-2y)"));
  CHECK(differential_rank(a, one_zero) == 2);
  check_prop_5_11(a, one_zero);
  Filters two_zero = one_zero;
  two_zero[2] = {Rational(0), Rational(0)};
  CHECK(differential_generator(a, two_zero).is_zero());
  CHECK(differential_image(a, two_zero).empty());
  CHECK(differential_rank(a, two_zero) == 0);
  check_prop_5_11(a, two_zero);
  // Example 5.8: for k = (2, 2), d mu drops rank exactly when bc - ad = 0.
  const Architecture b({2, 2});
  CHECK(differential_rank(b, {{Rational(1), Rational(2)}, {Rational(3), Rational(6)}}) == 2);
  CHECK(differential_rank(b, {{Rational(1), Rational(2)}, {Rational(3), Rational(5)}}) == 3);
  CHECK_THROWS_AS(
      differential_generator(Architecture({2, 2}, {2, 1}), {{Rational(1), Rational(2)}, {Rational(3), Rational(5)}}),
      not_supported);
  CHECK_THROWS_AS(differential_generator(b, {{Rational(1)}}), invalid_argument);
  CHECK_THROWS_AS(differential_image(Architecture::parse("2x2"), {{Rational(1)}}), domain_error);
}
