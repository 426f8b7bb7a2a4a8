// Certified real-root counting: Descartes' rule of signs on Bernstein
// coefficients with bisection (Vincent-Collins-Akritas), double precision with
// a rigorous running error bound per coefficient.
//
// Why it is exact.  For g of degree d on [alpha, beta] with Bernstein
// coefficients b_0..b_d, the number of roots of g in the open interval
// (counted with multiplicity) is at most var(b) and has the parity of var(b)
// (Descartes' rule for the Moebius-transformed polynomial, whose coefficients
// are the b_i times positive binomials).  We hold approximations ~b_i with
// |~b_i - b_i| <= e_i; V = the largest sign variation compatible with these
// intervals is >= var(b).  V = 0 proves "no root"; V = 1 proves "at most one
// root", and since g(alpha) = b_0 and g(beta) = b_d have certified nonzero
// signs, the count is 1 iff they differ (the count has the parity of the sign
// change).  Otherwise the interval is split by de Casteljau's algorithm at an
// exactly representable point whose value must have a certified sign, so no
// root is lost at the split point.  Any uncertainty makes the whole count give
// up (std::nullopt); nothing approximate is ever returned.
//
// Error bounds.  A de Casteljau step s = fl(fl(T1 w_i) + fl(T w_j)) with exact
// T, T1 >= 0 satisfies |s - (T1 w*_i + T w*_j)| <= T1 e_i + T e_j +
// 2u (T1 |w_i| + T |w_j| + |s|) (u = 2^-53; the w are the computed values, the
// w* the exact ones).  The bound is itself evaluated in floating point with at
// most 10 roundings of non-negative numbers, so multiplying by (1 + 16u)
// makes the computed bound an upper bound of the exact one; the additive
// eta = 2^-1000 covers every absolute error that gradual underflow can
// introduce.  The first level (the Taylor shift that yields the scaled
// Bernstein coefficients) is exact in int64 whenever 2^(d+1) max |c_i| < 2^63,
// and its sign variation is then used as is.
#include "lcngeom/detail/descartes.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace lcngeom::detail {

namespace {

using i64 = std::int64_t;
__extension__ typedef __int128 i128;  // GCC/Clang extension, exact 128-bit

constexpr int kMaxD = kDescartesMaxDegree;
constexpr double kU = 0x1p-53;            // unit roundoff of binary64
constexpr double kEta = 0x1p-1000;        // absolute slack for underflow
constexpr double kGrow = 1.0 + 16 * kU;   // makes computed bounds upper bounds
constexpr double kSplit = 0.5 - 0x1p-11;  // split point T (exact); not 1/2, so that
constexpr double kSplit1 = 1.0 - kSplit;  // small rational roots avoid split points
constexpr int kMaxDepth = 52;
constexpr int kMaxNodes = 400;
constexpr i64 kCoeffLimit = i64(1) << 62;

// C(d, i) for 0 <= i <= d <= 64, exact in uint64, rounded once to double.
constexpr std::array<std::array<double, kMaxD + 1>, kMaxD + 1> make_binomials() {
  std::array<std::array<std::uint64_t, kMaxD + 1>, kMaxD + 1> c{};
  for (int d = 0; d <= kMaxD; ++d) {
    c[d][0] = c[d][d] = 1;
    for (int i = 1; i < d; ++i) c[d][i] = c[d - 1][i - 1] + c[d - 1][i];
  }
  std::array<std::array<double, kMaxD + 1>, kMaxD + 1> out{};
  for (int d = 0; d <= kMaxD; ++d)
    for (int i = 0; i <= d; ++i) out[d][i] = static_cast<double>(c[d][i]);
  return out;
}
constexpr auto kBinomial = make_binomials();

bool certified_nonzero(double b, double e) { return std::fabs(b) > e; }

// One subdivision tree.  Level k holds the Bernstein coefficients (b, e) of
// the current node at depth k; de Casteljau runs in place, turning the node
// into its right child while the left child is written to level k + 1.
class Solver {
 public:
  explicit Solver(int d) : d_(d) {
    thread_local std::vector<double> buffer;
    const std::size_t need = static_cast<std::size_t>(kMaxDepth + 2) * 2 * (kMaxD + 1);
    if (buffer.size() < need) buffer.resize(need);
    ws_ = buffer.data();
  }
  double* b(int level) { return ws_ + static_cast<std::size_t>(level) * 2 * (kMaxD + 1); }
  double* e(int level) { return b(level) + (kMaxD + 1); }

  // Number of roots in the open unit interval of the polynomial whose
  // Bernstein coefficients are at level 0; -1 if undecided.
  int solve(int level) {
    int total = 0;
    for (;;) {
      double* bb = b(level);
      double* ee = e(level);
      if (++nodes_ > kMaxNodes) return -1;
      const int v = max_sign_variations(bb, ee, d_);
      if (v == 0) return total;
      if (v == 1) return total + ((bb[0] > 0) != (bb[d_] > 0) ? 1 : 0);
      if (level + 1 > kMaxDepth) return -1;
      double* lb = b(level + 1);
      double* le = e(level + 1);
      lb[0] = bb[0];
      le[0] = ee[0];
      for (int j = 1; j <= d_; ++j) {
        for (int i = 0; i <= d_ - j; ++i) {
          const double wi = bb[i], wj = bb[i + 1];
          const double s = kSplit1 * wi + kSplit * wj;
          const double err = kSplit1 * ee[i] + kSplit * ee[i + 1] +
                             2 * kU * ((kSplit1 * std::fabs(wi) + kSplit * std::fabs(wj)) + std::fabs(s)) + kEta;
          bb[i] = s;
          ee[i] = err * kGrow;
        }
        lb[j] = bb[0];
        le[j] = ee[0];
      }
      if (!certified_nonzero(lb[d_], le[d_])) return -1;  // (nearly) a root at the split point
      const int left = solve(level + 1);
      if (left < 0) return -1;
      total += left;
      // the node at `level` is now the right child
    }
  }

  // Roots in (0, 1) of h (ascending, degree d_, h(0) != 0, h(1) != 0, bits =
  // bit length of max |h_i|); -1 if undecided.
  int count_unit_interval(const i64* h, int bits) {
    const int d = d_;
    double* bb = b(0);
    double* ee = e(0);
    if (bits + d <= 62) {
      // Exact: t(y) = (1 + y)^d h(1 / (1 + y)) = sum_i C(d, i) b_i y^{d-i};
      // every partial sum is bounded by 2^d max|h| < 2^62.
      i64 t[kMaxD + 1];
      for (int k = 0; k <= d; ++k) t[k] = h[d - k];
      for (int i = 0; i < d; ++i)
        for (int j = d - 1; j >= i; --j) t[j] += t[j + 1];
      int v = 0, last = 0;
      for (int k = 0; k <= d; ++k) {
        if (t[k] == 0) continue;
        const int s = t[k] > 0 ? 1 : -1;
        if (last != 0 && s != last) ++v;
        last = s;
      }
      if (v <= 1) return v;  // Descartes: exactly v roots when v <= 1
      for (int i = 0; i <= d; ++i) {
        bb[i] = static_cast<double>(t[d - i]) / kBinomial[d][i];  // three roundings
        ee[i] = (4 * kU * std::fabs(bb[i]) + kEta) * kGrow;
      }
    } else {
      // The same transform in floating point, with the a-priori bound for a
      // computation by at most d additions per path (Higham, Sec. 4.2):
      // |~t_k - t_k| <= gamma_{d+1} (T|h|)_k, T|h| evaluated alongside.
      double t[kMaxD + 1], a[kMaxD + 1];
      for (int k = 0; k <= d; ++k) {
        t[k] = static_cast<double>(h[d - k]);
        a[k] = std::fabs(t[k]);
      }
      for (int i = 0; i < d; ++i)
        for (int j = d - 1; j >= i; --j) {
          t[j] += t[j + 1];
          a[j] += a[j + 1];
        }
      const double gamma = 2 * (d + 2) * kU;
      for (int i = 0; i <= d; ++i) {
        const double c = kBinomial[d][i];
        bb[i] = t[d - i] / c;
        ee[i] = ((gamma * a[d - i] + kEta) / c * (1 + 2 * kU) + 4 * kU * std::fabs(bb[i]) + kEta) * kGrow;
      }
    }
    if (!certified_nonzero(bb[0], ee[0]) || !certified_nonzero(bb[d], ee[d])) return -1;
    return solve(0);
  }

 private:
  int d_;
  int nodes_ = 0;
  double* ws_;
};

int bit_length(std::uint64_t v) { return v == 0 ? 0 : 64 - __builtin_clzll(v); }

// Exact value at t = s (s = +-1); |g_i| < 2^62 and d <= 64 keep it in int128.
i128 value_at_unit(const i64* g, int d, int s) {
  i128 acc = 0;
  for (int k = d; k >= 0; --k) acc = acc * s + g[k];
  return acc;
}

// g <- g / (t - s) for a root s = +-1; false if a quotient coefficient would
// leave the range |q| < 2^62.
bool deflate_unit(i64* g, int& d, int s) {
  i64 q[kMaxD + 1];
  i128 carry = 0;
  for (int k = d; k >= 1; --k) {
    carry = carry * s + g[k];
    if (carry >= kCoeffLimit || carry <= -kCoeffLimit) return false;
    q[k - 1] = static_cast<i64>(carry);
  }
  --d;
  for (int k = 0; k <= d; ++k) g[k] = q[k];
  return true;
}

}  // namespace

// The largest number of sign variations of a sequence whose i-th entry is any
// real number in [b_i - e_i, b_i + e_i] (zeros skipped).  Choosing a sign for
// an uncertain entry never gives fewer variations than choosing zero, so a
// two-state dynamic programme over the last nonzero sign suffices.
int max_sign_variations(const double* b, const double* e, int d) {
  int plus = -1, minus = -1;  // best count ending in +/- (-1: impossible)
  bool started = false;
  for (int i = 0; i <= d; ++i) {
    const bool can_plus = b[i] + e[i] > 0, can_minus = b[i] - e[i] < 0;
    if (!can_plus && !can_minus) continue;  // certified zero
    if (!started) {
      plus = can_plus ? 0 : -1;
      minus = can_minus ? 0 : -1;
      started = true;
      continue;
    }
    const int p = can_plus ? std::max(plus, minus < 0 ? -1 : minus + 1) : -1;
    const int m = can_minus ? std::max(minus, plus < 0 ? -1 : plus + 1) : -1;
    plus = p;
    minus = m;
  }
  return std::max({plus, minus, 0});
}

std::optional<int> count_real_roots_descartes(std::span<const std::int64_t> c) {
  int d = static_cast<int>(c.size()) - 1;
  if (d < 1 || d > kMaxD || c[static_cast<std::size_t>(d)] == 0) return std::nullopt;
  i64 g[kMaxD + 1];
  for (int k = 0; k <= d; ++k) {
    const i64 v = c[static_cast<std::size_t>(k)];
    if (v >= kCoeffLimit || v <= -kCoeffLimit) return std::nullopt;
    g[k] = v;
  }
  int count = 0;
  // The root t = 0 (with any multiplicity) counts once.
  int low = 0;
  while (g[low] == 0) ++low;
  if (low > 0) {
    ++count;
    d -= low;
    for (int k = 0; k <= d; ++k) g[k] = g[k + low];
  }
  // The roots t = +1 and t = -1, removed exactly so that the four unit
  // intervals below have nonzero values at their endpoints.
  for (int s : {1, -1}) {
    bool found = false;
    while (d >= 1 && value_at_unit(g, d, s) == 0) {
      if (!deflate_unit(g, d, s)) return std::nullopt;
      found = true;
    }
    if (found) ++count;
  }
  if (d == 0) return count;
  std::uint64_t big = 0;
  for (int k = 0; k <= d; ++k) big = std::max(big, static_cast<std::uint64_t>(std::llabs(g[k])));
  const int bits = bit_length(big);
  // Roots in (0,1), (1,inf), (-1,0), (-inf,-1): the unit interval for g(t),
  // t^d g(1/t), g(-t), t^d g(-1/t).
  i64 h[kMaxD + 1];
  Solver solver(d);
  for (int variant = 0; variant < 4; ++variant) {
    const bool reverse = variant & 1, negate = variant & 2;
    for (int k = 0; k <= d; ++k) {
      const int src = reverse ? d - k : k;
      const bool flip = negate && (src & 1);
      h[k] = flip ? -g[src] : g[src];
    }
    const int r = solver.count_unit_interval(h, bits);
    if (r < 0) return std::nullopt;
    count += r;
  }
  return count;
}

}  // namespace lcngeom::detail
