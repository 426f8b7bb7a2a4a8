// Test support for the isolation engine (lib/forms/detail/isolate.hpp): an
// RAII fmpz_poly_t for building inputs in place, and exact signs at rationals.
#pragma once

#include <flint/fmpq.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/flint.hpp"

namespace lcngeom::test {

struct Poly {
  fmpz_poly_t p;
  Poly() { fmpz_poly_init(p); }
  Poly(const Poly&) = delete;
  Poly& operator=(const Poly&) = delete;
  ~Poly() { fmpz_poly_clear(p); }
};

// The sign of f(x), exactly.
inline int sign_at(const fmpz_poly_struct* f, const Rational& x) {
  Rational v;
  fmpz_poly_evaluate_fmpq(v.raw(), f, x.raw());
  return v.sign();
}

}  // namespace lcngeom::test
