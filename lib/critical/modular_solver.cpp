// The modular critical-point engine: dense evaluation/interpolation of the
// combinations F_k = det[N(P) | A_k] of maximal minors, iterated resultants,
// intersection of two eliminants, and exact classification of every root in
// F_p[z]/(T) with splitting.
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/flint.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <numeric>
#include <random>

#include <flint/fq_nmod_poly.h>
#include <flint/nmod_mpoly.h>
#include <flint/nmod_poly_factor.h>
#include <cstdio>
#include <cstdlib>

namespace lcngeom::detail {

namespace {

std::atomic<int> reference_flag{-1};  // -1: not yet read from the environment

bool reference_engine() { return modular_reference_engine(); }

// Dense polynomial in k variables; variable 0 varies slowest.
struct Dense {
  std::vector<long> deg;  // bound per variable
  std::vector<ulong> c;

  std::size_t stride(std::size_t a) const {
    std::size_t s = 1;
    for (std::size_t b = a + 1; b < deg.size(); ++b) s *= static_cast<std::size_t>(deg[b] + 1);
    return s;
  }
  bool is_zero() const {
    return std::all_of(c.begin(), c.end(), [](ulong x) { return x == 0; });
  }
  // Actual degree in variable a (-1 for zero), and total degrees.
  long degree(std::size_t a) const {
    long best = -1;
    const std::size_t st = stride(a), n = static_cast<std::size_t>(deg[a] + 1);
    for (std::size_t i = 0; i < c.size(); ++i)
      if (c[i]) best = std::max(best, static_cast<long>((i / st) % n));
    return best;
  }
  // Total degree over the variables in `vars` (all if empty).
  long total_degree(const std::vector<std::size_t>& vars) const {
    long best = -1;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (!c[i]) continue;
      long t = 0;
      for (std::size_t a : vars) t += static_cast<long>((i / stride(a)) % static_cast<std::size_t>(deg[a] + 1));
      best = std::max(best, t);
    }
    return best;
  }
};

std::vector<ulong> iota_points(long d) {
  std::vector<ulong> x(static_cast<std::size_t>(d + 1));
  std::iota(x.begin(), x.end(), 0UL);
  return x;
}

// Interpolates a dense polynomial from its values on the grid {0..deg_0} x ... (same layout).
Dense interpolate_grid(std::vector<ulong> values, const std::vector<long>& deg, ulong p) {
  Dense d{deg, std::move(values)};
  for (std::size_t a = 0; a < deg.size(); ++a) {
    const std::size_t st = d.stride(a), n = static_cast<std::size_t>(deg[a] + 1);
    const std::size_t block = st * n;
    std::vector<ulong> xs = iota_points(deg[a]), ys(n);
    for (std::size_t base = 0; base < d.c.size(); base += block)
      for (std::size_t off = 0; off < st; ++off) {
        for (std::size_t i = 0; i < n; ++i) ys[i] = d.c[base + off + i * st];
        NmodPoly f = nmod_interpolate(xs, ys, p);
        for (std::size_t i = 0; i < n; ++i) d.c[base + off + i * st] = f.coeff(static_cast<long>(i));
      }
  }
  return d;
}

// Fills a grid by calling f on every point.
std::vector<ulong> sample_grid(const std::vector<long>& deg, const std::function<ulong(const std::vector<ulong>&)>& f) {
  std::size_t total = 1;
  for (long d : deg) total *= static_cast<std::size_t>(d + 1);
  std::vector<ulong> out(total);
  std::vector<ulong> pt(deg.size(), 0);
  for (std::size_t i = 0; i < total; ++i) {
    std::size_t r = i;
    for (std::size_t a = deg.size(); a-- > 0;) {
      pt[a] = r % static_cast<std::size_t>(deg[a] + 1);
      r /= static_cast<std::size_t>(deg[a] + 1);
    }
    out[i] = f(pt);
  }
  return out;
}

// The univariate polynomial in variable 0 obtained by substituting values for variables 1..k-1.
NmodPoly specialize_rest(const Dense& d, const std::vector<ulong>& rest, const nmod_t& mod) {
  const std::size_t k = d.deg.size(), row = d.stride(0);
  std::vector<ulong> weight(row, 1);
  // weight[j] = prod_{a>=1} rest[a-1]^{e_a(j)}
  if (!reference_engine()) {  // from tables of powers, not one powmod per entry
    std::vector<std::vector<ulong>> pw(k);
    for (std::size_t a = 1; a < k; ++a) {
      pw[a].assign(static_cast<std::size_t>(d.deg[a] + 1), 1);
      for (std::size_t e = 1; e < pw[a].size(); ++e) pw[a][e] = nmod_mul(pw[a][e - 1], rest[a - 1], mod);
    }
    for (std::size_t j = 0; j < row; ++j) {
      std::size_t r = j;
      ulong w = 1;
      for (std::size_t a = k; a-- > 1;) {
        const std::size_t n = pw[a].size(), e = r % n;
        r /= n;
        if (e) w = nmod_mul(w, pw[a][e], mod);
      }
      weight[j] = w;
    }
  } else {
    for (std::size_t j = 0; j < row; ++j) {
      std::size_t r = j;
      ulong w = 1;
      for (std::size_t a = k; a-- > 1;) {
        const std::size_t n = static_cast<std::size_t>(d.deg[a] + 1), e = r % n;
        r /= n;
        if (e) w = nmod_mul(w, n_powmod2_ui_preinv(rest[a - 1], e, mod.n, mod.ninv), mod);
      }
      weight[j] = w;
    }
  }
  NmodPoly out(mod.n);
  const std::size_t n0 = static_cast<std::size_t>(d.deg[0] + 1);
  for (std::size_t i = 0; i < n0; ++i) {
    ulong s = _nmod_vec_dot(d.c.data() + i * row, weight.data(), static_cast<slong>(row), mod,
                            _nmod_vec_dot_bound_limbs(static_cast<slong>(row), mod));
    if (s) out.set_coeff(static_cast<long>(i), s);
  }
  return out;
}

// Resultant Res_{x0}(A, B) as a dense polynomial in the remaining variables.
struct ResultantPlan {
  long da, db;              // formal degrees in x0
  std::vector<long> bound;  // per remaining variable
};

ResultantPlan plan_resultant(const Dense& A, const Dense& B) {
  const std::size_t k = A.deg.size();
  std::vector<std::size_t> rest;
  for (std::size_t a = 1; a < k; ++a) rest.push_back(a);
  ResultantPlan pl;
  pl.da = A.degree(0);
  pl.db = B.degree(0);
  const long ta = A.total_degree(rest), tb = B.total_degree(rest);
  std::vector<std::size_t> all(k);
  std::iota(all.begin(), all.end(), std::size_t{0});
  const long total = std::min(pl.da * tb + pl.db * ta, A.total_degree(all) * B.total_degree(all));
  for (std::size_t a : rest) {
    long b = pl.da * B.degree(a) + pl.db * A.degree(a);
    // Bezout in the plane (x0, x_a) with the other variables fixed.
    b = std::min(b, A.total_degree({0, a}) * B.total_degree({0, a}));
    pl.bound.push_back(std::max(0L, std::min(b, total)));
  }
  return pl;
}

// The coefficients (in variable 0) of a bivariate dense polynomial at x_1 =
// 0, 1, 2, ... in turn, by forward differences: each step costs deg_1
// additions per coefficient instead of deg_1 multiply-adds (the evaluation
// points of resultant_dense are consecutive integers).
class ConsecutiveValues {
 public:
  ConsecutiveValues(const Dense& d, const nmod_t& mod)
      : mod_(mod), n0_(static_cast<std::size_t>(d.deg[0] + 1)), n1_(static_cast<std::size_t>(d.deg[1] + 1)),
        diff_(n0_ * n1_) {
    std::vector<ulong> xs = iota_points(d.deg[1]);
    NmodPoly f(mod.n);
    std::vector<ulong> v(n1_);
    for (std::size_t i = 0; i < n0_; ++i) {
      nmod_poly_zero(f.raw());
      for (std::size_t j = 0; j < n1_; ++j)
        if (d.c[i * n1_ + j]) f.set_coeff(static_cast<long>(j), d.c[i * n1_ + j]);
      nmod_poly_evaluate_nmod_vec(v.data(), f.raw(), xs.data(), static_cast<slong>(n1_));
      // Difference table at 0: v[j] = Delta^j f(0).
      for (std::size_t k = 1; k < n1_; ++k)
        for (std::size_t j = n1_; j-- > k;) v[j] = nmod_sub(v[j], v[j - 1], mod);
      std::copy(v.begin(), v.end(), diff_.begin() + static_cast<std::ptrdiff_t>(i * n1_));
    }
  }
  // The univariate polynomial in variable 0 at the current point.
  void current(NmodPoly& out) const {
    nmod_poly_fit_length(out.raw(), static_cast<slong>(n0_));
    for (std::size_t i = 0; i < n0_; ++i) out.raw()->coeffs[i] = diff_[i * n1_];
    _nmod_poly_set_length(out.raw(), static_cast<slong>(n0_));
    _nmod_poly_normalise(out.raw());
  }
  // Moves to the next point: Delta^j f(x + 1) = Delta^j f(x) + Delta^{j+1} f(x).
  void advance() {
    for (std::size_t i = 0; i < n0_; ++i) {
      ulong* v = diff_.data() + i * n1_;
      for (std::size_t j = 0; j + 1 < n1_; ++j) v[j] = nmod_add(v[j], v[j + 1], mod_);
    }
  }

 private:
  nmod_t mod_;
  std::size_t n0_, n1_;
  std::vector<ulong> diff_;
};

Dense resultant_dense(const Dense& A, const Dense& B, const nmod_t& mod) {
  ResultantPlan pl = plan_resultant(A, B);
  if (A.deg.size() == 2 && !reference_engine()) {
    ConsecutiveValues va(A, mod), vb(B, mod);
    std::vector<ulong> vals(static_cast<std::size_t>(pl.bound[0] + 1));
    NmodPoly a(mod.n), b(mod.n);
    for (std::size_t x = 0; x < vals.size(); ++x) {
      va.current(a);
      vb.current(b);
      vals[x] = nmod_formal_resultant(a, pl.da, b, pl.db);
      va.advance();
      vb.advance();
    }
    return interpolate_grid(std::move(vals), pl.bound, mod.n);
  }
  auto vals = sample_grid(pl.bound, [&](const std::vector<ulong>& pt) {
    NmodPoly a = specialize_rest(A, pt, mod), b = specialize_rest(B, pt, mod);
    return nmod_formal_resultant(a, pl.da, b, pl.db);
  });
  return interpolate_grid(std::move(vals), pl.bound, mod.n);
}

NmodPoly to_univariate(const Dense& d, ulong p) {
  NmodPoly f(p);
  for (std::size_t i = 0; i < d.c.size(); ++i)
    if (d.c[i]) f.set_coeff(static_cast<long>(i), d.c[i]);
  return f;
}

// Removes from A and B their common factor (a curve or surface of common
// zeros; for a generic target it consists of points with a singular Gram
// block, see count_cell_modp).  Returns true if a factor was removed.
bool remove_common_factor(Dense& A, Dense& B, ulong p) {
  const std::size_t k = A.deg.size();
  nmod_mpoly_ctx_t ctx;
  nmod_mpoly_ctx_init(ctx, static_cast<slong>(k), ORD_LEX, p);
  auto to_mpoly = [&](const Dense& d, nmod_mpoly_t out) {
    std::vector<ulong> e(k);
    // Appending terms and sorting once: set_coeff per term searches and
    // shifts the term array (quadratic; 0.4 s per cell in (3,2,2,1)).
    for (std::size_t i = d.c.size(); i-- > 0;) {
      if (!d.c[i]) continue;
      std::size_t r = i;
      for (std::size_t a = k; a-- > 0;) {
        e[a] = r % static_cast<std::size_t>(d.deg[a] + 1);
        r /= static_cast<std::size_t>(d.deg[a] + 1);
      }
      if (reference_engine()) nmod_mpoly_set_coeff_ui_ui(out, d.c[i], e.data(), ctx);
      else nmod_mpoly_push_term_ui_ui(out, d.c[i], e.data(), ctx);
    }
    nmod_mpoly_sort_terms(out, ctx);
    nmod_mpoly_combine_like_terms(out, ctx);
  };
  auto from_mpoly = [&](const nmod_mpoly_t in, Dense& d) {
    std::fill(d.c.begin(), d.c.end(), 0UL);
    std::vector<ulong> e(k);
    for (slong t = 0; t < nmod_mpoly_length(in, ctx); ++t) {
      nmod_mpoly_get_term_exp_ui(e.data(), in, t, ctx);
      std::size_t idx = 0;
      for (std::size_t a = 0; a < k; ++a) idx = idx * static_cast<std::size_t>(d.deg[a] + 1) + e[a];
      d.c[idx] = nmod_mpoly_get_term_coeff_ui(in, t, ctx);
    }
  };
  nmod_mpoly_t a, b, g, q;
  nmod_mpoly_init(a, ctx);
  nmod_mpoly_init(b, ctx);
  nmod_mpoly_init(g, ctx);
  nmod_mpoly_init(q, ctx);
  to_mpoly(A, a);
  to_mpoly(B, b);
  bool removed = false;
  if (nmod_mpoly_gcd(g, a, b, ctx) && nmod_mpoly_total_degree_si(g, ctx) > 0) {
    removed = true;
    while (nmod_mpoly_divides(q, a, g, ctx)) nmod_mpoly_swap(a, q, ctx);
    while (nmod_mpoly_divides(q, b, g, ctx)) nmod_mpoly_swap(b, q, ctx);
    from_mpoly(a, A);
    from_mpoly(b, B);
  }
  nmod_mpoly_clear(a, ctx);
  nmod_mpoly_clear(b, ctx);
  nmod_mpoly_clear(g, ctx);
  nmod_mpoly_clear(q, ctx);
  nmod_mpoly_ctx_clear(ctx);
  return removed;
}

// Coefficients (in variable 0) of a dense polynomial whose other variables are
// (x_1, ..., x_{k-2}, z): substitutes the ring elements `mid` for x_1..x_{k-2}
// and keeps z, reducing mod T.
Vec<NmodQuotient> coefficients_over(const NmodQuotient& A, const Dense& d, const Vec<NmodQuotient>& mid) {
  const std::size_t k = d.deg.size();
  const std::size_t n0 = static_cast<std::size_t>(d.deg[0] + 1), row = d.stride(0);
  const std::size_t nz = static_cast<std::size_t>(d.deg[k - 1] + 1);
  // Powers of the substituted middle variables, computed once.
  std::vector<std::vector<NmodPoly>> powers(k >= 2 ? k - 2 : 0);
  for (std::size_t a = 1; a + 1 < k; ++a) {
    powers[a - 1].push_back(A.one());
    for (long e = 1; e <= d.deg[a]; ++e) powers[a - 1].push_back(A.mul(powers[a - 1].back(), mid[a - 1]));
  }
  Vec<NmodQuotient> out;
  for (std::size_t i = 0; i < n0; ++i) {
    NmodPoly acc = A.zero();
    for (std::size_t j = 0; j < row; j += nz) {
      NmodPoly zpoly(A.prime());
      for (std::size_t t = 0; t < nz; ++t)
        if (d.c[i * row + j + t]) zpoly.set_coeff(static_cast<long>(t), d.c[i * row + j + t]);
      if (zpoly.is_zero()) continue;
      NmodPoly term = A.reduce(zpoly);
      std::size_t r = j / nz;
      for (std::size_t a = k - 1; a-- > 1;) {
        const std::size_t n = static_cast<std::size_t>(d.deg[a] + 1), e = r % n;
        r /= n;
        if (e) term = A.mul(term, powers[a - 1][e]);
      }
      acc = A.add(acc, term);
    }
    out.push_back(std::move(acc));
  }
  return out;
}

// The bivariate dense polynomial with its two variables exchanged.
Dense swap_variables(const Dense& d) {
  const std::size_t n0 = static_cast<std::size_t>(d.deg[0] + 1), n1 = static_cast<std::size_t>(d.deg[1] + 1);
  Dense out{{d.deg[1], d.deg[0]}, std::vector<ulong>(d.c.size())};
  for (std::size_t i = 0; i < n0; ++i)
    for (std::size_t j = 0; j < n1; ++j) out.c[j * n0 + i] = d.c[i * n1 + j];
  return out;
}

// Coefficients (in variable 0) of a dense polynomial after substituting the
// ring elements vals[a - 1] for every other variable x_a (unlike
// coefficients_over, no variable is the generator of the ring).
Vec<NmodQuotient> coefficients_at(const NmodQuotient& A, const Dense& d, const Vec<NmodQuotient>& vals) {
  const std::size_t k = d.deg.size(), n0 = static_cast<std::size_t>(d.deg[0] + 1), row = d.stride(0);
  // mono[j] = prod_a vals[a-1]^{e_a(j)}, built variable by variable.
  Vec<NmodQuotient> mono{A.one()};
  for (std::size_t a = 1; a < k; ++a) {
    Vec<NmodQuotient> pw{A.one()};
    for (long e = 1; e <= d.deg[a]; ++e) pw.push_back(A.mul(pw.back(), vals[a - 1]));
    Vec<NmodQuotient> next;
    for (const auto& m : mono)
      for (const auto& q : pw) next.push_back(A.mul(m, q));
    mono = std::move(next);
  }
  Vec<NmodQuotient> out;
  NmodPoly term(A.prime());
  for (std::size_t i = 0; i < n0; ++i) {
    NmodPoly acc = A.zero();
    for (std::size_t j = 0; j < row; ++j) {
      const ulong c = d.c[i * row + j];
      if (!c) continue;
      nmod_poly_scalar_mul_nmod(term.raw(), mono[j].raw(), c);
      nmod_poly_add(acc.raw(), acc.raw(), term.raw());
    }
    out.push_back(std::move(acc));
  }
  return out;
}

class CellEngine {
 public:
  CellEngine(const CriticalStructure& s, const Cell& cell, const NmodField& field, const Mat<NmodField>& sigma,
             const Vec<NmodField>& sigma_u, std::uint64_t seed, bool mix_all, bool small_shear = false)
      : s_(s), cell_(cell), F_(field), sigma_(sigma), sigma_u_(sigma_u), rng_(seed), mix_all_(mix_all) {
    delta_ = cell.dimension(s);
    // Blocks of coordinates, one per tracked factor (skipping empty ones).
    std::vector<int> sizes = cell.block_sizes(s);
    std::vector<std::vector<int>> blocks;
    std::vector<long> block_bound;
    int at = 0;
    for (std::size_t j = 0; j < sizes.size(); ++j) {
      std::vector<int> b;
      for (int i = 0; i < sizes[j]; ++i) b.push_back(at++);
      if (!b.empty()) {
        blocks.push_back(b);
        block_bound.push_back(s.minor_degree_bound(j));
      }
    }
    if (mix_all && blocks.size() > 1) {
      std::vector<int> all;
      long total = 0;
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        all.insert(all.end(), blocks[i].begin(), blocks[i].end());
        total += block_bound[i];
      }
      blocks = {all};
      block_bound = {total};
    }
    // Choose the kept (separating) coordinate z and the elimination order.  z is
    // sheared with the other coordinates of its block so that it separates the
    // points of the cell (a failure is detected at recovery: ShapeFailure).
    shear_.assign(static_cast<std::size_t>(delta_), 0);
    // Small shears keep the heights of the RUR over Q small (exact solver);
    // the counts use 61-bit ones (a failure to separate is then unlikely).
    std::uniform_int_distribution<long> big(1, (1L << 61)), small(-24, 23);
    auto dist = [&](std::mt19937_64& g) {
      if (!small_shear) return big(g);
      const long v = small(g);
      return v >= 0 ? v + 1 : v;
    };
    if (!blocks.empty()) {
      std::vector<int> block_of(static_cast<std::size_t>(delta_));
      for (std::size_t b = 0; b < blocks.size(); ++b)
        for (int v : blocks[b]) block_of[static_cast<std::size_t>(v)] = static_cast<int>(b);
      auto D = [&](int v) { return block_bound[static_cast<std::size_t>(block_of[static_cast<std::size_t>(v)])]; };
      auto same = [&](int a, int b) {
        return block_of[static_cast<std::size_t>(a)] == block_of[static_cast<std::size_t>(b)];
      };
      // Candidate orders (x_1, ..., x_{delta-1}, z); default: the largest block last.
      std::vector<int> best;
      for (std::size_t bi = 0; bi + 1 < blocks.size(); ++bi)
        for (int v : blocks[bi]) best.push_back(v);
      for (std::size_t i = blocks.back().size(); i-- > 1;) best.push_back(blocks.back()[i]);
      best.push_back(blocks.back().front());
      if (delta_ == 3 && blocks.size() > 1) {
        // Degree model of the final eliminant (block degrees D; Sylvester and
        // within-block Bezout bounds), minimized over the 6 orders.
        long best_bound = -1;
        std::vector<int> perm{0, 1, 2};
        do {
          const int x1 = perm[0], x2 = perm[1], z = perm[2];
          auto pair_tdeg = [&](int a, int b) { return same(a, b) ? D(a) : D(a) + D(b); };
          auto cdeg = [&](int v) { return std::min(2 * D(x1) * D(v), pair_tdeg(x1, v) * pair_tdeg(x1, v)); };
          long t3 = same(x1, x2) && same(x2, z)
                        ? D(x1)
                        : (same(x2, z) ? D(x1) + D(z) : pair_tdeg(x1, x2) + (same(x1, z) ? 0 : D(z)));
          const long ctot = std::min(2 * D(x1) * pair_tdeg(x2, z), t3 * t3);
          const long rb = std::min(2 * cdeg(x2) * cdeg(z), ctot * ctot);
          if (best_bound < 0 || rb < best_bound) {
            best_bound = rb;
            best = perm;
          }
        } while (std::next_permutation(perm.begin(), perm.end()));
      }
      zorig_ = best.back();
      for (std::size_t t = 0; t < best.size(); ++t) {
        const int v = best[t];
        if (t + 1 < best.size()) {
          order_.push_back(v);
          if (same(v, zorig_)) shear_[static_cast<std::size_t>(v)] = dist(rng_);
        }
        bound_.push_back(D(v));
      }
      order_.push_back(zorig_);
    }
    // Random constant columns: N is (r+1) x (c1+2), so m - 1 of them make it square.
    const int rows = s.distinct_roots() + 1, extra = std::max(0, s.unknowns() - 1);
    K_ = extra == 0 ? 1 : (delta_ >= 3 ? 4 : 3);
    std::uniform_int_distribution<ulong> any(1, F_.mod.n - 1);
    for (int k = 0; k < K_; ++k) {
      Mat<NmodField> a(static_cast<std::size_t>(rows), Vec<NmodField>(static_cast<std::size_t>(extra)));
      for (auto& row : a)
        for (auto& e : row) e = any(rng_);
      combos_.push_back(std::move(a));
    }
  }

  CellCount run();
  // Classifies the roots of the eliminant T (its square-free part).
  CellCount finish(NmodPoly T, const std::function<bool(const NmodQuotient&, Vec<NmodQuotient>&)>& recover);

  /// After run(): the RUR of the critical points (collect must be set before).
  bool collect = false;
  NmodPoly crit_T{2};
  std::vector<NmodPoly> crit_coords;
  std::vector<long> linear_form() const {
    std::vector<long> f(shear_.begin(), shear_.end());
    f[static_cast<std::size_t>(zorig_)] = 1;
    return f;
  }

 private:
  template <class R>
  Vec<R> original(const R& ring, const Vec<R>& y) const {
    Vec<R> v(static_cast<std::size_t>(delta_), ring.zero());
    for (std::size_t t = 0; t + 1 < order_.size(); ++t) v[static_cast<std::size_t>(order_[t])] = y[t];
    typename R::E z = y.back();
    for (int i = 0; i < delta_; ++i)
      if (shear_[static_cast<std::size_t>(i)])
        z = ring.sub(z, ring.mul(ring.from_si(shear_[static_cast<std::size_t>(i)]), v[static_cast<std::size_t>(i)]));
    v[static_cast<std::size_t>(zorig_)] = z;
    return v;
  }

  ulong eval_F(int k, const std::vector<ulong>& y) const {
    Vec<NmodField> v = original(F_, y);
    auto P = cell_forms(F_, s_, cell_, v);
    Mat<NmodField> N = critical_matrix(F_, s_, P, sigma_, sigma_u_);
    for (std::size_t i = 0; i < N.size(); ++i)
      for (ulong a : combos_[static_cast<std::size_t>(k)][i]) N[i].push_back(a);
    return det(F_, std::move(N));
  }

  Dense interpolate_F(int k) const {
    auto vals = sample_grid(bound_, [&](const std::vector<ulong>& pt) { return eval_F(k, pt); });
    return interpolate_grid(std::move(vals), bound_, F_.mod.n);
  }

  // All K values F_k(y) = det[N(P) | A_k] from one elimination: the
  // combinations differ only in their appended constant columns, so after
  // reducing the c1+2 columns of N(P) to echelon form (the same row operations
  // on every A_k), F_k is the pivot product times the determinant of the last
  // m-1 rows of A_k.  Same values as eval_F, K times less matrix work.
  void eval_all(const std::vector<ulong>& y, ulong* out) const {
    Vec<NmodField> v = original(F_, y);
    auto P = cell_forms(F_, s_, cell_, v);
    Mat<NmodField> M = critical_matrix(F_, s_, P, sigma_, sigma_u_);
    const std::size_t rows = M.size(), c = M.empty() ? 0 : M[0].size();
    if (c >= rows) {  // no constant columns: N(P) is square (K = 1)
      out[0] = det(F_, std::move(M));
      return;
    }
    const std::size_t e = rows - c;
    for (std::size_t i = 0; i < rows; ++i)
      for (const auto& a : combos_) M[i].insert(M[i].end(), a[i].begin(), a[i].end());
    const std::size_t width = M[0].size();
    const nmod_t mod = F_.mod;
    ulong scale = 1;
    for (std::size_t j = 0; j < c; ++j) {
      std::size_t piv = j;
      while (piv < rows && M[piv][j] == 0) ++piv;
      if (piv == rows) {  // N(P) has rank < c1+2: every maximal minor vanishes
        std::fill(out, out + K_, 0UL);
        return;
      }
      if (piv != j) {
        std::swap(M[piv], M[j]);
        scale = nmod_neg(scale, mod);
      }
      scale = nmod_mul(scale, M[j][j], mod);
      const ulong inv = nmod_inv(M[j][j], mod);
      for (std::size_t i = j + 1; i < rows; ++i) {
        if (M[i][j] == 0) continue;
        const ulong f = nmod_mul(M[i][j], inv, mod);
        for (std::size_t l = j + 1; l < width; ++l) M[i][l] = nmod_sub(M[i][l], nmod_mul(f, M[j][l], mod), mod);
      }
    }
    for (std::size_t k = 0; k < static_cast<std::size_t>(K_); ++k) {
      Mat<NmodField> B(e, Vec<NmodField>(e));
      for (std::size_t i = 0; i < e; ++i)
        for (std::size_t l = 0; l < e; ++l) B[i][l] = M[c + i][c + k * e + l];
      out[k] = nmod_mul(scale, det(F_, std::move(B)), mod);
    }
  }

  // F_0, ..., F_{K-1} from one sampling pass (eval_all).
  std::vector<Dense> interpolate_all() const {
    std::size_t total = 1;
    for (long d : bound_) total *= static_cast<std::size_t>(d + 1);
    const std::size_t K = static_cast<std::size_t>(K_);
    std::vector<std::vector<ulong>> vals(K, std::vector<ulong>(total));
    std::vector<ulong> pt(bound_.size(), 0), f(K);
    for (std::size_t i = 0; i < total; ++i) {
      std::size_t r = i;
      for (std::size_t a = bound_.size(); a-- > 0;) {
        pt[a] = r % static_cast<std::size_t>(bound_[a] + 1);
        r /= static_cast<std::size_t>(bound_[a] + 1);
      }
      eval_all(pt, f.data());
      for (std::size_t k = 0; k < K; ++k) vals[k][i] = f[k];
    }
    std::vector<Dense> out;
    for (auto& v : vals) out.push_back(interpolate_grid(std::move(v), bound_, F_.mod.n));
    return out;
  }

  // Whether the final eliminants of a 3-coordinate cell eliminate z (and are
  // polynomials in x_2): when z has the smaller degree in the bivariate
  // C_k(x_2, z).  Counting only: the RUR of the exact solver keeps the
  // sheared z (its linear form must not depend on p), and the retry after a
  // ShapeFailure (mix_all) keeps z, whose shear separates the points.
  bool eliminate_z(const std::vector<Dense>& C) const {
    if (reference_engine() || collect || mix_all_) return false;
    long dx = 0, dz = 0;
    for (const Dense& c : C) {
      dx = std::max(dx, c.degree(0));
      dz = std::max(dz, c.degree(1));
    }
    return dz < dx;
  }

  // Chinese remainder in F_p[z]: (crit_T, crit_coords) and (t, v) -> mod crit_T * t.
  void add_critical(const NmodPoly& t, const Vec<NmodQuotient>& v) {
    const ulong p = F_.mod.n;
    if (crit_T.degree() < 1) {
      crit_T = t;
      crit_coords.assign(v.begin(), v.end());
      return;
    }
    NmodPoly Minv(p), Mt(p);
    nmod_poly_rem(Mt.raw(), crit_T.raw(), t.raw());
    if (!nmod_poly_invmod(Minv.raw(), Mt.raw(), t.raw())) throw ShapeFailure{};  // never: distinct roots
    for (std::size_t i = 0; i < crit_coords.size(); ++i) {
      NmodPoly d(p), a(p);
      nmod_poly_rem(a.raw(), crit_coords[i].raw(), t.raw());
      nmod_poly_sub(d.raw(), v[i].raw(), a.raw());
      nmod_poly_mulmod(d.raw(), d.raw(), Minv.raw(), t.raw());
      nmod_poly_mul(d.raw(), d.raw(), crit_T.raw());
      nmod_poly_add(crit_coords[i].raw(), crit_coords[i].raw(), d.raw());
    }
    crit_T = nmod_mul(crit_T, t);
  }

  // Classifies every root of T (square-free, monic) and returns the number of
  // critical ones; `recover` maps the quotient ring to the point's new coordinates.
  int classify(const NmodPoly& T, const std::function<bool(const NmodQuotient&, Vec<NmodQuotient>&)>& recover,
               int& removed);

  const CriticalStructure& s_;
  Cell cell_;
  const NmodField& F_;
  const Mat<NmodField>& sigma_;
  const Vec<NmodField>& sigma_u_;
  std::mt19937_64 rng_;
  bool mix_all_ = false;
  int delta_ = 0, zorig_ = 0, K_ = 1;
  std::vector<int> order_;
  std::vector<long> bound_;
  std::vector<long> shear_;
  std::vector<Mat<NmodField>> combos_;
};

int CellEngine::classify(const NmodPoly& T, const std::function<bool(const NmodQuotient&, Vec<NmodQuotient>&)>& recover,
                         int& removed) {
  int count = 0;
  // Work per irreducible factor of T (a field: no splitting, and arithmetic
  // modulo small factors is much cheaper than modulo T).
  std::vector<NmodPoly> work;
  if (delta_ < 3 && T.degree() < 150) {
    work.push_back(T);  // small: splitting on demand is cheaper than factoring
  } else {
    nmod_poly_factor_t fac;
    nmod_poly_factor_init(fac);
    nmod_poly_factor(fac, T.raw());
    for (slong i = 0; i < fac->num; ++i) {
      NmodPoly f(T.modulus());
      nmod_poly_set(f.raw(), fac->p + i);
      work.push_back(std::move(f));
    }
    nmod_poly_factor_clear(fac);
  }
  while (!work.empty()) {
    NmodPoly t = std::move(work.back());
    work.pop_back();
    try {
      NmodQuotient A(t);
      Vec<NmodQuotient> y;
      if (!recover(A, y)) {
        removed += static_cast<int>(t.degree());
        continue;
      }
      Vec<NmodQuotient> v = original(A, y);
      auto P = cell_forms(A, s_, cell_, v);
      const Mat<NmodQuotient> sig = constants_over(A, sigma_);
      const Vec<NmodQuotient> su = constants_over(A, sigma_u_);
      std::string why;
      PointData<NmodQuotient> data;
      PointVerdict verdict = classify_point(A, s_, P, sig, su, collect ? &data : nullptr, &why);
      if (verdict == PointVerdict::family)
        throw not_supported("the critical set is not finite at this target (" + why + ")");
      if (verdict == PointVerdict::critical) {
        count += static_cast<int>(t.degree());
        if (collect) {
          v.insert(v.end(), data.h.begin(), data.h.end());  // the free factor h after the coordinates
          add_critical(t, v);
        }
      } else {
        removed += static_cast<int>(t.degree());
      }
    } catch (SplitRequest<NmodPoly>& sp) {
      NmodPoly g = sp.factor;
      nmod_poly_make_monic(g.raw(), g.raw());
      work.push_back(nmod_div(t, g));
      work.push_back(std::move(g));
    }
  }
  return count;
}

bool linear_root(const NmodQuotient& A, const Vec<NmodQuotient>& g, NmodPoly& root) {
  return unique_root<NmodQuotient, ShapeFailure>(A, g, root);
}

// The common root of the polynomials `polys` over A = F_p[z]/(t), t
// irreducible (so A = F_q), as linear_root of their gcd computes it, by
// FLINT's half-gcd in F_q[x]: the generic Euclid costs d^2 multiplications in
// A for degree d, which dominated 3-coordinate cells.  The gcd of the first
// two is refined by the others only while it has degree >= 2.  A gcd of
// degree >= 2 (rare) goes the generic way, which decides between one
// multiple root and ShapeFailure.
bool field_common_root(const NmodQuotient& A, const std::vector<Vec<NmodQuotient>>& polys, NmodPoly& root) {
  auto generic = [&] {
    Vec<NmodQuotient> g = polys[0];
    for (std::size_t k = 1; k < polys.size(); ++k) g = poly_gcd(A, g, polys[k]);
    return linear_root(A, g, root);
  };
  if (A.modulus().degree() < 2) return generic();
  fq_nmod_ctx_t ctx;
  fq_nmod_ctx_init_modulus(ctx, A.modulus().raw(), "z");
  fq_nmod_poly_t f, g;
  fq_nmod_poly_init(f, ctx);
  fq_nmod_poly_init(g, ctx);
  auto load = [&](fq_nmod_poly_t out, const Vec<NmodQuotient>& a) {
    fq_nmod_poly_zero(out, ctx);
    for (std::size_t i = 0; i < a.size(); ++i) fq_nmod_poly_set_coeff(out, static_cast<slong>(i), a[i].raw(), ctx);
  };
  load(g, polys[0]);
  for (std::size_t k = 1; k < polys.size() && (k == 1 || fq_nmod_poly_degree(g, ctx) >= 2); ++k) {
    load(f, polys[k]);
    fq_nmod_poly_gcd(g, g, f, ctx);  // monic
  }
  const slong d = fq_nmod_poly_degree(g, ctx);
  if (d == 1) {
    fq_nmod_t c;
    fq_nmod_init(c, ctx);
    fq_nmod_poly_get_coeff(c, g, 0, ctx);
    fq_nmod_neg(c, c, ctx);
    root = NmodPoly(A.prime());
    nmod_poly_set(root.raw(), c);
    fq_nmod_clear(c, ctx);
  }
  fq_nmod_poly_clear(f, ctx);
  fq_nmod_poly_clear(g, ctx);
  fq_nmod_ctx_clear(ctx);
  if (d >= 2) return generic();
  return d == 1;
}

CellCount CellEngine::run() {
  CellCount out;
  const ulong p = F_.mod.n;
  if (delta_ == 0) {
    Vec<NmodField> none;
    auto P = cell_forms(F_, s_, cell_, none);
    std::string why;
    PointVerdict v = classify_point(F_, s_, P, sigma_, sigma_u_, static_cast<PointData<NmodField>*>(nullptr), &why);
    if (v == PointVerdict::family) throw not_supported("the critical set is not finite at this target (" + why + ")");
    out.critical = v == PointVerdict::critical ? 1 : 0;
    out.eliminant = v == PointVerdict::not_critical ? 0 : 1;
    out.removed = v == PointVerdict::degenerate ? 1 : 0;
    return out;
  }
  if (delta_ > 3)
    throw not_supported("counting needs the elimination of " + std::to_string(delta_) +
                        " root coordinates; at most 3 are supported");
  std::vector<Dense> Fs;
  if (reference_engine())
    for (int k = 0; k < K_; ++k) Fs.push_back(interpolate_F(k));
  else
    Fs = interpolate_all();
  NmodPoly T(p);
  std::function<bool(const NmodQuotient&, Vec<NmodQuotient>&)> recover;
  std::vector<Dense> C, Cs;
  if (delta_ == 1) {
    for (const Dense& f : Fs) T = nmod_gcd(T, to_univariate(f, p));
    recover = [](const NmodQuotient& A, Vec<NmodQuotient>& y) {
      NmodPoly z(A.prime());
      z.set_coeff(1, 1);
      y = {A.reduce(z)};
      return true;
    };
  } else if (delta_ == 2) {
    Dense f1a = Fs[0], f1b = Fs[0], f2 = Fs[1], f3 = Fs[2];
    remove_common_factor(f1a, f2, p);
    remove_common_factor(f1b, f3, p);
    NmodPoly R1 = to_univariate(resultant_dense(f1a, f2, F_.mod), p);
    NmodPoly R2 = to_univariate(resultant_dense(f1b, f3, F_.mod), p);
    T = nmod_gcd(R1, R2);
    Fs = {f1a, f2, f1b, f3};
    recover = [&](const NmodQuotient& A, Vec<NmodQuotient>& y) {
      Vec<NmodQuotient> none, g = coefficients_over(A, Fs[0], none);
      for (std::size_t k = 1; k < Fs.size(); ++k) g = poly_gcd(A, g, coefficients_over(A, Fs[k], none));
      NmodPoly x1(p);
      if (!linear_root(A, g, x1)) return false;
      NmodPoly z(p);
      z.set_coeff(1, 1);
      y = {x1, A.reduce(z)};
      return true;
    };
  } else {
    // Two eliminants through disjoint pairs of curves, so that the only
    // common roots are (generically) the points of V(F_1, ..., F_4).
    for (auto [a, b] : {std::pair<int, int>{0, 1}, {0, 2}, {3, 1}, {3, 2}}) {
      Dense fa = Fs[static_cast<std::size_t>(a)], fb = Fs[static_cast<std::size_t>(b)];
      remove_common_factor(fa, fb, p);
      C.push_back(resultant_dense(fa, fb, F_.mod));
    }
    remove_common_factor(C[0], C[1], p);
    remove_common_factor(C[2], C[3], p);
    if (eliminate_z(C)) {
      // The final eliminants in x_2 instead of z: Res_z(C_0, C_1) has the same
      // number of interpolation points (the Sylvester bound deg_{x2} deg_z,
      // summed, is symmetric) but each univariate resultant has the smaller
      // degree deg_z (49 instead of 168 in (3,2,2,1), n = 8).  x_2 is not
      // sheared, so whether it separates the points is checked at recovery
      // exactly as z is: a unique common root z of the C_k over F_p[x_2]/(t),
      // then a unique x_1 (else ShapeFailure, caught below: this cell then
      // computes the reference eliminants in z).
      for (const Dense& c : C) Cs.push_back(swap_variables(c));
      NmodPoly R1 = to_univariate(resultant_dense(Cs[0], Cs[1], F_.mod), p);
      NmodPoly R2 = to_univariate(resultant_dense(Cs[2], Cs[3], F_.mod), p);
      T = nmod_gcd(R1, R2);
      auto recover_z = [&](const NmodQuotient& A, Vec<NmodQuotient>& y) {
        Vec<NmodQuotient> none;
        std::vector<Vec<NmodQuotient>> cz;
        for (const Dense& c : Cs) cz.push_back(coefficients_over(A, c, none));
        NmodPoly z(p), x1(p), gen(p);
        // T was factored: A is a field.  All four C_k, so that a point of
        // V(C_0, C_1) outside V(C_2, C_3) on the same line x_2 = const is
        // not a second root.
        if (!field_common_root(A, cz, z)) return false;
        gen.set_coeff(1, 1);
        const NmodPoly x2 = A.reduce(gen);
        Vec<NmodQuotient> at{x2, z}, h = coefficients_at(A, Fs[0], at);
        for (std::size_t k = 1; k < Fs.size(); ++k) h = poly_gcd(A, h, coefficients_at(A, Fs[k], at));
        if (!linear_root(A, h, x1)) return false;
        y = {x1, x2, z};
        return true;
      };
      try {
        // T = 0 (C_0, C_1 not coprime: never after remove_common_factor)
        // is decided by the reference computation below.
        if (!T.is_zero()) return finish(T, recover_z);
      } catch (const ShapeFailure&) {
        // x_2 does not separate (a special target, e.g. one symmetric under
        // x -> -x): the eliminants in the sheared z below, from the same C_k.
      }
    }
    NmodPoly R1 = to_univariate(resultant_dense(C[0], C[1], F_.mod), p);
    NmodPoly R2 = to_univariate(resultant_dense(C[2], C[3], F_.mod), p);
    T = nmod_gcd(R1, R2);
    recover = [&](const NmodQuotient& A, Vec<NmodQuotient>& y) {
      Vec<NmodQuotient> none, c0 = coefficients_over(A, C[0], none), c1 = coefficients_over(A, C[1], none);
      NmodPoly x2(p);
      // T was factored above: A is a field.
      if (!(reference_engine() ? linear_root(A, poly_gcd(A, c0, c1), x2) : field_common_root(A, {c0, c1}, x2)))
        return false;
      Vec<NmodQuotient> mid{x2}, h = coefficients_over(A, Fs[0], mid);
      for (std::size_t k = 1; k < Fs.size(); ++k) h = poly_gcd(A, h, coefficients_over(A, Fs[k], mid));
      NmodPoly x1(p);
      if (!linear_root(A, h, x1)) return false;
      NmodPoly z(p);
      z.set_coeff(1, 1);
      y = {x1, x2, A.reduce(z)};
      return true;
    };
  }
  return finish(T, recover);
}

CellCount CellEngine::finish(NmodPoly T, const std::function<bool(const NmodQuotient&, Vec<NmodQuotient>&)>& recover) {
  CellCount out;
  if (T.is_zero())
    throw not_supported("the rank condition of N(P) holds on a whole curve of the cell (" +
                        std::string(cell_.infinity_factor < 0 ? "monic" : "with a root at (1:0)") + ")" +
                        " at this target (a positive-dimensional critical set, or a curve of degenerate points); "
                        "only targets with finitely many rank-deficient points are handled");
  if (T.degree() <= 0) return out;
  T = nmod_squarefree_part(T);
  out.eliminant = static_cast<int>(T.degree());
  out.critical = classify(T, recover, out.removed);
  return out;
}

}  // namespace

void set_modular_reference_engine(bool on) { reference_flag.store(on ? 1 : 0); }

bool modular_reference_engine() {
  int f = reference_flag.load();
  if (f < 0) {
    const char* e = std::getenv("LCNGEOM_MODULAR_ENGINE");
    f = e != nullptr && std::string(e) == "reference" ? 1 : 0;
    reference_flag.store(f);
  }
  return f == 1;
}

CellSolution solve_cell_modp(const CriticalStructure& s, const Cell& cell, const NmodField& field,
                             const Mat<NmodField>& sigma, const Vec<NmodField>& sigma_u, std::uint64_t seed,
                             bool mix_all, bool small_shear) {
  if (cell.dimension(s) < 1) throw invalid_argument("solve_cell_modp: a cell of dimension 0 has no RUR");
  CellEngine e(s, cell, field, sigma, sigma_u, seed, mix_all, small_shear);
  e.collect = true;
  CellSolution out;
  out.count = e.run();
  out.linear_form = e.linear_form();
  if (out.count.critical == 0) {
    out.T = NmodPoly(field.mod.n, 1);
    out.coords.assign(static_cast<std::size_t>(cell.dimension(s) + s.free_degree + 1), NmodPoly(field.mod.n));
  } else {
    out.T = std::move(e.crit_T);
    out.coords = std::move(e.crit_coords);
  }
  return out;
}

CellCount count_cell_modp(const CriticalStructure& s, const Cell& cell, const NmodField& field,
                          const Mat<NmodField>& sigma, const Vec<NmodField>& sigma_u, std::uint64_t seed,
                          bool mix_all) {
  CellEngine e(s, cell, field, sigma, sigma_u, seed, mix_all);
  return e.run();
}

}  // namespace lcngeom::detail
