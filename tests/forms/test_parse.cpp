// The input grammar of binary forms (binary_form.hpp, docs/input-grammar.md):
// what is accepted means exactly one polynomial, everything else is a
// parse_error with the position, and the limits hold before any expansion.
#include <catch2/catch.hpp>

#include <functional>
#include <string>

#include "support.hpp"

namespace lcngeom {

namespace {

// The position a parse_error reports, or -1 if `text` parses.
long error_position(const std::string& text, const ParseOptions& o = {}) {
  try {
    BinaryForm::parse(text, o);
  } catch (const parse_error& e) {
    return static_cast<long>(e.position());
  }
  return -1;
}

}  // namespace

TEST_CASE("parse: every misreading listed in issue 15 is a parse_error at the offending character", "[parse]") {
  struct Case {
    const char* text;
    std::size_t position;
  };
  // Each of these was once read as a different polynomial ((1/2)x^2, 2x + 2y, ...).
  const Case cases[] = {
      {"x^2.5", 2}, {"x2+y2", 1}, {"(x+y)2", 5},  {"3x^2y^0.5", 6}, {"x^2 3", 4}, {"2 3 x", 2},
      {"x^-1", 1},  {"x^(2)", 1}, {"x^y", 1},     {"x^2^3", 3},     {"x y2", 3},  {"(x-y)^2 (x+y)3", 13},
      {"1.x", 2},   {"x^.5", 1},  {"2x^2.0", 3},  {"x^", 1},        {"(x+y", 4},  {"x+y)", 3},
      {"x+z", 2},   {"x/y", 1},   {"x/(x-x)", 1}, {"x**2", 2},      {"1e5x", 1},  {"x^2+", 4},
      {"", 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(error_position(c.text) == static_cast<long>(c.position));
  }
  // The messages name the rule that was broken.
  CHECK_THROWS_WITH(BinaryForm::parse("x^2.5"), Catch::Contains("exponent must be a non-negative integer, got '2.5'"));
  CHECK_THROWS_WITH(BinaryForm::parse("x2+y2"), Catch::Contains("x2 is not x^2"));
  CHECK_THROWS_WITH(BinaryForm::parse("(x+y)2"), Catch::Contains("cannot follow ')'"));
  CHECK_THROWS_WITH(BinaryForm::parse("x^2 3"), Catch::Contains("cannot follow an exponent"));
  CHECK_THROWS_WITH(BinaryForm::parse("3x^2y^0.5"), Catch::Contains("got '0.5'"));
  CHECK_THROWS_WITH(BinaryForm::parse("x+\x01"), Catch::Contains("\\x01"));
}

TEST_CASE("parse: implicit multiplication is accepted where it cannot be misread", "[parse]") {
  const BinaryForm x{1, 0}, y{0, 1};
  CHECK(BinaryForm::parse("2x") == BinaryForm{2, 0});
  CHECK(BinaryForm::parse("3xy") == BinaryForm{0, 3, 0});
  CHECK(BinaryForm::parse("x y") == BinaryForm{0, 1, 0});
  CHECK(BinaryForm::parse("(x+y)(x-y)") == BinaryForm{1, 0, -1});
  CHECK(BinaryForm::parse("2(x+y)") == BinaryForm{2, 2});
  CHECK(BinaryForm::parse("x^2y") == BinaryForm{0, 1, 0, 0});
  CHECK(BinaryForm::parse("x^2(x+y)") == BinaryForm{1, 1, 0, 0});
  CHECK(BinaryForm::parse("2 x") == BinaryForm{2, 0});
  CHECK(BinaryForm::parse("x ^ 2 * 3") == BinaryForm{3, 0, 0});
  CHECK(BinaryForm::parse("x^2/3") == BinaryForm(std::vector<Rational>{Rational(1, 3), Rational(0), Rational(0)}));
  CHECK(BinaryForm::parse("1/2x") == BinaryForm(std::vector<Rational>{Rational(1, 2), Rational(0)}));
  CHECK(BinaryForm::parse("-x^2") == BinaryForm{-1, 0, 0});
  CHECK(BinaryForm::parse("--x") == x);
  CHECK(BinaryForm::parse("x*-y") == BinaryForm{0, -1, 0});
  CHECK(BinaryForm::parse("2^3x") == BinaryForm{8, 0});
  CHECK(BinaryForm::parse(".5x+0.25y") == BinaryForm(std::vector<Rational>{Rational(1, 2), Rational(1, 4)}));
  CHECK(BinaryForm::parse("x/(x-x+2)") == BinaryForm(std::vector<Rational>{Rational(1, 2), Rational(0)}));
  CHECK(BinaryForm::parse("x^0y") == y);
  CHECK(BinaryForm::parse("x^2 - x^2 + x y") == x * y);  // cancellation is fine: the result is homogeneous
  CHECK(BinaryForm::parse("x^007") == pow(x, 7));
}

namespace {

// A random expression of degree d together with the form it denotes, printed
// in a random one of the accepted spellings.
struct Generated {
  std::string text;
  BinaryForm form;
};

// Concatenation by appending (GCC 12 warns spuriously on "(" + std::string).
template <class... T>
std::string cat(const T&... parts) {
  std::string s;
  ((s += parts), ...);
  return s;
}

std::string blanks(std::mt19937_64& g) { return test::uniform(g, 0, 3) == 0 ? " " : ""; }

Generated generate(std::mt19937_64& g, int d, int depth) {
  const long kind = depth <= 0 ? 0 : test::uniform(g, 0, 5);
  if (kind == 0 || (kind == 3 && d == 0)) {
    // c x^i y^(d-i) with c possibly rational or decimal.
    const int i = static_cast<int>(test::uniform(g, 0, d));
    const long num = test::uniform(g, -20, 20);
    const long den = test::uniform(g, 1, 4);
    Rational c(num, den);
    std::string ct;
    switch (test::uniform(g, 0, 2)) {
      case 0: ct = cat("(", c.to_string(), ")"); break;
      case 1: ct = cat("(", std::to_string(num), "/", blanks(g), std::to_string(den), ")"); break;
      default:
        c = Rational(num * 25, 100);  // a decimal: num/4
        ct = cat("(", num < 0 ? "-" : "", std::to_string(std::labs(num) / 4), ".",
                 std::to_string(std::labs(num) % 4 * 25), ")");
        if (std::labs(num) % 4 == 0) ct = cat("(", std::to_string(num / 4), ")");
    }
    std::string mono;
    auto var = [&](char v, int e) {
      if (e == 0) return;
      if (!mono.empty()) mono += test::uniform(g, 0, 1) ? "*" : blanks(g);
      mono += v;
      if (e > 1 || test::uniform(g, 0, 3) == 0) mono += cat("^", blanks(g), std::to_string(e));
    };
    var('x', i);
    var('y', d - i);
    std::string text = ct;
    if (!mono.empty()) text += cat(test::uniform(g, 0, 1) ? "*" : blanks(g), mono);
    return {text, c * BinaryForm::monomial(i, d - i)};
  }
  if (kind == 1 || kind == 2) {  // sum or difference
    Generated a = generate(g, d, depth - 1), b = generate(g, d, depth - 1);
    const bool minus = kind == 2;
    return {cat(a.text, blanks(g), minus ? "-" : "+", blanks(g), "(", b.text, ")"),
            minus ? a.form - b.form : a.form + b.form};
  }
  if (kind == 3) {  // product, explicit or implicit
    const int d1 = static_cast<int>(test::uniform(g, 0, d));
    Generated a = generate(g, d1, depth - 1), b = generate(g, d - d1, depth - 1);
    const std::string op = test::uniform(g, 0, 1) ? "*" : blanks(g);
    return {cat("(", a.text, ")", op, "(", b.text, ")"), a.form * b.form};
  }
  if (kind == 4) {  // power
    for (int e = 3; e >= 2; --e)
      if (d % e == 0 && d > 0) {
        Generated a = generate(g, d / e, depth - 1);
        return {cat("(", a.text, ")^", std::to_string(e)), pow(a.form, static_cast<unsigned>(e))};
      }
    return generate(g, d, 0);
  }
  // division by a nonzero constant expression
  Generated a = generate(g, d, depth - 1);
  const long c = test::uniform(g, 1, 9) * (test::uniform(g, 0, 1) ? 1 : -1);
  return {cat("(", a.text, ")/", blanks(g), "(", std::to_string(c), ")"), Rational(1, c) * a.form};
}

}  // namespace

TEST_CASE("parse: random expressions in every accepted spelling denote the form built by arithmetic", "[parse]") {
  auto g = test::rng(1501);
  int checked = 0, zero = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const int d = static_cast<int>(test::uniform(g, 0, 8));
    const Generated e = generate(g, d, static_cast<int>(test::uniform(g, 0, 4)));
    INFO(e.text);
    if (e.form.is_zero()) {
      CHECK_THROWS_AS(BinaryForm::parse_expression(e.text), parse_error);  // "the zero polynomial"
      ++zero;
      continue;
    }
    const BinaryForm p = BinaryForm::parse_expression(e.text);
    CHECK(p == e.form);
    ParseOptions exact;
    exact.degree = d;
    CHECK(BinaryForm::parse_expression(e.text, exact) == e.form);
    ++checked;
  }
  CHECK(checked > 300);
}

TEST_CASE("parse: printed forms round-trip through the parser", "[parse]") {
  auto g = test::rng(1502);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = static_cast<int>(test::uniform(g, 0, 64));
    std::vector<Rational> a;
    const int lead_zeros = test::uniform(g, 0, 3) == 0 ? static_cast<int>(test::uniform(g, 0, n)) : 0;
    for (int i = 0; i <= n; ++i) {
      if (i < lead_zeros || test::uniform(g, 0, 4) == 0) {
        a.emplace_back(0);
        continue;
      }
      // Up to about 10^40 over up to 10^6.
      Integer num(test::uniform(g, -1000000000L, 1000000000L));
      for (long k = test::uniform(g, 0, 3); k > 0; --k)
        num = num * Integer(1000000007L) + Integer(test::uniform(g, 0, 99));
      a.emplace_back(num, Integer(test::uniform(g, 1, 1000000)));
    }
    const BinaryForm p(a);
    INFO(p.to_coefficient_string());
    CHECK(BinaryForm::parse_coefficients(p.to_coefficient_string()) == p);
    CHECK(BinaryForm::parse(cat("[", p.to_coefficient_string(), "]")) == p);
    if (!p.is_zero()) {
      CHECK(BinaryForm::parse_expression(p.to_string()) == p);
      std::ostringstream os;
      os << p;
      CHECK(BinaryForm::parse(os.str()) == p);
    }
  }
}

TEST_CASE("parse: degree and size limits are checked before anything is expanded", "[parse][limits]") {
  // (x-y)^100000 would take minutes and ~1.2 GB: refused at the '^'.
  CHECK(error_position("(x-y)^100000") == 5);
  CHECK_THROWS_WITH(BinaryForm::parse("(x-y)^100000"), Catch::Contains("above the limit 4096"));
  CHECK(error_position("x^4096+y^4096") == -1);
  CHECK(error_position("x^4097") == 1);
  CHECK(error_position("x^2048*x^2049") == 6);  // a product above the cap
  // The size bound: 2^(10^9) is a constant of degree 0 but 125 MB.
  CHECK_THROWS_WITH(BinaryForm::parse("2^1000000000*x"), Catch::Contains("MB"));
  CHECK(BinaryForm::parse("1^1000000000*x") == BinaryForm{1, 0});
  CHECK(BinaryForm::parse("(-1)^999999999*x") == BinaryForm{-1, 0});
  // Raised limits accept more, and the result is right.
  ParseOptions big;
  big.max_degree = 5000;
  const BinaryForm p = BinaryForm::parse("(x-y)^5000", big);
  CHECK(p == pow(BinaryForm{1, -1}, 5000));
  Rational binomial(1);  // C(5000, 2500), the middle coefficient
  for (long i = 0; i < 2500; ++i) binomial *= Rational(5000 - i, i + 1);
  CHECK(p.coeff(2500) == binomial);
  // Coefficient lists: the entry count is checked before the entries are read.
  std::string list = "1";
  for (int i = 0; i < 4096; ++i) list += ",0";
  CHECK(BinaryForm::parse(list).degree() == 4096);
  CHECK(error_position(list + ",0") == 0);
  // "1e99999" is 8 characters and 330,000 bits.
  std::string huge = "1e99999";
  for (int i = 0; i < 300; ++i) huge += ",1e99999";
  CHECK_THROWS_WITH(BinaryForm::parse(huge), Catch::Contains("MB"));
  // Nesting depth is bounded (no stack overflow on hostile input).
  CHECK(error_position(std::string(100000, '(') + "x" + std::string(100000, ')')) == 200);
  CHECK(error_position(std::string(100000, '-') + "x") > 0);
  CHECK(BinaryForm::parse(std::string(150, '(') + "x" + std::string(150, ')')) == BinaryForm{1, 0});
}

TEST_CASE("parse: an expected degree is checked before expansion", "[parse][limits]") {
  ParseOptions four;
  four.degree = 4;
  // Neither could be expanded (the second is 10^9 in degree): the mismatch is found first.
  CHECK_THROWS_WITH(BinaryForm::parse("(x-y)^10010", four), Catch::Contains("has degree 10010, expected degree 4"));
  CHECK_THROWS_AS(BinaryForm::parse("(x-y)^1000000000", four), invalid_argument);
  CHECK_THROWS_WITH(BinaryForm::parse("1,2,3", four), Catch::Contains("expected degree 4"));
  CHECK(BinaryForm::parse("(x-y)^4", four) == pow(BinaryForm{1, -1}, 4));
  CHECK(BinaryForm::parse("x^4 + x - x", four) == BinaryForm{1, 0, 0, 0, 0});    // not formally homogeneous
  CHECK_THROWS_AS(BinaryForm::parse("x^3*y + x - x^5/x^1", four), parse_error);  // division by x^1
  ParseOptions bad;
  bad.degree = 5000;
  CHECK_THROWS_AS(BinaryForm::parse("x", bad), invalid_argument);  // above max_degree
}

TEST_CASE("parse: arbitrary bytes give a form or an lcngeom::error, nothing else", "[parse]") {
  auto g = test::rng(1503);
  const std::string alphabet = "xy0123456789.+-*/^() ,[]e\t\x01";
  int parsed = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    std::string s;
    for (long k = test::uniform(g, 0, 16); k > 0; --k)
      s += alphabet[static_cast<std::size_t>(test::uniform(g, 0, static_cast<long>(alphabet.size()) - 1))];
    try {
      const BinaryForm p = BinaryForm::parse(s);
      ++parsed;
      if (!p.is_zero()) CHECK(BinaryForm::parse(p.to_string()) == p);  // what parses means one polynomial
    } catch (const lcngeom::error&) {
    }
  }
  CHECK(parsed > 0);
}

}  // namespace lcngeom
