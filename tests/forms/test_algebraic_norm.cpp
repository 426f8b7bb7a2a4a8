// The norm polynomial behind AlgebraicReal's conjugate classes: the
// multimodular characteristic polynomial (proven by an exact check) against
// the resultant reference, and the exact ordering it serves.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string_view>
#include <vector>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/rat_poly.hpp"

using namespace lcngeom;

namespace {

RatPoly random_rat_poly(std::mt19937_64& g, int degree, long height) {
  std::uniform_int_distribution<long> c(-height, height), q(1, 7);
  std::vector<Rational> a;
  for (int i = 0; i <= degree; ++i) a.push_back(Rational(c(g), q(g)));
  if (a.back().sign() == 0) a.back() = Rational(1L);
  return RatPoly(a);
}

}  // namespace

TEST_CASE("algebraic norm: modular characteristic polynomial = resultant norm (monic), random classes",
          "[algebraic][norm]") {
  std::mt19937_64 g(20261204);
  int checked = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int d = 1 + trial % 9;
    std::uniform_int_distribution<long> c(-20, 20);
    std::vector<Integer> fc;
    for (int i = 0; i <= d; ++i) fc.push_back(Integer(c(g)));
    if (fc.back().sign() == 0) fc.back() = Integer(3L);
    IntPoly f(fc);
    if (gcd(f, f.derivative()).degree() > 0) continue;  // square-free f only
    const RatPoly num = random_rat_poly(g, d + 2, 1000), den = random_rat_poly(g, d - 1, 50);
    const RatPoly F(f);
    RatPoly q, numr, denr;
    divrem(q, numr, num, F);
    divrem(q, denr, den, F);
    if (denr.is_zero() || gcd(RatPoly(f), denr).degree() > 0) continue;  // den(z_i) != 0
    const std::optional<RatPoly> chi = detail::conjugate_norm_modular(f, numr, denr);
    REQUIRE(chi);
    const RatPoly ref = detail::conjugate_norm_resultant(f, numr, denr);
    REQUIRE(chi->degree() == d);
    CHECK(chi->coeff(d) == Rational(1L));
    CHECK(*chi == (Rational(1L) / ref.coeff(d)) * ref);
    ++checked;
  }
  CHECK(checked >= 25);
}

TEST_CASE("algebraic norm: repeated values (chi = (t - 1)^2 (t - 2) ...) and a rational value", "[algebraic][norm]") {
  // f = (z^2 - 2)(z - 3): num/den = z^2 takes the values 2, 2, 9.
  const IntPoly f(std::vector<Integer>{Integer(6L), Integer(-2L), Integer(-3L), Integer(1L)});
  const RatPoly z2(std::vector<Rational>{Rational(0L), Rational(0L), Rational(1L)});
  const std::optional<RatPoly> chi = detail::conjugate_norm_modular(f, z2, RatPoly(std::vector<Rational>{Rational(1L)}));
  REQUIRE(chi);
  // (t - 2)^2 (t - 9) = t^3 - 13 t^2 + 40 t - 36
  CHECK(*chi == RatPoly(std::vector<Rational>{Rational(-36L), Rational(40L), Rational(-13L), Rational(1L)}));
  // a modulus too small to reconstruct: std::nullopt, never a wrong polynomial
  const RatPoly big(std::vector<Rational>{Rational(Integer(std::string_view("123456789012345678901234567890123"))),
                                          Rational(1L, 7L)});
  CHECK_FALSE(detail::conjugate_norm_modular(f, big, RatPoly(std::vector<Rational>{Rational(1L)}), 64));
  CHECK_THROWS_AS(detail::conjugate_norm_modular(IntPoly(std::vector<Integer>{Integer(5L)}), z2, z2), invalid_argument);
}
