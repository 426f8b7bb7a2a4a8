// lcngeom/detail/rrmp_small.hpp -- the closed-form rrmp classifiers of
// Example 3.3 evaluated on machine integers.
#ifndef LCNGEOM_DETAIL_RRMP_SMALL_HPP
#define LCNGEOM_DETAIL_RRMP_SMALL_HPP

#include <optional>
#include <span>

#include "lcngeom/rrmp.hpp"

namespace lcngeom::detail {

/// The rrmp of a_0 x^n + ... + a_n y^n (0 <= n <= 4, not all a_i zero) by the
/// sign conditions of Example 3.3, evaluated exactly in machine integers:
/// int64 or int128 without overflow checks when max |a_i| is below a bound
/// that provably keeps every intermediate in range (int64: 2^30, 2^14, 2^7;
/// int128: 2^62, 2^30, 2^18 for n = 2, 3, 4), with __builtin_*_overflow
/// checks on int128 above it, and in 512-bit arithmetic if that overflows
/// (every int64 form fits).  std::nullopt only if the signs fall outside the
/// table (never for real forms; kept as a guard).
/// Signs are invariant under scaling by any nonzero integer (only even powers
/// of the scale appear), so a need not be primitive.
std::optional<Rrmp> rrmp_closed_form_small(std::span<const long> a);

}  // namespace lcngeom::detail

#endif
