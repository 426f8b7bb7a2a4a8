// Differential: the closed forms of Example 3.3 (degree <= 4; machine-integer
// and big-integer versions) against the general algorithm, and the cubic and
// quartic invariants against the discriminant (delta = Disc / a_0^6).
#include "fuzz_support.hpp"
#include "lcngeom/detail/rrmp_small.hpp"
#include "lcngeom/invariants.hpp"
#include "lcngeom/rrmp.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  fuzz::Bytes in(data, size);
  const BinaryForm p = fuzz::form(in, 4);
  if (p.is_zero()) return 0;
  fuzz::run([&] {
    const Rrmp want = rrmp_general(p);
    const std::optional<Rrmp> closed = rrmp_closed_form(p);
    fuzz::require(closed.has_value(), "rrmp_closed_form gave nothing for degree " + std::to_string(p.degree()));
    fuzz::require(*closed == want, "closed form " + closed->to_string() + " vs general " + want.to_string() +
                                       " for " + p.to_coefficient_string());
    if (const auto a = fuzz::machine_coefficients(p))
      if (const std::optional<Rrmp> small = detail::rrmp_closed_form_small(*a))
        fuzz::require(*small == want, "machine closed form " + small->to_string() + " vs general " +
                                          want.to_string() + " for " + p.to_coefficient_string());
    if (p.degree() == 3) {
      const CubicInvariants c = cubic_invariants(p);
      fuzz::require(c.disc == discriminant(p), "cubic Disc (Example 3.3) vs discriminant");
    }
    if (p.degree() == 4 && !p.coeff(0).is_zero()) {
      const DepressedQuartic q = depressed_quartic(p);
      Rational a6(1);
      for (int i = 0; i < 6; ++i) a6 *= p.coeff(0);
      fuzz::require(q.delta * a6 == discriminant(p), "quartic delta = Disc / a_0^6 (Example 3.3)");
    }
  });
  return 0;
}
