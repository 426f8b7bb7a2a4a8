// lcngeom/detail/critical_algebra.hpp -- the algebra of critical points on
// multiple root loci, written once over any ring of detail/rings.hpp
// (internal; see critical_points.hpp for the mathematics).
//
// A point of Delta_lambda with root pattern exactly lambda is w = h * G with
//     G = prod_j P_j^{e_j},   g = prod_j P_j^{e_j - 1}        (e_j = j for Delta_lambda)
// for pairwise coprime square-free forms P_j of degree c_j (the roots of
// multiplicity e_j) and a square-free form h of degree c_1 coprime to G (the
// simple roots).  The tangent space there is g * R[x,y]_r, r = c_1 + sum c_j
// (eq. 5.3), and w is critical for ||w - u||^2_Sigma iff u - w is
// Sigma-orthogonal to it.  Since G * R_{c_1} lies in g * R_r this reads
//     N(P) (h, -1)^T = 0,   N(P) = [ M_g^T Sigma M_G | M_g^T Sigma u ]   ((r+1) x (c_1+2)),
// where M_g, M_G are the multiplication matrices by g (degree n - r -> n) and
// G (degree c_1 -> n).  So the critical points are the P where N(P) drops
// rank to c_1 + 1, with h read off the kernel.
#ifndef LCNGEOM_DETAIL_CRITICAL_ALGEBRA_HPP
#define LCNGEOM_DETAIL_CRITICAL_ALGEBRA_HPP

#include <string>
#include <utility>
#include <vector>

#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/partition.hpp"

namespace lcngeom::detail {

/// A factor P_j of degree `degree` appearing with exponent `exponent` in w.
struct TrackedFactor {
  int degree;
  int exponent;
};

/// w = h * prod P_j^{e_j} with deg h = free_degree.
struct CriticalStructure {
  int n = 0;
  int free_degree = 0;
  std::vector<TrackedFactor> tracked;

  /// lambda -> free_degree = #{parts 1}, tracked = {(#{parts j}, j) : j >= 2}
  /// ordered by increasing count then exponent (largest block last).
  static CriticalStructure from_partition(const Partition& lambda);
  /// r = number of distinct roots.
  int distinct_roots() const;
  /// m = number of unknown coefficients of the P_j (= sum c_j).
  int unknowns() const;
  /// deg g and deg G as forms.
  int g_degree() const;
  int G_degree() const;
  /// Bound on the total degree of a maximal minor of [N | A] in the
  /// coefficients of P_j: (c_1+1)(2 e_j - 1) + (e_j - 1).
  int minor_degree_bound(std::size_t j) const;
};

/// An affine cell of the parameter space prod_j P^{c_j} of the P_j: the top
/// cell (every P_j monic in x: no root at (1:0)), or the cell where P_j has
/// the simple root (1:0): P_j = y * (monic of degree c_j - 1).  Other cells
/// (a multiple root at (1:0), or two P_j with the root (1:0)) only contain
/// points whose pattern is coarser than lambda.
struct Cell {
  int infinity_factor = -1;  ///< -1 for the top cell
  /// Number of free coordinates of the cell.
  int dimension(const CriticalStructure& s) const;
  /// Coordinates of each tracked factor (in order): c_j or c_j - 1.
  std::vector<int> block_sizes(const CriticalStructure& s) const;
};

/// The cells that can contain points of pattern exactly lambda, the top cell
/// first: the one enumeration used by the exact solver and the modular engine.
std::vector<Cell> cells(const CriticalStructure& s);

/// Advances the k-subset `pick` (increasing indices) of {0, ..., n-1} to the
/// next one in lexicographic order; false after the last.
bool next_combination(std::vector<std::size_t>& pick, std::size_t n);

/// The forms P_j (coefficient vectors a_0..a_{c_j}) of the point of `cell`
/// with the given coordinates (concatenated per tracked factor).
template <class R>
std::vector<Vec<R>> cell_forms(const R& ring, const CriticalStructure& s, const Cell& cell, const Vec<R>& coords) {
  std::vector<Vec<R>> out;
  std::size_t at = 0;
  for (std::size_t j = 0; j < s.tracked.size(); ++j) {
    const int c = s.tracked[j].degree;
    Vec<R> p;
    p.reserve(static_cast<std::size_t>(c) + 1);
    int free = c;
    if (cell.infinity_factor == static_cast<int>(j)) {
      p.push_back(ring.zero());
      free = c - 1;
    }
    p.push_back(ring.one());
    for (int i = 0; i < free; ++i) p.push_back(coords.at(at++));
    out.push_back(std::move(p));
  }
  return out;
}

/// g = prod P_j^{e_j - 1} and G = prod P_j^{e_j}.
template <class R>
std::pair<Vec<R>, Vec<R>> tangent_factors(const R& ring, const CriticalStructure& s, const std::vector<Vec<R>>& P) {
  Vec<R> g{ring.one()}, q{ring.one()};
  for (std::size_t j = 0; j < s.tracked.size(); ++j) {
    g = poly_mul(ring, g, poly_pow(ring, P[j], s.tracked[j].exponent - 1));
    q = poly_mul(ring, q, P[j]);
  }
  return {g, poly_mul(ring, g, q)};
}

/// The matrix N(P) (see the file comment); sigma_u = Sigma u.
template <class R>
Mat<R> critical_matrix(const R& ring, const CriticalStructure& s, const std::vector<Vec<R>>& P, const Mat<R>& sigma,
                       const Vec<R>& sigma_u) {
  const int n = s.n, r = s.distinct_roots(), c1 = s.free_degree;
  auto [g, G] = tangent_factors(ring, s, P);
  // Columns Sigma (G x^{c1-k} y^k): G shifted by k inside a vector of length n + 1.
  std::vector<Vec<R>> cols;
  for (int k = 0; k <= c1; ++k) {
    Vec<R> v(static_cast<std::size_t>(n) + 1, ring.zero());
    for (std::size_t l = 0; l < G.size(); ++l) v[l + static_cast<std::size_t>(k)] = G[l];
    cols.push_back(mat_vec(ring, sigma, v));
  }
  cols.push_back(sigma_u);
  Mat<R> N(static_cast<std::size_t>(r) + 1);
  for (int i = 0; i <= r; ++i)
    for (const auto& col : cols) {
      typename R::E e = ring.zero();
      for (std::size_t l = 0; l < g.size(); ++l)
        if (!ring.is_zero(g[l])) e = ring.add(e, ring.mul(g[l], col[l + static_cast<std::size_t>(i)]));
      N[static_cast<std::size_t>(i)].push_back(std::move(e));
    }
  return N;
}

/// What a point of the cell is.
enum class PointVerdict {
  critical,      ///< a critical point with root pattern exactly lambda
  not_critical,  ///< N(P) has full rank: not a critical point at all
  degenerate,    ///< N(P) drops rank but the point is not an exact-pattern critical point
  family         ///< singular Gram block with a consistent system: a positive-dimensional set
};

template <class R>
struct PointData {
  std::vector<Vec<R>> P;  ///< the forms P_j
  Vec<R> h;               ///< scale * (the free factor, degree c_1)
  Vec<R> w;               ///< scale * (the critical point h * G, degree n)
  typename R::E scale;    ///< a nonzero scalar (1 unless set by classify_point_in_field)
};

/// Decides what the point with forms P is (see PointVerdict), filling `out`
/// for a critical point and `why` for a degenerate one.  In a quotient ring
/// every test is uniform over the roots of the modulus or throws SplitRequest.
template <class R>
PointVerdict classify_point(const R& ring, const CriticalStructure& s, const std::vector<Vec<R>>& P,
                            const Mat<R>& sigma, const Vec<R>& sigma_u, PointData<R>* out, std::string* why) {
  auto fail = [&](const char* reason) {
    if (why) *why = reason;
    return PointVerdict::degenerate;
  };
  Mat<R> N = critical_matrix(ring, s, P, sigma, sigma_u);
  const std::size_t rows = N.size(), c1 = static_cast<std::size_t>(s.free_degree), last = c1 + 1;
  // Eliminate the left block (columns 0..c1) with unit pivots (reduced echelon form).
  std::vector<std::size_t> pivrow;
  std::size_t row = 0;
  bool deficient = false;
  for (std::size_t c = 0; c <= c1; ++c) {
    std::size_t piv = rows;
    for (std::size_t i = row; i < rows; ++i)
      if (ring.is_unit(N[i][c])) {
        piv = i;
        break;
      }
    if (piv == rows) {
      deficient = true;
      continue;
    }
    std::swap(N[piv], N[row]);
    typename R::E inv = ring.inv(N[row][c]);
    for (std::size_t j = c; j <= last; ++j) N[row][j] = ring.mul(N[row][j], inv);
    for (std::size_t i = 0; i < rows; ++i) {
      if (i == row || ring.is_zero(N[i][c])) continue;
      typename R::E f = N[i][c];
      for (std::size_t j = c; j <= last; ++j)
        if (!ring.is_zero(N[row][j])) N[i][j] = ring.sub(N[i][j], ring.mul(f, N[row][j]));
    }
    pivrow.push_back(row);
    ++row;
  }
  for (std::size_t i = row; i < rows; ++i)
    if (!ring.is_zero(N[i][last]) && ring.is_unit(N[i][last])) return PointVerdict::not_critical;
  if (deficient) {
    // The Gram block M_g^T Sigma M_G is singular but the system is consistent:
    // every h in an affine line gives a critical w = h G, so the critical set
    // is not finite here.
    if (why) *why = "the Gram block M_g^T Sigma M_G is singular at a consistent point (a family of critical points)";
    return PointVerdict::family;
  }
  // Reduced echelon form: h_c = N[pivrow[c]][last].
  Vec<R> h;
  for (std::size_t c = 0; c <= c1; ++c) h.push_back(N[pivrow[c]][last]);
  if (!nonzero_vector(ring, h)) return fail("h = 0, so w = 0");
  for (std::size_t j = 0; j < s.tracked.size(); ++j) {
    if (s.tracked[j].degree >= 2 && !ring.is_unit(squarefree_witness(ring, P[j])))
      return fail("a repeated factor P_j has a double root");
    for (std::size_t i = 0; i < j; ++i)
      if (!ring.is_unit(form_resultant(ring, P[i], P[j]))) return fail("two repeated factors share a root");
    if (c1 >= 1 && !ring.is_unit(form_resultant(ring, h, P[j])))
      return fail("the simple part h shares a root with a repeated factor");
  }
  if (c1 >= 2 && !ring.is_unit(squarefree_witness(ring, h))) return fail("the simple part h has a double root");
  if (out) {
    auto [g, G] = tangent_factors(ring, s, P);
    out->P = P;
    out->w = poly_mul(ring, h, G);
    out->h = std::move(h);
    out->scale = ring.one();
  }
  return PointVerdict::critical;
}

/// classify_point for a field whose inversions are expensive (Q(alpha) with
/// large coefficients): h by Cramer's rule on c_1 + 1 rows with a nonzero
/// left minor, consistency checked on all rows, nondegeneracy witnesses by
/// division-free determinants; one inversion in total.  Falls back to
/// classify_point when every left minor vanishes.
template <class R>
PointVerdict classify_point_in_field(const R& ring, const CriticalStructure& s, const std::vector<Vec<R>>& P,
                                     const Mat<R>& sigma, const Vec<R>& sigma_u, PointData<R>* out, std::string* why) {
  Mat<R> N = critical_matrix(ring, s, P, sigma, sigma_u);
  const std::size_t rows = N.size(), k = static_cast<std::size_t>(s.free_degree) + 1;
  constexpr DetMethod no_division = DetMethod::division_free;
  std::vector<std::size_t> pick(k);
  for (std::size_t i = 0; i < k; ++i) pick[i] = i;
  do {
    Mat<R> L;
    for (std::size_t i : pick) L.push_back(Vec<R>(N[i].begin(), N[i].begin() + static_cast<long>(k)));
    typename R::E d = det(ring, L, no_division);
    if (!ring.is_zero(d)) {
      // h = adj(L) u_S / d; keep the numerator (no inversion needed).
      Vec<R> h;
      for (std::size_t c = 0; c < k; ++c) {
        Mat<R> Lc = L;
        for (std::size_t r = 0; r < k; ++r) Lc[r][c] = N[pick[r]][k];
        h.push_back(det(ring, Lc, no_division));
      }
      for (std::size_t i = 0; i < rows; ++i) {
        typename R::E e = ring.neg(ring.mul(N[i][k], d));
        for (std::size_t c = 0; c < k; ++c) e = ring.add(e, ring.mul(N[i][c], h[c]));
        if (!ring.is_zero(e)) return PointVerdict::not_critical;
      }
      auto fail = [&](const char* reason) {
        if (why) *why = reason;
        return PointVerdict::degenerate;
      };
      bool hz = true;
      for (const auto& e : h) hz = hz && ring.is_zero(e);
      if (hz) return fail("h = 0, so w = 0");
      for (std::size_t j = 0; j < s.tracked.size(); ++j) {
        if (s.tracked[j].degree >= 2 && ring.is_zero(squarefree_witness(ring, P[j], no_division)))
          return fail("a repeated factor P_j has a double root");
        for (std::size_t i = 0; i < j; ++i)
          if (ring.is_zero(form_resultant(ring, P[i], P[j], no_division)))
            return fail("two repeated factors share a root");
        if (k >= 2 && ring.is_zero(form_resultant(ring, h, P[j], no_division)))
          return fail("the simple part h shares a root with a repeated factor");
      }
      if (k >= 3 && ring.is_zero(squarefree_witness(ring, h, no_division)))
        return fail("the simple part h has a double root");
      if (out) {
        auto [g, G] = tangent_factors(ring, s, P);
        out->P = P;
        out->w = poly_mul(ring, h, G);
        out->h = std::move(h);
        out->scale = d;
      }
      return PointVerdict::critical;
    }
  } while (next_combination(pick, rows));
  return classify_point(ring, s, P, sigma, sigma_u, out, why);
}

}  // namespace lcngeom::detail

#endif
