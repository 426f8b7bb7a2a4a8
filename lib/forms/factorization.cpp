// Square-free decomposition and factorization of binary forms over Q.
#include "lcngeom/factorization.hpp"

#include <algorithm>
#include <map>

#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include "lcngeom/detail/factor_order.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

struct FlintFactor {
  fmpz_poly_factor_t f;
  FlintFactor() { fmpz_poly_factor_init(f); }
  ~FlintFactor() { fmpz_poly_factor_clear(f); }
  FlintFactor(const FlintFactor&) = delete;
  FlintFactor& operator=(const FlintFactor&) = delete;
};

void require_nonzero(const BinaryForm& p, const char* what) {
  if (p.is_zero())
    throw domain_error(std::string(what) + " of the zero form (degree " + std::to_string(p.degree()) +
                       ") is undefined");
}

BinaryForm as_form(const fmpz_poly_struct* g, int extra_y) {
  IntPoly h(g);
  h = h.primitive_part();
  return BinaryForm(static_cast<int>(h.degree()) + extra_y, RatPoly(h));
}

BinaryForm y_form() { return BinaryForm{0, 1}; }

// unit such that p = unit * prod(factors): compare first nonzero coefficients.
// The first nonzero coefficient of a product of forms is the product of
// theirs (no expansion: at degree 2048 it cost more than the decomposition).
Rational unit_of(const BinaryForm& p, const std::vector<FormFactor>& factors) {
  Rational lead(1);
  for (const FormFactor& f : factors)
    lead = lead * pow(f.form.coeff(f.form.multiplicity_at_infinity()), static_cast<long>(f.multiplicity));
  return p.coeff(p.multiplicity_at_infinity()) / lead;
}

}  // namespace

bool detail::form_factor_less(const FormFactor& a, const FormFactor& b) {
  if (a.form.degree() != b.form.degree()) return a.form.degree() < b.form.degree();
  for (int i = 0; i <= a.form.degree(); ++i) {
    Rational ca = a.form.coeff(i), cb = b.form.coeff(i);
    if (ca != cb) return ca < cb;
  }
  return a.multiplicity < b.multiplicity;
}

BinaryForm FormFactorization::expand() const {
  BinaryForm r = BinaryForm(std::vector<Rational>{unit});
  for (const FormFactor& f : factors) r = r * pow(f.form, static_cast<unsigned>(f.multiplicity));
  return r;
}

int FormFactorization::degree() const {
  int d = 0;
  for (const FormFactor& f : factors) d += f.form.degree() * f.multiplicity;
  return d;
}

FormFactorization squarefree_decomposition(const BinaryForm& p) {
  require_nonzero(p, "square-free decomposition");
  const int m = p.multiplicity_at_infinity();
  IntPoly f = p.primitive_dehomogenized();
  std::map<int, BinaryForm> by_mult;
  if (f.degree() > 0 && detail::squarefree_certificate(f.raw())) {
    // Certified square-free modulo a word-size prime: no gcd over Z (the
    // common case at high degree, where the gcd costs more than the roots).
    by_mult.emplace(1, as_form(f.raw(), 0));
  } else if (f.degree() > 0) {
    FlintFactor fac;
    fmpz_poly_factor_squarefree(fac.f, f.raw());
    for (slong i = 0; i < fac.f->num; ++i) by_mult.emplace(static_cast<int>(fac.f->exp[i]), as_form(fac.f->p + i, 0));
  }
  if (m > 0) {
    auto it = by_mult.find(m);
    if (it == by_mult.end()) by_mult.emplace(m, y_form());
    else it->second = it->second * y_form();
  }
  std::vector<FormFactor> factors;
  for (auto& [e, g] : by_mult) factors.push_back({g, e});
  Rational unit = unit_of(p, factors);
  return {unit, std::move(factors)};
}

FormFactorization factor(const BinaryForm& p) {
  require_nonzero(p, "factorization");
  const int m = p.multiplicity_at_infinity();
  IntPoly f = p.primitive_dehomogenized();
  std::vector<FormFactor> factors;
  if (f.degree() > 0) {
    FlintFactor fac;
    fmpz_poly_factor(fac.f, f.raw());
    for (slong i = 0; i < fac.f->num; ++i)
      factors.push_back({as_form(fac.f->p + i, 0), static_cast<int>(fac.f->exp[i])});
  }
  if (m > 0) factors.push_back({y_form(), m});
  std::sort(factors.begin(), factors.end(), detail::form_factor_less);
  Rational unit = unit_of(p, factors);
  return {unit, std::move(factors)};
}

BinaryForm squarefree_part(const BinaryForm& p) {
  FormFactorization d = squarefree_decomposition(p);
  BinaryForm r{1};
  for (const FormFactor& f : d.factors) r = r * f.form;
  return r;
}

bool is_squarefree(const BinaryForm& p) {
  require_nonzero(p, "square-freeness");
  if (p.multiplicity_at_infinity() >= 2) return false;
  IntPoly f = p.primitive_dehomogenized();
  return f.degree() <= 0 || fmpz_poly_is_squarefree(f.raw());
}

}  // namespace lcngeom
