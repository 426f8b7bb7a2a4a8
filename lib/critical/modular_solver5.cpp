// The minors engine (see detail/modular_solver5.hpp for the mathematics):
// maximal minors of N(P) with the P_j as multiprojective coordinates, their
// multigraded Macaulay matrix over F_p, multiplication maps x_v / l_j on the
// quotient (checked onto and commuting), a univariate representation from a
// Krylov basis, and exact classification of every root in F_p[z]/(t).
#include "lcngeom/detail/modular_solver5.hpp"
#include "lcngeom/detail/nmod_algebra.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <flint/nmod_mat.h>
#include <flint/nmod_poly.h>
#include <flint/nmod_poly_factor.h>

#include "lcngeom/error.hpp"

namespace lcngeom::detail {

namespace {

using nmod_algebra::columns_of;
using nmod_algebra::kBits;
using nmod_algebra::kMaxVars;
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

bool commute(const NMat& a, const NMat& b) { return mat_equal(mat_mul(a, b), mat_mul(b, a)); }

// f(M) by Horner's rule.
NMat poly_of(const NmodPoly& f, const NMat& M) {
  const ulong p = M.m->mod.n;
  NMat r(M.rows(), M.cols(), p);
  for (long i = f.degree(); i >= 0; --i) {
    NMat t = mat_mul(r, M);
    r.swap(t);
    for (slong d = 0; d < M.rows(); ++d) r.at(d, d) = nmod_add(r.at(d, d), f.coeff(i), M.m->mod);
  }
  return r;
}

// Columns spanning the image (or kernel) of M.
NMat image_basis(const NMat& M) {
  NMat t(M);
  const slong rank = nmod_mat_rref(t.m);
  const std::vector<slong> piv = pivot_columns(t, rank);
  NMat B(M.rows(), rank, M.m->mod.n);
  for (slong i = 0; i < M.rows(); ++i)
    for (slong j = 0; j < rank; ++j) B.at(i, j) = M.at(i, piv[static_cast<std::size_t>(j)]);
  return B;
}

NMat kernel_basis(const NMat& M) {
  NMat ker(M.cols(), M.cols(), M.m->mod.n);
  const slong nul = nmod_mat_nullspace(ker.m, M.m);
  NMat B(M.cols(), nul, M.m->mod.n);
  for (slong i = 0; i < M.cols(); ++i)
    for (slong j = 0; j < nul; ++j) B.at(i, j) = ker.at(i, j);
  return B;
}

// Right kernel of a matrix over a field K = F_p[z]/(t) (Gauss-Jordan).
std::vector<Vec<NmodQuotient>> kernel_over(const NmodQuotient& K, Mat<NmodQuotient> a, std::size_t cols) {
  std::vector<std::size_t> pivcol;
  std::size_t row = 0;
  for (std::size_t c = 0; c < cols && row < a.size(); ++c) {
    std::size_t piv = a.size();
    for (std::size_t i = row; i < a.size(); ++i)
      if (!K.is_zero(a[i][c])) {
        piv = i;
        break;
      }
    if (piv == a.size()) continue;
    std::swap(a[piv], a[row]);
    const NmodPoly inv = K.inv(a[row][c]);
    for (std::size_t j = 0; j < cols; ++j) a[row][j] = K.mul(a[row][j], inv);
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i == row || K.is_zero(a[i][c])) continue;
      const NmodPoly f = a[i][c];
      for (std::size_t j = 0; j < cols; ++j) a[i][j] = K.sub(a[i][j], K.mul(f, a[row][j]));
    }
    pivcol.push_back(c);
    ++row;
  }
  std::vector<Vec<NmodQuotient>> out;
  std::vector<char> is_piv(cols, 0);
  for (std::size_t c : pivcol) is_piv[c] = 1;
  for (std::size_t c = 0; c < cols; ++c) {
    if (is_piv[c]) continue;
    Vec<NmodQuotient> v(cols, K.zero());
    v[c] = K.one();
    for (std::size_t r = 0; r < pivcol.size(); ++r) v[pivcol[r]] = K.neg(a[r][c]);
    out.push_back(std::move(v));
  }
  return out;
}

Mat<NmodQuotient> over(const NmodQuotient& K, const NMat& M) {
  Mat<NmodQuotient> a(static_cast<std::size_t>(M.rows()));
  for (slong i = 0; i < M.rows(); ++i)
    for (slong j = 0; j < M.cols(); ++j) a[static_cast<std::size_t>(i)].push_back(K.from_ui(M.at(i, j)));
  return a;
}

// The point whose Z-value is a root of the irreducible t, from the
// restrictions Zt, Mt of Z and the M_v to the generalised eigenspace
// ker t(Z)^e: its left eigenvectors for the eigenvalue z (the class of the
// variable in K = F_p[z]/(t)) form E, on which every M_v must have a single
// eigenvalue (one point; else ShapeFailure: Z merged points); that eigenvalue
// trace(M_v|E) / dim E is the coordinate.
std::vector<NmodPoly> point_of_block(const NmodQuotient& K, const NMat& Zt, const std::vector<NMat>& Mt) {
  const std::size_t d = static_cast<std::size_t>(Zt.rows());
  NmodPoly zc(K.prime());
  nmod_poly_set_coeff_ui(zc.raw(), 1, 1);
  const NmodPoly z = K.reduce(zc);
  // beta Z = z beta  <=>  (Z^T - z) beta^T = 0.
  Mat<NmodQuotient> a(d, Vec<NmodQuotient>(d, K.zero()));
  for (std::size_t i = 0; i < d; ++i)
    for (std::size_t j = 0; j < d; ++j) {
      a[i][j] = K.from_ui(Zt.at(static_cast<slong>(j), static_cast<slong>(i)));
      if (i == j) a[i][j] = K.sub(a[i][j], z);
    }
  const std::vector<Vec<NmodQuotient>> E = kernel_over(K, a, d);
  const std::size_t k = E.size();
  if (k == 0) throw not_supported("minors engine: no eigenvector on a generalised eigenspace");  // never
  // Coordinates of beta M_v in the basis E: solve against k independent columns of E.
  std::vector<std::size_t> cols;
  {
    Mat<NmodQuotient> et(k, Vec<NmodQuotient>());
    for (std::size_t r = 0; r < k; ++r) et[r] = E[r];
    // Pick columns greedily by elimination on a copy.
    Mat<NmodQuotient> w = et;
    std::size_t row = 0;
    for (std::size_t c = 0; c < d && row < k; ++c) {
      std::size_t piv = k;
      for (std::size_t i = row; i < k; ++i)
        if (!K.is_zero(w[i][c])) {
          piv = i;
          break;
        }
      if (piv == k) continue;
      std::swap(w[piv], w[row]);
      const NmodPoly inv = K.inv(w[row][c]);
      for (std::size_t i = 0; i < k; ++i) {
        if (i == row || K.is_zero(w[i][c])) continue;
        const NmodPoly f = K.mul(w[i][c], inv);
        for (std::size_t j = 0; j < d; ++j) w[i][j] = K.sub(w[i][j], K.mul(f, w[row][j]));
      }
      cols.push_back(c);
      ++row;
    }
  }
  // S = E restricted to `cols` (k x k, invertible); beta_r M restricted the same way.
  Mat<NmodQuotient> S(k, Vec<NmodQuotient>(k, K.zero()));
  for (std::size_t r = 0; r < k; ++r)
    for (std::size_t c = 0; c < k; ++c) S[r][c] = E[r][cols[c]];
  std::vector<NmodPoly> coords;
  const NmodPoly kinv = K.inv(K.from_ui(k));
  for (const NMat& M : Mt) {
    const Mat<NmodQuotient> Mk = over(K, M);
    // Rows beta_r M, restricted to cols; C with C S = (beta M)|cols.
    Mat<NmodQuotient> BM(k, Vec<NmodQuotient>(k, K.zero()));
    for (std::size_t r = 0; r < k; ++r)
      for (std::size_t c = 0; c < k; ++c)
        for (std::size_t l = 0; l < d; ++l)
          if (!K.is_zero(E[r][l])) BM[r][c] = K.add(BM[r][c], K.mul(E[r][l], Mk[l][cols[c]]));
    // C = BM S^{-1}: solve S^T C^T = BM^T column by column via the augmented kernel.
    Mat<NmodQuotient> aug(k, Vec<NmodQuotient>(2 * k, K.zero()));
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j) {
        aug[i][j] = S[j][i];
        aug[i][k + j] = BM[j][i];
      }
    // Gauss-Jordan on [S^T | BM^T] gives [I | C^T].
    for (std::size_t c = 0; c < k; ++c) {
      std::size_t piv = c;
      while (piv < k && K.is_zero(aug[piv][c])) ++piv;
      if (piv == k) throw not_supported("minors engine: singular eigenvector block");  // never
      std::swap(aug[piv], aug[c]);
      const NmodPoly inv = K.inv(aug[c][c]);
      for (std::size_t j = 0; j < 2 * k; ++j) aug[c][j] = K.mul(aug[c][j], inv);
      for (std::size_t i = 0; i < k; ++i) {
        if (i == c || K.is_zero(aug[i][c])) continue;
        const NmodPoly f = aug[i][c];
        for (std::size_t j = 0; j < 2 * k; ++j) aug[i][j] = K.sub(aug[i][j], K.mul(f, aug[c][j]));
      }
    }
    // C[r][c] = aug[c][k + r]; single eigenvalue lambda = trace / k, and
    // C - lambda must be nilpotent: (C - lambda)^k = 0.
    NmodPoly tr = K.zero();
    for (std::size_t r = 0; r < k; ++r) tr = K.add(tr, aug[r][k + r]);
    const NmodPoly lambda = K.mul(tr, kinv);
    Mat<NmodQuotient> N(k, Vec<NmodQuotient>(k, K.zero()));
    for (std::size_t r = 0; r < k; ++r)
      for (std::size_t c = 0; c < k; ++c) N[r][c] = r == c ? K.sub(aug[c][k + r], lambda) : aug[c][k + r];
    Mat<NmodQuotient> P = N;
    for (std::size_t e = 1; e < k; ++e) {
      Mat<NmodQuotient> next(k, Vec<NmodQuotient>(k, K.zero()));
      for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c)
          for (std::size_t l = 0; l < k; ++l)
            if (!K.is_zero(P[r][l]) && !K.is_zero(N[l][c])) next[r][c] = K.add(next[r][c], K.mul(P[r][l], N[l][c]));
      P.swap(next);
    }
    for (const auto& row : P)
      for (const auto& e : row)
        if (!K.is_zero(e)) throw ShapeFailure{};  // two points with the same z
    coords.push_back(lambda);
  }
  return coords;
}

// The grading: variable v belongs to group group_of[v] (the coefficients of
// one tracked factor P_j).
struct Grading {
  std::vector<int> first;  // first variable of each group
  std::vector<int> size;   // variables per group (c_j + 1)
  int vars = 0;

  std::vector<int> degree(Mono a) const {
    std::vector<int> d(size.size(), 0);
    for (std::size_t j = 0; j < size.size(); ++j)
      for (int v = first[j]; v < first[j] + size[j]; ++v) d[j] += mono_exp(a, v);
    return d;
  }

  // All monomials of multidegree D.
  std::vector<Mono> monomials(const std::vector<int>& D) const {
    std::vector<Mono> out{0};
    for (std::size_t j = 0; j < size.size(); ++j) {
      std::vector<Mono> part;
      std::function<void(int, int, Mono)> rec = [&](int v, int left, Mono acc) {
        if (v == first[j] + size[j] - 1) {
          part.push_back(acc + static_cast<Mono>(left) * var_mono(v));
          return;
        }
        for (int t = left; t >= 0; --t) rec(v + 1, left - t, acc + static_cast<Mono>(t) * var_mono(v));
      };
      if (D[j] < 0) return {};
      rec(first[j], D[j], 0);
      std::vector<Mono> next;
      next.reserve(out.size() * part.size());
      for (Mono a : out)
        for (Mono b : part) next.push_back(a + b);
      out.swap(next);
    }
    return out;
  }
};

// Determinant of a small square matrix of polynomials (Laplace expansion
// along the first row; the matrices have at most c_1 + 2 <= 4 rows here).
SparseRing::E determinant(const SparseRing& R, const std::vector<std::vector<SparseRing::E>>& a) {
  const std::size_t n = a.size();
  if (n == 1) return a[0][0];
  SparseRing::E d;
  for (std::size_t c = 0; c < n; ++c) {
    if (a[0][c].empty()) continue;
    std::vector<std::vector<SparseRing::E>> minor;
    for (std::size_t i = 1; i < n; ++i) {
      std::vector<SparseRing::E> row;
      for (std::size_t j = 0; j < n; ++j)
        if (j != c) row.push_back(a[i][j]);
      minor.push_back(std::move(row));
    }
    const SparseRing::E t = R.mul(a[0][c], determinant(R, minor));
    d = (c % 2) ? R.sub(d, t) : R.add(d, t);
  }
  return d;
}

// LCNGEOM_MINORS_TRACE=1: one line per attempt on stderr (sizes, outcome).
bool tracing() {
  static const bool on = std::getenv("LCNGEOM_MINORS_TRACE") != nullptr;
  return on;
}

// A failed attempt in one multidegree: the quotient is not yet that of X;
// `raise` says which groups' degrees to raise (all if empty).
struct NotClosed {
  std::vector<char> raise;
};

// Q_D keeps growing: X has a component of positive dimension (what() says so).
struct Excess {
  std::string what;
};

// phi_j = P_j(1, i) P_j(1, -i) = (sum_{k even} (-1)^{k/2} p_k)^2 + (sum_{k odd}
// (-1)^{(k-1)/2} p_k)^2: zero iff P_j has an isotropic root x = +-iy (either
// coefficient order gives the same product), defined over Z.
SparseRing::E isotropic_root_form(const SparseRing& R, int first, int size) {
  SparseRing::E re, im;
  for (int k = 0; k < size; ++k) {
    const SparseRing::E t{{var_mono(first + k), 1UL}};
    SparseRing::E& part = (k % 2 == 0) ? re : im;
    part = ((k / 2) % 2 == 0) ? R.add(part, t) : R.sub(part, t);
  }
  return R.add(R.mul(re, re), R.mul(im, im));
}

class MinorsEngine {
 public:
  MinorsEngine(const CriticalStructure& s, const NmodField& F, const Mat<NmodField>& sigma,
               const Vec<NmodField>& sigma_u, std::uint64_t seed)
      : s_(s), F_(F), sigma_(sigma), sigma_u_(sigma_u), rng_(seed) {
    for (const TrackedFactor& t : s.tracked) {
      grading_.first.push_back(grading_.vars);
      grading_.size.push_back(t.degree + 1);
      grading_.vars += t.degree + 1;
    }
    build_minors();
  }

  // The multidegree of the minors (all have the same).
  const std::vector<int>& minor_degree() const { return minor_degree_; }

  CellCount run(const std::vector<int>& D);

  // From now on restrict the quotient to V = N(phi^k R_{D - k deg phi}),
  // phi = prod_{j in groups} phi_j (isotropic_root_form): the evaluations at
  // the points of X with phi != 0 stay nonzero on V, those at points with
  // phi = 0 vanish (the excess curves of Bombieri products lie there).
  void saturate(const std::vector<char>& groups, int k) {
    const SparseRing R{F_.mod};
    SparseRing::E phi = R.one();
    phi_degree_.assign(grading_.size.size(), 0);
    for (std::size_t j = 0; j < groups.size(); ++j)
      if (groups[j]) {
        phi = R.mul(phi, isotropic_root_form(R, grading_.first[j], grading_.size[j]));
        phi_degree_[j] = 2;
      }
    phi_k_ = R.one();
    for (int i = 0; i < k; ++i) phi_k_ = R.mul(phi_k_, phi);
    for (int& d : phi_degree_) d *= k;
    saturated_ = k > 0;
    q_history_.clear();
    d_history_.clear();
    q_all_.clear();
  }
  // The same with phi = det(Gram of G S_{c_1} under Sigma), G = prod P_j^{e_j}:
  // zero at every Gram-degenerate point (some G h is Sigma-orthogonal to
  // g S_r, which contains G S_{c_1}), nonzero at real forms for a positive
  // definite Sigma (experiment: LCNGEOM_MINORS_PHI=gram).
  void saturate_gram(int k) {
    const SparseRing R{F_.mod};
    std::vector<Vec<SparseRing>> P;
    for (std::size_t j = 0; j < s_.tracked.size(); ++j) {
      Vec<SparseRing> pj;
      for (int i = 0; i < grading_.size[j]; ++i) pj.push_back({{var_mono(grading_.first[j] + i), 1UL}});
      P.push_back(std::move(pj));
    }
    const Vec<SparseRing> G = tangent_factors(R, s_, P).second;
    const int c1 = s_.free_degree;
    std::vector<Vec<SparseRing>> cols;
    for (int k2 = 0; k2 <= c1; ++k2) {
      Vec<SparseRing> v(static_cast<std::size_t>(s_.n) + 1, R.zero());
      for (std::size_t l = 0; l < G.size(); ++l) v[l + static_cast<std::size_t>(k2)] = G[l];
      cols.push_back(std::move(v));
    }
    std::vector<std::vector<SparseRing::E>> gram(cols.size(), std::vector<SparseRing::E>(cols.size()));
    for (std::size_t a = 0; a < cols.size(); ++a)
      for (std::size_t b = 0; b < cols.size(); ++b) {
        SparseRing::E e;
        for (std::size_t i = 0; i < cols[a].size(); ++i) {
          if (cols[a][i].empty()) continue;
          SparseRing::E row;
          for (std::size_t l = 0; l < cols[b].size(); ++l)
            if (!cols[b][l].empty() && sigma_[i][l]) row = R.add(row, R.scale(cols[b][l], sigma_[i][l]));
          e = R.add(e, R.mul(cols[a][i], row));
        }
        gram[a][b] = std::move(e);
      }
    const SparseRing::E phi = determinant(R, gram);
    if (phi.empty()) throw not_supported("minors engine: the Gram determinant vanishes identically");
    phi_k_ = R.one();
    for (int i = 0; i < k; ++i) phi_k_ = R.mul(phi_k_, phi);
    phi_degree_ = grading_.degree(phi_k_.begin()->first);
    saturated_ = k > 0;
    q_history_.clear();
    d_history_.clear();
    q_all_.clear();
  }
  const std::vector<int>& phi_degree() const { return phi_degree_; }
  bool saturated() const { return saturated_; }

 private:
  void build_minors();
  ulong random_unit() { return std::uniform_int_distribution<ulong>(1, F_.mod.n - 1)(rng_); }

  const CriticalStructure& s_;
  const NmodField& F_;
  const Mat<NmodField>& sigma_;
  const Vec<NmodField>& sigma_u_;
  std::mt19937_64 rng_;
  Grading grading_;
  std::vector<SparseRing::E> minors_;
  std::vector<int> minor_degree_;
  // dim Q_D of the degrees tried so far: growth that does not slow down
  // means an excess component of positive dimension (refused).
  std::vector<slong> q_history_;
  std::vector<std::vector<int>> d_history_;
  // Saturation (saturate()): phi^k and its multidegree.
  bool saturated_ = false;
  SparseRing::E phi_k_{{Mono{0}, 1UL}};
  std::vector<int> phi_degree_;

 public:
  // dim Q_D of every attempt, in order.
  std::vector<slong> q_all_;
};

// The maximal minors of N(P) with P_j = (p_{j,0}, ..., p_{j,c_j}) symbolic.
void MinorsEngine::build_minors() {
  const SparseRing R{F_.mod};
  std::vector<Vec<SparseRing>> P;
  for (std::size_t j = 0; j < s_.tracked.size(); ++j) {
    Vec<SparseRing> p;
    for (int i = 0; i < grading_.size[j]; ++i) p.push_back({{var_mono(grading_.first[j] + i), 1UL}});
    P.push_back(std::move(p));
  }
  Mat<SparseRing> sig;
  for (const auto& row : sigma_) {
    Vec<SparseRing> r;
    for (ulong c : row) r.push_back(R.constant(c));
    sig.push_back(std::move(r));
  }
  Vec<SparseRing> su;
  for (ulong c : sigma_u_) su.push_back(R.constant(c));
  const Mat<SparseRing> N = critical_matrix(R, s_, P, sig, su);
  const std::size_t rows = N.size(), k = N.front().size();
  std::vector<std::size_t> pick(k);
  for (std::size_t i = 0; i < k; ++i) pick[i] = i;
  do {
    std::vector<std::vector<SparseRing::E>> sub;
    for (std::size_t i : pick) sub.push_back(N[i]);
    SparseRing::E d = determinant(R, sub);
    if (d.empty()) continue;
    const std::vector<int> deg = grading_.degree(d.begin()->first);
    for (const auto& term : d)
      if (grading_.degree(term.first) != deg) throw not_supported("minors engine: a minor is not multihomogeneous");
    if (minor_degree_.empty()) minor_degree_ = deg;
    if (deg != minor_degree_) throw not_supported("minors engine: minors of different multidegrees");
    minors_.push_back(std::move(d));
  } while (next_combination(pick, rows));
  if (minors_.empty()) throw not_supported("minors engine: every maximal minor of N(P) vanishes identically");
}

CellCount MinorsEngine::run(const std::vector<int>& D) {
  const ulong p = F_.mod.n;
  const std::size_t J = grading_.size.size();
  // Columns: the monomials of multidegree D; rows mu * minor.
  const std::vector<Mono> cols = grading_.monomials(D);
  std::unordered_map<Mono, slong> col_of;
  for (std::size_t j = 0; j < cols.size(); ++j) col_of[cols[j]] = static_cast<slong>(j);
  std::vector<int> dm(J);
  for (std::size_t j = 0; j < J; ++j) dm[j] = D[j] - minor_degree_[j];
  const std::vector<Mono> mults = grading_.monomials(dm);
  NMat M(static_cast<slong>(mults.size() * minors_.size()), static_cast<slong>(cols.size()), p);
  slong r = 0;
  for (const auto& f : minors_)
    for (Mono mu : mults) {
      for (const auto& [mono, c] : f) M.at(r, col_of.at(mono + mu)) = c;
      ++r;
    }
  const slong rank = M.rows() ? nmod_mat_rref(M.m) : 0;
  const std::vector<slong> piv = pivot_columns(M, rank);
  // Normal forms: free columns are the basis of Q_D; a pivot column's normal
  // form is minus its row on the free columns.
  std::vector<slong> free_index(cols.size(), -1), piv_row(cols.size(), -1);
  for (slong i = 0; i < rank; ++i) piv_row[static_cast<std::size_t>(piv[static_cast<std::size_t>(i)])] = i;
  std::vector<slong> free_cols;
  for (std::size_t j = 0; j < cols.size(); ++j)
    if (piv_row[j] < 0) {
      free_index[j] = static_cast<slong>(free_cols.size());
      free_cols.push_back(static_cast<slong>(j));
    }
  const slong Q = static_cast<slong>(free_cols.size());
  if (tracing()) {
    std::string deg;
    for (int d : D) deg += std::to_string(d) + " ";
    std::fprintf(stderr, "minors engine: degree %s: %ld x %ld Macaulay matrix, rank %ld, quotient %ld\n", deg.c_str(),
                 static_cast<long>(M.rows()), static_cast<long>(M.cols()), static_cast<long>(rank), static_cast<long>(Q));
  }
  if (Q == 0) return {};  // X is empty: no critical point
  // nf(poly) into column `out` of a Q-row matrix.
  auto add_nf = [&](NMat& A, slong out, Mono mono, ulong c) {
    const std::size_t j = static_cast<std::size_t>(col_of.at(mono));
    if (free_index[j] >= 0) {
      ulong& x = A.at(free_index[j], out);
      x = nmod_add(x, c, F_.mod);
      return;
    }
    const slong row = piv_row[j];
    for (slong t = 0; t < Q; ++t) {
      const ulong e = M.at(row, free_cols[static_cast<std::size_t>(t)]);
      if (e) {
        ulong& x = A.at(t, out);
        x = nmod_sub(x, nmod_mul(e, c, F_.mod), F_.mod);
      }
    }
  };
  auto add_nf_poly = [&](NMat& A, slong out, const SparseRing::E& f, Mono shift) {
    for (const auto& [mono, c] : f) add_nf(A, out, mono + shift, c);
  };
  // Saturated: the inner degree Dl = D - deg phi^k and the subspace
  // V = N(phi^k R_{Dl}) of Q_D with a basis U (coordinates through the
  // Restriction Vr); unsaturated: Dl = D, V = Q_D.
  std::vector<int> Dl(D);
  for (std::size_t j = 0; j < J && saturated_; ++j) {
    Dl[j] -= phi_degree_[j];
    if (Dl[j] < 1) throw NotClosed{};
  }
  slong Qv = Q;
  std::unique_ptr<Restriction> Vr;
  if (saturated_) {
    const std::vector<Mono> inner = grading_.monomials(Dl);
    NMat A(Q, static_cast<slong>(inner.size()), p);
    for (std::size_t b = 0; b < inner.size(); ++b) add_nf_poly(A, static_cast<slong>(b), phi_k_, inner[b]);
    NMat E(A);
    Qv = nmod_mat_rref(E.m);
    if (tracing())
      std::fprintf(stderr, "minors engine: saturated: dim N(phi^k R) = %ld of %ld\n", static_cast<long>(Qv),
                   static_cast<long>(Q));
    // V = 0: every point of X has phi = 0, none is counted.
    if (Qv == 0) return {};
    Vr = std::make_unique<Restriction>(columns_of(A, pivot_columns(E, Qv)), "saturated quotient");
  }
  // Coordinates in V of columns lying in V.
  auto in_V = [&](const NMat& X) {
    if (!Vr) return NMat(X);
    NMat R(Qv, X.cols(), p);
    for (slong i = 0; i < Qv; ++i)
      for (slong j = 0; j < X.cols(); ++j) R.at(i, j) = X.at(Vr->rows[static_cast<std::size_t>(i)], j);
    return mat_mul(Vr->inv, R);
  };
  // Growth is judged only along steps that raised every group's degree (a
  // diagonal path: the Hilbert function of a positive-dimensional X grows
  // there without slowing down; raising one group of several may make Q_D
  // grow for a while even when X is finite).
  if (!d_history_.empty()) {
    bool diagonal = true;
    for (std::size_t j = 0; j < D.size(); ++j) diagonal = diagonal && D[j] == d_history_.back()[j] + 1;
    if (!diagonal) q_history_.clear();
  }
  d_history_.push_back(D);
  q_history_.push_back(Qv);
  q_all_.push_back(Qv);
  const std::size_t hn = q_history_.size();
  const bool growing = hn >= 3 && q_history_[hn - 1] - q_history_[hn - 2] > 0 &&
                       q_history_[hn - 1] - q_history_[hn - 2] >= q_history_[hn - 2] - q_history_[hn - 3];
  // For each group j a random linear form l_j; l_j R_{D - e_j} must map onto
  // Q_D (below the regularity of X it does not: raise D).  Then
  // T_{j,v}: N(l_j b) -> N(x_v b) is a well-defined operator on Q_D, and for
  // every point z of X the evaluation ev_z (nonzero on Q_D: some monomial of
  // degree D is nonzero at z) satisfies ev_z T_{j,v} = (x_v / l_j)(z) ev_z;
  // l_j(z) != 0 since ev_z would otherwise vanish on N(l_j R_{D-e_j}) = Q_D.
  // If Q_D keeps growing, X has a component of positive dimension (Bombieri:
  // curves of points where the Gram block drops rank, e.g. for (2,2,2,2,1)
  // the lines g = (x +- iy)^3 m, h = x +- iy): Excess, and the caller
  // saturates (V = N(phi^k R), saturate()).
  struct Basis {
    std::vector<Mono> lower;
    std::vector<slong> sel;
    NMat Binv;
  };
  std::vector<Basis> bases;
  NotClosed fail{std::vector<char>(J, 0)};
  bool failed = false;
  // Saturated, the same with phi^k l_j R_{Dl - e_j} onto V: an evaluation
  // ev_z nonzero on V has (phi l_j)(z) != 0, and ev_z restricted to V (in the
  // basis U) is a left eigenvector of the maps below with eigenvalue
  // (x_v / l_j)(z).
  const SparseRing R{F_.mod};
  for (std::size_t j = 0; j < J; ++j) {
    SparseRing::E l;
    for (int v = 0; v < grading_.size[j]; ++v) l[var_mono(grading_.first[j] + v)] = random_unit();
    const SparseRing::E phi_l = R.mul(phi_k_, l);
    std::vector<int> db(Dl);
    --db[j];
    std::vector<Mono> lower = grading_.monomials(db);
    NMat A0(Q, static_cast<slong>(lower.size()), p);
    for (std::size_t b = 0; b < lower.size(); ++b) add_nf_poly(A0, static_cast<slong>(b), phi_l, lower[b]);
    NMat E(A0);
    const slong Ds = nmod_mat_rref(E.m);
    if (tracing())
      std::fprintf(stderr, "minors engine: group %zu: dim N(l R) = %ld of %ld\n", j, static_cast<long>(Ds),
                   static_cast<long>(Qv));
    if (Ds != Qv) {  // im A0 lies in V: equal rank means onto V
      fail.raise[j] = 1;
      failed = true;
      continue;
    }
    const std::vector<slong> sel = pivot_columns(E, Ds);
    const NMat B = in_V(columns_of(A0, sel));
    NMat Binv(Qv, Qv, p);
    if (!nmod_mat_inv(Binv.m, B.m)) throw not_supported("minors engine: singular basis block");  // never: rank Qv
    bases.push_back({std::move(lower), sel, Binv});
  }
  if (failed) {
    if (growing)
      throw Excess{"the determinantal system of this locus has a positive-dimensional excess component "
                   "for this inner product (the quotient keeps growing: " +
                   std::to_string(q_history_[hn - 2]) + ", " + std::to_string(Qv) + ")"};
    throw fail;
  }
  std::vector<NMat> Mv;
  for (std::size_t j = 0; j < J; ++j) {
    const Basis& bj = bases[j];
    for (int v = 0; v < grading_.size[j]; ++v) {
      NMat N(Q, Qv, p);
      for (slong k = 0; k < Qv; ++k)
        add_nf_poly(N, k, phi_k_,
                    bj.lower[static_cast<std::size_t>(bj.sel[static_cast<std::size_t>(k)])] +
                        var_mono(grading_.first[j] + v));
      // Row-vector convention: ev_z (a row in the basis of V) times
      // T = N B^{-1} is (x_v / l_j)(z) ev_z: left eigenvectors below.
      Mv.push_back(mat_mul(in_V(N), bj.Binv));
    }
  }
  const slong Qu = Qv;
  // Z = random combination; each M_v must commute with it (else the quotient
  // in this degree is not that of X: raise D).
  NMat Z(Qu, Qu, p);
  for (const NMat& Mi : Mv) {
    NMat t(Mi);
    nmod_mat_scalar_mul(t.m, t.m, random_unit());
    nmod_mat_add(Z.m, Z.m, t.m);
  }
  for (const NMat& Mi : Mv)
    if (!commute(Mi, Z)) {
      if (tracing()) std::fprintf(stderr, "minors engine: maps do not commute: raise\n");
      throw NotClosed{};
    }
  NmodPoly T(p);
  nmod_mat_charpoly(T.raw(), Z.m);
  // Irreducible factors of T: the simple ones (reduced points of X separated
  // by Z) are read off one Krylov basis of their generalised eigenspaces;
  // each multiple one is a block of its own (point_of_block).
  struct Factor {
    NmodPoly t;
    slong e;
  };
  std::vector<Factor> factors;
  {
    nmod_poly_factor_t fac;
    nmod_poly_factor_init(fac);
    nmod_poly_factor(fac, T.raw());
    for (slong i = 0; i < fac->num; ++i) {
      NmodPoly f(p);
      nmod_poly_set(f.raw(), fac->p + i);
      factors.push_back({std::move(f), fac->exp[i]});
    }
    nmod_poly_factor_clear(fac);
  }
  NmodPoly Ts(p, 1), Tm(p, 1);
  for (const Factor& f : factors)
    if (f.e == 1) nmod_poly_mul(Ts.raw(), Ts.raw(), f.t.raw());
    else
      for (slong i = 0; i < f.e; ++i) nmod_poly_mul(Tm.raw(), Tm.raw(), f.t.raw());
  CellCount out;
  out.eliminant = static_cast<int>(T.degree());
  if (tracing()) std::fprintf(stderr, "minors engine: charpoly %ld = simple %ld + multiple %ld (%zu factors)\n", T.degree(), Ts.degree(), Tm.degree(), factors.size());
  // Classifies the point(s) above the roots of t with projective coordinates
  // g (one entry per variable, in K = F_p[z]/(t)).
  auto classify = [&](const NmodQuotient& A, const Vec<NmodQuotient>& g_all, long weight) {
    Cell cell{-1};
    Vec<NmodQuotient> coords;
    std::size_t at = 0;
    for (std::size_t j = 0; j < J; ++j) {
      const Vec<NmodQuotient> g(g_all.begin() + static_cast<long>(at),
                                g_all.begin() + static_cast<long>(at) + grading_.size[j]);
      at += static_cast<std::size_t>(grading_.size[j]);
      std::size_t lead = 0;
      while (lead < g.size() && A.is_zero(g[lead])) ++lead;
      if (lead == g.size()) throw not_supported("minors engine: an eigenvalue with P_j = 0");  // never: l_j(z) != 0
      if (lead >= 2 || (lead == 1 && cell.infinity_factor >= 0)) return;  // a multiple root at (1:0): coarser pattern
      if (lead == 1) cell = Cell{static_cast<int>(j)};
      const NmodPoly inv = A.inv(g[lead]);
      for (std::size_t v = lead + 1; v < g.size(); ++v) coords.push_back(A.mul(g[v], inv));
    }
    const auto P = cell_forms(A, s_, cell, coords);
    const Mat<NmodQuotient> sig = constants_over(A, sigma_);
    const Vec<NmodQuotient> su = constants_over(A, sigma_u_);
    std::string why;
    const PointVerdict verdict =
        classify_point(A, s_, P, sig, su, static_cast<PointData<NmodQuotient>*>(nullptr), &why);
    if (verdict == PointVerdict::family)
      throw not_supported("the critical set is not finite at this target (" + why + ")");
    if (verdict == PointVerdict::critical) out.critical += static_cast<int>(weight);
  };
  // Multiple factors: the generalised eigenspace ker t(Z)^e of each.
  for (const Factor& f : factors) {
    if (f.e == 1) continue;
    NmodPoly te(p, 1);
    for (slong i = 0; i < f.e; ++i) nmod_poly_mul(te.raw(), te.raw(), f.t.raw());
    const Restriction W(kernel_basis(poly_of(te, Z)), "eigenspace");
    if (W.B.cols() != f.e * f.t.degree()) throw not_supported("minors engine: generalised eigenspace of wrong dimension");  // never
    std::vector<NMat> Mt;
    for (const NMat& Mi : Mv) Mt.push_back(W(Mi));
    const NmodQuotient K(f.t);
    const std::vector<NmodPoly> g = point_of_block(K, W(Z), Mt);
    classify(K, Vec<NmodQuotient>(g.begin(), g.end()), f.t.degree());
  }
  if (Ts.degree() < 1) {
    out.removed = out.eliminant - out.critical;
    return out;
  }
  // The simple part: the image of Tm(Z) (= ker Ts(Z)), where Z is cyclic and
  // every M_v = q_v(Z), read off a Krylov basis.
  slong Qs = Qu;
  if (Tm.degree() > 0) {
    const Restriction W(image_basis(poly_of(Tm, Z)), "complement");
    for (NMat& Mi : Mv) {
      NMat r = W(Mi);
      Mi.swap(r);
    }
    NMat r = W(Z);
    Z.swap(r);
    Qs = Z.rows();
  }
  if (Qs != Ts.degree()) throw not_supported("minors engine: simple part of wrong dimension");  // never
  std::vector<ulong> vec(static_cast<std::size_t>(Qs));
  for (auto& c : vec) c = random_unit();
  std::vector<NmodPoly> q;
  if (!polynomials_in(Z, Mv, std::move(vec), q)) throw ShapeFailure{};  // the random vector is not cyclic
  Mv.clear();
  for (const Factor& f : factors) {
    if (f.e != 1) continue;
    const NmodQuotient A(f.t);
    Vec<NmodQuotient> g;
    for (const NmodPoly& qv : q) g.push_back(A.reduce(qv));
    classify(A, g, f.t.degree());
  }
  out.removed = out.eliminant - out.critical;
  return out;
}

long columns(const Grading& g, const std::vector<int>& D) {
  long c = 1;
  for (std::size_t j = 0; j < D.size(); ++j) {
    // binomial(D_j + size_j - 1, size_j - 1)
    long b = 1;
    for (int i = 1; i < g.size[j]; ++i) b = b * (D[j] + i) / i;
    c *= b;
  }
  return c;
}

Grading grading_of(const CriticalStructure& s) {
  Grading g;
  for (const TrackedFactor& t : s.tracked) {
    g.first.push_back(g.vars);
    g.size.push_back(t.degree + 1);
    g.vars += t.degree + 1;
  }
  return g;
}

std::vector<int> first_degree(const CriticalStructure& s) {
  std::vector<int> D;
  for (std::size_t j = 0; j < s.tracked.size(); ++j) D.push_back(s.minor_degree_bound(j) + 1);
  return D;
}

}  // namespace

bool minors_engine_applies(const CriticalStructure& s) {
  if (s.tracked.empty()) return false;
  int vars = 0;
  for (const TrackedFactor& t : s.tracked) vars += t.degree + 1;
  return vars <= kMaxVars && s.free_degree + 2 <= 4;
}

long minors_engine_first_columns(const CriticalStructure& s) {
  if (!minors_engine_applies(s)) return 0;
  return columns(grading_of(s), first_degree(s));
}

namespace {
// True if sigma is a nonzero multiple of the Bombieri matrix diag(1/binom(n,i))
// (eq. 6.10) over F_p: sigma_ii binom(n,i) constant, off-diagonal zero.  Its
// SO(2) symmetry (Remark 6.8) gives X the excess curves of Gram-degenerate
// points that the saturation removes, so the engine starts saturated.
bool bombieri_multiple(const NmodField& F, const Mat<NmodField>& sigma) {
  const std::size_t m = sigma.size();
  if (m == 0) return false;
  NmodField::E c = 0, binom = 1;  // binom(n, i), updated as binom(n, i+1) = binom(n, i) (n - i) / (i + 1)
  const long n = static_cast<long>(m) - 1;
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < m; ++j)
      if (i != j && !F.is_zero(sigma[i][j])) return false;
    const NmodField::E v = F.mul(sigma[i][i], binom);
    if (F.is_zero(v) || (i > 0 && v != c)) return false;
    c = v;
    const long il = static_cast<long>(i);
    if (il < n) binom = F.mul(F.mul(binom, F.from_si(n - il)), F.inv(F.from_si(il + 1)));
  }
  return true;
}
}  // namespace

CellCount count_minors_locus_modp(const CriticalStructure& s, const NmodField& field, const Mat<NmodField>& sigma,
                                  const Vec<NmodField>& sigma_u, std::uint64_t seed) {
  if (!minors_engine_applies(s)) throw not_supported("the minors engine does not apply to this locus");
  MinorsEngine e(s, field, sigma, sigma_u, seed);
  const Grading g = grading_of(s);
  // Saturation stages, tried in order while the saturated space keeps
  // growing: the Gram form phi_G (saturate_gram) when h is a scalar (c_1 = 0:
  // phi_G = <G, G>_Sigma, degree 2 e_j in P_j; the isotropic form misses part
  // of the Bombieri (2,2,2,2) excess), and the isotropic-root form phi_iso
  // (saturate; with phi_iso^1 the Bombieri (2,2,2,2,1) space still grows,
  // 399, 401, 403 for D = 13..15, so it starts at k = 2).  Experiments:
  // LCNGEOM_MINORS_PHI=gram or a 0/1 string per group (isotropic factors)
  // and LCNGEOM_MINORS_PHI_POWER replace the first stage;
  // LCNGEOM_MINORS_SATURATE=1 starts saturated.
  struct Stage {
    bool gram;
    int power;
  };
  std::vector<Stage> stages = s.free_degree == 0
                                  ? std::vector<Stage>{{true, 1}, {true, 2}, {false, 2}, {false, 3}}
                                  : std::vector<Stage>{{false, 2}, {false, 3}, {false, 4}, {true, 1}};
  std::vector<char> phi_groups(s.tracked.size(), 1);
  if (const char* c = std::getenv("LCNGEOM_MINORS_PHI")) {
    stages.front().gram = std::string(c) == "gram";
    for (std::size_t j = 0; j < phi_groups.size() && c[j] && !stages.front().gram; ++j) phi_groups[j] = c[j] == '1';
  }
  if (const char* c = std::getenv("LCNGEOM_MINORS_PHI_POWER")) stages.front().power = std::clamp(std::atoi(c), 1, 4);
  std::size_t stage = 0;
  auto enter = [&](std::size_t k) {
    stage = k;
    if (stages[k].gram) e.saturate_gram(stages[k].power);
    else e.saturate(phi_groups, stages[k].power);
  };
  // Bombieri: start saturated (its excess would otherwise be found only after
  // the unsaturated runs: (3,2,2,2) spends about 100 s per trial there).
  // LCNGEOM_MINORS_SATURATE=1 / =0 forces / forbids the saturated start.
  const char* sat_env = std::getenv("LCNGEOM_MINORS_SATURATE");
  if (sat_env ? *sat_env == '1' : bombieri_multiple(field, sigma)) enter(0);
  // Start one above the minors' degree (plus deg phi^k when saturated) and
  // raise every group's degree until the maps close (the regularity of X is
  // not known in advance).
  auto start = [&] {
    std::vector<int> D = e.minor_degree();
    for (std::size_t j = 0; j < D.size(); ++j) D[j] += 1 + (e.saturated() ? e.phi_degree()[j] : 0);
    return D;
  };
  std::vector<int> D = start();
  std::vector<int> reached;
  if (const char* fixed = std::getenv("LCNGEOM_MINORS_DEGREE")) {  // experiments: one multidegree only
    std::vector<int> Df;
    for (const char* c = fixed; *c;) {
      Df.push_back(std::atoi(c));
      while (*c && *c != ',') ++c;
      if (*c == ',') ++c;
    }
    if (Df.size() == D.size()) {
      try {
        return e.run(Df);
      } catch (const NotClosed&) {
        throw not_supported("minors engine: the multiplication maps did not close at the fixed multidegree "
                            "LCNGEOM_MINORS_DEGREE=" + std::string(fixed));
      } catch (const Excess& x) {
        throw not_supported("minors engine at the fixed multidegree LCNGEOM_MINORS_DEGREE=" + std::string(fixed) +
                            ": " + x.what);
      }
    }
  }
  for (;;) {
    if (columns(g, D) > kMaxMinorsEngineColumns) {
      // Still open at the column limit: an excess component can also show
      // as a quotient that grows too slowly for the diagonal test to call it
      // (Bombieri (3,2,2,2) unsaturated: 817, 836, 860 at (12,9), (13,10),
      // (13,11)).  Saturate once, as for an Excess, from the saturated start
      // (Bombieri (3,2,2,2) closes saturated at (16,11), 6188 columns: 362).
      if (e.saturated()) break;
      if (tracing()) std::fprintf(stderr, "minors engine: column limit reached unsaturated: saturating\n");
      enter(0);
      D = start();
      if (columns(g, D) > kMaxMinorsEngineColumns) break;
    }
    reached = D;
    try {
      return e.run(D);
    } catch (const NotClosed& f) {
      // Raise the failing groups; but if Q_D kept growing over the last
      // three attempts (a component of X that is positive-dimensional in
      // those directions), raise every group so that the diagonal growth
      // test of run() can decide.
      const auto& q = e.q_all_;
      const std::size_t n = q.size();
      const bool stuck = n >= 3 && q[n - 1] > q[n - 2] && q[n - 1] - q[n - 2] >= q[n - 2] - q[n - 3];
      for (std::size_t j = 0; j < D.size(); ++j)
        if (stuck || f.raise.empty() || f.raise[j]) ++D[j];
    } catch (const Excess& x) {
      // X has a positive-dimensional component.  For a generic target no
      // critical point lies on the fixed proper closed subset phi = 0 of
      // Delta_lambda (its conormal variety has dimension < n + 1), so the
      // count of the points of X with phi != 0 is the generic count: restrict
      // to V = N(phi^k R) (docs/ed-degree-conjecture.md).  Once saturated, a
      // growing V means a non-reduced structure along phi = 0 or an excess
      // off phi = 0: the next stage (refused after the last).
      const std::size_t next = e.saturated() ? stage + 1 : 0;
      if (next == stages.size())
        throw not_supported(x.what + " even after saturation by the Gram and isotropic-root forms; the minors engine "
                            "refuses");
      if (tracing())
        std::fprintf(stderr, "minors engine: excess component: saturating by the %s form ^%d\n",
                     stages[next].gram ? "Gram" : "isotropic-root", stages[next].power);
      enter(next);
      const std::vector<int> D0 = start();
      for (std::size_t j = 0; j < D.size(); ++j) D[j] = std::max(D[j], D0[j]);
    }
  }
  std::string deg;
  for (int d : reached) deg += (deg.empty() ? "" : ",") + std::to_string(d);
  throw not_supported("minors engine: the multiplication maps did not close on the quotient of the maximal minors "
                      "up to multidegree (" + deg + ") (Macaulay matrices above " +
                      std::to_string(kMaxMinorsEngineColumns) + " columns are refused)");
}

}  // namespace lcngeom::detail
