// lcngeom/binary_form.hpp -- real binary forms with rational coefficients.
//
// A binary form of degree n is p(x, y) = a_0 x^n + a_1 x^{n-1} y + ... + a_n y^n,
// stored with its *formal* degree n and its coefficient vector (a_0, ..., a_n)
// in the paper's order (eq. 2.8: a filter w of size k is the form of degree
// k - 1 with a_i = w_i).  Leading zeros are meaningful: a_0 = ... = a_{m-1} = 0
// means y^m divides p, i.e. p has the real root (1:0) ("at infinity") with
// multiplicity m.  Every function in lcngeom treats that root like any other.
//
// The dehomogenization f(t) = p(t, 1) = a_0 t^n + ... + a_n has degree n - m.
//
// Example:
//   auto p = lcngeom::BinaryForm::parse("(x-y)^2*(x^2+7xy+y^2)/5");
//   p.degree();                 // 4
//   p.to_coefficient_string();  // "1/5,1,-12/5,1,1/5"
//   auto q = lcngeom::BinaryForm{2, 0, 5, 0, 2};   // 2x^4 + 5x^2y^2 + 2y^4
#ifndef LCNGEOM_BINARY_FORM_HPP
#define LCNGEOM_BINARY_FORM_HPP

#include <compare>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "lcngeom/detail/hash.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// Default ParseOptions::max_degree: covers the high-degree range the root
/// finders are benchmarked on (to 2048) with room to spare.
inline constexpr int kDefaultMaxParseDegree = 4096;
/// Default ParseOptions::max_bits: 2^26 bits = 8 MiB of expanded coefficients
/// (e.g. (x-y)^4096, whose coefficients reach 2^4096, takes about 2.1 MiB).
inline constexpr long kDefaultMaxParseBits = 1L << 26;

/// Limits and expectations for BinaryForm::parse*.  Parsing text is the one
/// place where a few characters can ask for unbounded work ("(x-y)^100000",
/// "1e99999,1e99999,..."): the parser checks these limits before expanding.
struct ParseOptions {
  /// Largest degree of the form and of every subexpression (before cancellation).
  int max_degree = kDefaultMaxParseDegree;
  /// Largest estimated size, in bits, of an expanded (sub)expression or of a
  /// coefficient list (coefficient bits plus 64 bits of storage per coefficient).
  long max_bits = kDefaultMaxParseBits;
  /// If >= 0: the degree the form must have (invalid_argument otherwise),
  /// checked before expanding; a caller that knows the degree it needs
  /// (an architecture's end-to-end filter, a partition's size) passes it.
  int degree = -1;
};

/// A binary form a_0 x^n + a_1 x^{n-1} y + ... + a_n y^n over Q (paper eq. 2.8), exact.
/// The degree n is formal: leading zeros are roots at (1:0) and count as real roots;
/// the zero form of degree n exists (see the file comment).
class BinaryForm {
 public:
  /// The zero form of degree 0.
  BinaryForm() = default;
  /// From (a_0, ..., a_n); throws invalid_argument on an empty list.
  explicit BinaryForm(const std::vector<Rational>& coefficients);
  /// From integer coefficients (a_0, ..., a_n); throws invalid_argument on an empty list.
  explicit BinaryForm(const std::vector<long>& coefficients);
  /// BinaryForm{2, 0, 5, 0, 2} = 2x^4 + 5x^2y^2 + 2y^4.
  BinaryForm(std::initializer_list<long> coefficients) : BinaryForm(std::vector<long>(coefficients)) {}
  /// The form y^n f(x/y) of degree n; throws invalid_argument if deg f > n or n < 0.
  BinaryForm(int degree, RatPoly dehomogenized);

  /// The zero form of degree n >= 0.
  static BinaryForm zero(int degree);
  /// a x + b y.
  static BinaryForm linear(const Rational& a, const Rational& b);
  /// x^i y^j.
  static BinaryForm monomial(int i, int j);

  /// Parses a coefficient list ("2,0,5,0,2", "[1/5, -3, 0.5]") or, if the text
  /// contains x or y, a homogeneous expression ("2x^4+5x^2y^2+2y^4",
  /// "(x-y)^2*(x^2+7xy+y^2)/5").  Throws parse_error naming the offending text
  /// and its position, or invalid_argument for a degree other than
  /// options.degree.  Limits: see ParseOptions.
  static BinaryForm parse(std::string_view text, const ParseOptions& options = {});
  /// Coefficient list a_0,...,a_n: entries separated by ',' (blanks around
  /// them ignored), optionally enclosed in [...] or (...); each entry an exact
  /// rational as read by Rational(std::string_view): "-3", "22/7", "0.125",
  /// "1.5e-3".  No entry may be empty.  The degree n (the number of commas)
  /// is checked against the limits before any entry is read.
  static BinaryForm parse_coefficients(std::string_view text, const ParseOptions& options = {});
  /// Expression grammar (docs/input-grammar.md), blanks allowed between tokens:
  ///
  ///   expression := term { ('+' | '-') term }
  ///   term       := unary { '*' unary | '/' unary | implicit }
  ///   unary      := { '+' | '-' } power
  ///   implicit   := power whose primary is x, y or '('   (never a number)
  ///   power      := primary [ '^' exponent ]
  ///   primary    := number | 'x' | 'y' | '(' expression ')'
  ///   number     := digits [ '.' digits ] | '.' digits   (exact: 0.1 is 1/10)
  ///   exponent   := digits                              (a non-negative integer literal)
  ///
  /// Implicit multiplication is allowed only where it cannot be misread: a
  /// factor x, y or (...) may follow anything ("2x", "3xy", "x y", "x^2y",
  /// "2(x+y)", "(x+y)(x-y)"), but a number must come first in its product or
  /// after an explicit '*' or '/'.  So "x2", "(x+y)2", "x^2 3", "2 3" and the
  /// non-integer exponents "x^2.5", "x^-1", "x^(2)" are parse_errors, never a
  /// different polynomial.  '^' binds tighter than '*', '/' and the unary signs
  /// ("-x^2" is -(x^2), "x^2/3" is (x^2)/3); '^' does not chain ("x^2^3" is an
  /// error).  '/' divides by an expression that evaluates to a nonzero
  /// constant.  No other characters (no scientific notation 1e5: write 10^5).
  /// The result must be nonzero and homogeneous; its degree is read off.
  ///
  /// Limits (ParseOptions): every subexpression's degree before cancellation
  /// is at most options.max_degree, and a bound on its expanded size (number
  /// of coefficients times their bits, from l1-norm bounds) is at most
  /// options.max_bits; both are checked in a first pass over the text, before
  /// anything is expanded.  So is options.degree when the expression is
  /// formally homogeneous.  Parentheses and runs of signs nest at most 200
  /// deep.
  static BinaryForm parse_expression(std::string_view text, const ParseOptions& options = {});

  /// The formal degree n (the number of coefficients minus one).
  int degree() const noexcept { return n_; }
  /// a_i for 0 <= i <= degree(); throws invalid_argument otherwise.
  Rational coeff(int i) const;
  /// (a_0, ..., a_n), exact.
  std::vector<Rational> coefficients() const;
  /// True for the zero form (of any degree).
  bool is_zero() const noexcept { return f_.is_zero(); }
  /// True if all coefficients are integers.
  bool is_integral() const;
  /// Multiplicity of the root (1:0), i.e. the number of leading zero
  /// coefficients; throws domain_error for the zero form.
  int multiplicity_at_infinity() const;

  /// f(t) = p(t, 1) (ascending powers of t).
  const RatPoly& dehomogenized() const noexcept { return f_; }
  /// The primitive integer polynomial with positive leading coefficient that is
  /// a positive rational multiple of f; zero for the zero form.
  IntPoly primitive_dehomogenized() const { return f_.primitive_integer(); }
  /// The primitive integer form c^{-1} p with first nonzero coefficient positive.
  BinaryForm primitive() const;

  /// p(a, b).
  Rational evaluate(const Rational& a, const Rational& b) const;
  /// dp/dx (degree n - 1; the zero form of degree 0 if n = 0).
  BinaryForm derivative_x() const;
  /// dp/dy (degree n - 1; the zero form of degree 0 if n = 0).
  BinaryForm derivative_y() const;
  /// p(alpha x + beta y, gamma x + delta y), of the same degree.  For an
  /// invertible substitution the root (r:s) of the result maps to the root
  /// (alpha r + beta s : gamma r + delta s) of p, multiplicities preserved.
  BinaryForm substitute(const Rational& alpha, const Rational& beta, const Rational& gamma,
                        const Rational& delta) const;

  /// Expression form, e.g. "2x^4 + 5x^2y^2 + 2y^4" (parse() reads it back);
  /// the zero form prints as "0".
  std::string to_string() const;
  /// "a_0,a_1,...,a_n".
  std::string to_coefficient_string() const;

  /// Multiplies every coefficient by c.
  BinaryForm& operator*=(const Rational& c);
  /// Sum/difference of forms of equal degree; throws invalid_argument on a degree mismatch.
  friend BinaryForm operator+(const BinaryForm& a, const BinaryForm& b);
  /// Difference of forms of equal degree; throws invalid_argument on a degree mismatch.
  friend BinaryForm operator-(const BinaryForm& a, const BinaryForm& b);
  /// Negation.
  friend BinaryForm operator-(const BinaryForm& a);
  /// Product (degrees add).
  friend BinaryForm operator*(const BinaryForm& a, const BinaryForm& b);
  /// The multiple c p.
  friend BinaryForm operator*(const Rational& c, const BinaryForm& a);
  /// Same degree and same coefficients.
  friend bool operator==(const BinaryForm& a, const BinaryForm& b) noexcept { return a.n_ == b.n_ && a.f_ == b.f_; }
  /// A total order consistent with ==: by degree, then lexicographically by
  /// the coefficients (a_0, ..., a_n) as rationals.  (A bookkeeping order for
  /// sorting and std::map, with no geometric meaning.)
  friend std::strong_ordering operator<=>(const BinaryForm& a, const BinaryForm& b);
  /// A hash consistent with == (std::hash<BinaryForm> calls it).
  std::size_t hash() const noexcept { return detail::hash_combine(f_.hash(), static_cast<std::size_t>(n_)); }

 private:
  int n_ = 0;
  RatPoly f_;
};

/// True if q divides p as forms (p = q r with r a form of degree deg p - deg q).
/// The zero form divides only the zero form; every nonzero q of degree <= deg p divides 0.
bool divides(const BinaryForm& q, const BinaryForm& p);
/// The form r with p = q r; throws domain_error if q does not divide p.
BinaryForm divexact(const BinaryForm& p, const BinaryForm& q);
/// Greatest common divisor as a primitive integer form with first nonzero
/// coefficient positive; gcd(p, 0) = primitive(p), gcd(0, 0) = 0 (degree 0).
BinaryForm gcd(const BinaryForm& p, const BinaryForm& q);
/// p^e, a form of degree e * deg p, exact.
BinaryForm pow(const BinaryForm& p, unsigned e);

/// Writes the form as an expression in x and y, e.g. "2x^4 + 5x^2y^2 + 2y^4".
std::ostream& operator<<(std::ostream& os, const BinaryForm& p);

}  // namespace lcngeom

/// std::hash support, so that BinaryForm can key unordered containers.
template <>
struct std::hash<lcngeom::BinaryForm> {
  /// BinaryForm::hash().
  std::size_t operator()(const lcngeom::BinaryForm& p) const noexcept { return p.hash(); }
};

#endif
