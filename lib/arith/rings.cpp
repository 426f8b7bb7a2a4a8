#include "lcngeom/detail/rings.hpp"
#include "lcngeom/flint.hpp"

#include <flint/fmpz.h>

#include "lcngeom/detail/ring_algebra.hpp"

namespace lcngeom::detail {

NmodPoly nmod_gcd(const NmodPoly& a, const NmodPoly& b) {
  NmodPoly g(a.modulus());
  nmod_poly_gcd(g.raw(), a.raw(), b.raw());
  return g;
}

NmodPoly nmod_mul(const NmodPoly& a, const NmodPoly& b) {
  NmodPoly r(a.modulus());
  nmod_poly_mul(r.raw(), a.raw(), b.raw());
  return r;
}

NmodPoly nmod_div(const NmodPoly& a, const NmodPoly& b) {
  if (b.is_zero()) throw domain_error("nmod_div: division by the zero polynomial");
  NmodPoly q(a.modulus()), r(a.modulus());
  nmod_poly_divrem(q.raw(), r.raw(), a.raw(), b.raw());
  if (!r.is_zero()) throw domain_error("nmod_div: inexact division");
  return q;
}

NmodPoly nmod_squarefree_part(const NmodPoly& a) {
  if (a.is_zero()) throw domain_error("nmod_squarefree_part: zero polynomial");
  NmodPoly d(a.modulus());
  nmod_poly_derivative(d.raw(), a.raw());
  NmodPoly g = nmod_gcd(a, d);
  NmodPoly s = nmod_div(a, g);
  nmod_poly_make_monic(s.raw(), s.raw());
  // p is huge compared with the degrees used here, so a' = 0 only for constants.
  return s;
}

NmodPoly nmod_interpolate(const std::vector<ulong>& xs, const std::vector<ulong>& ys, ulong p) {
  NmodPoly r(p);
  if (xs.empty()) return r;
  if (xs.size() > 64) nmod_poly_interpolate_nmod_vec_fast(r.raw(), xs.data(), ys.data(), static_cast<slong>(xs.size()));
  else nmod_poly_interpolate_nmod_vec(r.raw(), xs.data(), ys.data(), static_cast<slong>(xs.size()));
  return r;
}

ulong nmod_formal_resultant(const NmodPoly& a, long da, const NmodPoly& b, long db) {
  const NmodField F(a.modulus());
  const long ea = a.degree(), eb = b.degree();
  return formal_resultant(F, da, ea, ea < 0 ? 0UL : a.coeff(ea), db, eb, eb < 0 ? 0UL : b.coeff(eb),
                          [&] { return nmod_poly_resultant(a.raw(), b.raw()); });
}

NmodField::E NmodField::from_rational(const Rational& q) const {
  ulong num = fmpz_fdiv_ui(fmpq_numref(q.raw()), mod.n);
  ulong den = fmpz_fdiv_ui(fmpq_denref(q.raw()), mod.n);
  if (den == 0)
    throw domain_error("the prime " + std::to_string(mod.n) + " divides the denominator of " + q.to_string());
  return nmod_div(num, den, mod);
}

NmodQuotient::NmodQuotient(NmodPoly modulus) : t_(std::move(modulus)), tinv_(t_.modulus()) {
  if (t_.degree() < 1) throw invalid_argument("NmodQuotient: modulus of degree < 1");
  nmod_poly_make_monic(t_.raw(), t_.raw());
  NmodPoly rev(t_.modulus());
  nmod_poly_reverse(rev.raw(), t_.raw(), t_.degree() + 1);
  nmod_poly_inv_series(tinv_.raw(), rev.raw(), t_.degree() + 1);
}

NmodQuotient::E NmodQuotient::reduce(const NmodPoly& a) const {
  if (a.degree() < t_.degree()) return a;
  NmodPoly r(prime());
  nmod_poly_rem(r.raw(), a.raw(), t_.raw());
  return r;
}

NmodQuotient::E NmodQuotient::add(const E& a, const E& b) const {
  NmodPoly r(prime());
  nmod_poly_add(r.raw(), a.raw(), b.raw());
  return r;
}

NmodQuotient::E NmodQuotient::sub(const E& a, const E& b) const {
  NmodPoly r(prime());
  nmod_poly_sub(r.raw(), a.raw(), b.raw());
  return r;
}

NmodQuotient::E NmodQuotient::neg(const E& a) const {
  NmodPoly r(prime());
  nmod_poly_neg(r.raw(), a.raw());
  return r;
}

NmodQuotient::E NmodQuotient::mul(const E& a, const E& b) const {
  NmodPoly r(prime());
  if (a.is_zero() || b.is_zero()) return r;
  if (a.degree() + b.degree() < t_.degree()) {
    nmod_poly_mul(r.raw(), a.raw(), b.raw());
    return r;
  }
  nmod_poly_mulmod_preinv(r.raw(), a.raw(), b.raw(), t_.raw(), tinv_.raw());
  return r;
}

bool NmodQuotient::is_unit(const E& a) const {
  if (a.is_zero()) return false;
  if (a.degree() == 0) return true;
  NmodPoly g = nmod_gcd(a, t_);
  if (g.degree() == 0) return true;
  throw SplitRequest<NmodPoly>{g};
}

NmodQuotient::E NmodQuotient::inv(const E& a) const {
  NmodPoly g(prime()), s(prime()), t(prime());
  nmod_poly_xgcd(g.raw(), s.raw(), t.raw(), a.raw(), t_.raw());
  if (g.degree() != 0) throw SplitRequest<NmodPoly>{g};
  // g is a nonzero constant (FLINT returns it monic: 1)
  ulong gi = n_invmod(g.coeff(0), prime());
  nmod_poly_scalar_mul_nmod(s.raw(), s.raw(), gi);
  return reduce(s);
}

RatQuotient::RatQuotient(RatPoly modulus) : t_(std::move(modulus)) {
  if (t_.degree() < 1) throw invalid_argument("RatQuotient: modulus of degree < 1");
}

RatQuotient::E RatQuotient::reduce(const RatPoly& a) const {
  if (a.degree() < t_.degree()) return a;
  RatPoly r;
  fmpq_poly_rem(r.raw(), a.raw(), t_.raw());
  return r;
}

bool RatQuotient::is_unit(const E& a) const {
  if (a.is_zero()) return false;
  if (a.degree() == 0) return true;
  RatPoly g = gcd(a, t_);
  if (g.degree() == 0) return true;
  throw SplitRequest<RatPoly>{g};
}

RatQuotient::E RatQuotient::inv(const E& a) const {
  RatPoly g, s, t;
  fmpq_poly_xgcd(g.raw(), s.raw(), t.raw(), a.raw(), t_.raw());
  if (g.degree() != 0) throw SplitRequest<RatPoly>{g};
  return reduce(s);
}

}  // namespace lcngeom::detail
