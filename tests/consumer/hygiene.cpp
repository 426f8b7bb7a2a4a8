// Code that embeds lcngeom may use the names FLINT, Arb, GMP and MPFR define
// as macros: <lcngeom/lcngeom.hpp> includes none of their headers (issue 9,
// item 7).  Each declaration below fails to compile if the umbrella header
// leaks the macro of that name.  Also exercises the ergonomic forms.
#include <lcngeom/lcngeom.hpp>

#include <cstdio>
#include <string>

constexpr double HZ = 60.0;                           // FLINT's <flint/flint.h> (via sys/param.h)
constexpr int MIN = 1, MAX = 2;                       // FLINT_MIN/MAX's older spellings in flint.h
using ulong = unsigned long;                          // FLINT: #define ulong mp_limb_t (glibc has this typedef)
using slong = long long;                              // FLINT: #define slong mp_limb_signed_t
constexpr int WORD = 64;                              // FLINT: #define WORD(xx) (xx##L)
constexpr int UWORD = 1, FLINT_BITS = 64;             // FLINT
constexpr int COEFF_MAX = 3, ARB_STR_NO_RADIUS = 2;   // FLINT fmpz, Arb
constexpr int FLINT_MAX = 7, FLINT_MIN = 0;           // FLINT
constexpr int GMP_LIMB_BITS = 64, MPFR_PREC_MAX = 1;  // GMP, MPFR
constexpr int ARF_RND_NEAR = 0, MAG_BITS = 30;        // Arb
constexpr int mpz_sgn = 0, mpq_numref = 0;            // GMP function-like macros
constexpr int r_shift = 0, l_shift = 0, sub_ddmmss = 0, count_leading_zeros = 0, byte_swap = 0;  // longlong.h

int main() {
  using namespace lcngeom;
  const Rational r = 3;
  const Integer i = 2;
  const bool arith = r + 1 == 4 && 1 - r == -2 && r == 3 && r < 4 && i * 2 == 4 && i < 3;
  const Partition lambda{2, 2};
  const Architecture k{4, 2};
  const Filters theta{{1, 0, 5, 0}, {1, 0}};
  const bool braced = lambda.sum() == 4 && mu(k, theta) == BinaryForm{1, 0, 5, 0, 0} &&
                      compatibility_table({4, 2}).size() == all_rrmps(4).size();
  const bool hashes = std::hash<Rrmp>{}(rrmp(BinaryForm{1, 0, -1})) == std::hash<Rrmp>{}(Rrmp::parse("11|0")) &&
                      std::hash<Rational>{}(Rational(2, 4)) == std::hash<Rational>{}(Rational(1, 2));
  const double used = HZ + MIN + MAX + static_cast<double>(ulong{1} + slong{1}) + WORD + UWORD + FLINT_BITS +
                      COEFF_MAX + ARB_STR_NO_RADIUS + FLINT_MAX + FLINT_MIN + GMP_LIMB_BITS + MPFR_PREC_MAX +
                      ARF_RND_NEAR + MAG_BITS + mpz_sgn + mpq_numref + r_shift + l_shift + sub_ddmmss +
                      count_leading_zeros + byte_swap;
  std::printf("hygiene: arith %d braced %d hashes %d (%g)\n", arith, braced, hashes, used);
  return arith && braced && hashes ? 0 : 1;
}
