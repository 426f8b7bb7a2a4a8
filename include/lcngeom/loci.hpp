// lcngeom/loci.hpp -- multiple root loci Delta_lambda (Definition 3.1) and
// their tangent spaces (eq. 5.3).
//
// For a partition lambda of n, Delta_lambda in R[x,y]_n is the set of forms
// Q_1^{lambda_1} ... Q_r^{lambda_r} with complex linear forms Q_i (not
// necessarily distinct).  It is Zariski closed, contains 0, and
// Delta_mu is contained in Delta_lambda iff mu is a coarsening of lambda
// (footnote 2).  Delta_(1,...,1) is the whole space, Delta_(2,1,...,1) the
// discriminant hypersurface.
#ifndef LCNGEOM_LOCI_HPP
#define LCNGEOM_LOCI_HPP

#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/partition.hpp"

namespace lcngeom {

/// The complex root pattern of a nonzero form: multiplicities of its distinct
/// complex roots in P^1, descending (= rrmp(p).lambda()).  Throws domain_error for 0.
Partition root_pattern(const BinaryForm& p);

/// True if mu is a coarsening of lambda: the parts of lambda can be grouped
/// into blocks whose sums are the parts of mu (both partitions of the same n).
bool is_coarsening(const Partition& mu, const Partition& lambda);

/// Number of ways to obtain lambda by splitting mu, counting the parts of mu
/// as labelled (distinct roots): tuples (tau_1, ..., tau_s) of partitions
/// tau_i of mu_i whose union is lambda.  0 iff mu is not a coarsening.
int splitting_count(const Partition& mu, const Partition& lambda);

/// p in Delta_lambda: the zero form, or root_pattern(p) is a coarsening of lambda.
/// Throws invalid_argument if lambda is not a partition of deg p.
bool in_locus(const BinaryForm& p, const Partition& lambda);

/// p is a smooth point of Delta_lambda.  By Kurmann [25, Prop. 2.1(i)], a
/// point with pattern mu (a coarsening of lambda) is singular iff lambda
/// arises from mu in at least two ways, or in a way that splits some mu_i into
/// parts of unequal sizes.  Points with pattern exactly lambda are smooth; the
/// zero form is smooth only in Delta_(1,...,1) = R[x,y]_n.  False if p is not
/// in Delta_lambda.
bool is_smooth_point(const BinaryForm& p, const Partition& lambda);

/// The form g = prod_i q_i^{lambda_i - 1} over the distinct roots q_i of p
/// (= gcd(dp/dx, dp/dy)), normalized primitive integer.  Throws domain_error for 0.
BinaryForm tangent_generator(const BinaryForm& p);

/// Exact basis of the tangent space of Delta_lambda at p, where lambda is the
/// root pattern of p (eq. 5.3): { h * g : h in R[x,y]_r } with g from
/// tangent_generator and r the number of distinct roots; the basis is
/// g x^r, g x^{r-1} y, ..., g y^r (dimension r + 1 = dim Delta_lambda).
std::vector<BinaryForm> tangent_space(const BinaryForm& p);

/// As above, checking that the root pattern of p is exactly lambda (the
/// formula of eq. 5.3 holds there); throws domain_error otherwise.
std::vector<BinaryForm> tangent_space(const BinaryForm& p, const Partition& lambda);

}  // namespace lcngeom

#endif
