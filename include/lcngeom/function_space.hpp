// lcngeom/function_space.hpp -- the function space M_{d,k,s} of an LCN
// (Section 4): filling, dimension, membership, interior / boundary /
// complement, and the rrmp description of Example 4.6.
//
// Via pi (eq. 2.8), M is a set of binary forms of degree k - 1 inside the
// ambient space R[x,y]_{k-1} = M_{(d_0,d_L),k,s}.  For stride one (Corollary
// 2.7) it is the set of products of forms of degrees k_1 - 1, ..., k_L - 1,
// and by Lemma 4.2 a form p is in M iff p has at least e real roots counted
// with multiplicity, e = #{l : k_l even}.  So membership depends only on the
// rrmp (rho|gamma) of p:
//     p in M                 iff  sum rho_i >= e                     (Lemma 4.2)
//     p on the boundary      iff  p in M and #{i : rho_i odd} <= e - 2  (Prop. 4.4, e >= 2)
//     p in the interior      iff  #{i : rho_i odd} >= e  (the odd-multiplicity real roots are
//                                  sign changes and survive small perturbations)
// The zero form (mu of zero filters) is in M, and on the boundary iff e >= 2.
// M is closed (Prop. 4.4); it is all of R[x,y]_{k-1} iff e <= 1 (Theorem 4.1).
//
// Architectures with strides or D > 1 are first reduced (reduce_architecture):
// Lemma 4.9 (a) the last stride does not matter, (b) a last filter of size 1
// is a scalar; layers with k_l = 1 and s_l = 1 are scalars anywhere; and a
// D-dimensional architecture whose end-to-end filter is nontrivial in only one
// dimension is the 1-D architecture of that dimension.  The rrmp description
// applies iff the reduction is a 1-D stride-one architecture (Corollary 4.10);
// otherwise the functions below that need it throw not_supported.
#ifndef LCNGEOM_FUNCTION_SPACE_HPP
#define LCNGEOM_FUNCTION_SPACE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lcngeom/architecture.hpp"
#include "lcngeom/binary_form.hpp"
#include "lcngeom/rrmp.hpp"

namespace lcngeom {

/// An architecture with the same function space pi(M) (at filter level) and
/// the same end-to-end filter shape, obtained by: repeatedly setting the last
/// stride to 1 (Lemma 4.9(a)) and dropping a last layer of filter size 1
/// (Lemma 4.9(b)); dropping layers with k_l = 1 and s_l = 1 (scalar factors);
/// for D > 1, dropping layers of shape (1, ..., 1) and, if the end-to-end
/// filter has extent > 1 in at most one dimension h, passing to the 1-D
/// architecture of dimension h.  At least one layer is kept.  Output sizes are
/// adjusted so that the input size d_0 is unchanged.
Architecture reduce_architecture(const Architecture& arch);

/// If reduce_architecture(arch) is a 1-D stride-one architecture, that
/// architecture (the rrmp description of this header applies to it), else nullopt.
std::optional<Architecture> stride_one_reduction(const Architecture& arch);

/// One stride-one architecture per multiset of filter sizes k_l >= 2 with
/// end-to-end degree sum (k_l - 1) = n (the function space does not depend on
/// the order of the layers, end of Section 2.2): the partitions of n, parts
/// k_l - 1, filters in descending order, output size 1.  E.g. n = 4 gives
/// (2,2,2,2), (3,2,2), (3,3), (4,2), (5).  Throws invalid_argument unless
/// 1 <= n <= 40.
std::vector<Architecture> stride_one_architectures(int n);

/// Filling (Definition 2.3) and the theorem that decides it.
struct FillingVerdict {
  bool filling;  ///< whether the function space M_k fills R[x,y]_{k-1} (Definition 2.3)
  /// e.g. "Theorem 4.1: e = 2 even filter sizes (>= 2)",
  /// "Proposition 4.11: s_1 = 2 > 1 and k_L = 2 > 1", "Corollary 4.16: ...".
  std::string reason;
};

/// Decides filling for every architecture, from the reduction: one layer:
/// filling (mu is the identity on filters); 1-D stride one: filling iff
/// e <= 1 (Theorem 4.1); 1-D with a stride s_i > 1, i <= L - 1: not filling
/// (Prop. 4.11, lower-dimensional); D > 1 with two dimensions of extent > 1
/// and L > 1 nontrivial layers: not filling (Corollary 4.16, lower-dimensional).
FillingVerdict filling_verdict(const Architecture& arch);
/// filling_verdict(arch).filling.
bool is_filling(const Architecture& arch);

/// Where a form lies relative to the function space (Euclidean topology of
/// R[x,y]_{k-1}).  `complement` is the open set R[x,y]_{k-1} \ M.
enum class Region { interior, boundary, complement };
/// "interior", "boundary", "complement".
const char* to_string(Region r) noexcept;

/// Lemma 4.2: sum rho >= e, where e is the number of even filter sizes of the
/// stride-one reduction.  Throws invalid_argument if deg r != k - 1,
/// not_supported if there is no stride-one reduction.
bool rrmp_in_function_space(const Architecture& arch, const Rrmp& r);
/// Prop. 4.4: in the function space and #{odd rho_i} <= e - 2 (never for e <= 1).
bool rrmp_on_boundary(const Architecture& arch, const Rrmp& r);
/// interior / boundary / complement of M for the forms of rrmp r (Lemma 4.2, Prop. 4.4).
Region rrmp_region(const Architecture& arch, const Rrmp& r);

/// The rrmps of degree k - 1 (all_rrmps order, Example 3.3) split as in
/// Example 4.6: those in the function space, those in the complement, and
/// those on the Euclidean boundary (a subset of the function space).
/// Computed from all_rrmps(k - 1) and the criteria above; throws as
/// rrmp_in_function_space.
struct RrmpTable {
  /// The rrmps of degree k - 1 in the function space, outside it, and on its boundary (Prop. 4.4),
  /// each in the paper's order.
  ///@{
  std::vector<Rrmp> function_space, complement, boundary;
  ///@}
};
/// The RrmpTable of an architecture (every rrmp of degree k - 1 classified).
RrmpTable function_space_rrmps(const Architecture& arch);

/// The region of a form of degree k - 1 (exact: the rrmp is computed exactly,
/// its real-root count by Sturm sequences).  The zero form is in M, on the
/// boundary iff e >= 2.  Throws invalid_argument if deg p != k - 1,
/// not_supported if there is no stride-one reduction.
Region form_region(const Architecture& arch, const BinaryForm& p);
/// form_region(arch, p) != Region::complement.
bool in_function_space(const Architecture& arch, const BinaryForm& p);

// ------------------------------------------------------------ dimension

/// Options of the randomized dimension computation.
struct DimensionOptions {
  int trials = 3;                            ///< random points (>= 1)
  long sample_bound = 1L << 20;              ///< parameters uniform in {-B, ..., B}
  std::uint64_t seed = 0x4c434e67656f6dULL;  ///< deterministic by default
};

/// dim M_{d,k,s} as the generic rank of the Jacobian of mu (the image of a
/// polynomial map has dimension equal to the generic rank of its differential).
///
/// Algorithm: the exact rank over Q of jacobian() (1-D, any strides) or
/// jacobian_multi() (D > 1, stride one) at `trials` random integer points,
/// maximised.  The rank at any point is <= the generic rank r*, so
/// `dimension` is always a lower bound.  An upper bound holds always:
/// r* <= min(ambient, P - (L - 1)) with P the number of parameters, because
/// the rescalings (kappa_1 w_1, ..., kappa_L w_L), prod kappa = 1, give L - 1
/// independent kernel vectors where all filters are nonzero.  If `dimension`
/// reaches that bound the result is certain (`certified`).  Otherwise, by
/// Schwartz-Zippel (a nonzero r* x r* minor of J has degree <= r* (L - 1) in
/// the parameters; each point misses it with probability <= r* (L - 1) / (2B + 1)),
/// the probability that all trials fall below r* is at most
/// `failure_probability` = (u (L - 1) / (2B + 1))^trials with u the upper bound.
struct FunctionSpaceDimension {
  int dimension;          ///< max rank found (= dim M with the stated probability)
  int ambient_dimension;  ///< prod_h k^h
  int upper_bound;        ///< min(ambient, P - (L - 1))
  bool certified;         ///< dimension == upper_bound
  int trials;  ///< random integer points at which J's rank was computed
  double failure_probability;  ///< 0 if certified
};
/// The dimension of the function space M_k (see FunctionSpaceDimension: a certified
/// lower bound, exact when `certified`).  Throws invalid_argument for bad options.
FunctionSpaceDimension function_space_dimension(const Architecture& arch, const DimensionOptions& options = {});

}  // namespace lcngeom

#endif
