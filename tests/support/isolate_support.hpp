// Test support for the isolation engine (lib/forms/detail/isolate.hpp): an
// RAII fmpz_poly_t for building inputs in place, exact signs at rationals, and
// the shape of an isolation result.
#pragma once

#include <vector>

#include <catch2/catch.hpp>

#include <flint/fmpq.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/detail/isolate.hpp"
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

// The intervals are sorted and disjoint (touching only at ends that are not
// roots), exact roots are roots, the others have a sign change at their ends.
inline void check_intervals(const fmpz_poly_struct* f, const std::vector<detail::IsolatingInterval>& iv) {
  for (std::size_t i = 0; i < iv.size(); ++i) {
    if (iv[i].lo == iv[i].hi) {
      CHECK(sign_at(f, iv[i].lo) == 0);
    } else {
      REQUIRE(iv[i].lo < iv[i].hi);
      const int a = sign_at(f, iv[i].lo), b = sign_at(f, iv[i].hi);
      CHECK(a != 0);
      CHECK(b != 0);
      CHECK(a != b);
    }
    if (i > 0) {
      const bool strictly = iv[i - 1].hi < iv[i].lo;
      const bool touching = iv[i - 1].hi == iv[i].lo && iv[i - 1].lo != iv[i - 1].hi && iv[i].lo != iv[i].hi;
      CHECK((strictly || touching));
    }
  }
}

}  // namespace lcngeom::test
