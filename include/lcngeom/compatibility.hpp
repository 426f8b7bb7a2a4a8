// lcngeom/compatibility.hpp -- compatibility of an rrmp with an LCN
// architecture (text after Theorem 5.4, Corollary 5.5, Example 5.6).
//
// A form with rrmp (rho|gamma) factors along the architecture k = (k_1..k_L)
// with no repeated root inside any filter iff one can place rho_i balls of
// size 1 and colour p_i, and gamma_j balls of size 2 and colour q_j, into L
// bins of sizes k_1 - 1, ..., k_L - 1 with no two balls of one colour in a bin.
#ifndef LCNGEOM_COMPATIBILITY_HPP
#define LCNGEOM_COMPATIBILITY_HPP

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/rational.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// Which distinct root factors of the form go into each filter.
struct Placement {
  /// A factor: the real linear form p_index or the irreducible quadratic
  /// q_index, numbered from 1 in the rrmp's order (rho and gamma ascending, so
  /// in 112|0 the double root is p3).
  struct Factor {
    bool complex;  ///< true for a quadratic q_index, false for a linear p_index
    int index;  ///< numbered from 1 in the rrmp's order
    /// Same kind and index.
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
/// compatible_placement with a braced filter-size list: compatible_placement(r, {4, 2}).
inline std::optional<Placement> compatible_placement(const Rrmp& r, std::initializer_list<int> filter_sizes) {
  return compatible_placement(r, std::span<const int>(filter_sizes.begin(), filter_sizes.size()));
}

/// compatible_placement(r, k).has_value().
bool is_compatible(const Rrmp& r, std::span<const int> filter_sizes);
/// is_compatible with a braced filter-size list.
inline bool is_compatible(const Rrmp& r, std::initializer_list<int> filter_sizes) {
  return is_compatible(r, std::span<const int>(filter_sizes.begin(), filter_sizes.size()));
}

/// One cell of the Example 5.6 table: an rrmp and its witness placement
/// (std::nullopt prints as the paper's dash).
struct CompatibilityRow {
  Rrmp rrmp;  ///< the rrmp of the row
  std::optional<Placement> witness;  ///< a compatible placement, or std::nullopt (the paper's dash)
};

/// The Example 5.6 row of an architecture k = (k_1, ..., k_L): for every rrmp
/// of degree n = sum (k_l - 1), in the paper's order (all_rrmps(n)), the
/// witness of compatible_placement() or std::nullopt.  By Corollary 5.5 the
/// compatible rrmps are exactly those that occur at critical points of the
/// square loss for generic data.  Throws invalid_argument if some k_l < 1 or
/// the list is empty.
///
/// Example: compatibility_table({4, 2}) gives 1111|0 -> p1p2p3·p4,
/// 112|0 -> p1p2p3·p3, 22|0 -> none, ..., 11|1 -> p1q1·p2, 2|1 -> p1q1·p1.
std::vector<CompatibilityRow> compatibility_table(std::span<const int> filter_sizes);
/// compatibility_table with a braced filter-size list: compatibility_table({4, 2}).
inline std::vector<CompatibilityRow> compatibility_table(std::initializer_list<int> filter_sizes) {
  return compatibility_table(std::span<const int>(filter_sizes.begin(), filter_sizes.size()));
}

/// The filter forms a placement prescribes for a form with the given distinct
/// real linear factors p_1..p_r and irreducible quadratic factors q_1..q_c
/// (indexed as in Placement::Factor): filter l is the product of the factors
/// in bins[l] (the constant 1 for an empty bin).  The first filter is then
/// multiplied by `unit`.  If the p_i, q_j are pairwise coprime, the product of
/// the result is unit * prod p_i^{rho_i} prod q_j^{gamma_j} and no filter has a
/// repeated root (each bin holds a colour at most once).  Throws
/// invalid_argument if an index is out of range.
std::vector<BinaryForm> realize_placement(const Placement& placement, const std::vector<BinaryForm>& real_linear,
                                          const std::vector<BinaryForm>& quadratics, const Rational& unit);

}  // namespace lcngeom

#endif
