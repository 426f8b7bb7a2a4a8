// Certified real roots: Sturm counts (FLINT), Arb isolation, exact re-checks.
#include "lcngeom/real_roots.hpp"

#include <algorithm>
#include <cmath>

#include <acb.h>
#include <arb_fmpz_poly.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

int sign_at(const IntPoly& f, const Rational& t) {
  Rational v;
  fmpz_poly_evaluate_fmpq(v.raw(), f.raw(), t.raw());
  return v.sign();
}

// Real roots of an irreducible integer polynomial of degree >= 2, as balls
// from Arb converted to exact dyadic intervals.
std::vector<RealRoot> isolate_irreducible(const IntPoly& f, int multiplicity, long prec) {
  const slong d = f.degree();
  acb_ptr roots = _acb_vec_init(d);
  arb_fmpz_poly_complex_roots(roots, f.raw(), 0, prec);
  std::vector<RealRoot> out;
  arf_t b;
  arf_init(b);
  for (slong i = 0; i < d; ++i) {
    if (!arb_is_zero(acb_imagref(roots + i))) continue;  // Arb marks real roots exactly
    Rational lo, hi;
    arb_get_lbound_arf(b, acb_realref(roots + i), 2 * prec + 64);
    arf_get_fmpq(lo.raw(), b);
    arb_get_ubound_arf(b, acb_realref(roots + i), 2 * prec + 64);
    arf_get_fmpq(hi.raw(), b);
    out.emplace_back(f, lo, hi, multiplicity);  // constructor re-checks the sign change
  }
  arf_clear(b);
  _acb_vec_clear(roots, d);
  return out;
}

bool overlap(const RealRoot& a, const RealRoot& b) { return !(a.hi() < b.lo() || b.hi() < a.lo()); }

}  // namespace

RealRoot RealRoot::infinity(int multiplicity) {
  RealRoot r;
  r.infinity_ = true;
  r.multiplicity_ = multiplicity;
  // defining_ stays zero: the factor y has no root on the chart y = 1.
  return r;
}

RealRoot::RealRoot(IntPoly defining, Rational lo, Rational hi, int multiplicity)
    : defining_(std::move(defining)), lo_(std::move(lo)), hi_(std::move(hi)), multiplicity_(multiplicity) {
  if (hi_ < lo_)
    throw invalid_argument("isolating interval [" + lo_.to_string() + ", " + hi_.to_string() + "] is empty");
  if (lo_ == hi_) {
    if (sign_at(defining_, lo_) != 0)
      throw invalid_argument(lo_.to_string() + " is not a root of " + defining_.to_string());
    return;
  }
  const int slo = sign_at(defining_, lo_), shi = sign_at(defining_, hi_);
  if (slo == 0) {
    hi_ = lo_;
    return;
  }
  if (shi == 0) {
    lo_ = hi_;
    return;
  }
  if (slo == shi)
    throw invalid_argument("no sign change of " + defining_.to_string() + " on [" + lo_.to_string() + ", " +
                           hi_.to_string() + "]");
}

void RealRoot::split_at(const Rational& c) {
  const int sc = sign_at(defining_, c);
  if (sc == 0) {
    lo_ = hi_ = c;
  } else if (sc == sign_at(defining_, lo_)) {
    lo_ = c;
  } else {
    hi_ = c;
  }
}

void RealRoot::refine(const Rational& max_width) {
  if (max_width.sign() <= 0) throw invalid_argument("refinement width must be positive, got " + max_width.to_string());
  if (is_exact()) return;
  const Rational half(1, 2);
  while (width() > max_width && !is_exact()) split_at((lo_ + hi_) * half);
}

void RealRoot::refine_bits(long bits) {
  if (bits < 0) throw invalid_argument("refinement to " + std::to_string(bits) + " bits: must be >= 0");
  refine(pow(Rational(2L), -bits));
}

std::string RealRoot::to_decimal(int digits) const { return infinity_ ? "inf" : AlgebraicReal(*this).to_decimal(digits); }

int count_real_roots(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form has no well-defined real roots");
  IntPoly f = p.primitive_dehomogenized();
  int count = p.multiplicity_at_infinity() > 0 ? 1 : 0;
  if (f.degree() <= 0) return count;
  IntPoly g = divexact(f, gcd(f, f.derivative()));  // square-free part
  return count + static_cast<int>(fmpz_poly_num_real_roots(g.raw()));
}

std::vector<RealRoot> real_roots(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form has no well-defined real roots");
  const long prec = 32;  // Arb raises it as needed; the intervals are re-checked exactly
  FormFactorization fac = factor(p);
  std::vector<RealRoot> roots;
  int mult_infinity = 0;
  for (const FormFactor& ff : fac.factors) {
    if (ff.form.multiplicity_at_infinity() > 0) {  // only the factor y has a root at (1:0)
      mult_infinity = ff.multiplicity;
      continue;
    }
    IntPoly f = ff.form.primitive_dehomogenized();
    if (f.degree() == 1) {
      Rational t(-f.coeff(0), f.coeff(1));
      roots.emplace_back(f, t, t, ff.multiplicity);
    } else {
      for (RealRoot& r : isolate_irreducible(f, ff.multiplicity, prec)) roots.push_back(std::move(r));
    }
  }
  // Roots of distinct irreducible factors are distinct: bisect until disjoint.
  const Rational half(1, 2);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < roots.size(); ++i)
      for (std::size_t j = i + 1; j < roots.size(); ++j) {
        if (!overlap(roots[i], roots[j])) continue;
        RealRoot& wide = roots[i].width() >= roots[j].width() ? roots[i] : roots[j];
        const RealRoot& other = &wide == &roots[i] ? roots[j] : roots[i];
        Rational c = (wide.lo() + wide.hi()) * half;
        if (other.is_exact() && wide.lo() < other.lo() && other.lo() < wide.hi()) c = other.lo();
        wide.split_at(c);
        changed = true;
      }
  }
  std::sort(roots.begin(), roots.end(), [](const RealRoot& a, const RealRoot& b) { return a.lo() < b.lo(); });
  if (mult_infinity > 0) roots.push_back(RealRoot::infinity(mult_infinity));
  return roots;
}

RealFactorization real_factorization(const BinaryForm& p, long prec) {
  if (p.is_zero()) throw domain_error("the zero form has no factorization");
  if (prec < 16) throw invalid_argument("precision " + std::to_string(prec) + " bits is below 16");
  FormFactorization fac = factor(p);
  RealFactorization out;
  std::vector<std::pair<Rational, RealFactor>> linear;  // sorted by root; (1:0) last
  std::vector<RealFactor> quadratic;
  Rational unit = fac.unit;
  for (const FormFactor& ff : fac.factors) {
    const BinaryForm& f = ff.form;
    if (f.multiplicity_at_infinity() > 0) {  // the factor y
      linear.emplace_back(Rational(0), RealFactor{1, {Ball(0), Ball(1)}, ff.multiplicity, true, f});
      continue;  // sorted last below
    }
    const Rational lead = f.coeff(0);
    unit *= pow(lead, ff.multiplicity);  // factors are made monic in x
    if (f.degree() == 1) {
      const Rational root = -f.coeff(1) / lead;
      linear.emplace_back(root, RealFactor{1, {Ball(1), Ball(-root, prec)}, ff.multiplicity, true, f});
      continue;
    }
    if (f.degree() == 2 && count_real_roots(f) == 0) {
      quadratic.push_back(RealFactor{
          2, {Ball(1), Ball(f.coeff(1) / lead, prec), Ball(f.coeff(2) / lead, prec)}, ff.multiplicity, true, f});
      continue;
    }
    IntPoly g = f.primitive_dehomogenized();
    const slong d = g.degree();
    acb_ptr roots = _acb_vec_init(d);
    arb_fmpz_poly_complex_roots(roots, g.raw(), 0, prec);
    for (slong i = 0; i < d; ++i) {
      const acb_struct* z = roots + i;
      if (arb_is_zero(acb_imagref(z))) {
        Ball c(acb_realref(z));
        RealFactor r{1, {Ball(1), neg(c)}, ff.multiplicity, false, f};
        linear.emplace_back(Ball(acb_realref(z)).midpoint(), std::move(r));
      } else if (arb_is_positive(acb_imagref(z))) {  // one of each conjugate pair
        Ball re(acb_realref(z)), im(acb_imagref(z));
        Ball b = mul(Ball(-2), re, prec);
        Ball c = add(mul(re, re, prec), mul(im, im, prec), prec);
        quadratic.push_back(RealFactor{2, {Ball(1), b, c}, ff.multiplicity, false, f});
      }
    }
    _acb_vec_clear(roots, d);
  }
  std::stable_sort(linear.begin(), linear.end(), [](const auto& a, const auto& b) {
    const bool ia = a.second.coefficients[0].is_exact() && a.second.coefficients[0].contains(Rational(0));
    const bool ib = b.second.coefficients[0].is_exact() && b.second.coefficients[0].contains(Rational(0));
    if (ia != ib) return ib;  // (1:0) last
    return a.first < b.first;
  });
  out.unit = unit;
  for (auto& [key, r] : linear) out.factors.push_back(std::move(r));
  for (RealFactor& r : quadratic) out.factors.push_back(std::move(r));
  return out;
}

}  // namespace lcngeom
