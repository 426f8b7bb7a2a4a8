// Parsing binary forms from coefficient lists and from expressions in x, y
// (grammar and limits: binary_form.hpp, docs/input-grammar.md).
//
// An expression is read twice by one recursive-descent parser: first with an
// Estimate semantics that computes, without expanding anything, the degree
// range and a bound on the coefficient size of every subexpression and checks
// them against ParseOptions; then with the Value semantics that expands it
// (FLINT polynomial arithmetic on homogeneous components).  So
// "(x-y)^100000" is refused before a single product is formed, and a degree
// mismatch is reported before any expansion.
#include <flint/fmpq_poly.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

// Nesting of parentheses and unary signs: bounds the recursion depth, so a
// hostile input cannot overflow the stack.
constexpr int kMaxNesting = 200;
// Exponent literals are read up to this value; the limits decide the rest.
constexpr long kMaxExponentLiteral = 1'000'000'000L;
// Storage of one coefficient beyond its bits (FLINT word, pointers), in bits.
constexpr double kCoefficientOverheadBits = 64;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The text for an error message: short inputs whole, long ones around `pos`.
std::string excerpt(std::string_view text, std::size_t pos) {
  constexpr std::size_t kShow = 60;
  std::string out;
  std::size_t from = 0, to = text.size();
  if (text.size() > kShow) {
    from = pos > kShow / 2 ? pos - kShow / 2 : 0;
    to = std::min(text.size(), from + kShow);
  }
  if (from > 0) out += "...";
  for (std::size_t i = from; i < to; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  if (to < text.size()) out += "...";
  return out;
}

std::string char_text(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "end of input";
  std::string out(1, '\'');
  out += excerpt(text.substr(pos, 1), 0);
  out += '\'';
  return out;
}

// ---------------------------------------------------------------- pass 1

// What a subexpression expands to, bounded without expanding it.  The
// expansion is sum_{d in [lo, hi]} of homogeneous components of degree d;
// its coefficients are integers over a common denominator D with
// ||numerator||_1 <= 2^num_bits and D <= 2^den_bits (l1 norms are
// submultiplicative, so products and powers add and multiply the bits).
// Degrees are doubles: exact to 2^53 and saturating beyond, so that the
// unchecked pass (below) cannot overflow on "((x^999999999)^999999999)^9".
struct Estimate {
  double lo = 0, hi = 0;
  double formal = 0;      // the degree of every term, -1 if the terms differ (not formally homogeneous)
  double components = 1;  // bound on the number of nonzero homogeneous components
  double num_bits = 0, den_bits = 0;
};

std::string degree_text(double d) { return d < 1e18 ? std::to_string(static_cast<long long>(d)) : "above 10^18"; }

double log2_sum(double a, double b) {  // log2(2^a + 2^b)
  const double m = std::max(a, b);
  return m + std::log2(1 + std::exp2(std::min(a, b) - m));
}

// An upper bound on log2 |a| (0 for |a| <= 1, so that 1^e costs nothing).
double log2_bound(const Integer& a) {
  const long b = a.bits();
  return b <= 1 ? 0.0 : static_cast<double>(b);
}

class EstimateOps {
 public:
  using V = Estimate;
  /// With enforce = false nothing is checked: that pass only reads the
  /// degree off, so that a mismatch is reported before the limits are.
  EstimateOps(const ParseOptions& o, std::string_view text, bool enforce = true)
      : o_(o), text_(text), enforce_(enforce) {}

  V number(const Rational& c, std::size_t) const {
    V v;
    v.num_bits = log2_bound(c.numerator());
    v.den_bits = log2_bound(c.denominator());
    return v;
  }
  V variable(char, std::size_t) const {
    V v;
    v.lo = v.hi = v.formal = 1;
    return v;
  }
  V negate(V a) const { return a; }
  V add(const V& a, const V& b, std::size_t pos) const {
    V r;
    r.lo = std::min(a.lo, b.lo);
    r.hi = std::max(a.hi, b.hi);
    r.formal = a.formal >= 0 && a.formal == b.formal ? a.formal : -1;
    r.components = std::min(a.components + b.components, r.hi - r.lo + 1);
    r.den_bits = a.den_bits + b.den_bits;
    r.num_bits = log2_sum(a.num_bits + b.den_bits, b.num_bits + a.den_bits);
    return check(r, pos);
  }
  V multiply(const V& a, const V& b, std::size_t pos) const {
    V r;
    r.lo = a.lo + b.lo;
    r.hi = a.hi + b.hi;
    r.formal = a.formal >= 0 && b.formal >= 0 ? a.formal + b.formal : -1;
    r.components = std::min(a.components * b.components, r.hi - r.lo + 1);
    r.num_bits = a.num_bits + b.num_bits;
    r.den_bits = a.den_bits + b.den_bits;
    return check(r, pos);
  }
  // a / c for a constant c = p/q (pass 2 checks that c is a nonzero constant).
  V divide(const V& a, const V& c, std::size_t pos) const {
    V r = a;
    r.num_bits = a.num_bits + c.den_bits;
    r.den_bits = a.den_bits + c.num_bits;
    return check(r, pos);
  }
  V power(const V& a, long e, std::size_t pos) const {
    if (e == 0) return V{};
    const double de = static_cast<double>(e);
    if (enforce_ && a.hi * de > o_.max_degree)
      fail("the power has degree " + degree_text(a.hi * de) + " before cancellation, above the limit " +
               std::to_string(o_.max_degree) + " (ParseOptions::max_degree, CLI --max-degree)",
           pos);
    V r;
    r.lo = a.lo * de;
    r.hi = a.hi * de;
    r.formal = a.formal >= 0 ? a.formal * de : -1;
    r.components = a.components <= 1 ? 1 : r.hi - r.lo + 1;
    r.num_bits = a.num_bits * de;
    r.den_bits = a.den_bits * de;
    return check(r, pos);
  }

 private:
  const V& check(const V& r, std::size_t pos) const {
    if (!enforce_) return r;
    if (r.hi > o_.max_degree)
      fail("a subexpression has degree " + degree_text(r.hi) + " before cancellation, above the limit " +
               std::to_string(o_.max_degree) + " (ParseOptions::max_degree, CLI --max-degree)",
           pos);
    const double coefficients = r.components * (r.hi + 1);
    const double bits = coefficients * (r.num_bits + r.den_bits + kCoefficientOverheadBits);
    if (bits > static_cast<double>(o_.max_bits))
      fail("expanding it would take about " + std::to_string(static_cast<long long>(std::min(bits, 9e18) / 8e6)) +
               " MB (bound on the coefficient sizes), above the limit of " + std::to_string(o_.max_bits / 8000000) +
               " MB (ParseOptions::max_bits)",
           pos);
    return r;
  }
  [[noreturn]] void fail(const std::string& msg, std::size_t pos) const {
    throw parse_error(msg + " at position " + std::to_string(pos) + " in expression '" + excerpt(text_, pos) + "'",
                      pos);
  }
  const ParseOptions& o_;
  std::string_view text_;
  bool enforce_;
};

// ---------------------------------------------------------------- pass 2

// A polynomial in x, y as its homogeneous components: degree d -> the
// dehomogenized component p_d(t, 1) (x^i y^(d-i) <-> t^i), so products of
// components are products of univariate FLINT polynomials.
using Value = std::map<long, RatPoly>;

class ValueOps {
 public:
  using V = Value;
  explicit ValueOps(std::string_view text) : text_(text) {}

  V number(const Rational& c, std::size_t) const {
    V v;
    if (!c.is_zero()) {
      RatPoly p;
      p.set_coeff(0, c);
      v.emplace(0, std::move(p));
    }
    return v;
  }
  V variable(char c, std::size_t) const {
    RatPoly p;
    p.set_coeff(c == 'x' ? 1 : 0, Rational(1));
    V v;
    v.emplace(1, std::move(p));
    return v;
  }
  V negate(V a) const {
    for (auto& [d, p] : a) fmpq_poly_neg(p.raw(), p.raw());
    return a;
  }
  V add(V a, const V& b, std::size_t) const {
    for (const auto& [d, p] : b) {
      auto [it, fresh] = a.try_emplace(d, p);
      if (!fresh) {
        fmpq_poly_add(it->second.raw(), it->second.raw(), p.raw());
        if (it->second.is_zero()) a.erase(it);
      }
    }
    return a;
  }
  V multiply(const V& a, const V& b, std::size_t) const {
    V r;
    for (const auto& [da, pa] : a)
      for (const auto& [db, pb] : b) r = add(std::move(r), V{{da + db, pa * pb}}, 0);
    return r;
  }
  V divide(const V& a, const V& c, std::size_t pos) const {
    if (c.empty()) fail("division by zero", pos);
    if (c.size() != 1 || c.begin()->first != 0) fail("division by a non-constant expression", pos);
    Rational inv = Rational(1) / c.begin()->second.coeff(0);
    V r = a;
    for (auto& [d, p] : r) fmpq_poly_scalar_mul_fmpq(p.raw(), p.raw(), inv.raw());
    return r;
  }
  V power(const V& a, long e, std::size_t pos) const {
    if (e == 0) return number(Rational(1), pos);
    if (a.size() == 1) {  // homogeneous: one FLINT power
      RatPoly p;
      fmpq_poly_pow(p.raw(), a.begin()->second.raw(), static_cast<ulong>(e));
      return V{{a.begin()->first * e, std::move(p)}};
    }
    V r = number(Rational(1), pos), base = a;
    for (long k = e;; k >>= 1) {
      if (k & 1) r = multiply(r, base, pos);
      if (k <= 1) break;
      base = multiply(base, base, pos);
    }
    return r;
  }

 private:
  [[noreturn]] void fail(const std::string& msg, std::size_t pos) const {
    throw parse_error(msg + " at position " + std::to_string(pos) + " in expression '" + excerpt(text_, pos) + "'",
                      pos);
  }
  std::string_view text_;
};

// ---------------------------------------------------------------- the grammar

// expression := term { ('+' | '-') term }
// term       := unary { '*' unary | '/' unary | implicit }
// unary      := { '+' | '-' } power
// implicit   := power whose primary is x, y or '(' (never a number)
// power      := primary [ '^' exponent ]
// primary    := number | 'x' | 'y' | '(' expression ')'
// number     := digits [ '.' digits ] | '.' digits
// exponent   := digits
// A number, '.' or '^' directly after an exponent, a number after x, y, ')'
// or another number is an error (see binary_form.hpp for why).
template <class Ops>
class Parser {
 public:
  using V = typename Ops::V;
  Parser(std::string_view text, const Ops& ops) : s_(text), ops_(ops) {}

  V parse() {
    V v = expression();
    skip();
    if (i_ != s_.size()) {
      if (s_[i_] == ')') fail("unmatched ')'");
      fail("unexpected " + char_text(s_, i_));
    }
    return v;
  }

 private:
  enum class Last { number, variable, paren, exponent };

  [[noreturn]] void fail(const std::string& msg) const { fail_at(msg, i_); }
  [[noreturn]] void fail_at(const std::string& msg, std::size_t pos) const {
    throw parse_error(msg + " at position " + std::to_string(pos) + " in expression '" + excerpt(s_, pos) + "'", pos);
  }
  void skip() {
    while (i_ < s_.size() && detail::is_space(s_[i_])) ++i_;
  }
  char peek() {
    skip();
    return i_ < s_.size() ? s_[i_] : '\0';
  }

  V expression() {
    V acc = term();
    for (char c = peek(); c == '+' || c == '-'; c = peek()) {
      const std::size_t at = i_++;
      V t = term();
      acc = ops_.add(std::move(acc), c == '-' ? ops_.negate(std::move(t)) : std::move(t), at);
    }
    return acc;
  }

  V term() {
    V acc = unary();
    for (;;) {
      const char c = peek();
      const std::size_t at = i_;
      if (c == '*') {
        ++i_;
        acc = ops_.multiply(acc, unary(), at);
      } else if (c == '/') {
        ++i_;
        acc = ops_.divide(acc, unary(), at);
      } else if (c == 'x' || c == 'y' || c == '(') {
        acc = ops_.multiply(acc, power(), at);  // implicit multiplication: 2x, 3xy, x y, (x+y)(x-y)
      } else if (is_digit(c) || c == '.') {
        reject_number_after_factor();
      } else {
        return acc;
      }
    }
  }

  // A number right after a complete factor: "x2", "(x+y)2", "x^2 3", "x^2.5".
  [[noreturn]] void reject_number_after_factor() {
    const std::size_t at = i_;
    std::size_t end = at;
    while (end < s_.size() && (is_digit(s_[end]) || s_[end] == '.')) ++end;
    const std::string num(s_.substr(at, end - at));
    switch (last_) {
      case Last::exponent:
        if (at == last_end_ && s_[at] == '.')
          fail_at("an exponent must be a non-negative integer, got '" +
                      std::string(s_.substr(last_start_, end - last_start_)) + "'",
                  last_start_);
        fail_at("a number cannot follow an exponent: write '*" + num + "' or put the number first", at);
      case Last::variable:
        fail_at("a number cannot follow the variable '" + std::string(1, s_[last_start_]) + "': write '" +
                    std::string(1, s_[last_start_]) + "*" + num + "' or '" + num + std::string(1, s_[last_start_]) +
                    "' (x2 is not x^2)",
                at);
      case Last::paren: fail_at("a number cannot follow ')': write ')*" + num + "' or put the number first", at);
      case Last::number: break;
    }
    fail_at("two numbers in a row: write '*' between them", at);
  }

  V unary() {
    bool negative = false;
    int signs = 0;
    for (char c = peek(); c == '+' || c == '-'; c = peek()) {
      if (++signs > kMaxNesting) fail("too many signs in a row");
      negative ^= c == '-';
      ++i_;
    }
    V v = power();
    return negative ? ops_.negate(std::move(v)) : v;
  }

  V power() {
    V base = primary();
    if (peek() != '^') return base;
    const std::size_t caret = i_++;
    skip();
    const std::size_t start = i_;
    long e = 0;
    while (i_ < s_.size() && is_digit(s_[i_])) {
      e = 10 * e + (s_[i_] - '0');
      if (e > kMaxExponentLiteral) fail_at("exponent too large", start);
      ++i_;
    }
    if (i_ == start) {
      const char c = i_ < s_.size() ? s_[i_] : '\0';
      fail_at(std::string("expected a non-negative integer exponent after '^'") +
                  (c == '-' ? " (negative powers are not polynomials)"
                   : c == '(' || c == '.' || c == 'x' || c == 'y'
                       ? " (exponents are integer literals: no parentheses, variables or decimals)"
                       : ""),
              caret);
    }
    last_ = Last::exponent;
    last_start_ = start;
    last_end_ = i_;
    if (peek() == '^') fail("'^' cannot follow an exponent: write (a^b)^c");
    return ops_.power(base, e, caret);
  }

  V primary() {
    const char c = peek();
    const std::size_t at = i_;
    if (c == 'x' || c == 'y') {
      ++i_;
      last_ = Last::variable;
      last_start_ = at;
      return ops_.variable(c, at);
    }
    if (c == '(') {
      if (++depth_ > kMaxNesting) fail("parentheses nested deeper than " + std::to_string(kMaxNesting));
      ++i_;
      V v = expression();
      if (peek() != ')') fail("expected ')' (to close the '(' opened at position " + std::to_string(at) + ")");
      ++i_;
      --depth_;
      last_ = Last::paren;
      return v;
    }
    if (is_digit(c) || c == '.') {
      while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
      if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        if (i_ == s_.size() || !is_digit(s_[i_])) fail("expected a digit after the decimal point");
        while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
      }
      if (i_ < s_.size() && s_[i_] == '.') fail("a number has at most one decimal point");
      last_ = Last::number;
      return ops_.number(Rational(s_.substr(at, i_ - at)), at);
    }
    if (c == '\0') fail("unexpected end of input");
    if (c == ')') fail("expected a number, x, y or '(' before ')'");
    fail("unexpected " + char_text(s_, i_) + " (an expression uses numbers, x, y, + - * / ^ and parentheses)");
  }

  std::string_view s_;
  const Ops& ops_;
  std::size_t i_ = 0;
  int depth_ = 0;
  Last last_ = Last::number;
  std::size_t last_start_ = 0, last_end_ = 0;
};

void check_options(const ParseOptions& o) {
  if (o.max_degree < 0) throw invalid_argument("ParseOptions::max_degree " + std::to_string(o.max_degree) + " < 0");
  if (o.max_bits < 0) throw invalid_argument("ParseOptions::max_bits " + std::to_string(o.max_bits) + " < 0");
  if (o.degree > o.max_degree)
    throw invalid_argument("expected degree " + std::to_string(o.degree) + " is above the limit " +
                           std::to_string(o.max_degree) + " (ParseOptions::max_degree, CLI --max-degree)");
}

[[noreturn]] void degree_mismatch(std::string_view text, const std::string& has, int expected) {
  throw invalid_argument("the form '" + excerpt(text, 0) + "' has degree " + has + ", expected degree " +
                         std::to_string(expected));
}

}  // namespace

BinaryForm BinaryForm::parse_coefficients(std::string_view text, const ParseOptions& options) {
  check_options(options);
  std::string_view t = detail::trim(text);
  if (t.size() >= 2 && ((t.front() == '[' && t.back() == ']') || (t.front() == '(' && t.back() == ')')))
    t = detail::trim(t.substr(1, t.size() - 2));
  if (t.empty()) throw parse_error("empty coefficient list", 0);
  // The degree is the number of commas: checked before any number is read.
  const long degree = static_cast<long>(std::count(t.begin(), t.end(), ','));
  if (degree > options.max_degree)
    throw parse_error("coefficient list of degree " + std::to_string(degree) + " (" + std::to_string(degree + 1) +
                          " entries) is above the limit " + std::to_string(options.max_degree) +
                          " (ParseOptions::max_degree, CLI --max-degree)",
                      0);
  if (options.degree >= 0 && degree != options.degree)
    degree_mismatch(text, std::to_string(degree) + " (" + std::to_string(degree + 1) + " coefficients)",
                    options.degree);
  std::vector<Rational> coeffs;
  coeffs.reserve(static_cast<std::size_t>(degree) + 1);
  double bits = 0;
  std::size_t offset = static_cast<std::size_t>(t.data() - text.data());
  for (std::string_view field : detail::split(t, ',')) {
    const std::size_t at = static_cast<std::size_t>(field.data() - text.data());
    if (field.empty())
      throw parse_error(
          "empty entry at position " + std::to_string(at) + " in coefficient list '" + excerpt(text, at) + "'",
          field.data() == t.data() ? offset : at);
    try {
      coeffs.emplace_back(field);
    } catch (const parse_error& e) {
      throw parse_error(std::string(e.what()) + " at position " + std::to_string(at) + " in coefficient list '" +
                            excerpt(text, at) + "'",
                        at);
    }
    // "1e99999" is 8 characters and 330,000 bits: the list's size is checked as it grows.
    bits += static_cast<double>(coeffs.back().numerator().bits() + coeffs.back().denominator().bits()) +
            kCoefficientOverheadBits;
    if (bits > static_cast<double>(options.max_bits))
      throw parse_error("the coefficients up to position " + std::to_string(at) + " already take more than " +
                            std::to_string(options.max_bits / 8000000) + " MB (ParseOptions::max_bits)",
                        at);
  }
  return BinaryForm(coeffs);
}

BinaryForm BinaryForm::parse_expression(std::string_view text, const ParseOptions& options) {
  check_options(options);
  if (detail::trim(text).empty()) throw parse_error("empty expression", 0);
  // Pass 1: syntax, degree and size, nothing expanded.  A known expected
  // degree is compared first, so that "(x-y)^10010" for a degree-4 filter
  // says "degree 10010, expected 4" rather than naming a limit.
  if (options.degree >= 0) {
    const Estimate est = Parser<EstimateOps>(text, EstimateOps(options, text, false)).parse();
    const double d = options.degree;
    if (est.formal >= 0 && est.formal != d) degree_mismatch(text, degree_text(est.formal), options.degree);
    if (d < est.lo || d > est.hi)
      degree_mismatch(text, "between " + degree_text(est.lo) + " and " + degree_text(est.hi), options.degree);
  }
  Parser<EstimateOps>(text, EstimateOps(options, text)).parse();
  // Pass 2: the expansion.
  const Value v = Parser<ValueOps>(text, ValueOps(text)).parse();
  if (v.empty())
    throw parse_error("expression '" + excerpt(text, 0) +
                      "' is the zero polynomial; give a zero form by its coefficient list (e.g. 0,0,0)");
  if (v.size() > 1)
    throw parse_error("expression '" + excerpt(text, 0) + "' is not homogeneous (terms of degree " +
                      std::to_string(v.begin()->first) + " and " + std::to_string(std::next(v.begin())->first) +
                      "); write it as a binary form in x and y");
  const int n = static_cast<int>(v.begin()->first);
  if (options.degree >= 0 && n != options.degree) degree_mismatch(text, std::to_string(n), options.degree);
  return BinaryForm(n, v.begin()->second);
}

BinaryForm BinaryForm::parse(std::string_view text, const ParseOptions& options) {
  // An expression names a variable or uses '^' or '*', or has parentheses but
  // neither ',' nor '[' ("-(3/10)": how to_string() prints a constant form).
  const bool expression =
      text.find_first_of("xy^*") != std::string_view::npos ||
      (text.find_first_of(",[") == std::string_view::npos && text.find_first_of("()") != std::string_view::npos);
  return expression ? parse_expression(text, options) : parse_coefficients(text, options);
}

}  // namespace lcngeom
