// Parsing binary forms from coefficient lists and from expressions in x, y.
#include <map>
#include <utility>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/detail/text.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom {

BinaryForm BinaryForm::parse_coefficients(std::string_view text) {
  std::string_view t = detail::trim(text);
  if (t.size() >= 2 && ((t.front() == '[' && t.back() == ']') || (t.front() == '(' && t.back() == ')')))
    t = detail::trim(t.substr(1, t.size() - 2));
  if (t.empty()) throw parse_error("empty coefficient list", 0);
  std::vector<Rational> coeffs;
  std::size_t offset = static_cast<std::size_t>(t.data() - text.data());
  for (std::string_view field : detail::split(t, ',')) {
    if (field.empty()) throw parse_error("empty entry in coefficient list '" + std::string(text) + "'", offset);
    try {
      coeffs.emplace_back(field);
    } catch (const parse_error& e) {
      throw parse_error(std::string(e.what()) + " in coefficient list '" + std::string(text) + "'",
                        static_cast<std::size_t>(field.data() - text.data()));
    }
  }
  return BinaryForm(coeffs);
}

namespace {

// A sparse polynomial in x, y: (deg_x, deg_y) -> coefficient.
using Sparse = std::map<std::pair<int, int>, Rational>;

constexpr int kMaxDegree = 100000;

Sparse constant(const Rational& c) {
  Sparse s;
  if (!c.is_zero()) s.emplace(std::make_pair(0, 0), c);
  return s;
}

void add_into(Sparse& acc, const Sparse& b, bool negate) {
  for (const auto& [mono, c] : b) {
    auto it = acc.find(mono);
    Rational v = negate ? -c : c;
    if (it == acc.end()) {
      acc.emplace(mono, std::move(v));
    } else {
      it->second += v;
      if (it->second.is_zero()) acc.erase(it);
    }
  }
}

int total_degree(const Sparse& s) {
  int d = 0;
  for (const auto& [mono, c] : s) d = std::max(d, mono.first + mono.second);
  return d;
}

Sparse multiply(const Sparse& a, const Sparse& b, std::size_t pos) {
  if (static_cast<long>(total_degree(a)) + total_degree(b) > kMaxDegree)
    throw parse_error("expression degree exceeds " + std::to_string(kMaxDegree), pos);
  Sparse r;
  for (const auto& [ma, ca] : a)
    for (const auto& [mb, cb] : b) {
      Sparse term;
      term.emplace(std::make_pair(ma.first + mb.first, ma.second + mb.second), ca * cb);
      add_into(r, term, false);
    }
  return r;
}

class ExpressionParser {
 public:
  explicit ExpressionParser(std::string_view text) : s_(text) {}

  Sparse parse() {
    Sparse v = expr();
    skip();
    if (i_ != s_.size()) fail("unexpected '" + std::string(1, s_[i_]) + "'");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& msg) const {
    throw parse_error(msg + " at position " + std::to_string(i_) + " in expression '" + std::string(s_) + "'", i_);
  }
  void skip() {
    while (i_ < s_.size() && detail::is_space(s_[i_])) ++i_;
  }
  char peek() {
    skip();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  static bool starts_factor(char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'x' || c == 'y' || c == '('; }

  Sparse expr() {
    Sparse acc = term();
    for (char c = peek(); c == '+' || c == '-'; c = peek()) {
      ++i_;
      add_into(acc, term(), c == '-');
    }
    return acc;
  }

  Sparse term() {
    Sparse acc = unary();
    for (;;) {
      char c = peek();
      if (c == '*') {
        ++i_;
        acc = multiply(acc, unary(), i_);
      } else if (c == '/') {
        std::size_t at = ++i_;
        Sparse d = unary();
        if (d.empty()) {
          i_ = at;
          fail("division by zero");
        }
        if (d.size() != 1 || d.begin()->first != std::make_pair(0, 0)) {
          i_ = at;
          fail("division by a non-constant expression");
        }
        acc = multiply(acc, constant(Rational(1) / d.begin()->second), i_);
      } else if (starts_factor(c)) {
        acc = multiply(acc, unary(), i_);  // implicit multiplication: 7xy, 2(x+y)
      } else {
        return acc;
      }
    }
  }

  Sparse unary() {
    char c = peek();
    if (c == '+' || c == '-') {
      ++i_;
      Sparse v = unary();
      if (c == '-')
        for (auto& [mono, coef] : v) coef = -coef;
      return v;
    }
    return power();
  }

  Sparse power() {
    Sparse base = primary();
    if (peek() != '^') return base;
    ++i_;
    skip();
    std::size_t start = i_;
    long e = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      e = 10 * e + (s_[i_] - '0');
      if (e > kMaxDegree) fail("exponent too large");
      ++i_;
    }
    if (i_ == start) fail("expected a non-negative integer exponent after '^'");
    Sparse r = constant(Rational(1));
    for (long k = 0; k < e; ++k) r = multiply(r, base, start);
    return r;
  }

  Sparse primary() {
    char c = peek();
    if (c == 'x' || c == 'y') {
      ++i_;
      Sparse s;
      s.emplace(c == 'x' ? std::make_pair(1, 0) : std::make_pair(0, 1), Rational(1));
      return s;
    }
    if (c == '(') {
      ++i_;
      Sparse v = expr();
      if (peek() != ')') fail("expected ')'");
      ++i_;
      return v;
    }
    if ((c >= '0' && c <= '9') || c == '.') {
      std::size_t start = i_;
      while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.')) ++i_;
      return constant(Rational(s_.substr(start, i_ - start)));
    }
    if (c == '\0') fail("unexpected end of input");
    fail("unexpected '" + std::string(1, c) + "'");
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

BinaryForm BinaryForm::parse_expression(std::string_view text) {
  if (detail::trim(text).empty()) throw parse_error("empty expression", 0);
  Sparse s = ExpressionParser(text).parse();
  if (s.empty())
    throw parse_error("expression '" + std::string(text) +
                      "' is the zero polynomial; give a zero form by its coefficient list (e.g. 0,0,0)");
  const int n = s.begin()->first.first + s.begin()->first.second;
  RatPoly f;
  for (const auto& [mono, c] : s) {
    if (mono.first + mono.second != n)
      throw parse_error("expression '" + std::string(text) + "' is not homogeneous (terms of degree " +
                        std::to_string(n) + " and " + std::to_string(mono.first + mono.second) +
                        "); write it as a binary form in x and y");
    f.set_coeff(mono.first, c);
  }
  return BinaryForm(n, std::move(f));
}

BinaryForm BinaryForm::parse(std::string_view text) {
  if (text.find_first_of("xy") != std::string_view::npos) return parse_expression(text);
  return parse_coefficients(text);
}

}  // namespace lcngeom
