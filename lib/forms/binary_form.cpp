// BinaryForm: arithmetic, derivatives, substitution and printing.
//
// Internally p is kept as (n, f) with f(t) = p(t, 1); the coefficient a_i of
// x^{n-i} y^i is the coefficient of t^{n-i} in f.  deg f < n encodes the root
// (1:0) of multiplicity n - deg f.
#include "lcngeom/binary_form.hpp"

#include <ostream>
#include <utility>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

RatPoly from_descending(const std::vector<Rational>& a) {
  RatPoly f;
  const long n = static_cast<long>(a.size()) - 1;
  for (long i = 0; i <= n; ++i)
    if (!a[static_cast<std::size_t>(i)].is_zero()) f.set_coeff(n - i, a[static_cast<std::size_t>(i)]);
  return f;
}

void require_same_degree(const BinaryForm& a, const BinaryForm& b, const char* op) {
  if (a.degree() != b.degree())
    throw invalid_argument(std::string(op) + " of binary forms of different degrees " + std::to_string(a.degree()) +
                           " and " + std::to_string(b.degree()));
}

}  // namespace

BinaryForm::BinaryForm(const std::vector<Rational>& coefficients) {
  if (coefficients.empty()) throw invalid_argument("a binary form needs at least one coefficient (got an empty list)");
  n_ = static_cast<int>(coefficients.size()) - 1;
  f_ = from_descending(coefficients);
}

BinaryForm::BinaryForm(const std::vector<long>& coefficients) {
  if (coefficients.empty()) throw invalid_argument("a binary form needs at least one coefficient (got an empty list)");
  n_ = static_cast<int>(coefficients.size()) - 1;
  for (int i = 0; i <= n_; ++i)
    if (coefficients[static_cast<std::size_t>(i)] != 0)
      fmpq_poly_set_coeff_si(f_.raw(), n_ - i, coefficients[static_cast<std::size_t>(i)]);
}

BinaryForm::BinaryForm(int degree, RatPoly dehomogenized) : n_(degree), f_(std::move(dehomogenized)) {
  if (degree < 0) throw invalid_argument("negative degree " + std::to_string(degree) + " for a binary form");
  if (f_.degree() > degree)
    throw invalid_argument("polynomial " + f_.to_string() + " has degree " + std::to_string(f_.degree()) + " > " +
                           std::to_string(degree) + ", the degree of the form");
}

BinaryForm BinaryForm::zero(int degree) { return BinaryForm(degree, RatPoly()); }

BinaryForm BinaryForm::linear(const Rational& a, const Rational& b) { return BinaryForm(std::vector<Rational>{a, b}); }

BinaryForm BinaryForm::monomial(int i, int j) {
  if (i < 0 || j < 0)
    throw invalid_argument("negative exponent in monomial x^" + std::to_string(i) + " y^" + std::to_string(j));
  RatPoly f;
  f.set_coeff(i, Rational(1));
  return BinaryForm(i + j, std::move(f));
}

Rational BinaryForm::coeff(int i) const {
  if (i < 0 || i > n_)
    throw invalid_argument("coefficient index " + std::to_string(i) + " outside 0.." + std::to_string(n_));
  return f_.coeff(n_ - i);
}

std::vector<Rational> BinaryForm::coefficients() const {
  std::vector<Rational> a;
  a.reserve(static_cast<std::size_t>(n_) + 1);
  for (int i = 0; i <= n_; ++i) a.push_back(f_.coeff(n_ - i));
  return a;
}

bool BinaryForm::is_integral() const { return fmpz_is_one(fmpq_poly_denref(f_.raw())); }

int BinaryForm::multiplicity_at_infinity() const {
  if (is_zero()) throw domain_error("the zero form of degree " + std::to_string(n_) + " has no root multiplicities");
  return n_ - static_cast<int>(f_.degree());
}

BinaryForm BinaryForm::primitive() const {
  if (is_zero()) return *this;
  return BinaryForm(n_, RatPoly(f_.primitive_integer()));
}

Rational BinaryForm::evaluate(const Rational& a, const Rational& b) const {
  // p(a, b) = sum_i a_i a^{n-i} b^i, by Horner in the ratio-free form.
  Rational acc;
  Rational bpow(1);
  std::vector<Rational> c = coefficients();
  // acc_i = acc_{i-1} * a + c_i * b^i  gives  sum c_i a^{n-i} b^i.
  for (int i = 0; i <= n_; ++i) {
    acc = acc * a + c[static_cast<std::size_t>(i)] * bpow;
    bpow *= b;
  }
  return acc;
}

BinaryForm BinaryForm::derivative_x() const {
  if (n_ == 0) return BinaryForm();
  return BinaryForm(n_ - 1, f_.derivative());  // d/dx [y^n f(x/y)] = y^{n-1} f'(x/y)
}

BinaryForm BinaryForm::derivative_y() const {
  if (n_ == 0) return BinaryForm();
  // Euler: n p = x p_x + y p_y, so p_y(t, 1) = n f(t) - t f'(t).
  RatPoly t;
  t.set_coeff(1, Rational(1));
  return BinaryForm(n_ - 1, Rational(n_) * f_ - t * f_.derivative());
}

BinaryForm BinaryForm::substitute(const Rational& alpha, const Rational& beta, const Rational& gamma,
                                  const Rational& delta) const {
  // On the chart y = 1: X = alpha t + beta, Y = gamma t + delta and
  // p(X, Y) = sum a_i X^{n-i} Y^i, accumulated as acc_i = acc_{i-1} X + a_i Y^i.
  RatPoly X(std::vector<Rational>{beta, alpha});
  RatPoly Y(std::vector<Rational>{delta, gamma});
  RatPoly acc, ypow(std::vector<Rational>{Rational(1)});
  for (int i = 0; i <= n_; ++i) {
    acc = acc * X + f_.coeff(n_ - i) * ypow;
    ypow = ypow * Y;
  }
  return BinaryForm(n_, std::move(acc));
}

namespace {

std::string monomial_text(int i, int j) {
  std::string s;
  if (i > 0) s += i == 1 ? "x" : "x^" + std::to_string(i);
  if (j > 0) s += j == 1 ? "y" : "y^" + std::to_string(j);
  return s;
}

}  // namespace

std::string BinaryForm::to_string() const {
  if (is_zero()) return "0";
  std::string out;
  for (int i = 0; i <= n_; ++i) {
    Rational c = coeff(i);
    if (c.is_zero()) continue;
    const bool negative = c.sign() < 0;
    Rational a = abs(c);
    if (out.empty()) out += negative ? "-" : "";
    else out += negative ? " - " : " + ";
    std::string mono = monomial_text(n_ - i, i);
    if (!a.is_one() || mono.empty()) {
      if (a.is_integer()) {
        out += a.to_string();
      } else {
        out += '(';
        out += a.to_string();
        out += ')';
      }
    }
    out += mono;
  }
  return out;
}

std::string BinaryForm::to_coefficient_string() const {
  std::string out;
  for (int i = 0; i <= n_; ++i) {
    if (i) out += ',';
    out += coeff(i).to_string();
  }
  return out;
}

BinaryForm& BinaryForm::operator*=(const Rational& c) {
  fmpq_poly_scalar_mul_fmpq(f_.raw(), f_.raw(), c.raw());
  return *this;
}

BinaryForm operator+(const BinaryForm& a, const BinaryForm& b) {
  require_same_degree(a, b, "sum");
  return BinaryForm(a.n_, a.f_ + b.f_);
}

BinaryForm operator-(const BinaryForm& a, const BinaryForm& b) {
  require_same_degree(a, b, "difference");
  return BinaryForm(a.n_, a.f_ - b.f_);
}

BinaryForm operator-(const BinaryForm& a) { return BinaryForm(a.n_, -a.f_); }

BinaryForm operator*(const BinaryForm& a, const BinaryForm& b) { return BinaryForm(a.n_ + b.n_, a.f_ * b.f_); }

BinaryForm operator*(const Rational& c, const BinaryForm& a) {
  BinaryForm r(a);
  r *= c;
  return r;
}

std::strong_ordering operator<=>(const BinaryForm& a, const BinaryForm& b) {
  if (auto c = a.n_ <=> b.n_; c != 0) return c;
  for (int i = 0; i <= a.n_; ++i)  // a_i is the coefficient of t^(n-i) of p(t, 1)
    if (auto c = a.f_.coeff(a.n_ - i) <=> b.f_.coeff(b.n_ - i); c != 0) return c;
  return std::strong_ordering::equal;
}

bool divides(const BinaryForm& q, const BinaryForm& p) {
  if (q.is_zero()) return p.is_zero();
  if (q.degree() > p.degree()) return false;
  if (p.is_zero()) return true;
  if (q.multiplicity_at_infinity() > p.multiplicity_at_infinity()) return false;
  RatPoly quo, rem;
  divrem(quo, rem, p.dehomogenized(), q.dehomogenized());
  return rem.is_zero();
}

BinaryForm divexact(const BinaryForm& p, const BinaryForm& q) {
  if (!divides(q, p)) throw domain_error("the form " + q.to_string() + " does not divide " + p.to_string());
  if (p.is_zero()) return BinaryForm::zero(p.degree() - q.degree());
  return BinaryForm(p.degree() - q.degree(), divexact(p.dehomogenized(), q.dehomogenized()));
}

BinaryForm gcd(const BinaryForm& p, const BinaryForm& q) {
  if (p.is_zero()) return q.primitive();
  if (q.is_zero()) return p.primitive();
  const int m = std::min(p.multiplicity_at_infinity(), q.multiplicity_at_infinity());
  IntPoly g = gcd(p.primitive_dehomogenized(), q.primitive_dehomogenized());
  return BinaryForm(static_cast<int>(g.degree()) + m, RatPoly(g));
}

BinaryForm pow(const BinaryForm& p, unsigned e) {
  RatPoly r;
  fmpq_poly_pow(r.raw(), p.dehomogenized().raw(), e);
  return BinaryForm(p.degree() * static_cast<int>(e), std::move(r));
}

std::ostream& operator<<(std::ostream& os, const BinaryForm& p) { return os << p.to_string(); }

}  // namespace lcngeom
