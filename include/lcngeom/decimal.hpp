// lcngeom/decimal.hpp -- how exact and certified numbers become decimals, and
// the library's one precision convention.
//
// Results are values, never strings: exact rationals (Rational), exact real
// algebraic numbers (AlgebraicReal, algebraic_real.hpp), isolated roots
// (RealRoot) and certified enclosures (Ball).  A decimal is made only when a
// number is printed, by decimal_if_decided() below and the to_decimal()
// overloads built on it (the CLI prints through the same functions).
//
// Digits policy.  `digits` (>= 1) is a number of correct significant digits:
// to_decimal(x, d) is the exact value x rounded to d significant decimal
// digits (round half to even -- a tie is only possible for a rational x),
// trailing zeros dropped, laid out like C's printf("%.<d>g"): positional for
// decimal exponents -4 <= e < d, otherwise d.ddde±XX.  So every printed digit
// is a digit of the correctly rounded value, and for a double converted
// exactly to a Rational the string equals glibc's printf("%.<d>g").  Examples
// for d = 5: 1/3 -> "0.33333", -2/3 -> "-0.66667", 1 - 10^-40 -> "1",
// 123456 -> "1.2346e+05", 10^-300 -> "1e-300", 1/8 at d = 2 -> "0.12".
// For an enclosure (an isolating interval, a ball) the digits are certified:
// the decimal is printed only when every point of the enclosure rounds to it.
// Exact types refine their enclosure until that happens (it always does); a
// Ball cannot be refined, so it prints with fewer digits when it is too wide
// (see to_decimal(const Ball&, int)).
//
// Precision convention.  Digits are for printing only.  Every computation
// that is not exact takes its working precision in bits as a `long prec`
// argument, the last one after the mathematical inputs (resource limits such
// as max_classes may follow it), with default_prec as the default; option
// structs spell it `long prec`.  Exact computations take no precision at all:
// real_roots() returns isolating intervals, refined on demand with
// RealRoot::refine / refine_bits; critical points, minima and algebraic
// numbers are exact, and their decimals cost refinement only when printed.
// bits_for_digits() is the single conversion from a number of digits to a
// working precision (e.g. to compute balls that will print `digits` digits).
#ifndef LCNGEOM_DECIMAL_HPP
#define LCNGEOM_DECIMAL_HPP

#include <optional>
#include <string>

#include "lcngeom/ball.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// The default number of significant digits of printed decimals (the CLI's
/// --digits default).
inline constexpr int default_digits = 20;

/// The default working precision, in bits, of certified (Arb) computations.
inline constexpr long default_prec = 128;

/// The largest accepted number of significant digits.
inline constexpr int max_digits = 100000;

/// A working precision in bits for results that should print `digits`
/// correct significant digits: ceil(digits log2 10) plus 32 guard bits for the
/// rounding errors of a moderately conditioned computation (certified code
/// that needs more raises it itself).  Throws invalid_argument unless
/// 1 <= digits <= max_digits.
long bits_for_digits(int digits);

/// The one decimal formatter.  For lo <= hi, the decimal of the digits policy
/// (file comment) if every real number in [lo, hi] rounds to the same
/// `digits` significant digits, std::nullopt otherwise.  For lo == hi it is
/// always decided.  Throws invalid_argument if lo > hi or digits is outside
/// 1..max_digits.
std::optional<std::string> decimal_if_decided(const Rational& lo, const Rational& hi, int digits);

/// x rounded to `digits` significant digits (the digits policy).  Exact.
std::string to_decimal(const Rational& x, int digits);

/// The decimal of a ball, certified: the value rounded to `digits`
/// significant digits when every point of the ball rounds alike; otherwise
/// with the largest number k < digits of significant digits the ball decides;
/// a ball that decides no digit (it is too wide, or straddles 0 without being
/// exactly 0) prints in Arb's midpoint-radius notation "[m +/- r]", as does
/// a non-finite ball.  Compute the ball at bits_for_digits(digits) to get all
/// digits in the usual case.
std::string to_decimal(const Ball& x, int digits);

}  // namespace lcngeom

#endif
