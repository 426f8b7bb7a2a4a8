// Certified real-root isolation of square-free integer polynomials: Descartes'
// rule on Bernstein coefficients with bisection, in double precision where
// that suffices, in multi-word fixed point where it does not, exactly where a
// root sits on a subdivision point.
//
// Charts.  The positive roots of g (g(0) != 0, degree n) lie in (0, 2^B) by
// Kioustelidis' bound (positive roots <= 2 max_{a_i a_n < 0} |a_i/a_n|^(1/(n-i))).
// The chart polynomial Q(x) = 2^s g(2^B x) (integer coefficients) has the
// corresponding roots in (0, 1); a node of the subdivision is the dyadic
// interval (c/2^k, (c+1)/2^k) of x.  Negative roots are the positive roots of
// g(-t).  At high degree B is first lowered by Budan's test on truncated
// Taylor shifts; optionally the top octaves (2^e, 2^(e+1)) become charts of
// their own, g(2^e (1 + x)) ("Large root bounds at high degree" below).
//
// Why a count is exact.  Let b_0..b_d be the Bernstein coefficients of Q (up
// to a positive factor) on a node.  The number of roots in the open interval,
// with multiplicity, is at most var(b) and has its parity (Descartes' rule for
// the Moebius-transformed polynomial).  Every tier holds approximations with
// certified error bounds and counts V = the largest sign variation compatible
// with them (>= var(b)).  V = 0 proves "no root"; V = 1 with certified end
// values b_0 = Q(a), b_d = Q(b) proves one root iff their signs differ.
// Otherwise the node is split at its midpoint by de Casteljau's algorithm
// (convex combinations: the error bounds do not grow, which is why the
// Bernstein basis and not the monomial one is used), and only once the value
// at the midpoint has a certified sign.  If that value is exactly zero (an
// exact check on Q), the root is recorded and divided out of Q.
//
// Tiers.  (1) double precision with a rigorous running error bound per
// coefficient (vectorised de Casteljau).  A subtree it cannot decide --
// uncertain midpoint value, fewer than kMinBits good bits left, too deep -- is
// deferred to (2) fixed point with L 64-bit words per coefficient and one
// uniform error bound: the node is recomputed from the exact Bernstein
// coefficients of Q along its path of halvings, and the whole subtree restarts
// with twice the words whenever precision runs out (so the total cost is at
// most twice that of the last precision).  Once a node is well conditioned
// (its coefficients no longer shrink under subdivision: the top levels of a
// high-degree polynomial with many real roots have Bernstein coefficients up to
// 2^(0.4 n) times its values), it goes back to the double tier.  (3) Exact
// integer arithmetic in the monomial basis: the last resort (fixed point
// beyond kMaxLimbs words), and the tier for clusters -- a node whose count
// v >= 2 survived kClusterLevels halvings (in the fixed-point tier, or in the
// double tier when it defers the node anyway) continues there with
// Newton-Descartes steps, which need O(log log 1/s) steps instead of
// log2(1/s) halvings to separate roots s apart.  The streak of a count is
// carried across the hand-overs between tiers.  The steps run on Arb ball
// polynomials truncated to the precision the cluster needs (cluster_subtree,
// ANewDsc), every decision on certified signs, with more bits or, past a cap,
// the exact steps (exact_subtree) where a sign stays undecided.
//
// Error bounds of the double tier.  A de Casteljau step s = fl(x + y) / 2
// satisfies |s - (X + Y)/2| <= (e_x + e_y)/2 + u (|x| + |y|)/2 + eta (u = 2^-53,
// eta covers the rounding of subnormal halves).  The bound is evaluated in
// floating point with at most three roundings of non-negative numbers per
// step, so after the d rows of one subdivision it is low by at most a factor
// (1 - u)^(3d); multiplying by 1 + 8(d + 2)u afterwards makes it an upper bound
// again.  Scaling by powers of two is exact (only upward, never past 1).
//
// Error bounds of the fixed-point tier.  Coefficients are two's complement
// integers below 2^(64L-3) in magnitude (so a sum needs no extra word); a step
// floor((x + y)/2) has error <= 1/2 ulp plus the (convex) inherited error, so a
// subdivision of degree d adds d/2 ulps; shifting left by s bits multiplies the
// bound by 2^s.
#include "lcngeom/detail/isolate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <vector>

#include <arb.h>
#include <arb_poly.h>
#include <flint/fmpq.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_vec.h>
#include <gmp.h>

#include "lcngeom/detail/descartes.hpp"
#include "lcngeom/detail/rational_roots.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

// ------------------------------------------------------------ RAII helpers

struct Zpoly {
  fmpz_poly_t p;
  Zpoly() { fmpz_poly_init(p); }
  explicit Zpoly(const fmpz_poly_struct* q) {
    fmpz_poly_init(p);
    fmpz_poly_set(p, q);
  }
  Zpoly(const Zpoly& o) : Zpoly(o.p) {}
  Zpoly(Zpoly&& o) noexcept {
    *p = *o.p;
    fmpz_poly_init(o.p);
  }
  Zpoly& operator=(Zpoly&& o) noexcept {
    fmpz_poly_swap(p, o.p);
    return *this;
  }
  Zpoly& operator=(const Zpoly&) = delete;
  ~Zpoly() { fmpz_poly_clear(p); }
  slong degree() const { return fmpz_poly_degree(p); }
  fmpz* c() { return p->coeffs; }
  const fmpz* c() const { return p->coeffs; }
};

struct Z {
  fmpz_t v;
  Z() { fmpz_init(v); }
  explicit Z(ulong x) { fmpz_init_set_ui(v, x); }
  explicit Z(const fmpz_t x) { fmpz_init_set(v, x); }
  Z(const Z& o) { fmpz_init_set(v, o.v); }
  Z(Z&& o) noexcept {
    *v = *o.v;
    fmpz_init(o.v);
  }
  Z& operator=(Z&& o) noexcept {
    fmpz_swap(v, o.v);
    return *this;
  }
  Z& operator=(const Z&) = delete;
  ~Z() { fmpz_clear(v); }
};

// The left end j of the Newton interval I' = (j/M, (j+2)/M), M = 2^em, of
// the exact and the ball cluster steps: around the mean of the two closest
// of the `found` (>= 1) Newton points cand (one alone if only one), clamped
// to the node (0 <= j <= M - 2).
void newton_interval_start(fmpz_t j, const Z* cand, int found, slong em) {
  int best_a = 0, best_b = 0;
  if (found >= 2) {
    Z gap, best_gap;
    bool first = true;
    for (int a = 0; a < found; ++a)
      for (int b = a + 1; b < found; ++b) {
        fmpz_sub(gap.v, cand[a].v, cand[b].v);
        fmpz_abs(gap.v, gap.v);
        if (first || fmpz_cmp(gap.v, best_gap.v) < 0) {
          fmpz_set(best_gap.v, gap.v);
          best_a = a;
          best_b = b;
          first = false;
        }
      }
  }
  fmpz_add(j, cand[best_a].v, cand[best_b].v);
  fmpz_fdiv_q_2exp(j, j, 1);
  fmpz_sub_ui(j, j, 1);
  Z hi;
  fmpz_one(hi.v);
  fmpz_mul_2exp(hi.v, hi.v, static_cast<ulong>(em));
  fmpz_sub_ui(hi.v, hi.v, 2);
  if (fmpz_sgn(j) < 0) fmpz_zero(j);
  if (fmpz_cmp(j, hi.v) > 0) fmpz_set(j, hi.v);
}

// A vector of fmpz released on destruction.
struct FmpzVec {
  std::vector<fmpz> v;
  FmpzVec() = default;
  FmpzVec(const FmpzVec&) = delete;
  FmpzVec& operator=(const FmpzVec&) = delete;
  ~FmpzVec() {
    for (fmpz& x : v) fmpz_clear(&x);
  }
  void ensure(std::size_t n) {
    const std::size_t old = v.size();
    if (n <= old) return;
    v.resize(n);
    for (std::size_t i = old; i < n; ++i) fmpz_init(&v[i]);
  }
  fmpz* data() { return v.data(); }
};

// A root of a chart polynomial: x in (c/2^k, (c+1)/2^k), or x = c/2^k if exact.
struct ChartRoot {
  Z c;
  slong k;
  bool exact;
};

// Divides the coefficients by their common power of two.
void remove_power_of_two(fmpz_poly_t p) {
  slong v = -1;
  for (slong i = 0; i < p->length; ++i)
    if (!fmpz_is_zero(p->coeffs + i)) {
      const slong w = static_cast<slong>(fmpz_val2(p->coeffs + i));
      v = v < 0 ? w : std::min(v, w);
      if (v == 0) return;
    }
  if (v > 0) _fmpz_vec_scalar_fdiv_q_2exp(p->coeffs, p->coeffs, p->length, static_cast<ulong>(v));
}

// p <- p(x + 1) on a coefficient vector of length len.  Divide and conquer
// beats Horner from mid-size lengths on (FLINT 2.9: 3x at length 257 with
// 2000-bit coefficients, even at length 1025 with 10^4 bits).
void taylor_shift_one(fmpz* p, slong len) {
  fmpz_t one;
  fmpz_init_set_ui(one, 1);
  if (len >= 64) _fmpz_poly_taylor_shift_divconquer(p, one, len);
  else _fmpz_poly_taylor_shift_horner(p, one, len);
  fmpz_clear(one);
}

// ------------------------------------------------------------ exact tier

// min(2, V) where V is the number of sign variations of the coefficients of
// (1 + x)^d P(1/(1 + x)) (Descartes' bound for the roots of P in (0, 1)).
// The Taylor shift of the reversed polynomial makes one more coefficient final
// per Horner pass, so the count stops as soon as two variations are seen or
// when the entries still open all have one sign (their sums keep it).
int descartes_bound(const fmpz* p, slong d, FmpzVec& work) {
  work.ensure(static_cast<std::size_t>(d) + 1);
  fmpz* a = work.data();
  for (slong i = 0; i <= d; ++i) fmpz_set(a + i, p + d - i);
  int var = 0, last = 0;
  for (slong i = 0; i <= d; ++i) {
    bool uniform = true;
    const int rest = fmpz_sgn(a + d);
    for (slong j = d - 1; j >= i; --j) {
      fmpz_add(a + j, a + j, a + j + 1);
      if (j > i && uniform) uniform = fmpz_sgn(a + j) == rest;
    }
    const int s = fmpz_sgn(a + i);
    if (s != 0) {
      if (last != 0 && s != last && ++var >= 2) return 2;
      last = s;
    }
    if (uniform && i < d && rest != 0) {
      if (last != 0 && rest != last) ++var;
      return std::min(var, 2);
    }
  }
  return var;
}

// The number of sign variations of (1 + x)^d P(1/(1 + x)), exactly (zeros
// skipped): Descartes' bound for the roots of P in (0, 1), with their parity.
int descartes_count(const fmpz* p, slong d, FmpzVec& work) {
  work.ensure(static_cast<std::size_t>(d) + 1);
  fmpz* a = work.data();
  for (slong i = 0; i <= d; ++i) fmpz_set(a + i, p + d - i);
  taylor_shift_one(a, d + 1);
  int var = 0, last = 0;
  for (slong i = 0; i <= d; ++i) {
    const int s = fmpz_sgn(a + i);
    if (s == 0) continue;
    if (last != 0 && s != last) ++var;
    last = s;
  }
  return var;
}

// out = 2^(kn) q(a / 2^k) = sum q_i a^i 2^(k(n-i)), by Horner (n = deg q >= 0).
void value_at(fmpz_t out, const fmpz_poly_struct* q, const fmpz_t a, slong k) {
  const slong n = fmpz_poly_degree(q);
  if (n < 0) {
    fmpz_zero(out);
    return;
  }
  fmpz_t t;
  fmpz_init(t);
  fmpz_set(out, q->coeffs + n);
  for (slong i = n - 1; i >= 0; --i) {
    fmpz_mul(out, out, a);
    fmpz_mul_2exp(t, q->coeffs + i, static_cast<ulong>(k * (n - i)));
    fmpz_add(out, out, t);
  }
  fmpz_clear(t);
}

// ------------------------------------------------------------ double tier

constexpr double kU = 0x1p-53;
constexpr double kEta = 0x1p-1060;
constexpr int kMaxDoubleDepth = 60;
// A node with V >= 2 whose largest error exceeds 2^-kMinBits times its largest
// coefficient leaves the double tier: bisection would only lose more.
constexpr int kMinBits = 16;

// AVX2 and baseline clones picked at load time by an ifunc resolver.  The
// resolver runs before a sanitizer runtime is up (ThreadSanitizer crashes in
// it), so sanitized builds get the baseline only.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define LCNGEOM_CLONES
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define LCNGEOM_CLONES
#endif
#endif
#ifndef LCNGEOM_CLONES
#define LCNGEOM_CLONES __attribute__((target_clones("avx2", "default")))
#endif

// One de Casteljau subdivision at 1/2 of the node (b, e) of degree d: the
// right child replaces (b, e), the left child is written to (lb, le).
LCNGEOM_CLONES void de_casteljau(double* __restrict b, double* __restrict e,
                                                                    double* __restrict lb, double* __restrict le,
                                                                    int d) {
  lb[0] = b[0];
  le[0] = e[0];
  for (int j = 1; j <= d; ++j) {
    const int m = d - j;
    for (int i = 0; i <= m; ++i) {
      const double x = b[i], y = b[i + 1];
      b[i] = (x + y) * 0.5;
      e[i] = ((e[i] + e[i + 1]) + kU * (std::fabs(x) + std::fabs(y))) * 0.5 + kEta;
    }
    lb[j] = b[0];
    le[j] = e[0];
  }
  const double grow = 1.0 + 8.0 * (d + 2) * kU;
  for (int i = 0; i <= d; ++i) {
    e[i] *= grow;
    le[i] *= grow;
  }
}

// The right part (t, 1) of the node (b, e) of degree d, in place, for an
// exactly representable t in (0, 1/2]: the same analysis as above with the
// products (1 - t) x (one rounding) and t y (exact for a power of two).
LCNGEOM_CLONES void de_casteljau_right(double* __restrict b, double* __restrict e,
                                                                          int d, double t) {
  const double s = 1.0 - t;
  for (int j = 1; j <= d; ++j) {
    const int m = d - j;
    for (int i = 0; i <= m; ++i) {
      const double x = s * b[i], y = t * b[i + 1];
      const double z = x + y;
      b[i] = z;
      e[i] = (s * e[i] + t * e[i + 1]) + kU * (std::fabs(x) + std::fabs(z)) + kEta;
    }
  }
  const double grow = 1.0 + 8.0 * (d + 2) * kU;
  for (int i = 0; i <= d; ++i) e[i] *= grow;
}

double max_abs(const double* b, int d) {
  double m = 0;
  for (int i = 0; i <= d; ++i) m = std::max(m, std::fabs(b[i]));
  return m;
}

// Scales a node by the power of two that brings its largest |b_i| into
// [1/2, 1) (upward only, so exact).  False if every coefficient is zero.
bool normalize(double* b, double* e, int d) {
  const double m = max_abs(b, d);
  if (m == 0) return false;
  const int s = -std::ilogb(m) - 1;
  if (s > 0) {
    for (int i = 0; i <= d; ++i) {
      b[i] = std::ldexp(b[i], s);
      e[i] = std::ldexp(e[i], s);
    }
  }
  return true;
}

bool precise_enough(const double* b, const double* e, int d) {
  double me = 0;
  for (int i = 0; i <= d; ++i) me = std::max(me, e[i]);
  return me <= std::ldexp(max_abs(b, d), -kMinBits);
}

bool certified_nonzero(double b, double e) { return std::fabs(b) > e; }

// The sign variations of the certified signs only: a lower bound on the
// count, equal to max_sign_variations iff the count is exact.  Only exact
// counts extend or end a cluster's streak: at degree 2048 the error bounds
// inflate the count (2 to 6, 10, 14) just before a node is deferred.
int certain_variations(const double* b, const double* e, int d) {
  int var = 0, last = 0;
  for (int i = 0; i <= d; ++i) {
    if (!certified_nonzero(b[i], e[i])) continue;
    const int s = b[i] > 0 ? 1 : -1;
    if (last != 0 && s != last) ++var;
    last = s;
  }
  return var;
}

// ------------------------------------------------------------ fixed-point tier

using limb = mp_limb_t;
__extension__ typedef unsigned __int128 u128;  // GCC/Clang extension, exact 128-bit
static_assert(sizeof(limb) == 8, "64-bit limbs expected");
constexpr int kMaxLimbs = 1 << 12;  // 262144 bits
// A fixed-point node whose count v >= 2 stayed the same this many halvings
// goes to the exact tier's Newton steps (IsolationStats::cluster_levels).
constexpr int kClusterLevels = 24;
// A fixed-point node with V >= 2 and fewer good bits than this restarts its
// subtree with twice the words.
constexpr double kMinBitsFixed = 32;
// A well-conditioned fixed-point node with this many good bits goes back to
// the double tier.
constexpr double kConvertBits = 40;
// The first number of bits a fixed-point node keeps below its end values.
constexpr long kFirstMargin = 128;

// log2(2^a + 2^b), rounded up: the logarithms are large (up to 64 kMaxLimbs)
// and each is computed with a relative error of a few ulps, hence the slack.
constexpr double kLogSlack = 1e-6;
double log2_add(double a, double b) {
  const double hi = std::max(a, b), lo = std::min(a, b);
  return hi + std::log2(1 + std::exp2(lo - hi)) + kLogSlack;
}

// d + 1 coefficients of L words each, two's complement, |value| < 2^(64L-3);
// 2^lerr bounds the absolute error of every coefficient, in ulps (kept as a
// logarithm: with thousands of words the bound exceeds the double range).
struct FixedNode {
  int d = 0, L = 0;
  double lerr = 0;
  std::vector<limb> a;
  limb* at(int i) { return a.data() + static_cast<std::size_t>(i) * L; }
  const limb* at(int i) const { return a.data() + static_cast<std::size_t>(i) * L; }
};

bool negative(const limb* x, int L) { return static_cast<std::int64_t>(x[L - 1]) < 0; }

// |x| into mag (L words).
void magnitude(const limb* x, int L, limb* mag) {
  if (negative(x, L)) mpn_neg(mag, x, L);
  else std::copy_n(x, L, mag);
}

// Bit length of |x| (two's complement, L words); scratch has L words.
long abs_bits(const limb* x, int L, limb* scratch) {
  magnitude(x, L, scratch);
  int t = L - 1;
  while (t >= 0 && scratch[t] == 0) --t;
  return t < 0 ? 0 : 64L * t + 64 - __builtin_clzll(scratch[t]);
}

// The largest bit length of the coefficients of a node.
long top_bits(const FixedNode& node, std::vector<limb>& scratch) {
  scratch.resize(static_cast<std::size_t>(node.L));
  long top = 0;
  for (int i = 0; i <= node.d; ++i) top = std::max(top, abs_bits(node.at(i), node.L, scratch.data()));
  return top;
}

// Sign of x if |x| > 2^log_err certainly (|x| >= 2^(bits-1)), else 0.
int certified_sign(const limb* x, int L, double log_err, limb* scratch) {
  const long bits = abs_bits(x, L, scratch);
  if (bits == 0 || static_cast<double>(bits - 1) <= log_err) return 0;
  return negative(x, L) ? -1 : 1;
}

// In place: x_i <- floor((x_i + x_{i+1}) / 2) for 0 <= i < m.
template <int L>
void average_row(limb* b, int m) {
  for (int i = 0; i < m; ++i) {
    limb* x = b + static_cast<std::size_t>(i) * L;
    const limb* y = x + L;
    limb t[L];
    u128 acc = 0;
    for (int j = 0; j < L; ++j) {
      acc = static_cast<u128>(x[j]) + y[j] + (acc >> 64);
      t[j] = static_cast<limb>(acc);
    }
    for (int j = 0; j + 1 < L; ++j) x[j] = (t[j] >> 1) | (t[j + 1] << 63);
    x[L - 1] = static_cast<limb>(static_cast<std::int64_t>(t[L - 1]) >> 1);
  }
}

// The same for any L, summing and shifting word by word (x_j is written once
// x_{j+1} has been read).
void average_row_generic(limb* b, int m, int L) {
  for (int i = 0; i < m; ++i) {
    limb* x = b + static_cast<std::size_t>(i) * L;
    const limb* y = x + L;
    u128 acc = static_cast<u128>(x[0]) + y[0];
    limb prev = static_cast<limb>(acc);
    for (int j = 1; j < L; ++j) {
      acc = static_cast<u128>(x[j]) + y[j] + (acc >> 64);
      const limb t = static_cast<limb>(acc);
      x[j - 1] = (prev >> 1) | (t << 63);
      prev = t;
    }
    x[L - 1] = static_cast<limb>(static_cast<std::int64_t>(prev) >> 1);
  }
}

void average_row(limb* b, int m, int L) {
  switch (L) {
    case 1: return average_row<1>(b, m);
    case 2: return average_row<2>(b, m);
    case 3: return average_row<3>(b, m);
    case 4: return average_row<4>(b, m);
    case 5: return average_row<5>(b, m);
    case 6: return average_row<6>(b, m);
    case 7: return average_row<7>(b, m);
    case 8: return average_row<8>(b, m);
    default: return average_row_generic(b, m, L);
  }
}

// de Casteljau at 1/2: node becomes its right child, `left` its left child.
void fixed_split(FixedNode& node, FixedNode& left) {
  const int d = node.d, L = node.L;
  left.d = d;
  left.L = L;
  left.a.resize(static_cast<std::size_t>(d + 1) * L);
  std::copy_n(node.at(0), L, left.at(0));
  for (int j = 1; j <= d; ++j) {
    average_row(node.a.data(), d - j + 1, L);
    std::copy_n(node.at(0), L, left.at(j));
  }
  node.lerr = log2_add(node.lerr, std::log2(0.5 * d));
  left.lerr = node.lerr;
}

// Divides out a root at an end of the node: for a root at the left end
// (b_0 = 0) the quotient by x has the Bernstein coefficients b_{i+1} d/(i+1)
// in degree d - 1, for the right end (b_d = 0) the quotient by 1 - x has
// b_i d/(d - i) (from x B^{d-1}_i = (i+1)/d B^d_{i+1} and (1 - x) B^{d-1}_i =
// (d-i)/d B^d_i).  The products are shifted right by bitlength(d) so that they
// fit again; the error becomes at most err + 2 ulps.
void fixed_deflate(FixedNode& node, bool left_end, std::vector<limb>& scratch) {
  const int d = node.d, L = node.L;
  const unsigned t = static_cast<unsigned>(64 - __builtin_clzll(static_cast<unsigned long long>(d)));
  std::vector<limb> out(static_cast<std::size_t>(d) * L);
  scratch.resize(static_cast<std::size_t>(L) + 1);
  for (int i = 0; i < d; ++i) {
    const limb* src = node.at(left_end ? i + 1 : i);
    const limb den = static_cast<limb>(left_end ? i + 1 : d - i);
    const bool neg = negative(src, L);
    magnitude(src, L, scratch.data());
    scratch[L] = mpn_mul_1(scratch.data(), scratch.data(), L, static_cast<limb>(d));
    mpn_divrem_1(scratch.data(), 0, scratch.data(), L + 1, den);
    mpn_rshift(scratch.data(), scratch.data(), L + 1, t);
    limb* x = out.data() + static_cast<std::size_t>(i) * L;
    std::copy_n(scratch.data(), L, x);
    if (neg) mpn_neg(x, x, L);
  }
  node.a.swap(out);
  node.d = d - 1;
  node.lerr = log2_add(node.lerr, 1.0);
}

// Shifts every coefficient left so that the largest has 64L - 3 bits; returns
// the number of good bits log2(max) - log2(err), or -1 if all vanish.
// Low words are dropped (floor division by a power of 2^64, one more ulp of
// error) when they lie entirely below the error bound, or more than `margin`
// bits below the smaller end value: the end values are values of Q, and a node
// needs its coefficients only to about that range plus a margin (at the top
// of a chart of a polynomial with many real roots the coefficients exceed the
// values by O(n) bits, deeper down much less); callers add twice the number
// of roots the node may hold (between m well-spread roots the values are
// about 2^-m times those at the ends).  A restart doubles the margin.
double fixed_normalize(FixedNode& node, std::vector<limb>& scratch, long margin) {
  const int L = node.L;
  long top = top_bits(node, scratch);
  if (top == 0) return -1;
  const long s = 64L * L - 3 - top;
  if (s > 0) {
    const long words = s / 64;
    const unsigned bits = static_cast<unsigned>(s % 64);
    for (int i = 0; i <= node.d; ++i) {
      limb* x = node.at(i);
      if (words > 0) {
        std::memmove(x + words, x, static_cast<std::size_t>(L - words) * sizeof(limb));
        std::fill_n(x, words, limb(0));
      }
      if (bits) mpn_lshift(x, x, L, bits);
    }
    node.lerr = node.lerr + static_cast<double>(s) + kLogSlack;
    top += s;
  }
  scratch.resize(static_cast<std::size_t>(L));
  const long ends = std::min(abs_bits(node.at(0), L, scratch.data()), abs_bits(node.at(node.d), L, scratch.data()));
  const long noise = static_cast<long>(std::floor((node.lerr - 16) / 64));
  const long range = (ends - margin) / 64;
  const long drop = std::min<long>(L - 1, std::max(noise, range));
  if (drop > 0) {
    const int L2 = static_cast<int>(L - drop);
    for (int i = 0; i <= node.d; ++i)
      std::memmove(node.a.data() + static_cast<std::size_t>(i) * L2, node.at(i) + drop,
                   static_cast<std::size_t>(L2) * sizeof(limb));
    node.a.resize(static_cast<std::size_t>(node.d + 1) * L2);
    node.L = L2;
    node.lerr = log2_add(node.lerr - 64.0 * static_cast<double>(drop), 0.0);
    top -= 64L * drop;
  }
  return static_cast<double>(top - 1) - node.lerr;
}

// max_sign_variations on the certified signs of a fixed-point node.
int fixed_variations(const FixedNode& node, std::vector<double>& sb, std::vector<double>& se,
                     std::vector<limb>& scratch) {
  sb.resize(static_cast<std::size_t>(node.d) + 1);
  se.resize(static_cast<std::size_t>(node.d) + 1);
  scratch.resize(static_cast<std::size_t>(node.L));
  const double log_err = node.lerr;
  for (int i = 0; i <= node.d; ++i) {
    const int s = certified_sign(node.at(i), node.L, log_err, scratch.data());
    sb[i] = s;
    se[i] = s == 0 ? 1.0 : 0.0;
  }
  return max_sign_variations(sb.data(), se.data(), node.d);
}

// A fixed-point coefficient as a double times 2^-(64L-3), with an absolute
// error bound: the node's err in the same unit plus 2^-50 relative (the top
// two significant words, rounded to 53 bits).
void fixed_to_double(const limb* x, int L, double lerr, double& v, double& e, limb* scratch) {
  magnitude(x, L, scratch);
  int t = L - 1;
  while (t > 0 && scratch[t] == 0) --t;
  const int scale = -(64 * L - 3);
  const double approx = std::ldexp(static_cast<double>(scratch[t]), 64 * t + scale) +
                        (t > 0 ? std::ldexp(static_cast<double>(scratch[t - 1]), 64 * (t - 1) + scale) : 0.0);
  v = negative(x, L) ? -approx : approx;
  e = std::exp2(std::min(lerr + scale, 1000.0)) * (1 + 0x1p-40) + std::fabs(v) * 0x1p-50 + kEta;
}

// ------------------------------------------------------------ one chart

// A subtree for the fixed-point tier: the node (c/2^k, (c+1)/2^k) and its
// first number of words.
struct Entry {
  Z c;
  slong k;
  int L;
  long margin = kFirstMargin;
  bool cluster = false;  // a cluster (see LocalDefer): straight to the exact tier if its count is >= 2
  int pv = -1, streak = 0;  // the count of the node above and its streak (see LocalDefer)
};

// A subtree the double tier gave up on, relative to the node it started from.
struct LocalDefer {
  std::uint64_t c;
  int k;
  bool cluster = false;  // its count v >= 2 had stayed the same for kClusterLevels halvings
  // Its count and the halvings with that count so far: a cluster's streak
  // survives the hand-overs between the tiers (at degree >= 512 a node with
  // two close roots goes from fixed point to double and back every few levels).
  int pv = -1, streak = 0;
};

// Divides out a root at an end of a double-tier node (see fixed_deflate);
// false if the new end value has no certified sign.
bool double_deflate(double* b, double* e, int d, bool left_end) {
  for (int i = 0; i < d; ++i) {
    const int src = left_end ? i + 1 : i;
    const double f = static_cast<double>(d) / (left_end ? i + 1 : d - i);
    const double v = b[src] * f;
    e[i] = (e[src] * f + 4 * kU * std::fabs(v) + kEta) * (1 + 4 * kU);
    b[i] = v;
  }
  return left_end ? certified_nonzero(b[0], e[0]) : certified_nonzero(b[d - 1], e[d - 1]);
}

class Chart {
 public:
  // Q has degree n >= 1, Q(0) != 0, Q(1) != 0; its roots in (0, 1) are sought.
  Chart(Zpoly q, bool count_only, IsolationStats* stats)
      : q_(std::move(q)), n_(static_cast<int>(q_.degree())), count_only_(count_only), stats_(stats) {}

  void run();
  long count() const { return count_; }
  std::vector<ChartRoot>& roots() { return roots_; }
  /// The chart was narrowed to (0, 2^-m) of the original one (see tighten()).
  int narrowed() const { return narrowed_; }

 private:
  int tighten();
  void record(ChartRoot r) {
    ++count_;
    if (!count_only_) roots_.push_back(std::move(r));
  }
  void compute_root_data();
  bool init_double(double* b, double* e);
  // The double tier below the node (base_c, base_k), degree d, whose
  // coefficients are at level 0: roots go to `roots`, subtrees it gives up on
  // to `defers` (relative to the base).
  void run_double(const fmpz_t base_c, slong base_k, int d, std::vector<ChartRoot>& roots,
                  std::vector<LocalDefer>& defers, int pv = -1, int streak = 0);
  void solve_double(int level, std::uint64_t c, int k, int d, int pv, int streak);
  double* b(int level) { return ws_.data() + static_cast<std::size_t>(level) * 2 * stride_; }
  double* e(int level) { return b(level) + stride_; }
  Z absolute(std::uint64_t c, int k) const {
    Z full;
    fmpz_mul_2exp(full.v, base_c_.v, static_cast<ulong>(k));
    fmpz_add_ui(full.v, full.v, static_cast<ulong>(c));
    return full;
  }

  FixedNode fixed_from_root(const fmpz_t c, slong k, int L);
  void descend(FixedNode& node, const fmpz_t c, slong levels);
  bool deflate_ends(FixedNode& node, const fmpz_t c, slong k);
  bool run_fixed(const Entry& entry, std::vector<ChartRoot>& roots);
  int sign_at(const fmpz_t a, slong k) const { return sign_of(q_.p, a, k); }
  static int sign_of(const fmpz_poly_struct* q, const fmpz_t a, slong k);
  void exact_subtree(const fmpz_t c, slong k, bool cluster, std::vector<ChartRoot>& out);
  bool local_poly(const fmpz_t c, slong k, Zpoly& p) const;
  void cluster_subtree(const fmpz_t c, slong k, std::vector<ChartRoot>& out);
  void exact_fallback(const fmpz_t c, slong k, int w, std::vector<ChartRoot>& out);

  Zpoly q_;
  int n_;
  bool count_only_;
  IsolationStats* stats_;
  long count_ = 0;
  std::vector<ChartRoot> roots_;
  // Exact Bernstein numerators R_i = C(n, i) b_i of Q on (0, 1) and the binomials.
  FmpzVec rnum_, binom_;
  // Double-tier workspace: (b, e) per level, stride n + 1.
  std::vector<double> ws_;
  std::size_t stride_ = 0;
  // State of the current double-tier run.
  Z base_c_;
  slong base_k_ = 0;
  std::vector<ChartRoot>* found_ = nullptr;
  std::vector<LocalDefer>* defers_ = nullptr;
  FmpzVec work_;
  std::vector<limb> scratch_;
  std::vector<double> sb_, se_;
  int narrowed_ = 0;
  long margin_ = kFirstMargin;  // of the fixed-point subtree running
};

// R(y) = (1 + y)^n Q(y / (1 + y)) = rev(rev(Q)(z + 1)), b_i = R_i / C(n, i).
void Chart::compute_root_data() {
  const int n = n_;
  Zpoly r;
  fmpz_poly_reverse(r.p, q_.p, n + 1);
  taylor_shift_one(r.c(), n + 1);
  rnum_.ensure(static_cast<std::size_t>(n) + 1);
  binom_.ensure(static_cast<std::size_t>(n) + 1);
  for (int i = 0; i <= n; ++i) fmpz_set(rnum_.data() + i, r.c() + (n - i));
  fmpz_one(binom_.data());
  for (int i = 0; i < n; ++i) {
    fmpz_mul_ui(binom_.data() + i + 1, binom_.data() + i, static_cast<ulong>(n - i));
    fmpz_divexact_ui(binom_.data() + i + 1, binom_.data() + i + 1, static_cast<ulong>(i + 1));
  }
}

// The Bernstein coefficients of Q on (0, 1) rounded to doubles scaled by a
// common power of two (relative error <= 4u each, plus eta).
bool Chart::init_double(double* b, double* e) {
  const int n = n_;
  std::vector<double> mant(static_cast<std::size_t>(n) + 1);
  std::vector<slong> ex(static_cast<std::size_t>(n) + 1);
  slong top = WORD_MIN;
  for (int i = 0; i <= n; ++i) {
    const fmpz* ri = rnum_.data() + i;
    if (fmpz_is_zero(ri)) {
      mant[i] = 0;
      continue;
    }
    slong er = 0, eb = 0;
    const double mr = fmpz_get_d_2exp(&er, ri);
    const double mb = fmpz_get_d_2exp(&eb, binom_.data() + i);
    mant[i] = mr / mb;
    ex[i] = er - eb;
    top = std::max(top, ex[i]);
  }
  for (int i = 0; i <= n; ++i) {
    if (mant[i] == 0) {
      b[i] = e[i] = 0;
      continue;
    }
    const slong shift = ex[i] - top - 1;  // |mant| < 2, so |b_i| < 1
    b[i] = shift < -1100 ? 0.0 : std::ldexp(mant[i], static_cast<int>(shift));
    e[i] = 4 * kU * std::fabs(b[i]) + kEta;
  }
  return certified_nonzero(b[0], e[0]) && certified_nonzero(b[n], e[n]);
}

void Chart::run() {
  compute_root_data();
  thread_local std::vector<double> buffer;
  ws_.swap(buffer);
  stride_ = static_cast<std::size_t>(n_) + 1;
  const std::size_t need = static_cast<std::size_t>(kMaxDoubleDepth + 3) * 2 * stride_;
  if (ws_.size() < need) ws_.resize(need);
  std::vector<Entry> queue;
  {
    std::vector<ChartRoot> found;
    std::vector<LocalDefer> defers;
    const bool use_double = !stats_ || stats_->use_double;
    bool ok = use_double && init_double(b(0), e(0));
    if (use_double && normalize(b(0), e(0), n_) && certified_nonzero(b(0)[n_], e(0)[n_])) {
      if (const int m = tighten(); m > 0) {
        // Q(x) <- 2^(mn) Q(2^-m x): the chart (0, 2^-m) becomes (0, 1).
        for (int i = 0; i < n_; ++i) fmpz_mul_2exp(q_.c() + i, q_.c() + i, static_cast<ulong>(m * (n_ - i)));
        remove_power_of_two(q_.p);
        narrowed_ = m;
        compute_root_data();
        ok = init_double(b(0), e(0));
      }
    }
    if (!use_double) ok = false;
    if (ok) {
      normalize(b(0), e(0), n_);
      Z zero;
      run_double(zero.v, 0, n_, found, defers);
    } else {
      defers.push_back(LocalDefer{0, 0});
    }
    for (ChartRoot& r : found) record(std::move(r));
    // The whole chart in fixed point starts with enough words for the range
    // between its largest Bernstein coefficient and its end values (a chart
    // of a polynomial with many roots in its left part needs about n log n
    // bits there), which saves a chain of restarts.
    int root_words = 2;
    if (!defers.empty() && defers.front().k == 0) {
      long top = LONG_MIN;
      for (int i = 0; i <= n_; ++i)
        if (!fmpz_is_zero(rnum_.data() + i))
          top = std::max(
              top, static_cast<long>(fmpz_bits(rnum_.data() + i)) - static_cast<long>(fmpz_bits(binom_.data() + i)));
      const long ends =
          std::min(static_cast<long>(fmpz_bits(rnum_.data())), static_cast<long>(fmpz_bits(rnum_.data() + n_)));
      root_words = static_cast<int>(std::clamp<long>((top - ends + 96 + 63) / 64, 2, kMaxLimbs));
    }
    for (const LocalDefer& d : defers)
      queue.push_back(
          Entry{Z(static_cast<ulong>(d.c)), d.k, d.k == 0 ? root_words : 2, kFirstMargin, d.cluster, d.pv, d.streak});
  }
  // A fixed-point subtree either finishes (its roots are kept) or restarts
  // with twice the words.
  for (Entry& entry : queue) {
    for (;;) {
      if (entry.L > (stats_ ? stats_->max_words : kMaxLimbs)) {
        std::vector<ChartRoot> found;
        exact_subtree(entry.c.v, entry.k, false, found);
        for (ChartRoot& r : found) record(std::move(r));
        break;
      }
      std::vector<ChartRoot> found;
      margin_ = entry.margin;
      if (run_fixed(entry, found)) {
        for (ChartRoot& r : found) record(std::move(r));
        break;
      }
      if (stats_) ++stats_->restarts;
      entry.L *= 2;
      entry.margin *= 2;
    }
  }
  ws_.swap(buffer);
}

// Coefficient root bounds can be far above the largest root (for prod (x - i)
// Kioustelidis' bound is n^2, the largest root n), and every halving of the
// chart towards the roots then costs n bits of precision.  The largest m with
// a certified sign variation 0 on (2^-m, 1) -- a root-free right part, its
// Bernstein coefficients dominated by the large ones and so accurate in
// double precision -- narrows the chart to (0, 2^-m); found by doubling m,
// then bisection.
int Chart::tighten() {
  const int n = n_;
  auto free_above = [&](int m) {
    std::copy_n(b(0), n + 1, b(1));
    std::copy_n(e(0), n + 1, e(1));
    de_casteljau_right(b(1), e(1), n, std::ldexp(1.0, -m));
    return certified_nonzero(b(1)[0], e(1)[0]) && max_sign_variations(b(1), e(1), n) == 0;
  };
  int good = 0, bad = 1;
  while (bad <= 48 && free_above(bad)) {
    good = bad;
    bad *= 2;
  }
  if (bad > 48) return good;
  while (bad - good > 1) {
    const int mid = (good + bad) / 2;
    (free_above(mid) ? good : bad) = mid;
  }
  return good;
}

void Chart::run_double(const fmpz_t base_c, slong base_k, int d, std::vector<ChartRoot>& roots,
                       std::vector<LocalDefer>& defers, int pv, int streak) {
  fmpz_set(base_c_.v, base_c);
  base_k_ = base_k;
  found_ = &roots;
  defers_ = &defers;
  solve_double(0, 0, 0, d, pv, streak);
}

// The node (c/2^k, (c+1)/2^k) relative to the base node, degree d, whose
// Bernstein coefficients are at `level`; the right child of a split stays at
// `level`, the left one goes to level + 1.
// pv: the parent's count, streak: halvings so far with that count (>= 2).
void Chart::solve_double(int level, std::uint64_t c, int k, int d, int pv, int streak) {
  const int cluster_levels = stats_ ? stats_->cluster_levels : kClusterLevels;
  for (;;) {
    double* bb = b(level);
    double* ee = e(level);
    if (stats_) ++stats_->double_nodes;
    const int v = max_sign_variations(bb, ee, d);
    if (v == 0) return;
    if (v == 1) {
      if ((bb[0] > 0) != (bb[d] > 0)) found_->push_back(ChartRoot{absolute(c, k), base_k_ + k, false});
      return;
    }
    if (certain_variations(bb, ee, d) == v) {
      streak = v == pv ? streak + 1 : 0;
      pv = v;
    }
    double* lb = b(level + 1);
    double* le = e(level + 1);
    bool ok = k < kMaxDoubleDepth && precise_enough(bb, ee, d);
    int dl = d, dr = d;
    if (ok) {
      de_casteljau(bb, ee, lb, le, d);
      if (!certified_nonzero(bb[0], ee[0])) {
        // The midpoint value is small: if it is exactly zero (a root on the
        // split point, e.g. an integer root) record it and divide it out of
        // both children; otherwise the fixed-point tier takes over.
        const Z mid = absolute(2 * c + 1, k + 1);
        ok = sign_at(mid.v, base_k_ + k + 1) == 0;
        if (ok) {
          ok = double_deflate(lb, le, d, false) && double_deflate(bb, ee, d, true);
          dl = dr = d - 1;
        }
      }
      ok = ok && normalize(lb, le, dl) && normalize(bb, ee, dr);
      // Recorded only now: a deferred node is redone from scratch.
      if (ok && dl < d) {
        if (stats_) ++stats_->split_roots;
        found_->push_back(ChartRoot{absolute(2 * c + 1, k + 1), base_k_ + k + 1, true});
      }
    }
    if (!ok) {
      // Precision exhausted, too deep, or a root close to the midpoint.
      if (stats_) ++stats_->deferred;
      defers_->push_back(LocalDefer{c, k, cluster_levels > 0 && streak >= cluster_levels, pv, streak});
      return;
    }
    if (dl >= 1) solve_double(level + 1, 2 * c, k + 1, dl, pv, streak);
    if (dr < 1) return;
    c = 2 * c + 1;
    ++k;
    d = dr;
  }
}

// The sign of q(a / 2^k), exactly: 2^(kn) q(a/2^k) = sum q_i a^i 2^(k(n-i)) by Horner.
int Chart::sign_of(const fmpz_poly_struct* q, const fmpz_t a, slong k) {
  const slong n = fmpz_poly_degree(q);
  if (n < 0) return 0;
  fmpz_t acc, t;
  fmpz_init_set(acc, q->coeffs + n);
  fmpz_init(t);
  for (slong i = n - 1; i >= 0; --i) {
    fmpz_mul(acc, acc, a);
    fmpz_mul_2exp(t, q->coeffs + i, static_cast<ulong>(k * (n - i)));
    fmpz_add(acc, acc, t);
  }
  const int s = fmpz_sgn(acc);
  fmpz_clear(acc);
  fmpz_clear(t);
  return s;
}

// Halves `node` `levels` times, keeping the half given by the bits of c
// (most significant first).
void Chart::descend(FixedNode& node, const fmpz_t c, slong levels) {
  FixedNode other;
  for (slong j = levels - 1; j >= 0; --j) {
    fixed_split(node, other);
    if (!fmpz_tstbit(c, static_cast<ulong>(j))) std::swap(node, other);
    fixed_normalize(node, scratch_, margin_ + 2L * node.d);
  }
}

// Divides out the roots of Q at the ends of the node (c/2^k, (c+1)/2^k),
// which are roots found on split points; false if an end value stays
// uncertain.
bool Chart::deflate_ends(FixedNode& node, const fmpz_t c, slong k) {
  scratch_.resize(static_cast<std::size_t>(node.L));
  if (certified_sign(node.at(0), node.L, node.lerr, scratch_.data()) == 0 && sign_at(c, k) == 0)
    fixed_deflate(node, true, scratch_);
  Z c1;
  fmpz_add_ui(c1.v, c, 1);
  scratch_.resize(static_cast<std::size_t>(node.L));
  if (node.d >= 1 && certified_sign(node.at(node.d), node.L, node.lerr, scratch_.data()) == 0 && sign_at(c1.v, k) == 0)
    fixed_deflate(node, false, scratch_);
  if (fixed_normalize(node, scratch_, margin_ + 2L * node.d) < 0) return false;
  scratch_.resize(static_cast<std::size_t>(node.L));
  return node.d == 0 || (certified_sign(node.at(0), node.L, node.lerr, scratch_.data()) != 0 &&
                         certified_sign(node.at(node.d), node.L, node.lerr, scratch_.data()) != 0);
}

// The fixed-point Bernstein coefficients of Q on (c/2^k, (c+1)/2^k) with L
// words: the exact coefficients on (0, 1) rounded down (error < 1 ulp), then
// one halving per bit of c, most significant first.
FixedNode Chart::fixed_from_root(const fmpz_t c, slong k, int L) {
  const int n = n_;
  FixedNode node;
  node.d = n;
  node.L = L;
  node.a.assign(static_cast<std::size_t>(n + 1) * L, 0);
  long top = LONG_MIN;
  for (int i = 0; i <= n; ++i)
    if (!fmpz_is_zero(rnum_.data() + i))
      top = std::max(
          top, static_cast<long>(fmpz_bits(rnum_.data() + i)) - static_cast<long>(fmpz_bits(binom_.data() + i)) + 1);
  const long s = 64L * L - 3 - top;  // |b_i| 2^s < 2^(64L-3)
  fmpz_t t;
  fmpz_init(t);
  std::vector<ulong> words(static_cast<std::size_t>(L));
  for (int i = 0; i <= n; ++i) {
    if (s >= 0) {
      fmpz_mul_2exp(t, rnum_.data() + i, static_cast<ulong>(s));
      fmpz_fdiv_q(t, t, binom_.data() + i);
    } else {
      fmpz_mul_2exp(t, binom_.data() + i, static_cast<ulong>(-s));
      fmpz_fdiv_q(t, rnum_.data() + i, t);
    }
    const bool neg = fmpz_sgn(t) < 0;
    fmpz_abs(t, t);
    fmpz_get_ui_array(words.data(), L, t);
    limb* x = node.at(i);
    std::copy(words.begin(), words.end(), x);
    if (neg) mpn_neg(x, x, L);
  }
  fmpz_clear(t);
  node.lerr = 0;
  fixed_normalize(node, scratch_, margin_ + 2L * node.d);
  descend(node, c, k);
  return node;
}

// The fixed-point subdivision below entry.c: false if it must restart with
// more words.  Well-conditioned nodes with enough good bits continue in the
// double tier; what it gives up on comes back here, recomputed from that node.
bool Chart::run_fixed(const Entry& entry, std::vector<ChartRoot>& roots) {
  struct Item {
    FixedNode node;
    Z c;
    slong k;
    int pv = -1;     // the parent's count
    int streak = 0;  // halvings so far with the same count >= 2
    bool cluster = false;
  };
  const int cluster_levels = stats_ ? stats_->cluster_levels : kClusterLevels;
  std::vector<Item> stack;
  {
    FixedNode start = fixed_from_root(entry.c.v, entry.k, entry.L);
    if (!deflate_ends(start, entry.c.v, entry.k)) return false;
    if (start.d >= 1)
      stack.push_back(Item{std::move(start), Z(entry.c.v), entry.k, entry.pv, entry.streak, entry.cluster});
  }
  std::vector<LocalDefer> defers;
  while (!stack.empty()) {
    Item item = std::move(stack.back());
    stack.pop_back();
    FixedNode& node = item.node;
    if (stats_) ++stats_->fixed_nodes;
    const int v = fixed_variations(node, sb_, se_, scratch_);
    if (v == 0) continue;
    if (v == 1) {
      if (negative(node.at(0), node.L) != negative(node.at(node.d), node.L))
        roots.push_back(ChartRoot{Z(item.c.v), item.k, false});
      continue;
    }
    // A count that stays while the node shrinks is a cluster: Newton steps in
    // the cluster tier (see cluster_subtree) instead of a halving per bit of its
    // width here, with more and more words.
    if (certain_variations(sb_.data(), se_.data(), node.d) == v) {
      item.streak = v == item.pv ? item.streak + 1 : 0;
      item.pv = v;
    }
    if (item.cluster || (cluster_levels > 0 && item.streak >= cluster_levels)) {
      if (stats_) ++stats_->clusters;
      if (!stats_ || stats_->approx_clusters) cluster_subtree(item.c.v, item.k, roots);
      else exact_subtree(item.c.v, item.k, true, roots);
      continue;
    }
    const long before = top_bits(node, scratch_);
    if (static_cast<double>(before - 1) - node.lerr < kMinBitsFixed) return false;
    FixedNode left;
    fixed_split(node, left);
    Z cl, cr;
    fmpz_mul_2exp(cl.v, item.c.v, 1);
    fmpz_add_ui(cr.v, cl.v, 1);
    const slong kc = item.k + 1;
    scratch_.resize(static_cast<std::size_t>(node.L));
    if (certified_sign(node.at(0), node.L, node.lerr, scratch_.data()) == 0) {
      if (sign_at(cr.v, kc) != 0) return false;  // a root very close to the midpoint: more words
      // A root on the midpoint: record it and divide it out of both children.
      if (stats_) ++stats_->split_roots;
      roots.push_back(ChartRoot{Z(cr.v), kc, true});
      fixed_deflate(left, false, scratch_);
      fixed_deflate(node, true, scratch_);
    }
    for (int side = 0; side < 2; ++side) {
      FixedNode& child = side == 0 ? left : node;
      Z& cc = side == 0 ? cl : cr;
      if (child.d < 1) continue;
      const long after = top_bits(child, scratch_);
      const double good = fixed_normalize(child, scratch_, margin_ + 2L * v);
      if (good < kMinBitsFixed) return false;
      const int L = child.L;
      scratch_.resize(static_cast<std::size_t>(L));
      if (certified_sign(child.at(0), L, child.lerr, scratch_.data()) == 0 ||
          certified_sign(child.at(child.d), L, child.lerr, scratch_.data()) == 0)
        return false;
      // Well conditioned (the largest coefficient shrank by at most 4 bits,
      // and the end values, which are values of Q, are within 2^20 of it)
      // and precise: the double tier continues below this node.
      const long ends =
          std::max(abs_bits(child.at(0), L, scratch_.data()), abs_bits(child.at(child.d), L, scratch_.data()));
      if ((!stats_ || stats_->use_double) && good >= kConvertBits && before - after <= 4 &&
          top_bits(child, scratch_) - ends <= 20) {
        scratch_.resize(static_cast<std::size_t>(L));
        for (int i = 0; i <= child.d; ++i)
          fixed_to_double(child.at(i), L, child.lerr, b(0)[i], e(0)[i], scratch_.data());
        normalize(b(0), e(0), child.d);
        defers.clear();
        run_double(cc.v, kc, child.d, roots, defers, item.pv, item.streak);
        for (const LocalDefer& d : defers) {
          FixedNode sub = child;
          Z rel(static_cast<ulong>(d.c)), abs_c;
          descend(sub, rel.v, d.k);
          fmpz_mul_2exp(abs_c.v, cc.v, static_cast<ulong>(d.k));
          fmpz_add(abs_c.v, abs_c.v, rel.v);
          if (!deflate_ends(sub, abs_c.v, kc + d.k)) return false;
          if (sub.d >= 1)
            stack.push_back(Item{std::move(sub), std::move(abs_c), kc + d.k, d.pv, d.streak, d.cluster});
        }
        continue;
      }
      stack.push_back(Item{std::move(child), std::move(cc), kc, item.pv, item.streak});
    }
  }
  return true;
}

// P(x) = 2^{kn} Q((c + x)/2^k) over its power of two, with the roots at
// x = 0, 1 (found on split points) divided out; false if its degree is < 1.
bool Chart::local_poly(const fmpz_t c, slong k, Zpoly& p) const {
  const slong n = n_;
  // Scale coefficient i by 2^{k(n-i)}, shift by c.
  fmpz_poly_set(p.p, q_.p);
  for (slong i = 0; i < n; ++i) fmpz_mul_2exp(p.c() + i, p.c() + i, static_cast<ulong>(k * (n - i)));
  if (!fmpz_is_zero(c)) _fmpz_poly_taylor_shift(p.c(), c, n + 1);
  remove_power_of_two(p.p);
  if (fmpz_is_zero(p.c())) fmpz_poly_shift_right(p.p, p.p, 1);
  {
    Zpoly lin, quo, rem;
    fmpz_poly_set_coeff_si(lin.p, 1, 1);
    fmpz_poly_set_coeff_si(lin.p, 0, -1);
    fmpz_poly_divrem(quo.p, rem.p, p.p, lin.p);
    if (fmpz_poly_is_zero(rem.p)) p = std::move(quo);
  }
  return p.degree() >= 1;
}

// The exact subdivision below the node (c/2^k, (c+1)/2^k), whose end values
// are known to be nonzero; its isolating intervals go to `out`.  `cluster`:
// the double or fixed-point tier saw the node's count stay >= 2 while it shrank.
//
// Clusters (Sagraloff's Newton-Descartes, ANewDsc of Kobel-Rouillier-
// Sagraloff 2016).  Bisection needs log2(w/s) levels to separate roots s apart
// in a node of width w (Mignotte's t^n - 2(at - 1)^2: about (n/2) log2 a).  A
// node I whose count v >= 2 repeats its parent's is taken for a cluster of v
// roots: with N = 2^e, the Newton point lambda = xi - v P(xi)/P'(xi) (xi =
// 1/4, 1/2, 3/4; the two closest of the three) picks the subinterval I' of
// width 2|I|/N around it.  I' replaces I iff its end values are nonzero and
// var(I') = v = var(I): Descartes' counts are subadditive (var(J1) + var(I') +
// var(J2) <= var(I) for I = J1 u I' u J2), so the two rest pieces J1, J2 have
// count 0 and hold no root.  On success N <- N^2 (quadratic convergence once
// the cluster is well separated: O(log log (w/s)) steps).  A miss (count 0:
// I' fell between the cluster's roots, narrower than the cluster) retries on
// I with e halved and bounds later steps below that level, a binary search on
// log2 of the cluster's width; any other failure: N <- sqrt(N) and I is
// bisected.  All counts are exact (integer polynomials).
// A node of this tier is (c/2^k, (c+w)/2^k), w = 1 or 2 (a Newton interval
// has width 2 at its level), with P(x) = Q((c + w x)/2^k) times a constant.
void Chart::exact_subtree(const fmpz_t c, slong k, bool cluster, std::vector<ChartRoot>& out) {
  struct Node {
    Zpoly p;
    Z c;
    slong k;
    int w;        // width in units of 2^-k
    slong e;      // log2 N of the next Newton step (>= 2)
    int v;        // exact Descartes count (>= 2)
    bool newton;  // try a Newton step first
    slong cap;    // a level whose Newton interval missed the cluster (count 0): its width is about 2^-cap or more; -1 none
  };
  Zpoly p;
  if (!local_poly(c, k, p)) return;
  if (stats_) ++stats_->exact_nodes;
  // One root in (c/2^k, (c+w)/2^k), P its local polynomial: a dyadic node
  // (c'/2^k', (c'+1)/2^k') of it, or the exact root at its midpoint.
  auto emit = [&](const Zpoly& q, Z&& cc, slong kk, int w) {
    if (w == 1) {
      out.push_back(ChartRoot{std::move(cc), kk, false});
      return;
    }
    Z one(1UL);
    const int mid = sign_of(q.p, one.v, 1);
    Z c1;
    fmpz_add_ui(c1.v, cc.v, 1);
    if (mid == 0) out.push_back(ChartRoot{std::move(c1), kk, true});
    else if (mid != fmpz_sgn(q.c())) out.push_back(ChartRoot{std::move(cc), kk, false});
    else out.push_back(ChartRoot{std::move(c1), kk, false});
  };
  const int v0 = descartes_bound(p.c(), p.degree(), work_);
  if (v0 == 1) emit(p, Z(c), k, 1);
  if (v0 < 2) return;
  std::vector<Node> stack;
  {
    const int v = descartes_count(p.c(), p.degree(), work_);
    stack.push_back(Node{std::move(p), Z(c), k, 1, 2, v, cluster, -1});
  }
  Zpoly deriv, sub;
  Z val, num, den, cand[3], j;
  while (!stack.empty()) {
    Node node = std::move(stack.back());
    stack.pop_back();
    const slong d = node.p.degree();
    bool replaced = false;
    while (node.newton) {
      // Below the level where a Newton interval fell between the roots of the
      // cluster, search that level's exponent by halving (a binary search on
      // log2 of the cluster's width).
      if (node.cap >= 0) node.e = std::min(node.e, (node.cap - node.k) / 2);
      if (node.e < 2) break;
      // floor(M lambda) with M = w 2^e, lambda = s/4 - v A/(4B), A = 4^d P(s/4), B = 4^(d-1) P'(s/4).
      const slong em = node.e + (node.w == 2 ? 1 : 0);
      fmpz_poly_derivative(deriv.p, node.p.p);
      int found = 0;
      for (int s = 1; s <= 3; ++s) {
        Z a(static_cast<ulong>(s));
        value_at(den.v, deriv.p, a.v, 2);  // B
        if (fmpz_is_zero(den.v)) continue;
        value_at(val.v, node.p.p, a.v, 2);  // A
        fmpz_mul_si(num.v, den.v, s);
        fmpz_submul_ui(num.v, val.v, static_cast<ulong>(node.v));
        fmpz_mul_2exp(num.v, num.v, static_cast<ulong>(em));
        fmpz_mul_2exp(den.v, den.v, 2);
        fmpz_fdiv_q(cand[found++].v, num.v, den.v);
      }
      bool ok = found > 0, missed = false;
      int count = -1;
      if (ok) {
        newton_interval_start(j.v, cand, found, em);
        // S(y) = M^d P((j + 2y)/M): coefficient i times M^(d-i), shift by j, then times 2^i.
        fmpz_poly_set(sub.p, node.p.p);
        for (slong i = 0; i < d; ++i) fmpz_mul_2exp(sub.c() + i, sub.c() + i, static_cast<ulong>(em * (d - i)));
        if (!fmpz_is_zero(j.v)) _fmpz_poly_taylor_shift(sub.c(), j.v, d + 1);
        for (slong i = 1; i <= d; ++i) fmpz_mul_2exp(sub.c() + i, sub.c() + i, static_cast<ulong>(i));
        remove_power_of_two(sub.p);
        fmpz_zero(val.v);
        for (slong i = 0; i <= d; ++i) fmpz_add(val.v, val.v, sub.c() + i);  // S(1)
        ok = !fmpz_is_zero(sub.c()) && !fmpz_is_zero(val.v);
        missed = ok && (count = descartes_count(sub.c(), d, work_)) == 0;
        ok = ok && count == node.v;
      }
      if (stats_) ++stats_->exact_nodes;
      if (ok) {
        if (stats_) ++stats_->newton_steps;
        Z cn;
        fmpz_mul_2exp(cn.v, node.c.v, static_cast<ulong>(node.e));
        fmpz_add(cn.v, cn.v, j.v);
        stack.push_back(Node{std::move(sub), std::move(cn), node.k + node.e, 2, 2 * node.e, node.v, true, node.cap});
        sub = Zpoly();
        replaced = true;
        break;
      }
      if (stats_) ++stats_->newton_failures;
      if (missed) {
        // No root in I' although it is centred on the Newton point: the cluster
        // is wider than I'; retry on this node with a wider I'.
        node.cap = node.k + node.e;
        continue;
      }
      node.e = std::max<slong>(2, node.e / 2);
      break;
    }
    if (replaced) continue;
    // Left child 2^d P(x/2), right child the same shifted by one.
    Zpoly left;
    fmpz_poly_fit_length(left.p, d + 1);
    for (slong i = 0; i <= d; ++i) fmpz_mul_2exp(left.c() + i, node.p.c() + i, static_cast<ulong>(d - i));
    _fmpz_poly_set_length(left.p, d + 1);
    remove_power_of_two(left.p);
    Zpoly right(left.p);
    taylor_shift_one(right.c(), d + 1);
    Z cl, cr;
    slong kc = node.k;
    if (node.w == 2) {
      fmpz_set(cl.v, node.c.v);
    } else {
      fmpz_mul_2exp(cl.v, node.c.v, 1);
      ++kc;
    }
    fmpz_add_ui(cr.v, cl.v, 1);
    if (fmpz_is_zero(right.c())) {
      // A root on the split point: record it and divide it out of both children
      // (x from the right one, x - 1 from the left one).
      out.push_back(ChartRoot{Z(cr.v), kc, true});
      fmpz_poly_shift_right(right.p, right.p, 1);
      fmpz* a = left.c();
      for (slong i = d - 1; i >= 1; --i) fmpz_add(a + i, a + i, a + i + 1);  // quotient by x - 1, shifted
      for (slong i = 0; i < d; ++i) fmpz_swap(a + i, a + i + 1);
      _fmpz_poly_set_length(left.p, d);
      _fmpz_poly_normalise(left.p);
    }
    Node children[2] = {Node{std::move(left), std::move(cl), kc, 1, node.e, 0, false, node.cap},
                        Node{std::move(right), std::move(cr), kc, 1, node.e, 0, false, node.cap}};
    for (Node& child : children) {
      if (child.p.degree() < 1) continue;
      if (stats_) ++stats_->exact_nodes;
      const int v = descartes_bound(child.p.c(), child.p.degree(), work_);
      if (v == 1) out.push_back(ChartRoot{Z(child.c.v), child.k, false});
      if (v < 2) continue;
      child.v = descartes_count(child.p.c(), child.p.degree(), work_);
      child.newton = child.v == node.v;
      stack.push_back(std::move(child));
    }
  }
}

// ------------------------------------------------------------ approximate cluster tier

// Ball polynomials (Arb) released on destruction.
struct Apoly {
  arb_poly_t p;
  Apoly() { arb_poly_init(p); }
  Apoly(const Apoly& o) {
    arb_poly_init(p);
    arb_poly_set(p, o.p);
  }
  Apoly(Apoly&& o) noexcept {
    *p = *o.p;
    arb_poly_init(o.p);
  }
  Apoly& operator=(Apoly&& o) noexcept {
    arb_poly_swap(p, o.p);
    return *this;
  }
  Apoly& operator=(const Apoly&) = delete;
  ~Apoly() { arb_poly_clear(p); }
  arb_ptr c() { return p->coeffs; }
  arb_srcptr c() const { return p->coeffs; }
};

struct Arb {
  arb_t v;
  Arb() { arb_init(v); }
  Arb(const Arb&) = delete;
  Arb& operator=(const Arb&) = delete;
  ~Arb() { arb_clear(v); }
};

// log2 of the largest |midpoint| minus log2 of the largest radius of the d + 1
// coefficients (a lower bound on the good bits of the largest one); a large
// value if all are exact, a very negative one if any is not finite.
slong good_bits(const Apoly& p, slong d) {
  constexpr slong kNone = -(WORD(1) << 40);
  slong top = kNone, err = kNone;
  for (slong i = 0; i <= d; ++i) {
    const arb_struct* x = p.c() + i;
    if (!arb_is_finite(x)) return kNone;
    if (!arf_is_zero(arb_midref(x))) top = std::max(top, arf_abs_bound_lt_2exp_si(arb_midref(x)));
    if (!mag_is_zero(arb_radref(x))) err = std::max(err, static_cast<slong>(fmpz_get_si(MAG_EXPREF(arb_radref(x)))));
  }
  if (top == kNone) return kNone;
  if (err == kNone) return -kNone;
  return top - err;
}

// Descartes' counts of P (degree d, balls) on (0, 1) from the coefficients t_i
// of T(x) = (1 + x)^d P(1/(1 + x)): vmin = the variations of the certified
// signs (a lower bound: every filling of the undecided ones has at least
// these), vmax = the largest number of variations of any sign choice
// compatible with the balls (an upper bound on var(P) and so on the number of
// roots).  t_0 = P(1) and t_d = P(0); known signs s1, s0 of those values
// (0: unknown) replace the balls' there.  The returned s0, s1 are the
// certified signs of P(0), P(1) (0 if undecided).
struct ACount {
  int vmin = 0, vmax = 0, s0 = 0, s1 = 0;
};
ACount approx_descartes(const Apoly& p, slong d, slong prec, Apoly& work, int s0, int s1) {
  arb_poly_fit_length(work.p, d + 1);
  for (slong i = 0; i <= d; ++i) arb_set(work.c() + i, p.c() + d - i);
  _arb_poly_set_length(work.p, d + 1);
  {
    Arb one;
    arb_one(one.v);
    _arb_poly_taylor_shift(work.c(), one.v, d + 1, prec);
  }
  ACount r;
  r.s1 = s1 != 0 ? s1 : arb_sgn_nonzero(work.c());
  r.s0 = s0 != 0 ? s0 : arb_sgn_nonzero(work.c() + d);
  constexpr int kNo = -(1 << 20);
  int last = 0;
  int best[3] = {0, kNo, kNo};  // the most variations so far ending in no sign, +, -
  for (slong i = 0; i <= d; ++i) {
    const int s = i == 0 ? r.s1 : i == d ? r.s0 : arb_sgn_nonzero(work.c() + i);
    if (s != 0) {
      if (last != 0 && s != last) ++r.vmin;
      last = s;
    }
    int next[3];
    if (s == 0) {  // undecided: 0, + or -
      next[0] = best[0];
      next[1] = std::max({best[0], best[1], best[2] + 1});
      next[2] = std::max({best[0], best[2], best[1] + 1});
    } else {
      next[0] = kNo;
      next[1] = s > 0 ? std::max({best[0], best[1], best[2] + 1}) : kNo;
      next[2] = s < 0 ? std::max({best[0], best[2], best[1] + 1}) : kNo;
    }
    std::copy_n(next, 3, best);
  }
  r.vmax = std::max({best[0], best[1], best[2]});
  return r;
}

// Rounds the coefficients of p (degree d) to an absolute precision of
// 2^(top - prec), top = log2 of the largest: the errors of the balls are of
// that size already (every later step works to that absolute precision, as
// ANewDsc's truncated coefficients), and a coefficient below it becomes
// [0 +- its bound].  This keeps the Taylor shifts at about prec bits per
// coefficient where the coefficients of a deep node span millions of octaves.
void trim(Apoly& p, slong d, slong prec) {
  slong top = WORD_MIN;
  for (slong i = 0; i <= d; ++i)
    if (!arf_is_zero(arb_midref(p.c() + i))) top = std::max(top, arf_abs_bound_lt_2exp_si(arb_midref(p.c() + i)));
  if (top == WORD_MIN) return;
  mag_t m;
  mag_init(m);
  for (slong i = 0; i <= d; ++i) {
    arb_ptr x = p.c() + i;
    if (arf_is_zero(arb_midref(x)) || !arb_is_finite(x)) continue;
    const slong b = arf_abs_bound_lt_2exp_si(arb_midref(x));
    if (top - b >= prec) {
      arb_get_mag(m, x);
      arb_zero(x);
      mag_swap(arb_radref(x), m);
    } else {
      arb_set_round(x, x, prec - (top - b) + 2);
    }
  }
  mag_clear(m);
}

// Scales coefficient i of p (degree d) by 2^(i s), exactly.
void scale_powers(Apoly& p, slong d, slong s) {
  for (slong i = 1; i <= d; ++i) arb_mul_2exp_si(p.c() + i, p.c() + i, i * s);
}

// A cluster node (c/2^k, (c + w)/2^k), w in {1, 2}, that the ball polynomials
// could not decide: exact Newton steps on it (for w = 2 on its two halves,
// after an exact look at the midpoint).  Its end values are nonzero.
void Chart::exact_fallback(const fmpz_t c, slong k, int w, std::vector<ChartRoot>& out) {
  if (stats_) ++stats_->approx_fallbacks;
  if (w == 1) {
    exact_subtree(c, k, true, out);
    return;
  }
  Z c1;
  fmpz_add_ui(c1.v, c, 1);
  if (sign_at(c1.v, k) == 0) out.push_back(ChartRoot{Z(c1.v), k, true});
  exact_subtree(c, k, true, out);
  exact_subtree(c1.v, k, true, out);
}

// The Newton-Descartes steps of exact_subtree on approximations (ANewDsc,
// Kobel-Rouillier-Sagraloff 2016): the node polynomial P(x) = Q((c + w x)/2^k)
// is held as Arb balls at a precision of p bits instead of its n K-bit exact
// coefficients (K = the cluster's depth).  A Newton step or a bisection maps
// the balls (Taylor shift, exact scalings), and every decision is taken only
// on certified signs, so that it is the exact algorithm's decision:
//  - a count V = 0 proves no root, and V <= 1 with end values of opposite
//    (certified) signs one root (the parity of the number of roots is that of
//    the variation count, Descartes' rule);
//  - a Newton interval I' replaces I iff the certified variations of I'
//    reach the upper bound v of I's count and both end values of I' have
//    certified signs: then var(I') = v and, by subadditivity, the two rest
//    pieces have count 0 (hold no root);
//  - a node is bisected only at a midpoint with a certified nonzero value, and
//    a node with v >= 2 is processed only when its count is certified (vmin =
//    vmax).
// (The Newton point is a heuristic: the midpoint of its ball is used; a
// Newton interval whose counts stay undecided is a failed step.)
// Precision: a ball polynomial whose largest coefficient has fewer than d + 64
// good bits (a Taylor shift by 1 of degree d loses up to d bits), or whose
// count or midpoint sign is undecided, is recomputed from the exact
// polynomial of the cluster's root node at twice the precision; one that
// would need more than the cap (about the size of its exact coefficients)
// goes to exact_fallback.  Each step loses about 2e + d bits (a Newton
// interval 2^-e wide around a 2-root cluster: its values shrink by 4^-e).
void Chart::cluster_subtree(const fmpz_t c, slong k, std::vector<ChartRoot>& out) {
  Zpoly entry;
  if (!local_poly(c, k, entry)) return;
  if (stats_) ++stats_->exact_nodes;
  const slong d = entry.degree();
  {
    const int v0 = descartes_bound(entry.c(), d, work_);
    if (v0 == 1) out.push_back(ChartRoot{Z(c), k, false});
    if (v0 < 2) return;
  }
  const int v_entry = descartes_count(entry.c(), d, work_);
  const slong entry_bits = std::abs(_fmpz_vec_max_bits(entry.c(), d + 1));
  const slong need = d + 64;
  const slong first_prec =
      stats_ && stats_->approx_prec > 0 ? stats_->approx_prec : std::max<slong>(256, 2 * d + 128);
  const long user_cap = stats_ ? stats_->approx_max_prec : 0;
  // Beyond this precision the exact polynomial of the node is about as large.
  auto cap_of = [&](slong kk) -> slong {
    if (user_cap > 0) return user_cap;
    return std::max<slong>(1 << 14, d * (kk - k) + entry_bits + 2 * need);
  };
  struct Node {
    Apoly p;
    Z c;
    slong k;
    int w;
    slong e;
    int v;  // upper bound on the count (exact when `certain`)
    bool certain;
    bool newton;
    slong cap;
    slong prec;
    int s0, s1;  // certified signs of P(0), P(1)
  };
  // r(y) = entry((cc - c 2^(kk-k) + w y)/2^(kk-k)) as balls at precision prec.
  auto lift = [&](Apoly& r, const Z& cc, slong kk, int w, slong prec) {
    if (stats_) ++stats_->approx_lifts;
    const slong dk = kk - k;
    arb_poly_set_fmpz_poly(r.p, entry.p, prec);
    Z t;
    fmpz_mul_2exp(t.v, c, static_cast<ulong>(dk));
    fmpz_sub(t.v, cc.v, t.v);
    if (!fmpz_is_zero(t.v)) {
      Arb a;
      arb_set_fmpz(a.v, t.v);
      arb_mul_2exp_si(a.v, a.v, -dk);
      _arb_poly_taylor_shift(r.c(), a.v, d + 1, prec);
    }
    scale_powers(r, d, (w == 2 ? 1 : 0) - dk);
    trim(r, d, prec);
  };
  std::vector<Node> stack;
  {
    Node root{Apoly(), Z(c), k, 1, 2, v_entry, true, true, -1, first_prec, fmpz_sgn(entry.c()), 0};
    Z s1;
    for (slong i = 0; i <= d; ++i) fmpz_add(s1.v, s1.v, entry.c() + i);
    root.s1 = fmpz_sgn(s1.v);
    lift(root.p, root.c, root.k, 1, root.prec);
    stack.push_back(std::move(root));
  }
  Apoly work, sub, deriv;
  Arb xi, A, B, lam;
  Z cand[3], j;
  while (!stack.empty()) {
    Node node = std::move(stack.back());
    stack.pop_back();
    // Enough good bits, and a certified count.
    bool fallback = false;
    for (;;) {
      bool ok = good_bits(node.p, d) >= need;
      if (ok && !node.certain) {
        const ACount ac = approx_descartes(node.p, d, node.prec, work, node.s0, node.s1);
        node.v = ac.vmax;
        node.certain = ac.vmin == ac.vmax;
        ok = node.certain;
      }
      if (ok) break;
      if (2 * node.prec > cap_of(node.k)) {
        fallback = true;
        break;
      }
      node.prec *= 2;
      lift(node.p, node.c, node.k, node.w, node.prec);
    }
    if (fallback) {
      exact_fallback(node.c.v, node.k, node.w, out);
      continue;
    }
    if (node.v == 0) continue;
    if (node.v == 1) {  // only a re-counted node gets here
      if (node.s0 != node.s1) {
        if (node.w == 1) out.push_back(ChartRoot{Z(node.c.v), node.k, false});
        else exact_fallback(node.c.v, node.k, node.w, out);
      }
      continue;
    }
    if (stats_) ++stats_->approx_nodes;
    bool replaced = false;
    while (node.newton) {
      if (node.cap >= 0) node.e = std::min(node.e, (node.cap - node.k) / 2);
      if (node.e < 2) break;
      const slong em = node.e + (node.w == 2 ? 1 : 0);
      int found = 0;
      // The Newton point must be known to about 1/M: the node gets more bits
      // if its ball is wider (a miss on a wrong point would cap the steps).
      bool wide = false;
      for (int s = 1; s <= 3; ++s) {
        if (s == 1) {
          found = 0;
          if (wide && 2 * node.prec <= cap_of(node.k)) {
            node.prec *= 2;
            lift(node.p, node.c, node.k, node.w, node.prec);
          }
          wide = false;
        }
        const slong prec = node.prec;
        // lambda = xi - v P(xi)/P'(xi), a heuristic point: its midpoint is used.
        arb_set_si(xi.v, s);
        arb_mul_2exp_si(xi.v, xi.v, -2);
        _arb_poly_evaluate2(A.v, B.v, node.p.c(), d + 1, xi.v, prec);
        if (!arb_is_finite(A.v) || !arb_is_finite(B.v) || arb_contains_zero(B.v)) continue;
        arb_div(lam.v, A.v, B.v, prec);
        arb_mul_si(lam.v, lam.v, node.v, prec);
        arb_sub(lam.v, xi.v, lam.v, prec);
        if (mag_cmp_2exp_si(arb_radref(lam.v), -em - 2) > 0) {
          wide = true;
          if (2 * node.prec <= cap_of(node.k)) {
            s = 0;  // again, at twice the precision
            continue;
          }
        }
        arf_struct* m = arb_midref(lam.v);
        if (arf_cmp_si(m, -1) < 0) arf_set_si(m, -1);
        if (arf_cmp_si(m, 2) > 0) arf_set_si(m, 2);
        arf_mul_2exp_si(m, m, em);
        arf_get_fmpz(cand[found++].v, m, ARF_RND_FLOOR);
      }
      const slong prec = node.prec;
      bool ok = found > 0, missed = false;
      ACount ac;
      slong sub_prec = prec;
      if (ok) {
        newton_interval_start(j.v, cand, found, em);
        // S(y) = P((j + 2y)/M): shift by j/M, then coefficient i times (2/M)^i.
        arb_poly_set(sub.p, node.p.p);
        if (!fmpz_is_zero(j.v)) {
          arb_set_fmpz(xi.v, j.v);
          arb_mul_2exp_si(xi.v, xi.v, -em);
          _arb_poly_taylor_shift(sub.c(), xi.v, d + 1, prec);
        }
        scale_powers(sub, d, 1 - em);
        trim(sub, d, prec);
        // The Newton interval in absolute terms: level k + e, width 2.
        Z cn;
        fmpz_mul_2exp(cn.v, node.c.v, static_cast<ulong>(node.e));
        fmpz_add(cn.v, cn.v, j.v);
        // Its values are about 4^-e times smaller than P's: more bits if needed
        // (twice at most beyond the good-bits test, then a failed step).
        int extra = 2;
        for (;;) {
          const bool good = good_bits(sub, d) >= need;
          if (good) {
            ac = approx_descartes(sub, d, sub_prec, work, 0, 0);
            const bool decided = ac.s0 != 0 && ac.s1 != 0 && (ac.vmin >= node.v || ac.vmax == 0 || ac.vmin == ac.vmax);
            if (decided || extra-- <= 0) break;
          }
          if (2 * sub_prec > cap_of(node.k + node.e)) break;
          sub_prec *= 2;
          lift(sub, cn, node.k + node.e, 2, sub_prec);
        }
        // Any ball enclosure is valid, so the last count decides.
        const bool ends = ac.s0 != 0 && ac.s1 != 0;
        ok = ends && ac.vmin >= node.v;
        missed = ends && ac.vmax == 0;
        if (ok) {
          if (stats_) ++stats_->newton_steps;
          stack.push_back(Node{std::move(sub), std::move(cn), node.k + node.e, 2, 2 * node.e, node.v, true, true,
                               node.cap, sub_prec, ac.s0, ac.s1});
          sub = Apoly();
          replaced = true;
          break;
        }
      }
      if (stats_) ++stats_->newton_failures;
      if (missed) {
        node.cap = node.k + node.e;
        continue;
      }
      node.e = std::max<slong>(2, node.e / 2);
      break;
    }
    if (replaced) continue;
    const slong prec = node.prec;
    // Left child P(x/2), right child P((x + 1)/2); the midpoint value must
    // have a certified sign (else: more bits for this node).
    Apoly left(node.p);
    scale_powers(left, d, -1);
    trim(left, d, prec);
    Apoly right(left);
    {
      Arb one;
      arb_one(one.v);
      _arb_poly_taylor_shift(right.c(), one.v, d + 1, prec);
    }
    const int smid = arb_sgn_nonzero(right.c());
    if (smid == 0) {
      if (2 * node.prec > cap_of(node.k + 1)) {
        exact_fallback(node.c.v, node.k, node.w, out);
      } else {
        node.prec *= 2;
        lift(node.p, node.c, node.k, node.w, node.prec);
        node.newton = false;
        stack.push_back(std::move(node));
      }
      continue;
    }
    Z cl, cr;
    slong kc = node.k;
    if (node.w == 2) {
      fmpz_set(cl.v, node.c.v);
    } else {
      fmpz_mul_2exp(cl.v, node.c.v, 1);
      ++kc;
    }
    fmpz_add_ui(cr.v, cl.v, 1);
    Node children[2] = {Node{std::move(left), std::move(cl), kc, 1, node.e, 0, false, false, node.cap, prec, node.s0, smid},
                        Node{std::move(right), std::move(cr), kc, 1, node.e, 0, false, false, node.cap, prec, smid, node.s1}};
    for (Node& child : children) {
      if (stats_) ++stats_->approx_nodes;
      const ACount ac = approx_descartes(child.p, d, prec, work, child.s0, child.s1);
      if (ac.vmax == 0) continue;
      if (ac.vmax == 1) {
        if (child.s0 != child.s1) out.push_back(ChartRoot{Z(child.c.v), child.k, false});
        continue;
      }
      child.v = ac.vmax;
      child.certain = ac.vmin == ac.vmax;
      child.newton = child.v == node.v;
      stack.push_back(std::move(child));
    }
  }
}

// ------------------------------------------------------------ drivers

// The chart polynomial of the positive roots of g (degree n >= 1, g(0) != 0),
// or false if g has no positive root (no coefficient of the sign opposite to
// the leading one: Descartes' rule).
bool positive_chart(const fmpz_poly_struct* g, Zpoly& q, slong& bound) {
  const slong n = fmpz_poly_degree(g);
  const int s = fmpz_sgn(g->coeffs + n);
  const slong bn = static_cast<slong>(fmpz_bits(g->coeffs + n));
  bool any = false;
  slong best = WORD_MIN;
  for (slong i = 0; i < n; ++i) {
    if (fmpz_sgn(g->coeffs + i) != -s) continue;
    any = true;
    // ceil((bits(a_i) - bits(a_n) + 1) / (n - i)) bounds log2 |a_i/a_n|^(1/(n-i)).
    const slong num = static_cast<slong>(fmpz_bits(g->coeffs + i)) - bn + 1;
    const slong den = n - i;
    const slong ceil_div = num >= 0 ? (num + den - 1) / den : -((-num) / den);
    best = std::max(best, ceil_div);
  }
  if (!any) return false;
  bound = best + 1;
  fmpz_poly_set(q.p, g);
  for (slong i = 0; i <= n; ++i) {
    const slong shift = bound >= 0 ? bound * i : -bound * (n - i);
    fmpz_mul_2exp(q.c() + i, q.c() + i, static_cast<ulong>(shift));
  }
  remove_power_of_two(q.p);
  return true;
}

// x = c/2^k in chart coordinates -> t = sign * x * 2^bound.
Rational to_t(const fmpz_t c, slong k, slong bound, int sign) {
  Rational r;
  fmpz_set(fmpq_numref(r.raw()), c);
  if (sign < 0) fmpz_neg(fmpq_numref(r.raw()), fmpq_numref(r.raw()));
  const slong e = bound - k;
  if (e >= 0) {
    fmpz_mul_2exp(fmpq_numref(r.raw()), fmpq_numref(r.raw()), static_cast<ulong>(e));
  } else {
    fmpz_one(fmpq_denref(r.raw()));
    fmpz_mul_2exp(fmpq_denref(r.raw()), fmpq_denref(r.raw()), static_cast<ulong>(-e));
  }
  fmpq_canonicalise(r.raw());
  return r;
}

// With all positive roots below 2^B, B > 0, the chart (0, 2^B) puts the
// values of a degree-n polynomial n B bits apart across it, and its top
// nodes need that many bits of fixed point (random polynomials of degree
// 2048: 66 words, 80-90 % of the time).  For small B and high degree the
// positive axis is cut at 1 instead: g on (0, 1), and t^n g(1/t) on (0, 1)
// for the roots t > 1 (Descartes' rule on both halves, as in Uspensky's and
// the continued-fraction methods), whose Bernstein coefficients lie within
// about log2 n bits of their values.
constexpr slong kSplitMaxBound = 4;
constexpr slong kSplitMinDegree = 512;  // measured: slower than one chart at 256, faster from 512

// 1/y for the chart point y = c/2^k of the reciprocal chart (c > 0), signed.
Rational reciprocal(const fmpz_t c, slong k, int sign) {
  Rational r;
  fmpz_one(fmpq_numref(r.raw()));
  fmpz_mul_2exp(fmpq_numref(r.raw()), fmpq_numref(r.raw()), static_cast<ulong>(k));
  fmpz_set(fmpq_denref(r.raw()), c);
  fmpq_canonicalise(r.raw());
  if (sign < 0) fmpq_neg(r.raw(), r.raw());
  return r;
}

// Positive roots of g in (0, 1) and, through the reciprocal, in (1, inf);
// g(1) != 0, all positive roots below 2^bound.
long positive_roots_split(const fmpz_poly_struct* g, slong bound, int sign, std::vector<IsolatingInterval>* out,
                          IsolationStats* stats) {
  long count = 0;
  for (int part = 0; part < 2; ++part) {
    Zpoly q(g);
    if (part == 1) fmpz_poly_reverse(q.p, q.p, q.p->length);  // t^n g(1/t): roots 1/t
    remove_power_of_two(q.p);
    Chart chart(std::move(q), out == nullptr, stats);
    chart.run();
    count += chart.count();
    if (!out) continue;
    const slong m = chart.narrowed();  // the chart is (0, 2^-m) of the half
    for (ChartRoot& r : chart.roots()) {
      if (part == 0) {
        Rational lo = to_t(r.c.v, r.k, -m, sign);
        if (r.exact) {
          out->push_back(IsolatingInterval{lo, lo});
          continue;
        }
        fmpz_add_ui(r.c.v, r.c.v, 1);
        Rational hi = to_t(r.c.v, r.k, -m, sign);
        if (sign < 0) std::swap(lo, hi);
        out->push_back(IsolatingInterval{std::move(lo), std::move(hi)});
        continue;
      }
      // y in (c/2^(k+m), (c+1)/2^(k+m)) <-> t = 1/y; for c = 0 the upper end
      // is the root bound (beyond it g has the sign of its leading term).
      const slong k = r.k + m;
      if (r.exact) {
        Rational t = reciprocal(r.c.v, k, sign);
        out->push_back(IsolatingInterval{t, t});
        continue;
      }
      Z c1;
      fmpz_add_ui(c1.v, r.c.v, 1);
      Rational lo = reciprocal(c1.v, k, sign);
      Rational hi;
      if (fmpz_is_zero(r.c.v)) {
        Z one(1);
        hi = to_t(one.v, 0, bound + 1, sign);
      } else {
        hi = reciprocal(r.c.v, k, sign);
      }
      if (sign < 0) std::swap(lo, hi);
      out->push_back(IsolatingInterval{std::move(lo), std::move(hi)});
    }
  }
  return count;
}

// q(x) = g(2^b x) / 2^v with integer coefficients, b >= 0 (v: their common power of two).
void scaled_chart(const fmpz_poly_struct* g, slong b, Zpoly& q) {
  fmpz_poly_set(q.p, g);
  for (slong i = 0; i < q.p->length; ++i) fmpz_mul_2exp(q.c() + i, q.c() + i, static_cast<ulong>(b * i));
  remove_power_of_two(q.p);
}

// q <- q / (x - 1), for q(1) = 0.
void divide_by_x_minus_one(Zpoly& q) {
  Zpoly lin, quo, rem;
  fmpz_poly_set_coeff_si(lin.p, 1, 1);
  fmpz_poly_set_coeff_si(lin.p, 0, -1);
  fmpz_poly_divrem(quo.p, rem.p, q.p, lin.p);
  q = std::move(quo);
}

bool vanishes_at_one(const Zpoly& q) {
  Z v;
  _fmpz_vec_sum(v.v, q.c(), q.p->length);
  return fmpz_is_zero(v.v);
}

// The roots of a chart on (0, 2^bound) as intervals of t.
void map_chart_roots(Chart& chart, slong bound, int sign, std::vector<IsolatingInterval>* out) {
  if (!out) return;
  for (ChartRoot& r : chart.roots()) {
    Rational lo = to_t(r.c.v, r.k, bound, sign);
    if (r.exact) {
      out->push_back(IsolatingInterval{lo, lo});
      continue;
    }
    fmpz_add_ui(r.c.v, r.c.v, 1);
    Rational hi = to_t(r.c.v, r.k, bound, sign);
    if (sign < 0) std::swap(lo, hi);
    out->push_back(IsolatingInterval{std::move(lo), std::move(hi)});
  }
}

// Large root bounds at high degree.  With all positive roots below 2^B, the
// chart (0, 2^B) puts the values of a degree-n polynomial about n (B - k) bits
// apart on its node (0, 2^-k), and the fixed-point tier walks that left chain
// with that many bits per coefficient: O(n^2 (n (B - k) + L) / 64) word
// operations per level, where fast Taylor shifts would cost O~(n (n B + L)).
// (Planted radicals of degree 1351 with 2000-digit coefficients: 266 words at
// the top, two thirds of the time.)  Two remedies, both from degree
// kShellMinDegree and B >= kShellMinBound:
//  - B is lowered while Budan's test (no_root_beyond) proves [2^(B-1), inf)
//    root-free: coefficient bounds ignore cancellation (that radical: 2^14 for
//    roots below 2^9);
//  - optionally (IsolationStats::shell_levels, off by default) the top octaves
//    are cut into dyadic shells: (2^e, 2^(e+1)) is the chart
//    Q_e(x) = g(2^e (1 + x)) on (0, 1), computed exactly by one
//    divide-and-conquer Taylor shift (FLINT; its Bernstein coefficients by a
//    second one), across which the values of g differ by about n bits only;
//    the rest, (0, 2^(B - levels)), is one chart as before.  A shell boundary
//    2^e that is a root is found exactly (Q_e(0) = 0) and divided out.  With
//    exact shells the two Taylor shifts on numbers of L + e n bits cost as
//    much as the left chain they replace (planted radicals, degree 680-1350:
//    from 1.0x to 1.3x the time of the Budan cut alone, noisy), so they are
//    off until the shifts are done on truncated coefficients.
constexpr slong kShellMinBound = 5;
constexpr slong kShellMinDegree = 512;
constexpr slong kShellLevels = 0;

bool use_shells(const fmpz_poly_struct* g, slong bound, const IsolationStats* stats) {
  if (stats && !stats->shells) return false;
  const slong min_degree = stats ? stats->shell_min_degree : kShellMinDegree;
  const slong min_bound = stats ? stats->shell_min_bound : kShellMinBound;
  return fmpz_poly_degree(g) >= min_degree && bound >= min_bound;
}

// t = sign 2^e (1 + c/2^k) = sign (2^k + c) 2^(e - k).
Rational shell_point(const fmpz_t c, slong k, slong e, int sign) {
  Z num;
  fmpz_one(num.v);
  fmpz_mul_2exp(num.v, num.v, static_cast<ulong>(k));
  fmpz_add(num.v, num.v, c);
  return to_t(num.v, k, e, sign);
}

// Positive roots of g (g(0) != 0) in [2^e_lo, 2^e_hi] shell by shell; the
// count, and intervals if out != nullptr.
long positive_roots_shells(const fmpz_poly_struct* g, slong e_lo, slong e_hi, int sign,
                           std::vector<IsolatingInterval>* out, IsolationStats* stats) {
  const slong n = fmpz_poly_degree(g);
  long count = 0;
  for (slong e = e_lo; e < e_hi; ++e) {
    // Q_e(x) = 2^(...) g(2^e (1 + x)) with integer coefficients.
    Zpoly q(g);
    for (slong i = 0; i <= n; ++i) {
      const slong shift = e >= 0 ? e * i : -e * (n - i);
      fmpz_mul_2exp(q.c() + i, q.c() + i, static_cast<ulong>(shift));
    }
    taylor_shift_one(q.c(), n + 1);
    remove_power_of_two(q.p);
    if (stats) ++stats->shell_charts;
    Z one(1);
    if (fmpz_is_zero(q.c())) {  // g(2^e) = 0
      ++count;
      if (out) {
        const Rational t = to_t(one.v, 0, e, sign);
        out->push_back(IsolatingInterval{t, t});
      }
      fmpz_poly_shift_right(q.p, q.p, 1);
    }
    if (q.degree() >= 1 && vanishes_at_one(q)) {  // g(2^(e+1)) = 0: the next shell records it
      if (e + 1 == e_hi) {
        ++count;
        if (out) {
          const Rational t = to_t(one.v, 0, e + 1, sign);
          out->push_back(IsolatingInterval{t, t});
        }
      }
      divide_by_x_minus_one(q);
    }
    if (q.degree() < 1) continue;
    Chart chart(std::move(q), out == nullptr, stats);
    chart.run();
    count += chart.count();
    if (!out) continue;
    const slong m = chart.narrowed();  // the chart is (0, 2^-m) of the shell
    for (ChartRoot& r : chart.roots()) {
      Rational lo = shell_point(r.c.v, r.k + m, e, sign);
      if (r.exact) {
        out->push_back(IsolatingInterval{lo, lo});
        continue;
      }
      fmpz_add_ui(r.c.v, r.c.v, 1);
      Rational hi = shell_point(r.c.v, r.k + m, e, sign);
      if (sign < 0) std::swap(lo, hi);
      out->push_back(IsolatingInterval{std::move(lo), std::move(hi)});
    }
  }
  return count;
}

// True if g has no root in [2^e, inf), proved by Descartes' rule on
// Q(x) = g(2^e (1 + x)) (Budan's test): every coefficient of Q has one sign.
// Q is computed from h(y) = g(2^e y) truncated to n + kBudanBits bits below
// its largest coefficient: with h_i = 2^s (H_i + d_i), 0 <= d_i < 1, H_i
// integers, Q_j = 2^s (sum_i C(i, j) H_i + D_j) with 0 <= D_j < C(n+1, j+1)
// < 2^(n+1), so |sum_i C(i, j) H_i| >= 2^(n+1) fixes the sign of Q_j.  One
// asymptotically fast Taylor shift of numbers of about n + kBudanBits bits,
// instead of the L + e n bits of the exact h.
constexpr slong kBudanBits = 128;

bool no_root_beyond(const fmpz_poly_struct* g, slong e) {
  const slong n = fmpz_poly_degree(g);
  auto shift_of = [&](slong i) { return e >= 0 ? e * i : -e * (n - i); };
  slong top = 0;
  for (slong i = 0; i <= n; ++i)
    if (!fmpz_is_zero(g->coeffs + i)) top = std::max(top, static_cast<slong>(fmpz_bits(g->coeffs + i)) + shift_of(i));
  const slong s = std::max<slong>(0, top - (n + 2 + kBudanBits));
  Zpoly h;
  fmpz_poly_fit_length(h.p, n + 1);
  for (slong i = 0; i <= n; ++i) {
    const slong t = shift_of(i) - s;
    if (t >= 0) fmpz_mul_2exp(h.c() + i, g->coeffs + i, static_cast<ulong>(t));
    else fmpz_fdiv_q_2exp(h.c() + i, g->coeffs + i, static_cast<ulong>(-t));
  }
  _fmpz_poly_set_length(h.p, n + 1);
  taylor_shift_one(h.c(), n + 1);
  const int sg = fmpz_sgn(h.c());
  for (slong j = 0; j <= n; ++j) {
    if (fmpz_sgn(h.c() + j) != sg) return false;
    if (s > 0 && static_cast<slong>(fmpz_bits(h.c() + j)) < n + 3) return false;  // |.| >= 2^(n+2) certainly
  }
  return sg != 0;
}

// Positive roots of g (g(0) != 0): the count, and intervals if out != nullptr.
long positive_roots(const fmpz_poly_struct* g, int sign, std::vector<IsolatingInterval>* out, IsolationStats* stats) {
  Zpoly q;
  slong bound = 0;
  if (!positive_chart(g, q, bound)) return 0;
  bool cut = false;
  if (use_shells(g, bound, stats)) {
    // Coefficient bounds are far above the largest root when the
    // coefficients cancel (planted radicals: 2^14 for roots below 2^9).
    slong e = bound - 1;
    while (e >= 1 && no_root_beyond(g, e)) --e;
    if (e + 1 < bound) {
      if (stats) stats->bound_cuts += bound - (e + 1);
      bound = e + 1;
      cut = true;
      scaled_chart(g, bound, q);
    }
    const slong levels = stats ? stats->shell_levels : kShellLevels;
    if (levels > 0 && bound - levels >= 1) {
      // (0, 2^e1) as one chart, [2^e1, 2^bound) shell by shell.
      const slong e1 = bound - levels;
      scaled_chart(g, e1, q);
      if (vanishes_at_one(q)) divide_by_x_minus_one(q);  // g(2^e1) = 0: the first shell records it
      long count = positive_roots_shells(g, e1, bound, sign, out, stats);
      if (q.degree() < 1) return count;
      Chart chart(std::move(q), out == nullptr, stats);
      chart.run();
      map_chart_roots(chart, e1 - chart.narrowed(), sign, out);
      return count + chart.count();
    }
  }
  // A bound cut down to kSplitMaxBound keeps one chart: cutting at 1 instead
  // made random degree-1024 inputs slower (0.17 s -> 0.22 s).
  if (bound > 0 && bound <= kSplitMaxBound && !cut &&
      fmpz_poly_degree(g) >= (stats ? static_cast<slong>(stats->split_min_degree) : kSplitMinDegree) &&
      (!stats || stats->split_at_one)) {
    // t = 1 itself: a root there is divided out first.
    Z v;
    _fmpz_vec_sum(v.v, g->coeffs, g->length);
    if (!fmpz_is_zero(v.v)) return positive_roots_split(g, bound, sign, out, stats);
    Zpoly h, lin, rem;
    fmpz_poly_set_coeff_si(lin.p, 1, 1);
    fmpz_poly_set_coeff_si(lin.p, 0, -1);
    fmpz_poly_divrem(h.p, rem.p, g, lin.p);
    if (out) {
      const Rational t(sign);
      out->push_back(IsolatingInterval{t, t});
    }
    return 1 + (h.degree() >= 1 ? positive_roots(h.p, sign, out, stats) : 0);
  }
  Chart chart(std::move(q), out == nullptr, stats);
  chart.run();
  map_chart_roots(chart, bound - chart.narrowed(), sign, out);
  return chart.count();
}

// g(-t).
void negate_variable(fmpz_poly_t g) {
  for (slong i = 1; i < g->length; i += 2) fmpz_neg(g->coeffs + i, g->coeffs + i);
}

bool is_even(const fmpz_poly_struct* g) {
  for (slong i = 1; i < g->length; i += 2)
    if (!fmpz_is_zero(g->coeffs + i)) return false;
  return true;
}

// Strips the root t = 0 (at most simple for a square-free input).
bool strip_zero_root(Zpoly& g) {
  if (!fmpz_is_zero(g.c())) return false;
  slong z = 0;
  while (fmpz_is_zero(g.c() + z)) ++z;
  fmpz_poly_shift_right(g.p, g.p, z);
  return true;
}

int sign_at(const fmpz_poly_struct* f, const Rational& x) {
  fmpq_t v;
  fmpq_init(v);
  fmpz_poly_evaluate_fmpq(v, f, x.raw());
  const int s = fmpq_sgn(v);
  fmpq_clear(v);
  return s;
}

// Roots found exactly (t = 0, and roots on subdivision points, which are then
// divided out of the chart polynomial) may be end points of the intervals
// isolating the other roots, and -- when a fixed-point subtree restarted after
// dividing one out -- even lie inside them: each interval isolates one root r
// of f divided by the exact roots found.  Between consecutive exact roots u < v
// inside [lo, hi] (or its ends), r lies in (u, v) iff the signs of f just
// right of u and just left of v differ (f(u), or f'(u) if f(u) = 0: all roots
// are simple); that piece is then shrunk by exact bisection until neither end
// is a root of f.
void separate_from_exact_roots(const fmpz_poly_struct* f, std::vector<IsolatingInterval>& out) {
  std::vector<Rational> exact;
  for (const IsolatingInterval& r : out)
    if (r.lo == r.hi) exact.push_back(r.lo);
  if (exact.empty()) return;
  std::sort(exact.begin(), exact.end());
  Zpoly df;
  fmpz_poly_derivative(df.p, f);
  auto right_of = [&](const Rational& u) {
    const int s = sign_at(f, u);
    return s != 0 ? s : sign_at(df.p, u);
  };
  auto left_of = [&](const Rational& v) {
    const int s = sign_at(f, v);
    return s != 0 ? s : -sign_at(df.p, v);
  };
  const Rational half(1, 2);
  for (IsolatingInterval& r : out) {
    if (r.lo == r.hi) continue;
    auto first = std::lower_bound(exact.begin(), exact.end(), r.lo);
    auto last = std::upper_bound(exact.begin(), exact.end(), r.hi);
    if (first == last) continue;
    std::vector<Rational> points{r.lo};
    for (auto it = first; it != last; ++it)
      if (r.lo < *it && *it < r.hi) points.push_back(*it);
    points.push_back(r.hi);
    int sigma = 0;
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
      const int su = right_of(points[i]);
      if (su != left_of(points[i + 1])) {
        r.lo = points[i];
        r.hi = points[i + 1];
        sigma = su;
        break;
      }
    }
    int sl = sign_at(f, r.lo), sr = sign_at(f, r.hi);
    while (sl == 0 || sr == 0) {
      Rational m = (r.lo + r.hi) * half;
      const int sm = sign_at(f, m);
      if (sm == 0) {
        r.lo = m;
        r.hi = std::move(m);
        break;
      }
      if (sm == sigma) {
        r.lo = std::move(m);
        sl = sm;
      } else {
        r.hi = std::move(m);
        sr = sm;
      }
    }
  }
}

// From this degree on, rational roots are found by a modular search and
// divided out before the subdivision (detail/rational_roots.hpp): a root
// search modulo a prime costs O(M(n) log n log p) word operations, far below
// one subdivision node at this degree, and every rational root removed saves
// the nodes that would separate it (prod (t - i): all of them).
constexpr slong kRationalRootsMinDegree = 64;

std::vector<IsolatingInterval> isolate_by_subdivision(const fmpz_poly_struct* f, IsolationStats* stats);
int count_by_subdivision(const fmpz_poly_struct* f, IsolationStats* stats, bool try_sturm);

// The rational roots of f (degree >= kRationalRootsMinDegree) and its
// cofactor, or false if none was found.
bool rational_split(const fmpz_poly_struct* f, std::vector<Rational>& roots, Zpoly& cofactor, IsolationStats* stats) {
  if (fmpz_poly_degree(f) < kRationalRootsMinDegree || (stats && !stats->rational_roots)) return false;
  if (!split_rational_roots(f, roots, cofactor.p)) return false;
  if (stats) stats->rational_found += static_cast<long>(roots.size());
  return true;
}

}  // namespace

std::vector<IsolatingInterval> isolate_real_roots(const fmpz_poly_struct* f, IsolationStats* stats) {
  std::vector<Rational> rational;
  Zpoly cofactor;
  if (!rational_split(f, rational, cofactor, stats)) return isolate_by_subdivision(f, stats);
  std::vector<IsolatingInterval> out;
  if (cofactor.degree() >= 1) out = isolate_by_subdivision(cofactor.p, stats);
  for (Rational& r : rational) out.push_back(IsolatingInterval{r, r});
  // The cofactor's intervals may hold rational roots of f (not of the cofactor).
  separate_from_exact_roots(f, out);
  std::sort(out.begin(), out.end(), [](const IsolatingInterval& a, const IsolatingInterval& b) { return a.lo < b.lo; });
  return out;
}

int count_real_roots_squarefree(const fmpz_poly_struct* f, IsolationStats* stats) {
  // The Sturm shortcut first (O(n) to test; Mignotte-like inputs), then the
  // rational roots, then the subdivision on what is left.
  if ((!stats || stats->sturm_shortcut) && sturm_is_cheap(f)) {
    if (stats) ++stats->sturm_shortcuts;
    return static_cast<int>(count_real_roots_sturm_cheap(f));
  }
  std::vector<Rational> rational;
  Zpoly cofactor;
  if (!rational_split(f, rational, cofactor, stats)) return count_by_subdivision(f, stats, false);
  const int rest = cofactor.degree() >= 1 ? count_by_subdivision(cofactor.p, stats, true) : 0;
  return static_cast<int>(rational.size()) + rest;
}

namespace {

std::vector<IsolatingInterval> isolate_by_subdivision(const fmpz_poly_struct* f, IsolationStats* stats) {
  std::vector<IsolatingInterval> out;
  Zpoly g(f);
  if (g.degree() < 1) return out;
  if (strip_zero_root(g)) out.push_back(IsolatingInterval{Rational(0), Rational(0)});
  if (g.degree() >= 1) {
    const bool even = is_even(g.p);
    positive_roots(g.p, 1, &out, stats);
    if (even) {
      // g(-t) = g(t): the negative roots mirror the positive ones.
      const std::size_t m = out.size();
      for (std::size_t i = 0; i < m; ++i)
        if (out[i].hi.sign() > 0) out.push_back(IsolatingInterval{-out[i].hi, -out[i].lo});
    } else {
      negate_variable(g.p);
      positive_roots(g.p, -1, &out, stats);
    }
  }
  separate_from_exact_roots(f, out);
  std::sort(out.begin(), out.end(), [](const IsolatingInterval& a, const IsolatingInterval& b) { return a.lo < b.lo; });
  return out;
}


int count_by_subdivision(const fmpz_poly_struct* f, IsolationStats* stats, bool try_sturm) {
  if (try_sturm && (!stats || stats->sturm_shortcut) && sturm_is_cheap(f)) {
    if (stats) ++stats->sturm_shortcuts;
    return static_cast<int>(count_real_roots_sturm_cheap(f));
  }
  Zpoly g(f);
  if (g.degree() < 1) return 0;
  long count = strip_zero_root(g) ? 1 : 0;
  if (g.degree() < 1) return static_cast<int>(count);
  // g(t) = G(t^h) with h the gcd of the exponents present (g(0) != 0).
  ulong h = 0;
  for (slong i = 1; i < g.p->length; ++i)
    if (!fmpz_is_zero(g.c() + i)) h = std::gcd(h, static_cast<ulong>(i));
  if (h > 1) {
    const slong m = g.degree() / static_cast<slong>(h);
    Zpoly G;
    fmpz_poly_fit_length(G.p, m + 1);
    for (slong j = 0; j <= m; ++j) fmpz_set(G.c() + j, g.c() + j * static_cast<slong>(h));
    _fmpz_poly_set_length(G.p, m + 1);
    _fmpz_poly_normalise(G.p);
    g = std::move(G);
  }
  // Real roots t of g <-> real y = t^h of G: bijective for odd h; for even h
  // each positive y gives two roots and negative y none (G(0) != 0).
  const long pos = positive_roots(g.p, 1, nullptr, stats);
  if (h % 2 == 0) return static_cast<int>(count + 2 * pos);
  negate_variable(g.p);
  return static_cast<int>(count + pos + positive_roots(g.p, -1, nullptr, stats));
}

}  // namespace

}  // namespace lcngeom::detail
