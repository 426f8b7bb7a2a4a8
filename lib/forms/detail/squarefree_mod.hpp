// lcngeom/detail/squarefree_mod.hpp -- a modular certificate of
// square-freeness over Q.
//
// If p does not divide lc(f) and gcd(f mod p, f' mod p) = 1 in F_p[t], then f
// is square-free over Q: a square factor g^2 | f over Q can be taken primitive
// in Z[t] (Gauss), so lc(g) | lc(f), g mod p keeps its degree >= 1 and divides
// both f mod p and f' mod p = (f mod p)'.  The converse fails only for the
// finitely many p dividing disc(f) (then the caller simply takes the full
// square-free decomposition), so the test is a one-sided certificate.
#ifndef LCNGEOM_DETAIL_SQUAREFREE_MOD_HPP
#define LCNGEOM_DETAIL_SQUAREFREE_MOD_HPP

#include <cstdint>
#include <optional>
#include <span>

#include <flint/fmpz_poly.h>

namespace lcngeom::detail {

/// True if f = c_0 + ... + c_d t^d (ascending, c_d != 0, d >= 1, any int64
/// values) is certified square-free over Q by a word-size prime (gcd(f, f')
/// modulo p is 1 for p = 2^31 - 1 or, if that divides c_d, 2^31 - 19).  False
/// means "no certificate" (f may still be square-free).
bool squarefree_certificate(std::span<const std::int64_t> c);

/// The same for a FLINT polynomial of degree >= 1 (coefficients of any size).
bool squarefree_certificate(const fmpz_poly_struct* f);

/// A verified square-free decomposition f = lambda * prod_k f_k^{m_k}.
class SquarefreeParts {
 public:
  static constexpr int kMaxDegree = 64;
  int size() const noexcept { return count_; }
  int multiplicity(int k) const noexcept { return mult_[k]; }
  /// Ascending coefficients of the primitive factor f_k (positive leading coefficient).
  std::span<const std::int64_t> factor(int k) const noexcept {
    return {coeffs_ + offset_[k], static_cast<std::size_t>(offset_[k + 1] - offset_[k])};
  }
  void push(int multiplicity, std::span<const std::int64_t> factor);

 private:
  int count_ = 0;
  int mult_[kMaxDegree] = {};
  int offset_[kMaxDegree + 1] = {};
  std::int64_t coeffs_[2 * (kMaxDegree + 1)] = {};
};

/// The square-free decomposition of f = c_0 + ... + c_d t^d over Q (ascending,
/// 1 <= d <= 64, c_d != 0, |c_i| < 2^62) computed modularly and then
/// verified exactly, or std::nullopt (the caller falls back to FLINT).
///
/// Algorithm: Yun's algorithm in F_p[t], p = 2^61 - 1 (valid since p > d),
/// gives monic g_k with f = lc * prod g_k^k mod p; each g_k is lifted to Z as
/// the symmetric residue of lc(f) g_k (exact if p/2 exceeds the coefficients
/// of lc(f) f_k / lc(f_k), an integer polynomial because lc(f_k) | lc(f)) and
/// made primitive.  Certificate, checked in exact integer arithmetic:
/// (a) f * lc(P) = P * lc(f) for P = prod f_k^k, so f = lambda P over Q; and
/// (b) prod f_k is square-free over Q (modular certificate above).
/// Then the f_k are pairwise coprime and square-free, so by uniqueness they
/// are the square-free factors of f with multiplicities k, whatever happened
/// modulo p (an unlucky prime can only make (a) or (b) fail).
///   post: factors are nonconstant, primitive, multiplicities distinct and
///         ascending.
std::optional<SquarefreeParts> squarefree_decomposition_modular(std::span<const std::int64_t> c);

}  // namespace lcngeom::detail

#endif
