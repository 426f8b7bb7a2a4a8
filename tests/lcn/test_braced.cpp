// Braced construction as a user writes it: Architecture{4, 2},
// Filters{{1, 0, 5, 0}, {1, 0}}, compatibility_table({4, 2}) -- each meaning
// the same as the long spelling.
#include <catch2/catch.hpp>

#include <vector>

#include "support.hpp"

using namespace lcngeom;

TEST_CASE("Architecture{4, 2} is the filter sizes k = (4, 2), stride one", "[arch][ergonomics]") {
  const Architecture a{4, 2};
  CHECK(a == Architecture(std::vector<int>{4, 2}));
  CHECK(a == Architecture::parse("4,2"));
  CHECK(a.filters() == std::vector<int>{4, 2});
  CHECK(a.stride_one());
  CHECK(a.end_to_end_filter_size() == 5);
  CHECK(Architecture{3}.depth() == 1);
  // With strides: the (filters, strides) constructor.
  const Architecture s{{3, 2}, {2, 1}};
  CHECK(s == Architecture::parse("3,2", "2,1"));
  CHECK(s.end_to_end_filter_size() == 5);  // Prop. 2.2: 3 + (2 - 1) * 2
  CHECK_THROWS_AS((Architecture{4, 0}), invalid_argument);
}

TEST_CASE("Filters{{1,0,5,0},{1,0}} are the filters parse_weights reads from the CLI text", "[arch][ergonomics]") {
  const Filters theta{{1, 0, 5, 0}, {1, 0}};
  CHECK(theta == parse_weights("1,0,5,0;1,0"));
  const Filters fractions{{Rational(1, 2), -3}, {2}};
  CHECK(fractions == parse_weights("1/2,-3;2"));
  // mu: (x^3 + 5xy^2) * x = x^4 + 5x^2y^2 (Prop. 2.6).
  CHECK(mu(Architecture{4, 2}, theta) == BinaryForm{1, 0, 5, 0, 0});
  CHECK(mu(Architecture{4, 2}, {{1, 0, 5, 0}, {1, 0}}) == BinaryForm::parse("x^4+5x^2y^2"));
}

TEST_CASE("compatibility_table({4, 2}) is Example 5.6's row for k = (4, 2)", "[compat][ergonomics][paper]") {
  const auto braced = compatibility_table({4, 2});
  const auto spelled = compatibility_table(std::vector<int>{4, 2});
  REQUIRE(braced.size() == spelled.size());
  for (std::size_t i = 0; i < braced.size(); ++i) {
    CHECK(braced[i].rrmp == spelled[i].rrmp);
    CHECK(braced[i].witness.has_value() == spelled[i].witness.has_value());
    if (braced[i].witness) CHECK(braced[i].witness->to_string() == spelled[i].witness->to_string());
  }
  // As documented in compatibility.hpp: 1111|0 -> p1p2p3·p4, 22|0 -> none, 2|1 -> p1q1·p1.
  CHECK(braced.front().witness->to_string() == "p1p2p3\u00b7p4");
  CHECK_FALSE(is_compatible(Rrmp::parse("22|0"), {4, 2}));
  CHECK(is_compatible(Rrmp::parse("22|0"), {3, 2, 2}));
  CHECK(compatible_placement(Rrmp::parse("2|1"), {4, 2})->to_string() == "p1q1\u00b7p1");
}
