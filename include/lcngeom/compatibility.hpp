// lcngeom/compatibility.hpp -- compatibility of an rrmp with an LCN
// architecture (text after Theorem 5.4, Corollary 5.5, Example 5.6).
//
// A form with rrmp (rho|gamma) factors along the architecture k = (k_1..k_L)
// with no repeated root inside any filter iff one can place rho_i balls of
// size 1 and colour p_i, and gamma_j balls of size 2 and colour q_j, into L
// bins of sizes k_1 - 1, ..., k_L - 1 with no two balls of one colour in a bin.
#ifndef LCNGEOM_COMPATIBILITY_HPP
#define LCNGEOM_COMPATIBILITY_HPP

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// Which distinct root factors of the form go into each filter.
struct Placement {
  /// A factor: the real linear form p_index or the irreducible quadratic
  /// q_index, numbered from 1 in the rrmp's order (rho and gamma ascending, so
  /// in 112|0 the double root is p3).
  struct Factor {
    bool complex;
    int index;
    friend bool operator==(const Factor&, const Factor&) = default;
  };
  /// bins[l] lists the factors of filter l (real ones first, then complex).
  std::vector<std::vector<Factor>> bins;

  /// The paper's notation: "p1p2·p3·p4", "q1·p1·p1", "p1q1·p2" (bins in
  /// filter order, separated by U+00B7; an empty bin (k_l = 1) prints "1").
  std::string to_string() const;
};

/// A placement witnessing compatibility, or std::nullopt if (rho|gamma) is
/// not compatible.  Deterministic backtracking: colours p_1..p_r then
/// q_1..q_c, each placed in the lexicographically first feasible set of bins
/// (this reproduces the witnesses printed in Example 5.6).  Throws
/// invalid_argument if some k_l < 1 or sum (k_l - 1) != degree of the rrmp.
std::optional<Placement> compatible_placement(const Rrmp& r, std::span<const int> filter_sizes);

/// compatible_placement(r, k).has_value().
bool is_compatible(const Rrmp& r, std::span<const int> filter_sizes);

}  // namespace lcngeom

#endif
