// Differential: the certified double-precision Descartes count and the
// modular square-free certificate/decomposition (detail/) against FLINT's
// exact square-free decomposition and Sturm counts, on int64 polynomials
// (|c| < 2^62, degree <= 64) from the input.  The functions are internal
// (lib/forms/detail); if they are renamed, only this file changes.
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include "fuzz_support.hpp"
#include "lcngeom/detail/descartes.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/int_poly.hpp"

namespace {

// Distinct real roots of f (any f of degree >= 1) by FLINT: Sturm on each square-free factor.
long sturm_distinct(const lcngeom::IntPoly& f) {
  fmpz_poly_factor_t fac;
  fmpz_poly_factor_init(fac);
  fmpz_poly_factor_squarefree(fac, f.raw());
  long r = 0;
  for (slong i = 0; i < fac->num; ++i) r += fmpz_poly_num_real_roots(fac->p + i);
  fmpz_poly_factor_clear(fac);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace lcngeom;
  fuzz::Bytes in(data, size);
  const int d = 1 + in.byte() % detail::kDescartesMaxDegree;
  std::vector<std::int64_t> c;
  for (int i = 0; i <= d; ++i) {
    long v = in.integer();
    if (v >= (1L << 62) || v <= -(1L << 62)) v /= 4;
    c.push_back(v);
  }
  if (c.back() == 0) c.back() = 1;
  fuzz::run([&] {
    const IntPoly f(std::vector<long>(c.begin(), c.end()));
    const long want = sturm_distinct(f);
    const bool squarefree = gcd(f, f.derivative()).degree() == 0;
    if (std::optional<int> r = detail::count_real_roots_descartes(c))
      fuzz::require(*r == want, "Descartes count " + std::to_string(*r) + " vs Sturm " + std::to_string(want));
    if (detail::squarefree_certificate(std::span<const std::int64_t>(c)))
      fuzz::require(squarefree, "square-free certificate for a polynomial with a repeated factor");
    if (detail::squarefree_certificate(f.raw())) fuzz::require(squarefree, "square-free certificate (fmpz)");
    if (const auto parts = detail::squarefree_decomposition_modular(c)) {
      fmpz_poly_factor_t fac;
      fmpz_poly_factor_init(fac);
      fmpz_poly_factor_squarefree(fac, f.raw());
      fuzz::require(parts->size() == fac->num, "number of square-free factors");
      for (int k = 0; k < parts->size(); ++k) {
        const std::span<const std::int64_t> g = parts->factor(k);
        const IntPoly gk(std::vector<long>(g.begin(), g.end()));
        bool found = false;
        for (slong i = 0; i < fac->num; ++i) {
          const IntPoly h(fac->p + i);
          if (fac->exp[i] == parts->multiplicity(k) && (h == gk || h == IntPoly() - gk)) found = true;
        }
        fuzz::require(found, "modular square-free factor of multiplicity " + std::to_string(parts->multiplicity(k)));
      }
      fmpz_poly_factor_clear(fac);
    }
  });
  return 0;
}
