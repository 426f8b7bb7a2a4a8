// The modular engine for the loci of pure powers Delta(k^m) by linear algebra
// in the quotient ring (see detail/modular_solver4.hpp for the mathematics):
// the Macaulay matrix of the homogenised system E_i(g) in the regularity
// degree, truncated normal forms, multiplication matrices by x_i / l_0, the
// affine part (Fitting decomposition of x_0 / l_0), a rational univariate
// representation from a Krylov basis, and exact classification of every root
// in F_p[z]/(t).
#include "lcngeom/detail/modular_solver4.hpp"
#include "lcngeom/detail/nmod_algebra.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <flint/nmod_mat.h>
#include <flint/nmod_poly.h>
#include <flint/nmod_poly_factor.h>
#include <flint/ulong_extras.h>

#include "lcngeom/error.hpp"

namespace lcngeom::detail {

namespace {

using nmod_algebra::columns_of;
using nmod_algebra::kBits;
using nmod_algebra::mat_equal;
using nmod_algebra::mat_mul;
using nmod_algebra::Mono;
using nmod_algebra::mono_exp;
using nmod_algebra::NMat;
using nmod_algebra::pivot_columns;
using nmod_algebra::polynomials_in;
using nmod_algebra::Restriction;
using nmod_algebra::SparseRing;
using nmod_algebra::var_mono;

// M^e, e >= 1, by repeated squaring.
NMat mat_pow(const NMat& M, slong e) {
  NMat r(M), b(M);
  for (--e; e > 0; e >>= 1) {
    if (e & 1) {
      NMat t = mat_mul(r, b);
      r.swap(t);
    }
    if (e > 1) {
      NMat t = mat_mul(b, b);
      b.swap(t);
    }
  }
  return r;
}

// Multiplicity of the eigenvalue 0 of a square matrix (of the root 0 of its
// characteristic polynomial).
slong zero_multiplicity(const NMat& M) {
  nmod_poly_t c;
  nmod_poly_init(c, M.m->mod.n);
  nmod_mat_charpoly(c, M.m);
  slong r = 0;
  while (r < M.rows() && nmod_poly_get_coeff_ui(c, r) == 0) ++r;
  nmod_poly_clear(c);
  return r;
}

// All monomials of total degree d in V variables.
std::vector<Mono> monomials(int V, int d) {
  std::vector<Mono> out;
  std::vector<int> e(static_cast<std::size_t>(V), 0);
  std::function<void(int, int)> rec = [&](int v, int left) {
    if (v == V - 1) {
      e[static_cast<std::size_t>(v)] = left;
      Mono m = 0;
      for (int a = 0; a < V; ++a) m += static_cast<Mono>(e[static_cast<std::size_t>(a)]) << (kBits * a);
      out.push_back(m);
      return;
    }
    for (int t = left; t >= 0; --t) {
      e[static_cast<std::size_t>(v)] = t;
      rec(v + 1, left - t);
    }
  };
  rec(0, d);
  return out;
}

long binomial(long a, long b) {
  if (b < 0 || b > a) return 0;
  long r = 1;
  for (long i = 1; i <= b; ++i) r = r * (a - b + i) / i;
  return r;
}

// ---------------------------------------------------------------------------
// Structured sparse reduction of the Macaulay matrix (Faugere-Lachartre style;
// the default path; LCNGEOM_MODULAR_ENGINE=reference keeps the dense RREF).
//
// Columns are ordered by decreasing grevlex (g_0 > ... > g_m > x_0), a
// multiplicative order, so the row mu * E_i has its leading entry at
// mu * LM(E_i).  After inter-reducing the E_i (distinct monic leading
// monomials), the first row reaching each leading monomial is a pivot row:
// these rows form a sparse unit triangular block A found by structure alone.
// Every other row is reduced against A in one dense pass (a sparse triangular
// solve), leaving the small Schur complement on the non-pivot columns, which
// FLINT reduces densely.  Rows mu * E_i with LM(E_j) | mu for some j < i are
// never built: mu * E_i = nu LM(E_j) E_i is a combination of multiples of E_j
// and of rows nu' E_i with nu' < mu (the Koszul syzygy E_j E_i = E_i E_j; the
// F5 criterion), so by induction they lie in the span of the rows kept and
// the row space -- hence the quotient -- is exactly that of the full matrix.

// a > b in grevlex with x_0 last (both of the same total degree).
bool grevlex_greater(Mono a, Mono b, int V) {
  if (mono_exp(a, 0) != mono_exp(b, 0)) return mono_exp(a, 0) < mono_exp(b, 0);
  for (int v = V - 1; v >= 1; --v)
    if (mono_exp(a, v) != mono_exp(b, v)) return mono_exp(a, v) < mono_exp(b, v);
  return false;
}

bool mono_divides(Mono a, Mono b, int V) {
  for (int v = 0; v < V; ++v)
    if (mono_exp(a, v) > mono_exp(b, v)) return false;
  return true;
}

// A basis of the span of homogeneous `eqs` with distinct monic leading
// monomials (grevlex), leading monomials in `leads`; empty if dependent.
std::vector<SparseRing::E> interreduce(const std::vector<SparseRing::E>& eqs, int V, nmod_t mod,
                                       std::vector<Mono>& leads) {
  std::vector<Mono> monos;
  for (const auto& e : eqs)
    for (const auto& t : e) monos.push_back(t.first);
  std::sort(monos.begin(), monos.end(), [V](Mono a, Mono b) { return grevlex_greater(a, b, V); });
  monos.erase(std::unique(monos.begin(), monos.end()), monos.end());
  std::unordered_map<Mono, slong> at;
  for (std::size_t j = 0; j < monos.size(); ++j) at[monos[j]] = static_cast<slong>(j);
  NMat M(static_cast<slong>(eqs.size()), static_cast<slong>(monos.size()), mod.n);
  for (std::size_t i = 0; i < eqs.size(); ++i)
    for (const auto& [mono, c] : eqs[i]) M.at(static_cast<slong>(i), at.at(mono)) = c;
  const slong rank = nmod_mat_rref(M.m);
  leads.clear();
  if (rank != static_cast<slong>(eqs.size())) return {};
  const std::vector<slong> piv = pivot_columns(M, rank);
  std::vector<SparseRing::E> out;
  for (slong i = 0; i < rank; ++i) {
    SparseRing::E e;
    for (std::size_t j = 0; j < monos.size(); ++j)
      if (M.at(i, static_cast<slong>(j))) e[monos[j]] = M.at(i, static_cast<slong>(j));
    out.push_back(std::move(e));
    leads.push_back(monos[static_cast<std::size_t>(piv[static_cast<std::size_t>(i)])]);
  }
  return out;
}

// The reduction of one block (one class of columns) of the Macaulay matrix.
struct BlockReduction {
  slong rank = 0;
  std::vector<std::size_t> free_cols;  // indices into the sorted columns
  // Normal forms of every column over free_cols (dense), if asked for.
  std::vector<std::vector<ulong>> nf;
};

// cols: the block's monomials, sorted by decreasing grevlex.  Rows are
// mu * E_i for mu in `mults` whose leading monomial is a column.
BlockReduction reduce_block(const std::vector<Mono>& cols, const std::vector<SparseRing::E>& eqs,
                            const std::vector<Mono>& leads, const std::vector<Mono>& mults, int V, nmod_t mod,
                            bool want_nf) {
  const std::size_t N = cols.size();
  const ulong p = mod.n;
  std::unordered_map<Mono, std::uint32_t> at;
  at.reserve(2 * N);
  for (std::size_t j = 0; j < N; ++j) at[cols[j]] = static_cast<std::uint32_t>(j);
  struct Entry {
    std::uint32_t col;
    ulong c, pre;  // coefficient and its Shoup precomputation
  };
  using Row = std::vector<Entry>;
  std::vector<Row> pivot_row(N);  // A: unit leading entry at the column
  std::vector<char> is_pivot(N, 0);
  std::vector<Row> others;
  for (std::size_t i = 0; i < eqs.size(); ++i)
    for (Mono mu : mults) {
      if (at.find(mu + leads[i]) == at.end()) continue;  // another block
      bool redundant = false;
      for (std::size_t j = 0; j < i && !redundant; ++j) redundant = mono_divides(leads[j], mu, V);
      if (redundant) continue;
      Row r;
      r.reserve(eqs[i].size());
      for (const auto& [mono, c] : eqs[i]) r.push_back({at.at(mono + mu), c, n_mulmod_precomp_shoup(c, p)});
      std::sort(r.begin(), r.end(), [](const Entry& a, const Entry& b) { return a.col < b.col; });
      const std::uint32_t lead = r.front().col;
      if (!is_pivot[lead]) {
        is_pivot[lead] = 1;
        pivot_row[lead] = std::move(r);
      } else {
        others.push_back(std::move(r));
      }
    }
  // Reduce the other rows by A: afterwards they live on the non-pivot columns.
  std::vector<std::uint32_t> rest;  // non-pivot columns
  std::vector<slong> rest_index(N, -1);
  for (std::size_t j = 0; j < N; ++j)
    if (!is_pivot[j]) {
      rest_index[j] = static_cast<slong>(rest.size());
      rest.push_back(static_cast<std::uint32_t>(j));
    }
  std::vector<std::vector<ulong>> schur_rows;
  std::vector<ulong> v(N);
  for (const Row& r : others) {
    std::fill(v.begin(), v.end(), 0);
    for (const Entry& e : r) v[e.col] = e.c;
    for (std::size_t c = r.front().col; c < N; ++c) {
      if (!v[c] || !is_pivot[c]) continue;
      const ulong t = p - v[c];
      v[c] = 0;
      const Row& a = pivot_row[c];
      for (std::size_t l = 1; l < a.size(); ++l) {
        ulong& x = v[a[l].col];
        x = nmod_add(x, n_mulmod_shoup(a[l].c, t, a[l].pre, p), mod);
      }
    }
    std::vector<ulong> s(rest.size());
    bool nonzero = false;
    for (std::size_t j = 0; j < rest.size(); ++j) nonzero |= (s[j] = v[rest[j]]) != 0;
    if (nonzero) schur_rows.push_back(std::move(s));
  }
  others.clear();
  BlockReduction out;
  slong pivots_a = 0;
  for (char c : is_pivot) pivots_a += c;
  NMat S(static_cast<slong>(schur_rows.size()), static_cast<slong>(rest.size()), p);
  for (std::size_t i = 0; i < schur_rows.size(); ++i)
    for (std::size_t j = 0; j < rest.size(); ++j) S.at(static_cast<slong>(i), static_cast<slong>(j)) = schur_rows[i][j];
  schur_rows.clear();
  const slong rank_s = S.rows() && S.cols() ? nmod_mat_rref(S.m) : 0;
  const std::vector<slong> spiv = pivot_columns(S, rank_s);
  std::vector<char> is_spiv(rest.size(), 0);
  for (slong j : spiv) is_spiv[static_cast<std::size_t>(j)] = 1;
  out.rank = pivots_a + rank_s;
  std::vector<slong> free_index(N, -1);
  for (std::size_t j = 0; j < rest.size(); ++j)
    if (!is_spiv[j]) {
      free_index[rest[j]] = static_cast<slong>(out.free_cols.size());
      out.free_cols.push_back(rest[j]);
    }
  if (!want_nf) return out;
  const std::size_t f = out.free_cols.size();
  out.nf.assign(N, std::vector<ulong>(f, 0));
  for (std::size_t j = 0; j < f; ++j) out.nf[out.free_cols[j]][j] = 1;
  for (slong i = 0; i < rank_s; ++i) {  // S's rows: pivot + free columns
    auto& x = out.nf[rest[static_cast<std::size_t>(spiv[static_cast<std::size_t>(i)])]];
    for (std::size_t j = 0; j < f; ++j) x[j] = nmod_neg(S.at(i, rest_index[out.free_cols[j]]), mod);
  }
  // A's rows, last pivot first: their other entries are in later columns.
  for (std::size_t c = N; c-- > 0;) {
    if (!is_pivot[c]) continue;
    auto& x = out.nf[c];
    const Row& a = pivot_row[c];
    for (std::size_t l = 1; l < a.size(); ++l) {
      const auto& y = out.nf[a[l].col];
      const ulong t = p - a[l].c;
      for (std::size_t j = 0; j < f; ++j)
        if (y[j]) x[j] = nmod_add(x[j], nmod_mul(y[j], t, mod), mod);
    }
  }
  return out;
}

// The degrees tried with solutions at infinity gave no closed multiplication.
struct NotStable {};

class PowerEngine {
 public:
  // extra, shift: with solutions at infinity, the basis monomials have degree
  // d + extra - 1 and are multiplied by x_0^shift (extra < 0: refuse).
  PowerEngine(const CriticalStructure& s, const NmodField& F, const Mat<NmodField>& sigma,
              const Vec<NmodField>& sigma_u, std::uint64_t seed, int extra, int shift)
      : s_(s), F_(F), sigma_(sigma), sigma_u_(sigma_u), rng_(seed), extra_(extra), shift_(shift) {
    k_ = s.tracked.front().exponent;
    m_ = s.tracked.front().degree;
    V_ = m_ + 2;
    d_ = (m_ + 1) * (2 * k_ - 2) + 1;
  }

  CellCount run();

  // The hook of power_locus_rur_modp: a fixed separating form and where to
  // put the representation of the critical roots.
  void set_rur(const std::vector<ulong>* form, PowerRur* out) {
    fixed_form_ = form;
    rur_ = out;
  }

 private:
  std::vector<SparseRing::E> equations() const;
  using NormalForms = std::unordered_map<Mono, std::vector<std::pair<std::size_t, ulong>>>;
  void check_infinity(const std::vector<SparseRing::E>& eqs) const;
  [[noreturn]] void refuse_infinity() const;
  std::size_t normal_forms_dense(const std::vector<SparseRing::E>& eqs, NormalForms& nf) const;
  std::size_t normal_forms_sparse(const std::vector<SparseRing::E>& eqs, int degree, NormalForms& nf) const;
  bool infinity_free(const std::vector<SparseRing::E>& eqs) const;
  ulong random_unit() { return std::uniform_int_distribution<ulong>(1, F_.mod.n - 1)(rng_); }
  // g-degree of a monomial modulo k: the equations are homogeneous for it
  // (g -> zeta g multiplies E_i by zeta^{-1}), so the Macaulay matrix is
  // block diagonal with k blocks.
  int klass(Mono a) const {
    int t = 0;
    for (int v = 1; v < V_; ++v) t += mono_exp(a, v);
    return t % k_;
  }

  const CriticalStructure& s_;
  const NmodField& F_;
  const Mat<NmodField>& sigma_;
  const Vec<NmodField>& sigma_u_;
  std::mt19937_64 rng_;
  int extra_ = -1, shift_ = 0;
  int k_ = 2, m_ = 1, V_ = 3, d_ = 3;
  const std::vector<ulong>* fixed_form_ = nullptr;
  PowerRur* rur_ = nullptr;
};

// E_i = < g^k, g^{k-1} x^{m-i} y^i >_Sigma - x_0^k < u, g^{k-1} x^{m-i} y^i >_Sigma.
std::vector<SparseRing::E> PowerEngine::equations() const {
  SparseRing R{F_.mod};
  const int n = s_.n;
  Vec<SparseRing> g;
  for (int j = 0; j <= m_; ++j) g.push_back({{var_mono(j + 1), 1UL}});
  const Vec<SparseRing> gk1 = poly_pow(R, g, k_ - 1), gk = poly_mul(R, gk1, g);
  Mono x0k = 0;
  for (int t = 0; t < k_; ++t) x0k += var_mono(0);
  // s[a] = (Sigma g^k)[a] - x_0^k (Sigma u)[a].
  Vec<SparseRing> sg;
  for (int a = 0; a <= n; ++a) {
    SparseRing::E e;
    for (int b = 0; b <= n; ++b)
      e = R.add(e, R.scale(gk[static_cast<std::size_t>(b)],
                           sigma_[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)]));
    if (sigma_u_[static_cast<std::size_t>(a)])
      e = R.sub(e, SparseRing::E{{x0k, sigma_u_[static_cast<std::size_t>(a)]}});
    sg.push_back(std::move(e));
  }
  std::vector<SparseRing::E> eqs;
  for (int i = 0; i <= m_; ++i) {
    SparseRing::E e;
    for (std::size_t l = 0; l < gk1.size(); ++l) e = R.add(e, R.mul(gk1[l], sg[l + static_cast<std::size_t>(i)]));
    eqs.push_back(std::move(e));
  }
  return eqs;
}

// The parts of the E_i with x_0 = 0: their top-degree parts in g.
std::vector<SparseRing::E> top_parts(const std::vector<SparseRing::E>& eqs) {
  std::vector<SparseRing::E> top;
  for (const auto& e : eqs) {
    SparseRing::E t;
    for (const auto& [mono, c] : e)
      if (mono_exp(mono, 0) == 0) t[mono] = c;
    top.push_back(std::move(t));
  }
  return top;
}

// The parts of the E_i of top degree 2k - 1 in g (x_0 = 0) have only the
// trivial common zero iff their Macaulay matrix in degree (m+1)(2k-2)+1 (in
// the m + 1 variables g) has full column rank: then the homogenised system has
// no solution at infinity, it is a complete intersection with exactly the
// Bezout number of solutions, and x_0 is a nonzerodivisor of its quotient.
void PowerEngine::check_infinity(const std::vector<SparseRing::E>& eqs) const {
  const std::vector<SparseRing::E> top = top_parts(eqs);
  std::vector<Mono> cols;
  for (Mono c : monomials(V_, d_))
    if (mono_exp(c, 0) == 0) cols.push_back(c);
  std::unordered_map<Mono, slong> at;
  for (std::size_t j = 0; j < cols.size(); ++j) at[cols[j]] = static_cast<slong>(j);
  std::vector<std::pair<Mono, std::size_t>> rows;
  for (Mono mu : monomials(V_, d_ - (2 * k_ - 1)))
    if (mono_exp(mu, 0) == 0)
      for (std::size_t i = 0; i < top.size(); ++i) rows.push_back({mu, i});
  NMat M(static_cast<slong>(rows.size()), static_cast<slong>(cols.size()), F_.mod.n);
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (const auto& [mono, c] : top[rows[r].second]) M.at(static_cast<slong>(r), at.at(mono + rows[r].first)) = c;
  if (nmod_mat_rank(M.m) != static_cast<slong>(cols.size())) refuse_infinity();
}

void PowerEngine::refuse_infinity() const {
  throw not_supported("the critical equations of Delta(" + std::to_string(k_) + "^" + std::to_string(m_) +
                      ") in w = g^k have solutions at infinity for this inner product (g with <g^k, g^(k-1) R_m> = 0; "
                      "for an SO(2)-invariant product such as Bombieri they form curves), so the quotient-ring "
                      "engine does not apply");
}

// The reference path: dense reduced echelon form of each block; its free
// columns are a basis of the quotient in degree d.
std::size_t PowerEngine::normal_forms_dense(const std::vector<SparseRing::E>& eqs, NormalForms& nf) const {
  const ulong p = F_.mod.n;
  check_infinity(eqs);
  // Columns: monomials of degree d, split into the k classes.
  const std::vector<Mono> cols = monomials(V_, d_);
  std::unordered_map<Mono, std::pair<int, slong>> where;  // monomial -> (class, column in class)
  std::vector<std::vector<Mono>> class_cols(static_cast<std::size_t>(k_));
  for (Mono c : cols) {
    auto& cc = class_cols[static_cast<std::size_t>(klass(c))];
    where[c] = {klass(c), static_cast<slong>(cc.size())};
    cc.push_back(c);
  }
  // Rows: mu * E_i for every monomial mu of degree d - (2k - 1).
  std::vector<std::vector<std::pair<Mono, std::size_t>>> class_rows(static_cast<std::size_t>(k_));
  for (Mono mu : monomials(V_, d_ - (2 * k_ - 1)))
    for (std::size_t i = 0; i < eqs.size(); ++i) {
      if (eqs[i].empty()) continue;
      const int c = klass(mu + eqs[i].begin()->first);
      class_rows[static_cast<std::size_t>(c)].push_back({mu, i});
    }
  // Truncated normal form: per class, the reduced echelon form of the Macaulay
  // block; its free columns are a basis of the quotient in degree d.
  const Mono none = ~Mono{0};
  std::size_t D = 0;
  for (int c = 0; c < k_; ++c) {
    const auto& cc = class_cols[static_cast<std::size_t>(c)];
    const auto& rr = class_rows[static_cast<std::size_t>(c)];
    NMat M(static_cast<slong>(rr.size()), static_cast<slong>(cc.size()), p);
    for (std::size_t r = 0; r < rr.size(); ++r)
      for (const auto& [mono, coef] : eqs[rr[r].second])
        M.at(static_cast<slong>(r), where.at(mono + rr[r].first).second) = coef;
    const slong rank = rr.empty() ? 0 : nmod_mat_rref(M.m);
    std::vector<slong> piv = pivot_columns(M, rank);
    std::vector<char> is_piv(cc.size(), 0);
    for (slong j : piv) is_piv[static_cast<std::size_t>(j)] = 1;
    std::vector<std::size_t> free_index(cc.size(), none);
    for (std::size_t j = 0; j < cc.size(); ++j)
      if (!is_piv[j]) {
        free_index[j] = D++;
        nf[cc[j]] = {{free_index[j], 1UL}};
      }
    for (slong r = 0; r < rank; ++r) {
      std::vector<std::pair<std::size_t, ulong>> v;
      for (std::size_t j = static_cast<std::size_t>(piv[static_cast<std::size_t>(r)]) + 1; j < cc.size(); ++j)
        if (!is_piv[j] && M.at(r, static_cast<slong>(j)))
          v.push_back({free_index[j], nmod_neg(M.at(r, static_cast<slong>(j)), F_.mod)});
      nf[cc[static_cast<std::size_t>(piv[static_cast<std::size_t>(r)])]] = std::move(v);
    }
  }
  return D;
}

// check_infinity by reduce_block (the default path): true iff the top parts
// (x_0 = 0) of the E_i have only the trivial common zero.
bool PowerEngine::infinity_free(const std::vector<SparseRing::E>& eqs) const {
  std::vector<SparseRing::E> top = top_parts(eqs);
  std::vector<Mono> leads;
  top = interreduce(top, V_, F_.mod, leads);
  if (top.empty()) return false;  // dependent top parts: a curve of zeros at infinity
  std::vector<Mono> mults;
  for (Mono mu : monomials(V_, d_ - (2 * k_ - 1)))
    if (mono_exp(mu, 0) == 0) mults.push_back(mu);
  std::vector<std::vector<Mono>> blocks(static_cast<std::size_t>(k_));
  for (Mono c : monomials(V_, d_))
    if (mono_exp(c, 0) == 0) blocks[static_cast<std::size_t>(klass(c))].push_back(c);
  for (auto& b : blocks) {
    std::sort(b.begin(), b.end(), [this](Mono a, Mono c) { return grevlex_greater(a, c, V_); });
    if (reduce_block(b, top, leads, mults, V_, F_.mod, false).rank != static_cast<slong>(b.size())) return false;
  }
  return true;
}

// Normal forms of every monomial of `degree` (the default path).
std::size_t PowerEngine::normal_forms_sparse(const std::vector<SparseRing::E>& eqs, int degree, NormalForms& nf) const {
  const int deg = 2 * k_ - 1;
  std::vector<Mono> leads;
  const std::vector<SparseRing::E> basis = interreduce(eqs, V_, F_.mod, leads);
  if (basis.empty())
    throw not_supported("the critical equations of Delta(" + std::to_string(k_) + "^" + std::to_string(m_) +
                        ") are linearly dependent at this target");
  const std::vector<Mono> mults = monomials(V_, degree - deg);
  std::vector<std::vector<Mono>> blocks(static_cast<std::size_t>(k_));
  for (Mono c : monomials(V_, degree)) blocks[static_cast<std::size_t>(klass(c))].push_back(c);
  std::size_t D = 0;
  for (auto& b : blocks) {
    std::sort(b.begin(), b.end(), [this](Mono a, Mono c) { return grevlex_greater(a, c, V_); });
    const BlockReduction r = reduce_block(b, basis, leads, mults, V_, F_.mod, true);
    for (std::size_t j = 0; j < b.size(); ++j) {
      std::vector<std::pair<std::size_t, ulong>> v;
      for (std::size_t t = 0; t < r.free_cols.size(); ++t)
        if (r.nf[j][t]) v.push_back({D + t, r.nf[j][t]});
      nf[b[j]] = std::move(v);
    }
    D += r.free_cols.size();
  }
  return D;
}

CellCount PowerEngine::run() {
  const ulong p = F_.mod.n;
  const std::vector<SparseRing::E> eqs = equations();
  NormalForms nf;
  std::size_t dimq = 0;  // dimension of the quotient in the Macaulay degree
  long bezout = 1;
  for (int i = 0; i <= m_; ++i) bezout *= 2 * k_ - 1;
  const bool tight = modular_reference_engine() || infinity_free(eqs);
  if (!tight && extra_ < 0) refuse_infinity();
  const int base = d_ + (tight ? 0 : extra_), shift = tight ? 0 : shift_;
  dimq = modular_reference_engine() ? normal_forms_dense(eqs, nf) : normal_forms_sparse(eqs, base + shift, nf);
  if (tight && static_cast<long>(dimq) != bezout)
    throw not_supported("the critical equations of Delta(" + std::to_string(k_) + "^" + std::to_string(m_) +
                        ") have a quotient of dimension " + std::to_string(dimq) + " in degree " + std::to_string(d_) +
                        ", not the Bezout number " + std::to_string(bezout) +
                        ": the system is not zero-dimensional at this target (special target?)");
  // Multiplication by x_v / l_0 for a random linear form l_0: choose
  // monomials b_1..b_D of degree base - 1 with N(x_0^shift l_0 b_j)
  // independent, spanning N(x_0^shift l_0 R_{base-1}); then M_v is defined by
  // N(x_0^shift x_v b_j) = sum_i (M_v)_{ij} N(x_0^shift l_0 b_i), which is
  // checked on the whole quotient.  That identity is what makes the count
  // complete: for an affine solution z the evaluation at z is a functional on
  // the quotient, so (b_j(z))_j is a common left eigenvector with eigenvalues
  // x_v(z) / l_0(z) (nonzero: N(x_0^(base-1+shift) x_0) lies in the span, so
  // l_0(z) = 0 would give x_0(z) = 0).  Without solutions at infinity (tight)
  // Q is the Bezout number and D = Q; with them (Bombieri: curves at
  // infinity), the factor x_0^shift in a higher degree removes them.
  std::vector<ulong> l0(static_cast<std::size_t>(V_));
  for (auto& c : l0) c = random_unit();
  const std::vector<Mono> lower = monomials(V_, base - 1);
  Mono x0s = 0;
  for (int t = 0; t < shift; ++t) x0s += var_mono(0);
  const slong Qs = static_cast<slong>(dimq);
  NMat A0(Qs, static_cast<slong>(lower.size()), p);
  for (std::size_t j = 0; j < lower.size(); ++j)
    for (int v = 0; v < V_; ++v)
      for (const auto& [row, c] : nf.at(lower[j] + var_mono(v) + x0s))
        A0.at(static_cast<slong>(row), static_cast<slong>(j)) =
            nmod_add(A0.at(static_cast<slong>(row), static_cast<slong>(j)),
                     nmod_mul(c, l0[static_cast<std::size_t>(v)], F_.mod), F_.mod);
  NMat E(A0);
  const slong Ds = nmod_mat_rref(E.m);
  if (tight && Ds != Qs)
    throw not_supported("the random form l_0 is a zero divisor of the quotient of the critical equations of Delta(" +
                        std::to_string(k_) + "^" + std::to_string(m_) + ") (a positive-dimensional solution set?)");
  if (Ds == 0) throw NotStable{};
  const std::vector<slong> sel = pivot_columns(E, Ds);
  std::vector<slong> sel_cols(sel.begin(), sel.end());
  const Restriction onto(columns_of(A0, sel_cols), "normal-form block");  // rows where the selected columns are invertible
  std::vector<NMat> Mx;
  for (int v = 0; v < V_; ++v) {
    NMat Nv(Qs, Ds, p);
    for (slong j = 0; j < Ds; ++j)
      for (const auto& [row, c] :
           nf.at(lower[static_cast<std::size_t>(sel[static_cast<std::size_t>(j)])] + var_mono(v) + x0s))
        Nv.at(static_cast<slong>(row), j) = c;
    NMat R(Ds, Ds, p);
    for (slong i = 0; i < Ds; ++i)
      for (slong j = 0; j < Ds; ++j) R.at(i, j) = Nv.at(onto.rows[static_cast<std::size_t>(i)], j);
    Mx.push_back(mat_mul(onto.inv, R));
    // Automatic when B is square (tight: D = Q); else x_v b_j may leave the
    // span (not yet the affine part): raise the degrees.
    if (Ds < Qs && !mat_equal(mat_mul(onto.B, Mx.back()), Nv)) throw NotStable{};
  }
  nf.clear();
  const std::string uncertified = "the multiplication matrices of the quotient of the critical equations of Delta(" +
                                  std::to_string(k_) + "^" + std::to_string(m_) + ") do not commute";
  for (int v = 1; v < V_; ++v)
    if (!mat_equal(mat_mul(Mx[0], Mx[static_cast<std::size_t>(v)]), mat_mul(Mx[static_cast<std::size_t>(v)], Mx[0])))
      throw not_supported(uncertified);
  // Affine part: the image of M_0^r, r the multiplicity of the eigenvalue 0
  // of M_0 = x_0 / l_0 (Fitting decomposition; the evaluation at a solution
  // with x_0 != 0 vanishes on the kernel part).  Without solutions at
  // infinity r = 0 and the affine part is the whole quotient.
  CellCount out;
  slong ra = Ds;
  {
    const slong r0 = zero_multiplicity(Mx[0]);
    if (r0 == Ds) return out;
    if (r0 > 0) {
      const NMat Pw = mat_pow(Mx[0], r0);
      NMat Pr(Pw);
      ra = nmod_mat_rref(Pr.m);
      const Restriction restrict_u(columns_of(Pw, pivot_columns(Pr, ra)), "affine basis");
      for (NMat& M : Mx) {
        NMat r = restrict_u(M);
        M.swap(r);
      }
    }
  }
  NMat X0inv(ra, ra, p);
  if (!nmod_mat_inv(X0inv.m, Mx[0].m)) throw not_supported("power engine: x_0 not invertible on the affine part");
  // Affine coordinates g_j = x_{j+1} / x_0 and a random separating form z.
  std::vector<NMat> G;
  NMat Z(ra, ra, p);
  std::vector<ulong> form;
  for (int v = 1; v < V_; ++v) {
    G.push_back(mat_mul(Mx[static_cast<std::size_t>(v)], X0inv));
    const ulong r = random_unit();  // drawn anyway: the later draws do not depend on the hook
    form.push_back(fixed_form_ ? (*fixed_form_)[static_cast<std::size_t>(v - 1)] : r);
    NMat t(G.back());
    nmod_mat_scalar_mul(t.m, t.m, form.back());
    nmod_mat_add(Z.m, Z.m, t.m);
  }
  Mx.clear();
  // The G_i must commute with Z (then the parts split off below are
  // G_i-invariant, and on the rest G_i is a polynomial in Z).
  for (const NMat& Gi : G)
    if (!mat_equal(mat_mul(Gi, Z), mat_mul(Z, Gi))) throw not_supported(uncertified);
  // Split off the origin g = 0 (w = 0; a multiple solution when k >= 3): the
  // kernel of Z^r, r the multiplicity of the root 0 of T = charpoly(Z).  On
  // it every G_i must be nilpotent (else another solution has z = 0: draw
  // another form); on the image of Z^r the charpoly is T / z^r.  A simple
  // root 0 (k = 2) needs no split: it is classified below like every root
  // (g = q(0) = 0 is dropped), and counted in the eliminant as before.
  NmodPoly Tz(p), T(p);
  nmod_mat_charpoly(Tz.raw(), Z.m);
  slong rz0 = 0;
  while (rz0 <= ra && nmod_poly_get_coeff_ui(Tz.raw(), rz0) == 0) ++rz0;
  const bool origin = rz0 > 1;
  if (origin) nmod_poly_shift_right(T.raw(), Tz.raw(), rz0);
  else T = Tz;
  if (origin) {
    const NMat Zp = mat_pow(Z, rz0);
    NMat Zr(Zp);
    const slong rz = nmod_mat_rref(Zr.m);
    NMat ker(ra, ra, p);  // nmod_mat_nullspace needs A->c columns
    const slong nul = nmod_mat_nullspace(ker.m, Zp.m);
    // ker Z^r is G_i-invariant (G_i commutes with Z, checked above), of
    // dimension nul: G_i is nilpotent there iff G_i^nul kills it.
    for (const NMat& Gi : G) {
      NMat W(ra, nul, p);
      for (slong i = 0; i < ra; ++i)
        for (slong j = 0; j < nul; ++j) W.at(i, j) = ker.at(i, j);
      for (slong e = 0; e < nul; ++e) {
        NMat t = mat_mul(Gi, W);
        W.swap(t);
      }
      if (!nmod_mat_is_zero(W.m)) throw ShapeFailure{};
    }
    if (rz == 0) {
      out.eliminant = 1;
      out.removed = 1;
      return out;
    }
    const Restriction restrict_w(columns_of(Zp, pivot_columns(Zr, rz)), "basis");
    for (NMat& Gi : G) {
      NMat r = restrict_w(Gi);
      Gi.swap(r);
    }
    NMat zr = restrict_w(Z);
    Z.swap(zr);
    ra = rz;
  }
  NmodPoly dT(p);
  nmod_poly_derivative(dT.raw(), T.raw());
  if (nmod_gcd(T, dT).degree() > 0) throw ShapeFailure{};  // a multiple affine root, or z does not separate
  // Z has ra distinct eigenvalues, so it is cyclic and every G_i commuting
  // with it is q_i(Z): read q_i off a Krylov basis.
  std::vector<ulong> vec(static_cast<std::size_t>(ra));
  for (auto& c : vec) c = random_unit();
  std::vector<NmodPoly> q;
  if (!polynomials_in(Z, G, std::move(vec), q)) throw ShapeFailure{};  // the random vector is not cyclic
  out.eliminant = static_cast<int>(T.degree()) + (origin ? 1 : 0);  // and the origin
  // Classify every irreducible factor of T (fields: no splitting needed).
  int critical_roots = 0;
  nmod_poly_factor_t fac;
  nmod_poly_factor_init(fac);
  nmod_poly_factor(fac, T.raw());
  std::vector<NmodPoly> work;
  NmodPoly top(p, 1);  // the hook: product of the critical factors with g_0 != 0
  for (slong i = 0; i < fac->num; ++i) {
    NmodPoly f(p);
    nmod_poly_set(f.raw(), fac->p + i);
    work.push_back(std::move(f));
  }
  nmod_poly_factor_clear(fac);
  for (const NmodPoly& t : work) {
    NmodQuotient A(t);
    Vec<NmodQuotient> g;
    for (const NmodPoly& qi : q) g.push_back(A.reduce(qi));
    // The cell of g: g_0 != 0 (monic P), or g_0 = 0 != g_1 (P = y * monic).
    Cell cell{-1};
    std::size_t lead = 0;
    while (lead < g.size() && A.is_zero(g[lead])) ++lead;
    if (lead >= 2) continue;  // g = 0 (w = 0), or a multiple root at (1:0): not pattern (k^m)
    if (lead == 1) cell = Cell{0};
    const NmodPoly inv = A.inv(g[lead]);
    Vec<NmodQuotient> v;
    for (std::size_t j = lead + 1; j < g.size(); ++j) v.push_back(A.mul(g[j], inv));
    auto P = cell_forms(A, s_, cell, v);
    const Mat<NmodQuotient> sig = constants_over(A, sigma_);
    const Vec<NmodQuotient> su = constants_over(A, sigma_u_);
    std::string why;
    const PointVerdict verdict =
        classify_point(A, s_, P, sig, su, static_cast<PointData<NmodQuotient>*>(nullptr), &why);
    if (verdict == PointVerdict::family)
      throw not_supported("the critical set is not finite at this target (" + why + ")");
    if (verdict == PointVerdict::critical) {
      critical_roots += static_cast<int>(t.degree());
      if (rur_ && lead == 0) nmod_poly_mul(top.raw(), top.raw(), t.raw());
      if (rur_ && lead == 1) rur_->infinity_roots += static_cast<int>(t.degree());
    }
  }
  if (rur_) {
    rur_->T = top;
    rur_->g.clear();
    for (const NmodPoly& qi : q) {
      NmodPoly r(p);
      nmod_poly_rem(r.raw(), qi.raw(), top.raw());
      rur_->g.push_back(std::move(r));
    }
  }
  // The k roots zeta g of one point w have the same verdict.
  if (critical_roots % k_ != 0)
    throw not_supported("power engine: " + std::to_string(critical_roots) +
                        " critical roots g, not a multiple of k = " + std::to_string(k_));
  out.critical = critical_roots / k_;
  out.removed = out.eliminant - critical_roots;  // the origin, degenerate and non-critical roots
  return out;
}

}  // namespace

bool power_engine_applies(const CriticalStructure& s) {
  return s.free_degree == 0 && s.tracked.size() == 1 && s.tracked.front().exponent >= 2;
}

long power_engine_columns(const CriticalStructure& s) {
  if (!power_engine_applies(s)) return 0;
  const long k = s.tracked.front().exponent, m = s.tracked.front().degree;
  const long d = (m + 1) * (2 * k - 2) + 1;
  return binomial(d + m + 1, m + 1);
}

namespace {

CellCount run_power_engine(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                           const Vec<NmodField>& sigma_u, std::uint64_t seed, const std::vector<ulong>* form,
                           PowerRur* rur) {
  if (!power_engine_applies(s)) throw not_supported("the power engine handles the loci Delta(k, ..., k) only");
  const long cols = power_engine_columns(s);
  if (cols > kMaxPowerEngineColumns)
    throw not_supported("the power engine's Macaulay matrix for Delta(" + std::to_string(s.tracked.front().exponent) +
                        "^" + std::to_string(s.tracked.front().degree) + ") has " + std::to_string(cols) +
                        " columns, above " + std::to_string(kMaxPowerEngineColumns));
  // Without solutions at infinity the first try is the Bezout-tight
  // quotient.  With them, raise the degrees until the multiplication maps
  // close on the affine part (NotStable otherwise).
  const int k = s.tracked.front().exponent, m = s.tracked.front().degree;
  const int d = (m + 1) * (2 * k - 2) + 1;
  static constexpr std::pair<int, int> tries[] = {{0, 2}, {0, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 3}};
  int reached = d;
  for (const auto& [extra, shift] : tries) {
    if (binomial(d + extra + shift + m + 1, m + 1) > kMaxPowerEngineColumnsAtInfinity) break;
    reached = d + extra + shift;
    try {
      PowerEngine e(s, field, sigma, sigma_u, seed, extra, shift);
      e.set_rur(form, rur);
      if (rur) {
        *rur = PowerRur{};
        rur->T = NmodPoly(field.mod.n, 1);  // no critical root unless the classification finds one
      }
      return e.run();
    } catch (const NotStable&) {
      // the maps did not close in these degrees: raise them
    }
  }
  throw not_supported("the critical equations of Delta(" + std::to_string(k) + "^" + std::to_string(m) +
                      ") in w = g^k have solutions at infinity for this inner product, and the multiplication maps "
                      "did not close on the affine part up to degree " +
                      std::to_string(reached));
}

}  // namespace

CellCount count_power_locus_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                                 const Vec<NmodField>& sigma_u, std::uint64_t seed) {
  return run_power_engine(s, field, sigma, sigma_u, seed, nullptr, nullptr);
}

CellCount power_locus_rur_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                               const Vec<NmodField>& sigma_u, std::uint64_t seed, const std::vector<ulong>& form,
                               PowerRur& out) {
  if (power_engine_applies(s) && static_cast<long>(form.size()) != s.tracked.front().degree + 1)
    throw invalid_argument("power_locus_rur_modp: the separating form needs one coefficient per g_i");
  for (ulong c : form)
    if (c == 0 || c >= field.mod.n) throw invalid_argument("power_locus_rur_modp: form coefficients must be units");
  return run_power_engine(s, field, sigma, sigma_u, seed, &form, &out);
}

}  // namespace lcngeom::detail
