// pari_baseline.hpp -- libpari as the same-run baseline of bench_roots
// (issue 12, item 5).  PARI's headers define hundreds of macros, so they stay
// inside pari_baseline.cpp; this interface passes coefficients as decimal
// strings (conversion is not timed).
#ifndef LCNGEOM_BENCH_PARI_BASELINE_HPP
#define LCNGEOM_BENCH_PARI_BASELINE_HPP

#include <string>
#include <vector>

namespace bench::pari {

/// Starts libpari (stack of 64 MB growing on demand up to 8 GB of address
/// space; PARI's GMP memory functions are not installed, so FLINT and PARI can
/// share GMP).  Call once.
void init();

/// One square-free factor of a square-free factorization: multiplicity,
/// degree and number of distinct real roots.
struct SquarefreePart {
  int multiplicity, degree, real_roots;
};

/// A polynomial in t held on PARI's heap (gclone).
class Poly {
 public:
  /// Coefficients in ascending powers of t, as decimal integers.
  explicit Poly(const std::vector<std::string>& ascending);
  ~Poly();
  Poly(const Poly&) = delete;
  Poly& operator=(const Poly&) = delete;

  /// PARI's rrmp data, the work of `issquarefree` + `polsturm` in gp: if
  /// ZX_is_squarefree(P), ZX_sturm(P) (Uspensky: Descartes' rule with
  /// bisection); otherwise ZX_squff (square-free factorization) and ZX_sturm
  /// on each factor.
  std::vector<SquarefreePart> rrmp_parts() const;

  /// `polrootsreal(P)` at `bits` of precision: realroots(P, NULL, prec), the
  /// real roots with multiplicity, certified by PARI (Uspensky isolation,
  /// then refinement).  Returns the number of roots found.
  long real_roots(long bits) const;

 private:
  void* p_;  // GEN
};

}  // namespace bench::pari

#endif
