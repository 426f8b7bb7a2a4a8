// lcngeom/factorization.hpp -- square-free decomposition and factorization of
// binary forms over Q.
//
// Factors are returned normalized: primitive integer forms whose first nonzero
// coefficient is positive; the linear form y (the root (1:0)) is a factor like
// any other.  The product unit * prod f_i^{e_i} reproduces the input exactly.
#ifndef LCNGEOM_FACTORIZATION_HPP
#define LCNGEOM_FACTORIZATION_HPP

#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/rational.hpp"

namespace lcngeom {

/// One factor of a factorization over Q with its multiplicity.
struct FormFactor {
  BinaryForm form;   ///< normalized primitive integer form of degree >= 1
  int multiplicity;  ///< >= 1
};

/// p = unit * prod form_i^{multiplicity_i}.
struct FormFactorization {
  Rational unit;  ///< the leading factor: p = unit * prod form_i^{multiplicity_i}
  std::vector<FormFactor> factors;  ///< irreducible over Q, normalized (see the file comment)

  /// The product unit * prod form_i^{multiplicity_i}, of degree sum deg_i e_i.
  BinaryForm expand() const;
  /// sum deg(form_i) * multiplicity_i.
  int degree() const;
};

/// Square-free decomposition over Q: p = unit * prod_i f_i^i where the f_i are
/// square-free, pairwise coprime, of degree >= 1, and the powers y^m are merged
/// into the f of their multiplicity.  At most one factor per multiplicity,
/// listed by increasing multiplicity.  Throws domain_error for the zero form.
/// A form of degree 0 gives no factors.
FormFactorization squarefree_decomposition(const BinaryForm& p);

/// Factorization into irreducible forms over Q (FLINT's Zassenhaus / van
/// Hoeij factoring of p(t, 1), plus the factor y of multiplicity m).  Factors
/// are sorted by (degree, coefficient vector).  Throws domain_error for 0.
FormFactorization factor(const BinaryForm& p);

/// The square-free part: the product of the distinct irreducible factors,
/// normalized as above (degree = number of distinct complex roots in P^1).
BinaryForm squarefree_part(const BinaryForm& p);

/// True if p is square-free as a form (no double root in P^1; equivalently
/// Disc(p) != 0 for degree >= 2).  Throws domain_error for the zero form.
bool is_squarefree(const BinaryForm& p);

}  // namespace lcngeom

#endif
