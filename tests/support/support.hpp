// Shared helpers for the tests: seeded randomness and form builders.
#ifndef LCNGEOM_TESTS_SUPPORT_HPP
#define LCNGEOM_TESTS_SUPPORT_HPP

#include <array>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "lcngeom/lcngeom.hpp"

namespace lcngeom::test {

/// The suite-wide seed: $LCNGEOM_TEST_SEED or a fixed default, printed once.
inline std::uint64_t seed() {
  static const std::uint64_t s = [] {
    const char* env = std::getenv("LCNGEOM_TEST_SEED");
    std::uint64_t v = (env && *env) ? std::strtoull(env, nullptr, 10) : 20221027ULL;
    std::cerr << "lcngeom tests: LCNGEOM_TEST_SEED=" << v << "\n";
    return v;
  }();
  return s;
}

/// A generator seeded from the suite seed and a per-test salt.
inline std::mt19937_64 rng(std::uint64_t salt) { return std::mt19937_64(seed() * 0x9E3779B97F4A7C15ULL + salt); }

inline long uniform(std::mt19937_64& g, long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(g); }

/// Random form of degree n with integer coefficients in [-bound, bound].
inline BinaryForm random_form(std::mt19937_64& g, int n, long bound) {
  std::vector<long> a(static_cast<std::size_t>(n) + 1);
  for (long& c : a) c = uniform(g, -bound, bound);
  return BinaryForm(a);
}

/// Random nonzero form (retries the zero form).
inline BinaryForm random_nonzero_form(std::mt19937_64& g, int n, long bound) {
  for (;;) {
    BinaryForm p = random_form(g, n, bound);
    if (!p.is_zero()) return p;
  }
}

/// Random linear form a x + b y, (a, b) != (0, 0), coefficients in [-bound, bound].
inline BinaryForm random_linear(std::mt19937_64& g, long bound) {
  for (;;) {
    long a = uniform(g, -bound, bound), b = uniform(g, -bound, bound);
    if (a != 0 || b != 0) return BinaryForm{a, b};
  }
}

/// Random irreducible real quadratic a x^2 + b xy + c y^2 (b^2 < 4ac).
inline BinaryForm random_irreducible_quadratic(std::mt19937_64& g, long bound) {
  for (;;) {
    long a = uniform(g, -bound, bound), b = uniform(g, -bound, bound), c = uniform(g, -bound, bound);
    if (b * b - 4 * a * c < 0) return BinaryForm{a, b, c};
  }
}

/// A form with a prescribed rrmp, built as a product of powers of pairwise
/// coprime random real linear forms and irreducible quadratics (planted: its
/// rrmp is known by construction).  Linear forms may be y (a root at (1:0)).
inline BinaryForm planted_form(std::mt19937_64& g, const std::vector<int>& rho, const std::vector<int>& gamma,
                               long bound = 6) {
  std::vector<BinaryForm> used;
  auto fresh = [&](auto make) {
    for (;;) {
      BinaryForm f = make();
      bool ok = true;
      for (const BinaryForm& u : used)
        if (gcd(u, f).degree() > 0) ok = false;
      if (ok) {
        used.push_back(f);
        return f;
      }
    }
  };
  BinaryForm p{uniform(g, 1, 3) * (uniform(g, 0, 1) ? 1 : -1)};
  for (int r : rho) p = p * pow(fresh([&] { return random_linear(g, bound); }), static_cast<unsigned>(r));
  for (int c : gamma)
    p = p * pow(fresh([&] { return random_irreducible_quadratic(g, bound); }), static_cast<unsigned>(c));
  return p;
}

/// Random invertible integer 2x2 matrix (alpha, beta, gamma, delta).
inline std::array<long, 4> random_gl2(std::mt19937_64& g, long bound) {
  for (;;) {
    std::array<long, 4> m{uniform(g, -bound, bound), uniform(g, -bound, bound), uniform(g, -bound, bound),
                          uniform(g, -bound, bound)};
    if (m[0] * m[3] - m[1] * m[2] != 0) return m;
  }
}

/// Rank over Q of the coefficient vectors of forms of equal degree.
long rank_of(const std::vector<BinaryForm>& forms);

}  // namespace lcngeom::test

#endif
