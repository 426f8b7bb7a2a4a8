// Closed-form rrmp classifiers for degrees <= 4 (Example 3.3), exact over Z.
//
// Scaling by a positive rational does not change the rrmp, so the primitive
// integer coefficient vector is classified.
#include <optional>

#include "lcngeom/error.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

namespace {

using Z = Integer;

Rrmp make(std::initializer_list<int> rho, std::initializer_list<int> gamma) { return Rrmp(rho, gamma); }

Rrmp quadratic(const Z& a, const Z& b, const Z& c) {
  const int s = (b * b - Z(4) * a * c).sign();
  return s > 0 ? make({1, 1}, {}) : s == 0 ? make({2}, {}) : make({}, {1});
}

Rrmp cubic(const Z& a, const Z& b, const Z& c, const Z& d) {
  // Example 3.3: Disc = b^2c^2 - 4ac^3 - 4b^3d - 27a^2d^2 + 18abcd, and the
  // triple-root conditions delta_1 = 3ac - b^2, delta_2 = 9ad - bc, delta_3 = 3bd - c^2.
  const Z disc =
      b * b * c * c - Z(4) * a * c * c * c - Z(4) * b * b * b * d - Z(27) * a * a * d * d + Z(18) * a * b * c * d;
  if (disc.sign() > 0) return make({1, 1, 1}, {});
  if (disc.sign() < 0) return make({1}, {1});
  const bool triple =
      (Z(3) * a * c - b * b).is_zero() && (Z(9) * a * d - b * c).is_zero() && (Z(3) * b * d - c * c).is_zero();
  return triple ? make({3}, {}) : make({1, 2}, {});
}

// Discriminant of a x^4 + b x^3 y + c x^2 y^2 + d x y^3 + e y^4.
Z quartic_disc(const Z& a, const Z& b, const Z& c, const Z& d, const Z& e) {
  return Z(256) * a * a * a * e * e * e - Z(192) * a * a * b * d * e * e - Z(128) * a * a * c * c * e * e +
         Z(144) * a * a * c * d * d * e - Z(27) * a * a * d * d * d * d + Z(144) * a * b * b * c * e * e -
         Z(6) * a * b * b * d * d * e - Z(80) * a * b * c * c * d * e + Z(18) * a * b * c * d * d * d +
         Z(16) * a * c * c * c * c * e - Z(4) * a * c * c * c * d * d - Z(27) * b * b * b * b * e * e +
         Z(18) * b * b * b * c * d * e - Z(4) * b * b * b * d * d * d - Z(4) * b * b * c * c * c * e +
         b * b * c * c * d * d;
}

std::optional<Rrmp> quartic(Z a, Z b, Z c, Z d, Z e) {
  if (a.is_zero()) {
    // Move every root off (1:0) by (x, y) -> (x, y + s x); a becomes p(1, s).
    // p(1, s) = 0 for at most 4 values of s, so s <= 4 works.
    for (long s = 1;; ++s) {
      const Z S(s);
      const Z a2 = a + b * S + c * S * S + d * S * S * S + e * S * S * S * S;
      if (a2.is_zero()) continue;
      // Coefficients of p(x, y + s x) = sum_i a_i x^{4-i} (y + s x)^i.
      const Z b2 = b + Z(2) * c * S + Z(3) * d * S * S + Z(4) * e * S * S * S;
      const Z c2 = c + Z(3) * d * S + Z(6) * e * S * S;
      const Z d2 = d + Z(4) * e * S;
      a = a2, b = b2, c = c2, d = d2;
      break;
    }
  }
  // Depressed quartic x^4 + p x^2 + q x + r after x -> x - b/(4a):
  //   p = P / (8a^2), q = Q / (8a^3), r = R / (256 a^4), and
  //   delta = Disc / a^6,  delta' = (P R - 36 Q^2 - P^3) / (256 a^6).
  const Z P = Z(8) * a * c - Z(3) * b * b;
  const Z Q = b * b * b - Z(4) * a * b * c + Z(8) * a * a * d;
  const Z R = Z(-3) * b * b * b * b + Z(256) * a * a * a * e - Z(64) * a * a * b * d + Z(16) * a * b * b * c;
  const int delta = quartic_disc(a, b, c, d, e).sign();
  const int delta1 = (P * R - Z(36) * Q * Q - P * P * P).sign();
  const int p = P.sign();
  if (delta > 0) return (delta1 > 0 && p < 0) ? make({1, 1, 1, 1}, {}) : make({}, {1, 1});
  if (delta < 0) return make({1, 1}, {1});
  if (delta1 > 0 && p < 0) return make({1, 1, 2}, {});
  if (delta1 < 0) return make({2}, {1});
  if (delta1 == 0) {
    if (p < 0) return Q.is_zero() ? make({2, 2}, {}) : make({1, 3}, {});
    if (p == 0) return make({4}, {});
    return make({}, {2});
  }
  return std::nullopt;  // not covered by the table of Example 3.3
}

}  // namespace

std::optional<Rrmp> rrmp_closed_form(const BinaryForm& p) {
  if (p.degree() > 4) return std::nullopt;
  if (p.is_zero()) throw domain_error("the zero form (degree " + std::to_string(p.degree()) + ") has no rrmp");
  std::vector<Z> a;
  {
    const IntPoly f = p.primitive_dehomogenized();
    for (int i = 0; i <= p.degree(); ++i) a.push_back(f.coeff(p.degree() - i));
  }
  switch (p.degree()) {
    case 0: return Rrmp();
    case 1: return make({1}, {});
    case 2: return quadratic(a[0], a[1], a[2]);
    case 3: return cubic(a[0], a[1], a[2], a[3]);
    default: return quartic(a[0], a[1], a[2], a[3], a[4]);
  }
}

CubicInvariants cubic_invariants(const BinaryForm& p) {
  if (p.degree() != 3)
    throw invalid_argument("cubic invariants need a form of degree 3, got degree " + std::to_string(p.degree()));
  const Rational a = p.coeff(0), b = p.coeff(1), c = p.coeff(2), d = p.coeff(3);
  const Rational k3(3), k4(4), k9(9), k18(18), k27(27);
  return {b * b * c * c - k4 * a * c * c * c - k4 * b * b * b * d - k27 * a * a * d * d + k18 * a * b * c * d,
          k3 * a * c - b * b, k9 * a * d - b * c, k3 * b * d - c * c};
}

DepressedQuartic depressed_quartic(const BinaryForm& f) {
  if (f.degree() != 4)
    throw invalid_argument("the depressed quartic needs a form of degree 4, got degree " + std::to_string(f.degree()));
  if (f.coeff(0).is_zero())
    throw domain_error("the depressed quartic needs a_0 != 0 (the form " + f.to_string() + " has a root at (1:0))");
  const Rational a0 = f.coeff(0);
  // Translate x -> x - a_1/(4 a_0) y and divide by a_0.
  const BinaryForm g =
      Rational(1) / a0 * f.substitute(Rational(1), -f.coeff(1) / (Rational(4) * a0), Rational(0), Rational(1));
  const Rational p = g.coeff(2), q = g.coeff(3), r = g.coeff(4);
  const Rational delta = Rational(256) * r * r * r - Rational(128) * p * p * r * r + Rational(144) * p * q * q * r +
                         Rational(16) * p * p * p * p * r - Rational(27) * q * q * q * q -
                         Rational(4) * p * p * p * q * q;
  const Rational delta_prime = Rational(8) * p * r - Rational(9) * q * q - Rational(2) * p * p * p;
  return {p, q, r, delta, delta_prime};
}

}  // namespace lcngeom
