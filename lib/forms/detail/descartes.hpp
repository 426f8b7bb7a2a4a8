// lcngeom/detail/descartes.hpp -- certified real-root counting by Descartes'
// rule of signs on Bernstein coefficients (Vincent-Collins-Akritas bisection)
// in double precision with rigorous error bounds.
//
// The count is either exact or absent: every decision is taken on a sign that
// is certified by a running error bound, and whenever a sign cannot be
// certified (a root extremely close to a subdivision point, a cluster of
// roots, a multiple root, too deep a subdivision) the function gives up and
// the caller uses an exact big-integer method (FLINT's Sturm sequences).
#ifndef LCNGEOM_DETAIL_DESCARTES_HPP
#define LCNGEOM_DETAIL_DESCARTES_HPP

#include <cstdint>
#include <optional>
#include <span>

namespace lcngeom::detail {

/// Largest degree handled by count_real_roots_descartes.
inline constexpr int kDescartesMaxDegree = 64;

/// The largest number of sign variations of a sequence whose i-th entry is
/// any real number in [b_i - e_i, b_i + e_i] (0 <= i <= d; entries certified
/// zero, b_i = e_i = 0, are skipped): an upper bound of the variations of every
/// sequence the certified approximations (b, e) may stand for.
int max_sign_variations(const double* b, const double* e, int d);

/// Number of distinct real roots of f(t) = c_0 + c_1 t + ... + c_d t^d
/// (ascending coefficients, c_d != 0), or std::nullopt if the certified
/// floating-point computation cannot decide (then nothing is claimed).
///
///   pre:  1 <= d <= kDescartesMaxDegree, |c_i| < 2^62.
///   post: a returned value is the exact number of distinct real roots.
/// Roots at 0 and +-1 are removed exactly (integer deflation) first; for a
/// square-free f the subdivision terminates, for a non-square-free f it
/// usually gives up (a multiple root keeps two sign variations forever).
std::optional<int> count_real_roots_descartes(std::span<const std::int64_t> c);

}  // namespace lcngeom::detail

#endif
