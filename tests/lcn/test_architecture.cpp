// Architectures (eq. 2.4, Prop. 2.2) and the filter-level parameterization mu.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("widths follow eq. (2.4) and the end-to-end filter Prop. 2.2", "[arch]") {
  Architecture a({2, 2});  // Example 2.4: d = (3, 2, 1)
  CHECK(a.widths_1d() == std::vector<int>{3, 2, 1});
  CHECK(a.end_to_end_filter_size() == 3);
  Architecture b({3, 2});  // Example 2.5: d = (5, 3, 2)
  CHECK(Architecture({3, 2}, {}, 2).widths_1d() == std::vector<int>{5, 3, 2});
  CHECK(b.end_to_end_filter_size() == 4);
  Architecture c({3, 2}, {2, 1}, 1);  // (2.3)-style stride 2 in layer 1
  CHECK(c.end_to_end_filter_size() == 3 + (2 - 1) * 2);
  CHECK(c.end_to_end_stride() == 2);
  // Equal strides: k = d_0 - (d_L - 1) s (Prop. 2.2).
  Architecture d({3, 2, 4}, {2, 2, 2}, 3);
  CHECK(d.end_to_end_filter_size() == d.widths_1d()[0] - (3 - 1) * 8);
  CHECK(Architecture::from_input_size({3, 2}, {}, 5).widths_1d() == std::vector<int>{5, 3, 2});
  CHECK(Architecture({4, 2}).even_filter_count() == 2);
  CHECK(Architecture::parse("4,2").to_string() == "k=(4,2)");
  CHECK(Architecture::parse("2x2,2x2").end_to_end_filter_shape() == std::vector<int>{3, 3});
  CHECK(Architecture::parse("3,2", "2,1").to_string() == "k=(3,2) s=(2,1)");
}

TEST_CASE("invalid architectures are rejected naming the value", "[arch][errors]") {
  CHECK_THROWS_AS(Architecture(std::vector<int>{}), invalid_argument);
  CHECK_THROWS_AS(Architecture({0, 2}), invalid_argument);
  CHECK_THROWS_AS(Architecture({2, 2}, {1, 0}), invalid_argument);
  CHECK_THROWS_AS(Architecture({2, 2}, {1}), invalid_argument);
  CHECK_THROWS_AS(Architecture({2, 2}, {}, 0), invalid_argument);
  CHECK_THROWS_AS(Architecture::from_input_size({3, 2}, {2, 1}, 6), invalid_argument);  // (6-3)/2 not integral
  CHECK_THROWS_AS(Architecture::parse("4,a"), parse_error);
  CHECK_THROWS_AS(Architecture::parse("2x2,3"), invalid_argument);
  CHECK_THROWS_AS(Architecture::parse("2x2,2x2", "2,1"), invalid_argument);
  try {
    Architecture({3, -1});
  } catch (const invalid_argument& e) {
    CHECK(std::string(e.what()).find("-1") != std::string::npos);
  }
}

TEST_CASE("mu is the product of (strided) filter forms: Examples 2.4, 2.5, Remark 2.8", "[arch][paper]") {
  Architecture a({2, 2});
  // (ax + b)(cx + d) with a..d = 2, 3, 5, 7: (ac, ad + bc, bd)
  Filters t{{Rational(2), Rational(3)}, {Rational(5), Rational(7)}};
  CHECK(mu(a, t) == BinaryForm{10, 29, 21});
  // Example 2.5: (a, b, c) * (d, e) -> (ad, bd + ae, cd + be, ce)
  Architecture b({3, 2});
  CHECK(mu(b, {{Rational(1), Rational(2), Rational(3)}, {Rational(4), Rational(5)}}) == BinaryForm{4, 13, 22, 15});
  // Stride: pi(W2 W1) = pi_{s1}(W2) pi(W1) (Section 4.2).
  Architecture c({2, 2}, {2, 1});
  CHECK(mu(c, t) == BinaryForm{2, 3} * BinaryForm{5, 0, 7});
  CHECK_THROWS_AS(mu(a, {{Rational(1)}}), invalid_argument);
  CHECK_THROWS_AS(mu(a, {{Rational(1)}, {Rational(1), Rational(2)}}), invalid_argument);
}

TEST_CASE("the Jacobian of mu matches finite differences exactly (mu is multilinear)", "[arch]") {
  auto g = test::rng(70);
  for (int it = 0; it < 30; ++it) {
    const int L = static_cast<int>(test::uniform(g, 1, 4));
    std::vector<int> k, s;
    for (int l = 0; l < L; ++l)
      k.push_back(static_cast<int>(test::uniform(g, 1, 4))), s.push_back(static_cast<int>(test::uniform(g, 1, 3)));
    Architecture arch(k, s);
    std::vector<Rational> flat;
    for (int i = 0; i < arch.parameter_count(); ++i) flat.emplace_back(test::uniform(g, -9, 9));
    Filters theta = split_parameters(arch, flat);
    RatMatrix J = jacobian(arch, theta);
    CHECK(J.rows() == arch.end_to_end_filter_size());
    BinaryForm base = mu(arch, theta);
    for (int c = 0; c < arch.parameter_count(); ++c) {
      std::vector<Rational> bumped = flat;
      bumped[static_cast<std::size_t>(c)] += Rational(1);
      // Multilinear in each filter: mu(theta + e_c) - mu(theta) is exactly column c.
      BinaryForm diff = mu(arch, split_parameters(arch, bumped)) - base;
      for (int i = 0; i < J.rows(); ++i) CHECK(J.at(i, c) == diff.coeff(i));
    }
  }
}

TEST_CASE("output and input sizes per dimension, ambient dimension", "[arch]") {
  const Architecture a = Architecture::parse("2x2,2x2", "", "3x2");
  CHECK(a.output_sizes() == std::vector<int>{3, 2});
  CHECK(a.input_sizes() == std::vector<int>{5, 4});
  CHECK(a.ambient_dimension() == 9);
  CHECK(Architecture::parse("2x2,2x2", "", "4").output_sizes() == std::vector<int>{4, 4});
  CHECK(Architecture::parse("4,2", "1,3", "2").output_sizes() == std::vector<int>{2});
  CHECK(Architecture::parse("4,2", "", "").output_sizes() == std::vector<int>{1});
  // Example 4.17: 3x3 inputs, two 2x2 layers -> 1x1.
  const Architecture b = Architecture::parse_with_input("2x2,2x2", "", "3x3");
  CHECK(b.output_sizes() == std::vector<int>{1, 1});
  CHECK(b.widths() == std::vector<std::vector<int>>{{3, 2, 1}, {3, 2, 1}});
  CHECK(Architecture::parse_with_input("3,2", "2,1", "5").widths_1d() == std::vector<int>{5, 2, 1});  // Example 4.12
  CHECK(Architecture({3, 2}, {2, 1}).input_sizes() == std::vector<int>{5});
  CHECK(Architecture({3, 2}).ambient_dimension() == 4);
  CHECK(Architecture::parse("3x3x2,2x1x2").end_to_end_filter_shape() == std::vector<int>{4, 3, 3});
  CHECK(Architecture::parse("3x3x2,2x1x2").parameter_count() == 18 + 4);
}

TEST_CASE("size parsing errors name the value", "[arch][errors]") {
  auto message = [](auto&& fn) {
    try {
      fn();
    } catch (const invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no throw");
  };
  CHECK(message([] { Architecture::parse("2x2,2x2", "", "3x2x1"); }).find("3x2x1") != std::string::npos);
  CHECK(message([] { Architecture::parse("2x2,2x2", "", "0"); }).find("output size 0") != std::string::npos);
  CHECK(message([] { Architecture::parse("4,2", "", "-1"); }).find("-1") != std::string::npos);
  CHECK(message([] { Architecture::parse_with_input("2x2,2x2", "", "2x3"); }).find("input size 2") !=
        std::string::npos);
  CHECK(message([] { Architecture::parse_with_input("3,2", "2,1", "6"); }).find("input size 6") != std::string::npos);
  CHECK(message([] { Architecture::parse("2x2,3"); }).find("mix dimensions") != std::string::npos);
  CHECK(message([] { Architecture::parse("0,2"); }).find("filter size 0") != std::string::npos);
  CHECK(message([] { Architecture::parse("4,2", "1,1,1"); }).find("3 strides for 2 layers") != std::string::npos);
  CHECK(message([] { Architecture::parse(""); }).find("''") != std::string::npos);
  CHECK_THROWS_AS(Architecture::multi_from_input_size({{2, 2}}, {3}), invalid_argument);
}

TEST_CASE("sizes beyond 10^9 throw instead of overflowing (fuzz_arch_parse finding)", "[arch][errors][fuzz]") {
  // tests/fuzz/fuzz_arch_parse found parameter_count() overflowing a long on this shape.
  const Architecture a = Architecture::parse("41x1141x11311x111311x1111311x1311113");
  CHECK_THROWS_AS(a.parameter_count(), invalid_argument);
  CHECK_THROWS_AS(Architecture::parse("2,2,2,2", "999999999,999999999,999999999,1").end_to_end_stride(),
                  invalid_argument);
  CHECK(Architecture::parse("2,2", "30000,30000").end_to_end_stride() == 900000000L);
  CHECK(Architecture::parse("1000x1000x1000").parameter_count() == 1000000000);
}

TEST_CASE("weights: the CLI syntax reads exactly, errors name the text", "[arch][parse]") {
  const Filters w = parse_weights(" 2,0,5,0 ; 1/2, -0.25 ");
  REQUIRE(w.size() == 2);
  CHECK(w[0] == std::vector<Rational>{Rational(2), Rational(0), Rational(5), Rational(0)});
  CHECK(w[1] == std::vector<Rational>{Rational(1, 2), Rational(-1, 4)});
  for (const char* bad : {"", "  ", "1,2;", ";1", "1,,2", "1;x", "1/0", "2,0,5,0;1,0;;3"}) {
    INFO("'" << bad << "'");
    CHECK_THROWS_AS(parse_weights(bad), parse_error);
  }
  CHECK_THROWS_WITH(parse_weights("1,2;3,abc"), Catch::Contains("abc"));
  // Sizes are mu()'s business: three filters for two layers is invalid there.
  CHECK_THROWS_AS(mu(Architecture({2, 2}), parse_weights("1,1;1,1;1,1")), invalid_argument);
}
