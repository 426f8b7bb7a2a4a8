// lcngeom/rrmp.hpp -- real root multiplicity patterns (Definition 3.2).
//
// A nonzero real form P has rrmp (rho | gamma) if
//     P = p_1^{rho_1} ... p_r^{rho_r} q_1^{gamma_1} ... q_c^{gamma_c}
// with p_i real linear, q_j real irreducible quadratic, pairwise linearly
// independent (eq. 3.1).  rho lists the multiplicities of the distinct real
// roots in P^1 ((1:0) included), gamma those of the distinct complex-conjugate
// pairs.  Written as in the paper: both sides ascending, "0" for an empty side,
// e.g. "112|0", "11|1", "0|11"; if a multiplicity is >= 10 all entries are
// comma separated: "1,12|0".  The partition lambda_{rho|gamma} lists rho and
// each gamma_j twice (the complex root pattern).
#ifndef LCNGEOM_RRMP_HPP
#define LCNGEOM_RRMP_HPP

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/detail/small_vector.hpp"
#include "lcngeom/partition.hpp"

namespace lcngeom {

/// A real root multiplicity pattern (rho | gamma) (Definition 3.2; see the file comment):
/// the multiplicities of the distinct real roots in P^1 and of the distinct
/// complex-conjugate pairs of a nonzero real binary form, both ascending.
class Rrmp {
 public:
  /// The pattern "0|0" of a nonzero constant (degree 0).
  Rrmp() = default;
  /// Sorts both sides ascending; throws invalid_argument for an entry <= 0 or
  /// a degree above kMaxPartitionSum.
  Rrmp(std::span<const int> rho, std::span<const int> gamma);
  /// Rrmp{{1, 1, 2}, {}} = 112|0: the same from braced lists.
  Rrmp(std::initializer_list<int> rho, std::initializer_list<int> gamma)
      : Rrmp(std::span<const int>(rho.begin(), rho.size()), std::span<const int>(gamma.begin(), gamma.size())) {}
  /// Parses "112|0", "0|11", "1,12|0", "(1,1,2|0)"; throws parse_error.
  static Rrmp parse(std::string_view text);

  /// rho: the multiplicities of the distinct real roots ((1:0) included), ascending.
  std::span<const int> rho() const noexcept { return rho_.span(); }
  /// gamma: the multiplicities of the distinct complex-conjugate pairs, ascending.
  std::span<const int> gamma() const noexcept { return gamma_.span(); }
  /// sum rho + 2 sum gamma.
  int degree() const noexcept;
  /// Number of real roots counted with multiplicity (sum rho).
  int real_root_count() const noexcept;
  /// Number of distinct real roots r (the length of rho).
  int distinct_real_roots() const noexcept { return static_cast<int>(rho_.size()); }
  /// Number of distinct complex-conjugate pairs c (the length of gamma).
  int distinct_complex_pairs() const noexcept { return static_cast<int>(gamma_.size()); }
  /// lambda_{rho|gamma} = (rho_1..rho_r, gamma_1, gamma_1, ..., gamma_c, gamma_c), descending.
  Partition lambda() const;
  /// The paper's notation: "112|0", "0|11", "1,12|0" (see the file comment).
  std::string to_string() const;
  /// Appends to_string() to out without a temporary (the batch output path).
  void append_to(std::string& out) const;

  /// A hash consistent with == (std::hash<Rrmp> calls it).
  std::size_t hash() const noexcept;

  /// Equal rho and equal gamma.
  friend bool operator==(const Rrmp& a, const Rrmp& b) noexcept { return a.rho_ == b.rho_ && a.gamma_ == b.gamma_; }
  /// A total order extending the paper's order of Example 3.3 (the order of
  /// all_rrmps(n)) to all degrees: by degree, then by the number of complex
  /// roots sum gamma, then by rho as a partition (increasing, see Partition),
  /// then by gamma as a partition (decreasing).  So sorting all_rrmps(n)
  /// leaves it unchanged, and 1111|0 < 112|0 < ... < 0|2 < 0|11.
  friend std::strong_ordering operator<=>(const Rrmp& a, const Rrmp& b) noexcept;

  // Builders for classifiers (keep the sides ascending themselves).
  /// Appends `count` real roots of this multiplicity to rho (no sorting: call normalize()).
  void push_real(int multiplicity, int count = 1) { rho_.push_back(multiplicity, count); }
  /// Appends `count` complex pairs of this multiplicity to gamma (no sorting: call normalize()).
  void push_complex(int multiplicity, int count = 1) { gamma_.push_back(multiplicity, count); }
  /// Sorts rho and gamma ascending (after push_real / push_complex).
  void normalize() noexcept {
    rho_.sort();
    gamma_.sort();
  }

 private:
  detail::SmallIntVector<8> rho_, gamma_;
};

/// Largest list all_rrmps() builds: 10^6 rrmps (degree <= 43; degree 60 has 25051940).
inline constexpr std::uint64_t kMaxRrmpList = 1000000;
/// Largest degree whose rrmp count fits 64 bits.
inline constexpr int kMaxRrmpCountArgument = 290;

/// All rrmps of degree n >= 0 in the paper's order (Example 3.3): by number of
/// complex pairs (with multiplicity) ascending, then rho by increasing
/// lexicographic order of its descending partition, then gamma by decreasing
/// order.  n = 4 gives 1111|0, 112|0, 22|0, 13|0, 4|0, 11|1, 2|1, 0|2, 0|11.
/// Throws invalid_argument if there are more than kMaxRrmpList of them
/// (n > 43; all_rrmps(60) would need about 3 GB): use for_each_rrmp.
std::vector<Rrmp> all_rrmps(int n);

/// The number of rrmps of degree n: sum over c of p(n - 2c) p(c).  Throws
/// invalid_argument for n < 0 or n > kMaxRrmpCountArgument.
std::uint64_t rrmp_count(int n);

/// Calls visit(r) for every rrmp of degree n >= 0 in the order of all_rrmps,
/// without storing them (memory O(n)); stops as soon as visit returns false.
void for_each_rrmp(int n, const std::function<bool(const Rrmp&)>& visit);

/// The rrmp of a nonzero form (exact; the result always equals
/// rrmp_general(p)).  Throws domain_error for the zero form.
///
/// The one dispatcher, by degree and coefficient size:
///  - degree <= 4: the closed forms of Example 3.3, in int64/int128 when the
///    (numerator) coefficients fit a long -- with overflow detection and a
///    512-bit fallback, so no such form touches FLINT integers -- and with
///    FLINT integers otherwise;
///  - degree >= 5: the roots (1:0) and (0:1) are read off the leading and
///    trailing zeros; the rest f gets a modular square-freeness certificate
///    (gcd(f, f') = 1 modulo a word-size prime not dividing lc f); if
///    certified, the rrmp is 1^r | 1^((d-r)/2) with r the certified real-root
///    count, else the square-free decomposition is computed (by Yun's
///    algorithm modulo 2^61 - 1, verified exactly, for degree <= 64 and
///    |coefficients| < 2^62; by FLINT otherwise) and each factor is counted;
///  - real-root counts: Descartes' rule on Bernstein coefficients in double
///    precision with rigorous error bounds for degree <= 64 and machine
///    integers, otherwise (or when that cannot decide) the isolation engine of
///    real_roots.hpp (any degree and size).
/// rrmp_general is the independent reference (FLINT's square-free
/// decomposition and Sturm sequences), kept for tests.
Rrmp rrmp(const BinaryForm& p);

/// The same for an integer coefficient vector (a_0, ..., a_n) -- the entry
/// point of `lcngeom rrmp --batch`.  Throws invalid_argument for an empty
/// vector, domain_error for the zero form.
Rrmp rrmp(std::span<const long> coefficients);

/// General algorithm: square-free decomposition over Q of p(t, 1) (FLINT),
/// FLINT's Sturm count of real roots of each square-free factor, and the
/// multiplicity of (1:0) from the leading zeros.  No closed forms: this is the
/// reference the fast paths are tested against.
Rrmp rrmp_general(const BinaryForm& p);

/// The closed-form classifiers of Example 3.3 for degrees 0..4 (quadratic: the
/// sign of b^2 - 4ac; cubic: Disc and delta_1..delta_3; quartic: delta,
/// delta' and p, q of the depressed quartic after moving a root off (1:0) with
/// (x, y) -> (x, y + s x)).  std::nullopt for other degrees.
std::optional<Rrmp> rrmp_closed_form(const BinaryForm& p);

/// The cubic invariants of Example 3.3 for a x^3 + b x^2 y + c x y^2 + d y^3:
/// Disc = b^2c^2 - 4ac^3 - 4b^3d - 27a^2d^2 + 18abcd, delta_1 = 3ac - b^2,
/// delta_2 = 9ad - bc, delta_3 = 3bd - c^2 (a triple root iff all three vanish).
struct CubicInvariants {
  /// The discriminant and the three 2x2 minors delta_1, delta_2, delta_3 above, exact.
  ///@{
  Rational disc, delta1, delta2, delta3;
  ///@}
};
/// Throws invalid_argument unless deg p = 3.
CubicInvariants cubic_invariants(const BinaryForm& p);

/// The depressed quartic of Example 3.3: for a_0 != 0,
/// f(x - a_1/(4 a_0) y, y) / a_0 = x^4 + p x^2 y^2 + q x y^3 + r y^4, with
///   delta  = 256r^3 - 128p^2r^2 + 144pq^2r + 16p^4r - 27q^4 - 4p^3q^2  (= Disc(f) / a_0^6),
///   delta' = 8pr - 9q^2 - 2p^3.
struct DepressedQuartic {
  /// The depressed quartic's p, q, r and the invariants delta, delta' above, exact.
  ///@{
  Rational p, q, r, delta, delta_prime;
  ///@}
};
/// Throws invalid_argument unless deg p = 4, domain_error if a_0 = 0.
DepressedQuartic depressed_quartic(const BinaryForm& p);

/// Writes to_string().
std::ostream& operator<<(std::ostream& os, const Rrmp& r);

}  // namespace lcngeom

template <>
/// std::hash support, so that Rrmp can key unordered containers.
struct std::hash<lcngeom::Rrmp> {
  /// Rrmp::hash().
  std::size_t operator()(const lcngeom::Rrmp& r) const noexcept { return r.hash(); }
};

#endif
