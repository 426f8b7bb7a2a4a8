// Discriminants and resultants of binary forms with formal degrees.
#include "lcngeom/flint.hpp"
#include "lcngeom/invariants.hpp"

#include <flint/fmpq_mat.h>
#include <flint/fmpz_poly.h>

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

// Resultant of rational polynomials of exact degrees (FLINT convention
// a^{deg g} b^{deg f} prod (r_i - s_j)); constants c give c^{deg other}.
Rational poly_resultant(const RatPoly& f, const RatPoly& g) {
  Rational r;
  fmpq_poly_resultant(r.raw(), f.raw(), g.raw());
  return r;
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
  if (p.is_zero() || q.is_zero()) return resultant_sylvester(p, q);
  const int m = p.degree(), n = q.degree();
  const int mp = m - p.multiplicity_at_infinity();  // actual degrees
  const int np = n - q.multiplicity_at_infinity();
  if (mp < m && np < n) return Rational(0);  // common root (1:0)
  Rational r = poly_resultant(p.dehomogenized(), q.dehomogenized());
  if (mp < m) {
    // Res_{m,n} = (-1)^{n(m-m')} b_0^{m-m'} Res_{m',n}: expand the Sylvester
    // determinant along the columns where only q's rows are nonzero.
    r *= pow(q.coeff(0), m - mp);
    if ((static_cast<long>(n) * (m - mp)) % 2 != 0) r = -r;
  } else if (np < n) {
    r *= pow(p.coeff(0), n - np);  // Res_{m,n} = a_0^{n-n'} Res_{m,n'}
  }
  return r;
}

Rational resultant_sylvester(const BinaryForm& p, const BinaryForm& q) {
  const int m = p.degree(), n = q.degree();
  const int size = m + n;
  if (size == 0) return Rational(1);
  fmpq_mat_t S;
  fmpq_mat_init(S, size, size);
  std::vector<Rational> a = p.coefficients(), b = q.coefficients();
  for (int row = 0; row < n; ++row)
    for (int i = 0; i <= m; ++i) fmpq_set(fmpq_mat_entry(S, row, row + i), a[static_cast<std::size_t>(i)].raw());
  for (int row = 0; row < m; ++row)
    for (int j = 0; j <= n; ++j) fmpq_set(fmpq_mat_entry(S, n + row, row + j), b[static_cast<std::size_t>(j)].raw());
  Rational det;
  fmpq_mat_det(det.raw(), S);
  fmpq_mat_clear(S);
  return det;
}

}  // namespace lcngeom
