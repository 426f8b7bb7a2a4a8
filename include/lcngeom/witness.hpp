// lcngeom/witness.hpp -- witness factorizations: filters theta with
// mu(theta) = p for a form p in the function space (Lemma 4.2's construction).
//
// For an architecture whose filters of size > 1 all act with S_{l-1} =
// s_1 ... s_{l-1} = 1 (stride one, possibly with an arbitrary last stride,
// Corollary 4.10, and scalar layers anywhere), mu(theta) = prod_l pi(w_l), so
// a witness is a grouping of the irreducible factors of p into L filters of
// degrees k_l - 1.  Lemma 4.2: one real linear factor for each odd-degree
// filter (there are e of them), then fill up with the rest.
//
//  * Exact witness: the Q-irreducible factors of p (with multiplicity) are
//    bin-packed by degree into bins of sizes k_1 - 1, ..., k_L - 1; any exact
//    packing is a factorization over Q.  Parity does the rest: an odd bin
//    receives an odd-degree factor, which has a real root.
//  * Numeric witness (when no packing over Q exists, e.g. an irreducible
//    quartic with four real roots for k = (2, 2, 2, 2)): as few Q-factors as
//    possible are split into their real linear / quadratic factors
//    (real_factorization, certified balls), the packing is redone, and each
//    filter that contains a split factor is the product of the factors
//    computed in ball arithmetic and rounded to `precision` bits.  Filters of
//    exact bins stay exact.  Every coefficient of the result is a dyadic
//    rational with at most `precision` significant bits (exactly an
//    MPFR/mpfr_float value of that precision), so mu(theta) - p is computed
//    exactly over Q: the reported error is not an estimate but the exact
//    value (and error_norm_bound() a certified upper bound on its 2-norm).
#ifndef LCNGEOM_WITNESS_HPP
#define LCNGEOM_WITNESS_HPP

#include <optional>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/parameterization.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// Filters theta with mu(theta) = p (or as close as `precision` bits allow): a witness that
/// p lies in the function space (Lemma 4.2; see the file comment).
struct Witness {
  /// w_1, ..., w_L (sizes k_1, ..., k_L).
  Filters filters;
  /// mu(filters) == p exactly.
  bool exact = true;
  /// Per filter: true if it is an exact factor of p over Q (unrounded).
  std::vector<bool> exact_filters;
  /// 0 if exact, else the precision in bits of the rounded coefficients.
  long precision = 0;
  /// max_i |mu(filters)_i - p_i| and ||mu(filters) - p||_2^2, both exact.
  /// max_i |mu(filters)_i - p_i| and ||mu(filters) - p||_2^2, both exact.
  ///@{
  Rational error_max, error_squared;
  ///@}
  /// A certified upper bound on ||mu(filters) - p||_2 (sqrt rounded up; 0 if exact).
  Rational error_norm_bound() const;
};

/// A witness over Q, or std::nullopt if the Q-irreducible factors of p cannot
/// be grouped into degrees k_1 - 1, ..., k_L - 1.  The zero form gives zero
/// filters.  Throws invalid_argument if deg p != k - 1, not_supported unless
/// S_{l-1} = 1 for every layer with k_l > 1 (the 1-D stride-one case).
std::optional<Filters> exact_witness(const Architecture& arch, const BinaryForm& p);

/// A witness for a form p in the function space: exact_witness() when it
/// exists, else the numeric witness described above with coefficients of
/// `precision` bits (>= 16).  Throws domain_error if p is not in the function
/// space (fewer than e real roots, Lemma 4.2), and as exact_witness().
Witness witness(const Architecture& arch, const BinaryForm& p, long precision = 128);

}  // namespace lcngeom

#endif
