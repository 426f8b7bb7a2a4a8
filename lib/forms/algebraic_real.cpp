// Exact real algebraic numbers: minimal polynomial + isolating interval.
#include "lcngeom/algebraic_real.hpp"

#include <algorithm>
#include <ostream>

#include <flint/fmpq_mat.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/decimal.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom {

namespace {

// Primitive with a positive leading coefficient.
IntPoly normalized(const IntPoly& f) {
  IntPoly g = f.primitive_part();
  return g.leading().sign() < 0 ? Integer(-1L) * g : g;
}

// The root q of den t - num.
RealRoot rational_root(const Rational& q) {
  return RealRoot(IntPoly(std::vector<Integer>{-q.numerator(), q.denominator()}), q, q, 1);
}

RealRoot checked_root(const RealRoot& r) {
  if (r.at_infinity()) throw invalid_argument("the root (1:0) is not a real number");
  if (r.is_exact()) return rational_root(r.lo());
  return RealRoot(normalized(r.defining_polynomial()), r.lo(), r.hi(), 1);
}

Rational pow2(long e) { return pow(Rational(2L), e); }

}  // namespace

AlgebraicReal::AlgebraicReal() : root_(rational_root(Rational())) {}

AlgebraicReal::AlgebraicReal(const Rational& q) : root_(rational_root(q)) {}

AlgebraicReal::AlgebraicReal(const RealRoot& r) : root_(checked_root(r)) {}

AlgebraicReal AlgebraicReal::root_of(const IntPoly& p, const Rational& lo, const Rational& hi) {
  if (hi < lo) throw invalid_argument("empty interval [" + lo.to_string() + ", " + hi.to_string() + "]");
  if (p.degree() < 1)
    throw invalid_argument("the polynomial " + p.to_string() + " has no root in [" + lo.to_string() + ", " +
                           hi.to_string() + "]");
  std::vector<AlgebraicReal> inside;
  for (const RealRoot& r : real_roots(BinaryForm(static_cast<int>(p.degree()), RatPoly(p)))) {
    AlgebraicReal x(r);
    if (compare(x, lo) >= 0 && compare(x, hi) <= 0) inside.push_back(std::move(x));
  }
  if (inside.size() != 1)
    throw invalid_argument(p.to_string() + " has " + std::to_string(inside.size()) + " distinct real roots in [" +
                           lo.to_string() + ", " + hi.to_string() + "], not exactly one");
  return inside.front();
}

const Rational& AlgebraicReal::rational() const {
  if (!is_rational()) throw domain_error("the algebraic number is irrational (degree " + std::to_string(degree()) + ")");
  return lo();
}

int AlgebraicReal::sign() const {
  AlgebraicReal c = *this;
  return compare(c, Rational());
}

void AlgebraicReal::refine(const Rational& max_width) { root_.refine(max_width); }

void AlgebraicReal::refine_bits(long bits) {
  if (bits < 0) throw invalid_argument("refinement to " + std::to_string(bits) + " bits: must be >= 0");
  root_.refine(pow2(-bits));
}

Ball AlgebraicReal::enclosure(long prec) const {
  if (prec < 2) throw invalid_argument("precision " + std::to_string(prec) + " bits is below 2");
  if (is_rational()) return Ball(lo(), prec);
  AlgebraicReal c = *this;
  compare(c, Rational());  // the interval now excludes 0 (x != 0 is irrational)
  const Rational m = std::min(abs(c.lo()), abs(c.hi()));
  c.refine(m * pow2(-prec));
  return Ball::from_interval(c.lo(), c.hi(), prec + 8);
}

std::string AlgebraicReal::refine_decimal(int digits) {
  if (std::optional<std::string> d = decimal_if_decided(lo(), hi(), digits)) return *d;
  // Width about |x| 10^-digits decides unless x is close to a rounding
  // boundary; then keep bisecting (x irrational is never on one).
  compare(*this, Rational());
  refine(std::min(abs(lo()), abs(hi())) * pow(Rational(10L), -static_cast<long>(digits)) * Rational(1L, 4L));
  for (;;) {
    if (std::optional<std::string> d = decimal_if_decided(lo(), hi(), digits)) return *d;
    refine(root_.width() * Rational(1L, 16L));
  }
}

std::string AlgebraicReal::to_decimal(int digits) const {
  AlgebraicReal c = *this;
  return c.refine_decimal(digits);
}

int compare(AlgebraicReal& a, const Rational& q) {
  if (a.is_rational()) return a.lo() < q ? -1 : (q < a.lo() ? 1 : 0);
  // Endpoints of a non-degenerate isolating interval are not roots.
  if (q <= a.lo()) return 1;
  if (q >= a.hi()) return -1;
  a.root_.split_at(q);  // q is no root: the minimal polynomial is irreducible of degree >= 2
  return a.lo() >= q ? 1 : -1;
}

int compare(AlgebraicReal& a, AlgebraicReal& b) {
  if (a.is_rational()) return -compare(b, a.lo());
  if (b.is_rational()) return compare(a, b.lo());
  if (a.minimal_polynomial() == b.minimal_polynomial()) {
    // Each interval holds exactly one root of the common minimal polynomial,
    // so the values are equal iff the intersection holds a root.
    const Rational lo = std::max(a.lo(), b.lo()), hi = std::min(a.hi(), b.hi());
    if (lo < hi) {
      Rational vlo, vhi;
      fmpz_poly_evaluate_fmpq(vlo.raw(), a.minimal_polynomial().raw(), lo.raw());
      fmpz_poly_evaluate_fmpq(vhi.raw(), a.minimal_polynomial().raw(), hi.raw());
      if (vlo.sign() * vhi.sign() < 0) return 0;
    }
  }
  const Rational half(1L, 2L);
  for (;;) {  // distinct values: bisect the wider interval until the two are disjoint
    if (a.hi() < b.lo()) return -1;
    if (b.hi() < a.lo()) return 1;
    AlgebraicReal& w = a.root_.width() >= b.root_.width() ? a : b;
    w.root_.split_at((w.lo() + w.hi()) * half);
  }
}

bool operator==(const AlgebraicReal& a, const AlgebraicReal& b) {
  AlgebraicReal x = a, y = b;
  return compare(x, y) == 0;
}

std::strong_ordering operator<=>(const AlgebraicReal& a, const AlgebraicReal& b) {
  AlgebraicReal x = a, y = b;
  const int c = compare(x, y);
  return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

bool operator==(const AlgebraicReal& a, const Rational& q) { return a.is_rational() && a.lo() == q; }

std::strong_ordering operator<=>(const AlgebraicReal& a, const Rational& q) {
  AlgebraicReal x = a;
  const int c = compare(x, q);
  return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
}

AlgebraicReal operator-(const AlgebraicReal& x) {
  if (x.is_rational()) return AlgebraicReal(-x.lo());
  IntPoly m = x.minimal_polynomial();  // m(-t), leading coefficient made positive
  for (long i = 1; i <= m.degree(); i += 2) m.set_coeff(i, -m.coeff(i));
  if (m.leading().sign() < 0) m = Integer(-1L) * m;
  return AlgebraicReal(RealRoot(m, -x.hi(), -x.lo(), 1), AlgebraicReal::Trusted{});
}

AlgebraicReal operator*(const Rational& c, const AlgebraicReal& x) {
  if (c.is_zero() || x.is_rational()) return AlgebraicReal(c * x.lo());
  const IntPoly& m = x.minimal_polynomial();
  const long d = m.degree();
  std::vector<Rational> a;  // a_i c^(d - i): the polynomial c^d m(t / c)
  for (long i = 0; i <= d; ++i) a.push_back(Rational(m.coeff(i)) * pow(c, d - i));
  const IntPoly mc = normalized(RatPoly(a).primitive_integer());
  const Rational lo = c * x.lo(), hi = c * x.hi();
  return AlgebraicReal(RealRoot(mc, std::min(lo, hi), std::max(lo, hi), 1), AlgebraicReal::Trusted{});
}

std::vector<AlgebraicReal> evaluate(const RatPoly& q, std::vector<AlgebraicReal> conjugates) {
  std::vector<AlgebraicReal> out;
  if (conjugates.empty()) return out;
  const IntPoly& f = conjugates.front().minimal_polynomial();
  for (const AlgebraicReal& x : conjugates)
    if (!(x.minimal_polynomial() == f))
      throw invalid_argument("evaluate: " + x.minimal_polynomial().to_string() + " and " + f.to_string() +
                             " differ: the numbers are not conjugates");
  if (f.degree() == 1) {
    for (const AlgebraicReal& x : conjugates) out.emplace_back(q.evaluate(x.lo()));
    return out;
  }
  const RatPoly F(f);
  RatPoly r;
  fmpq_poly_rem(r.raw(), q.raw(), F.raw());
  if (r.degree() <= 0) return std::vector<AlgebraicReal>(conjugates.size(), AlgebraicReal(r.coeff(0)));
  // Minimal polynomial of r(zeta): the square-free part of the characteristic
  // polynomial of multiplication by r on the basis 1, z, ..., z^{d-1} of Q[z]/(f).
  const long d = f.degree();
  RatMatrix M(d, d);
  RatPoly col = r, t;
  const RatPoly z(std::vector<Rational>{Rational(), Rational(1L)});
  for (long j = 0; j < d; ++j) {
    for (long i = 0; i < d; ++i) M.set(i, j, col.coeff(i));
    fmpq_poly_mul(t.raw(), col.raw(), z.raw());
    fmpq_poly_rem(col.raw(), t.raw(), F.raw());
  }
  RatPoly chi;
  fmpq_mat_charpoly(chi.raw(), M.raw());
  const RatPoly g = divexact(chi, gcd(chi, chi.derivative()));
  if (g.degree() == 1)
    return std::vector<AlgebraicReal>(conjugates.size(), AlgebraicReal(-(g.coeff(0) / g.coeff(1))));
  std::vector<AlgebraicReal> candidates;
  for (const RealRoot& c : real_roots(BinaryForm(static_cast<int>(g.degree()), g))) candidates.emplace_back(c);
  for (AlgebraicReal& x : conjugates) {
    // Enclose r(x) ever tighter until it meets exactly one isolating interval
    // of g: that root is r(x) (the intervals are disjoint and r(x) lies in one).
    Rational radius(1L, 1L << 10);
    for (int round = 0;; ++round) {
      if (round > 1000) throw domain_error("evaluate: cannot locate " + r.to_string("z") + " at the root");
      const Ball v = detail::enclose_at_root(r, x.root_, radius);
      const Rational vlo = v.lower(), vhi = v.upper();
      const AlgebraicReal* hit = nullptr;
      int hits = 0;
      for (const AlgebraicReal& c : candidates)
        if (!(c.hi() < vlo || vhi < c.lo())) {
          hit = &c;
          ++hits;
        }
      if (hits == 1) {
        out.push_back(*hit);
        break;
      }
      radius *= Rational(1L, 1L << 8);
    }
  }
  return out;
}

AlgebraicReal evaluate(const RatPoly& q, const AlgebraicReal& x) { return evaluate(q, std::vector<AlgebraicReal>{x}).front(); }

AlgebraicReal evaluate(const RatPoly& num, const RatPoly& den, const AlgebraicReal& x) {
  if (x.is_rational()) {
    const Rational d = den.evaluate(x.lo());
    if (d.is_zero()) throw domain_error("evaluate: the denominator " + den.to_string() + " vanishes at the point");
    return AlgebraicReal(num.evaluate(x.lo()) / d);
  }
  // num / den in Q[z]/(f): den is a unit unless f divides it.
  const RatPoly F(x.minimal_polynomial());
  RatPoly g, s, t;
  fmpq_poly_xgcd(g.raw(), s.raw(), t.raw(), den.raw(), F.raw());
  if (g.degree() != 0) throw domain_error("evaluate: the denominator " + den.to_string() + " vanishes at the point");
  RatPoly q;
  fmpq_poly_mul(q.raw(), num.raw(), s.raw());
  return evaluate(q, x);
}

std::string to_decimal(const AlgebraicReal& x, int digits) { return x.to_decimal(digits); }

std::ostream& operator<<(std::ostream& os, const AlgebraicReal& x) {
  os << x.to_decimal(default_digits);
  if (!x.is_rational())
    os << " (root of " << x.minimal_polynomial().to_string() << " in [" << x.lo() << ", " << x.hi() << "])";
  return os;
}

}  // namespace lcngeom
