// Internal: the F_p building blocks shared by the quotient-ring engines
// (modular_solver4.cpp, pure powers; modular_solver5.cpp, maximal minors):
// packed monomials, sparse polynomials as a ring of detail/rings.hpp, an RAII
// nmod_mat_t and the restriction of operators to an invariant subspace.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <flint/nmod_mat.h>
#include <flint/nmod_vec.h>

#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom::detail::nmod_algebra {

// Exponent vectors packed 8 bits per variable (degrees below 256, at most 8
// variables; the engines' column limits keep them there).
using Mono = std::uint64_t;
inline constexpr int kBits = 8;
inline constexpr int kMaxVars = 8;

inline int mono_exp(Mono a, int v) { return static_cast<int>((a >> (kBits * v)) & 0xFF); }
inline Mono var_mono(int v) { return Mono{1} << (kBits * v); }

// Sparse polynomials over F_p as a ring of detail/rings.hpp (so the generic
// poly_mul / critical_matrix code builds the engines' equations).
struct SparseRing {
  using E = std::map<Mono, ulong>;
  nmod_t mod;
  E zero() const { return {}; }
  E one() const { return {{Mono{0}, 1UL}}; }
  E constant(ulong c) const { return c ? E{{Mono{0}, c}} : E{}; }
  E from_si(long v) const { return constant(NmodField(mod.n).from_si(v)); }
  E add(const E& a, const E& b) const {
    E r = a;
    for (const auto& [m, c] : b) {
      ulong& t = r[m];
      t = nmod_add(t, c, mod);
      if (!t) r.erase(m);
    }
    return r;
  }
  E neg(const E& a) const {
    E r;
    for (const auto& [m, c] : a) r[m] = nmod_neg(c, mod);
    return r;
  }
  E sub(const E& a, const E& b) const { return add(a, neg(b)); }
  E mul(const E& a, const E& b) const {
    E r;
    for (const auto& [ma, ca] : a)
      for (const auto& [mb, cb] : b) {
        ulong& t = r[ma + mb];
        t = nmod_add(t, nmod_mul(ca, cb, mod), mod);
      }
    for (auto it = r.begin(); it != r.end();) it = it->second ? std::next(it) : r.erase(it);
    return r;
  }
  E scale(const E& a, ulong c) const {
    E r;
    if (c)
      for (const auto& [m, x] : a) r[m] = nmod_mul(x, c, mod);
    return r;
  }
  bool is_zero(const E& a) const { return a.empty(); }
};

// RAII nmod_mat_t.
struct NMat {
  nmod_mat_t m;
  NMat(slong r, slong c, ulong p) { nmod_mat_init(m, r, c, p); }
  NMat(const NMat& o) {
    nmod_mat_init(m, o.m->r, o.m->c, o.m->mod.n);
    nmod_mat_set(m, o.m);
  }
  NMat& operator=(const NMat&) = delete;
  ~NMat() { nmod_mat_clear(m); }
  void swap(NMat& o) { nmod_mat_swap(m, o.m); }
  slong rows() const { return m->r; }
  slong cols() const { return m->c; }
  ulong& at(slong i, slong j) { return nmod_mat_entry(m, i, j); }
  ulong at(slong i, slong j) const { return nmod_mat_entry(m, i, j); }
};

inline NMat mat_mul(const NMat& a, const NMat& b) {
  NMat c(a.rows(), b.cols(), a.m->mod.n);
  nmod_mat_mul(c.m, a.m, b.m);
  return c;
}

inline bool mat_equal(const NMat& a, const NMat& b) { return nmod_mat_equal(a.m, b.m) != 0; }

// Pivot columns of a matrix in reduced row echelon form with `rank` rows.
inline std::vector<slong> pivot_columns(const NMat& r, slong rank) {
  std::vector<slong> piv;
  slong c = 0;
  for (slong i = 0; i < rank; ++i) {
    while (r.at(i, c) == 0) ++c;
    piv.push_back(c++);
  }
  return piv;
}

// The columns `cols` of S.
inline NMat columns_of(const NMat& S, const std::vector<slong>& cols) {
  NMat B(S.rows(), static_cast<slong>(cols.size()), S.m->mod.n);
  for (slong i = 0; i < S.rows(); ++i)
    for (slong j = 0; j < B.cols(); ++j) B.at(i, j) = S.at(i, cols[static_cast<std::size_t>(j)]);
  return B;
}

// Restriction of operators to the invariant subspace W spanned by the
// (independent) columns of B: with `rows` rows of B forming an invertible
// block B_rows, M restricted is B_rows^{-1} (M B)_rows.  `what` names the
// subspace in the (never expected) error.
struct Restriction {
  NMat B;
  std::vector<slong> rows;
  NMat inv;
  Restriction(const NMat& basis, const char* what) : B(basis), inv(basis.cols(), basis.cols(), basis.m->mod.n) {
    const slong n = B.rows(), r = B.cols();
    NMat Bt(r, n, B.m->mod.n), Bs(r, r, B.m->mod.n);
    for (slong i = 0; i < n; ++i)
      for (slong j = 0; j < r; ++j) Bt.at(j, i) = B.at(i, j);
    if (nmod_mat_rref(Bt.m) != r) throw not_supported(std::string("dependent basis of the ") + what);  // never
    rows = pivot_columns(Bt, r);
    for (slong i = 0; i < r; ++i)
      for (slong j = 0; j < r; ++j) Bs.at(i, j) = B.at(rows[static_cast<std::size_t>(i)], j);
    if (!nmod_mat_inv(inv.m, Bs.m)) throw not_supported(std::string("singular block of the ") + what);  // never
  }
  NMat operator()(const NMat& M) const {
    const NMat MB = mat_mul(M, B);
    NMat R(B.cols(), B.cols(), B.m->mod.n);
    for (slong i = 0; i < B.cols(); ++i)
      for (slong j = 0; j < B.cols(); ++j) R.at(i, j) = MB.at(rows[static_cast<std::size_t>(i)], j);
    return mat_mul(inv, R);
  }
};

// For a cyclic Z (Q x Q) and matrices G_t commuting with it, the q_t with
// G_t = q_t(Z) (deg q_t < Q), read off the Krylov basis K = (v, Z v, ...,
// Z^{Q-1} v) of the start vector v: G_t v = K q_t.  False when v is not
// cyclic (K singular).
inline bool polynomials_in(const NMat& Z, const std::vector<NMat>& G, std::vector<ulong> v, std::vector<NmodPoly>& q) {
  const slong n = Z.rows();
  const ulong p = Z.m->mod.n;
  const nmod_t mod = Z.m->mod;
  NMat K(n, n, p), B(n, static_cast<slong>(G.size()), p), Q(n, static_cast<slong>(G.size()), p);
  for (slong j = 0; j < n; ++j) {
    for (slong i = 0; i < n; ++i) K.at(i, j) = v[static_cast<std::size_t>(i)];
    std::vector<ulong> next(static_cast<std::size_t>(n), 0);
    for (slong i = 0; i < n; ++i)
      for (slong l = 0; l < n; ++l)
        next[static_cast<std::size_t>(i)] =
            nmod_add(next[static_cast<std::size_t>(i)], nmod_mul(Z.at(i, l), v[static_cast<std::size_t>(l)], mod), mod);
    v.swap(next);
  }
  for (std::size_t t = 0; t < G.size(); ++t)
    for (slong i = 0; i < n; ++i) {
      ulong acc = 0;
      for (slong l = 0; l < n; ++l) acc = nmod_add(acc, nmod_mul(G[t].at(i, l), K.at(l, 0), mod), mod);
      B.at(i, static_cast<slong>(t)) = acc;
    }
  if (!nmod_mat_solve(Q.m, K.m, B.m)) return false;
  q.assign(G.size(), NmodPoly(p));
  for (std::size_t t = 0; t < G.size(); ++t)
    for (slong i = 0; i < n; ++i) q[t].set_coeff(i, Q.at(i, static_cast<slong>(t)));
  return true;
}

}  // namespace lcngeom::detail::nmod_algebra
