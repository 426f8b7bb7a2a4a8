// lcngeom/flint.hpp -- opt-in: the FLINT/Arb escape hatch.
//
// The public headers of lcngeom include no FLINT, Arb, GMP or MPFR header, so
// code that includes <lcngeom/lcngeom.hpp> sees none of their macros (HZ,
// MIN, MAX, ulong, slong, WORD, FLINT_*, ...).  Code that wants to call FLINT
// or Arb on lcngeom's values includes this header, which brings in the C
// headers below and completes the escape hatch:
//
//   x.raw()        the C struct behind a value: fmpz* for Integer, fmpq* for
//                  Rational, fmpz_poly_struct* for IntPoly, fmpq_poly_struct*
//                  for RatPoly, fmpq_mat_struct* for RatMatrix,
//                  fmpq_mpoly_struct* for RatMPoly (with ring()->raw(), the
//                  fmpq_mpoly_ctx_struct*), arb_struct* for Ball;
//   Integer(p), Rational(p), IntPoly(p), RatPoly(p), RatMatrix(p), Ball(p)
//                  copies of a FLINT/Arb value given by pointer.
//
// Example:
//   #include <lcngeom/flint.hpp>
//   lcngeom::IntPoly f{-2, 0, 1};                          // t^2 - 2
//   long roots = fmpz_poly_num_real_roots(f.raw());        // 2
//   lcngeom::Integer c(fmpz_poly_lead(f.raw()));           // 1
//
// The pointers stay owned by the lcngeom value (do not clear them) and are
// valid while it lives and is not moved from.  Without this header, a call of
// raw() fails to compile with "incomplete type lcngeom::detail::flint_type".
#ifndef LCNGEOM_FLINT_HPP
#define LCNGEOM_FLINT_HPP

#include <cstddef>
#include <type_traits>

#include <arb.h>
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/ball.hpp"
#include "lcngeom/detail/flint_cell.hpp"
#include "lcngeom/int_poly.hpp"
#include "lcngeom/integer.hpp"
#include "lcngeom/mpoly.hpp"
#include "lcngeom/rat_matrix.hpp"
#include "lcngeom/rat_poly.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom::detail {

// Value type -> C struct, and back (for the constructors from a raw value).
#define LCNGEOM_DETAIL_FLINT_PAIR(Wrapper, Struct) \
  template <>                                      \
  struct flint_type<Wrapper> {                     \
    using type = Struct;                           \
  };                                               \
  template <>                                      \
  struct flint_wrapper<Struct> {                   \
    using type = Wrapper;                          \
  };
LCNGEOM_DETAIL_FLINT_PAIR(Integer, fmpz)
LCNGEOM_DETAIL_FLINT_PAIR(Rational, fmpq)
LCNGEOM_DETAIL_FLINT_PAIR(IntPoly, fmpz_poly_struct)
LCNGEOM_DETAIL_FLINT_PAIR(RatPoly, fmpq_poly_struct)
LCNGEOM_DETAIL_FLINT_PAIR(RatMatrix, fmpq_mat_struct)
LCNGEOM_DETAIL_FLINT_PAIR(RatMPoly, fmpq_mpoly_struct)
LCNGEOM_DETAIL_FLINT_PAIR(MPolyRing, fmpq_mpoly_ctx_struct)
LCNGEOM_DETAIL_FLINT_PAIR(Ball, arb_struct)
#undef LCNGEOM_DETAIL_FLINT_PAIR

// What the FLINT-free headers assume about the structs (FlintCell::get()
// checks each struct's size and alignment against its cell).
static_assert(std::is_same_v<slong, flint_word> && FLINT_BITS == 8 * sizeof(flint_word),
              "lcngeom assumes FLINT's slong is long");
static_assert(COEFF_MAX == small_fmpz_max && COEFF_MIN == -small_fmpz_max,
              "lcngeom assumes FLINT's small fmpz range [-(2^(FLINT_BITS-2)-1), 2^(FLINT_BITS-2)-1]");
static_assert(COEFF_IS_MPZ(COEFF_MAX + 1) == fmpz_word_is_big(COEFF_MAX + 1) && !fmpz_word_is_big(COEFF_MAX) &&
                  !fmpz_word_is_big(COEFF_MIN) && !fmpz_word_is_big(-1) && !fmpz_word_is_big(0),
              "lcngeom assumes FLINT's COEFF_IS_MPZ test");
// Word offsets read by the inline accessors of rational.hpp, int_poly.hpp,
// rat_poly.hpp and rat_matrix.hpp.
static_assert(offsetof(fmpq, num) == 0 && offsetof(fmpq, den) == sizeof(flint_word));
static_assert(offsetof(fmpz_poly_struct, length) == 2 * sizeof(flint_word));
static_assert(offsetof(fmpq_poly_struct, length) == 2 * sizeof(flint_word));
static_assert(offsetof(fmpq_mat_struct, r) == sizeof(flint_word) &&
              offsetof(fmpq_mat_struct, c) == 2 * sizeof(flint_word));

}  // namespace lcngeom::detail

#endif
