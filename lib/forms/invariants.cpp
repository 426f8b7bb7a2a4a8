// Discriminants and resultants of binary forms with formal degrees.
#include "lcngeom/flint.hpp"
#include "lcngeom/invariants.hpp"

#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"

namespace lcngeom {

namespace {

// Discriminant of a rational polynomial of exact degree k >= 1, via the
// numerator: disc(N / d) = disc(N) / d^{2k - 2}.
Rational poly_discriminant(const RatPoly& f) {
  const long k = f.degree();
  if (k <= 1) return Rational(1);
  Integer dn;
  fmpz_poly_discriminant(dn.raw(), f.numerator().raw());
  return Rational(dn, pow(f.denominator(), static_cast<unsigned long>(2 * k - 2)));
}

}  // namespace

Rational discriminant(const BinaryForm& p) {
  const int n = p.degree();
  if (n <= 1) return Rational(1);
  if (p.is_zero()) return Rational(0);
  const int m = p.multiplicity_at_infinity();
  if (m >= 2) return Rational(0);  // (1:0) is a multiple root
  if (m == 0) return poly_discriminant(p.dehomogenized());
  // a_0 = 0: Disc_n(p) = a_1^2 Disc_{n-1}(p/y), the continuous extension.
  Rational a1 = p.coeff(1);
  return a1 * a1 * poly_discriminant(p.dehomogenized());
}

Rational resultant(const BinaryForm& p, const BinaryForm& q) {
  // FLINT's resultant at the actual degrees of p(t, 1), q(t, 1), made formal.
  const RatPoly &f = p.dehomogenized(), &g = q.dehomogenized();
  const long ef = f.degree(), eg = g.degree();
  return detail::formal_resultant(detail::RationalField{}, p.degree(), ef, ef < 0 ? Rational() : f.coeff(ef),
                                  q.degree(), eg, eg < 0 ? Rational() : g.coeff(eg), [&] {
                                    Rational r;
                                    fmpq_poly_resultant(r.raw(), f.raw(), g.raw());
                                    return r;
                                  });
}

Rational resultant_sylvester(const BinaryForm& p, const BinaryForm& q) {
  return detail::form_resultant(detail::RationalField{}, p.coefficients(), q.coefficients());
}

}  // namespace lcngeom
