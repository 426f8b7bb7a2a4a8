// Example 3.3 closed forms on machine integers: int64, int128 (below bounds
// that rule out overflow), then a certified double-precision filter, int128
// with overflow detection, and a 512-bit sign-magnitude type when that
// overflows (so no int64 form ever needs FLINT integers); the same invariants
// and decision table as lib/rrmp/rrmp_closed_form.cpp, the big-integer version.
#include "lcngeom/detail/rrmp_small.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace lcngeom::detail {

namespace {

__extension__ typedef __int128 i128;  // GCC/Clang extension, exact 128-bit
__extension__ typedef unsigned __int128 u128;

// A 128-bit integer whose overflow is sticky (like a NaN).
struct Checked {
  i128 v = 0;
  bool bad = false;
  Checked() = default;
  Checked(i128 x) : v(x) {}  // NOLINT: implicit, so that constants read naturally
  friend Checked operator+(Checked a, Checked b) {
    Checked r;
    r.bad = a.bad | b.bad | __builtin_add_overflow(a.v, b.v, &r.v);
    return r;
  }
  friend Checked operator-(Checked a, Checked b) {
    Checked r;
    r.bad = a.bad | b.bad | __builtin_sub_overflow(a.v, b.v, &r.v);
    return r;
  }
  friend Checked operator*(Checked a, Checked b) {
    Checked r;
    r.bad = a.bad | b.bad | __builtin_mul_overflow(a.v, b.v, &r.v);
    return r;
  }
};

// A signed integer below 2^512 in magnitude (sign and magnitude, words least
// significant first): the closed forms of every int64 form fit (|a_i| <= 2^73
// after the shift that moves a root off (1:0), so |Disc| < 2^460), and a
// product of its few significant words costs far less than FLINT integers.
struct Wide {
  using u64 = std::uint64_t;
  bool neg = false;
  int n = 0;  // significant words; m[n-1] != 0 unless n == 0
  u64 m[8] = {};

  Wide() = default;
  Wide(i128 x) {  // NOLINT: implicit, so that constants read naturally
    neg = x < 0;
    u128 v = neg ? -static_cast<u128>(x) : static_cast<u128>(x);
    while (v) {
      m[n++] = static_cast<u64>(v);
      v >>= 64;
    }
  }
  void trim() {
    while (n > 0 && m[n - 1] == 0) --n;
    if (n == 0) neg = false;
  }
  // |a| vs |b|.
  static int cmp_abs(const Wide& a, const Wide& b) {
    if (a.n != b.n) return a.n < b.n ? -1 : 1;
    for (int i = a.n - 1; i >= 0; --i)
      if (a.m[i] != b.m[i]) return a.m[i] < b.m[i] ? -1 : 1;
    return 0;
  }
  // |a| + |b| or |a| - |b| (|a| >= |b|) with the sign of a.
  static Wide add_abs(const Wide& a, const Wide& b, bool subtract) {
    Wide r;
    r.neg = a.neg;
    u128 carry = 0;
    std::int64_t borrow = 0;
    for (int i = 0; i < a.n; ++i) {
      const u64 y = i < b.n ? b.m[i] : 0;
      if (!subtract) {
        carry += static_cast<u128>(a.m[i]) + y;
        r.m[i] = static_cast<u64>(carry);
        carry >>= 64;
      } else {
        const u128 d = static_cast<u128>(a.m[i]) - y - static_cast<u128>(borrow);
        r.m[i] = static_cast<u64>(d);
        borrow = (d >> 64) ? 1 : 0;
      }
    }
    r.n = a.n;
    if (!subtract && carry) r.m[r.n++] = static_cast<u64>(carry);
    r.trim();
    return r;
  }
  friend Wide operator+(const Wide& a, const Wide& b) {
    if (a.neg == b.neg) return cmp_abs(a, b) >= 0 ? add_abs(a, b, false) : add_abs(b, a, false);
    return cmp_abs(a, b) >= 0 ? add_abs(a, b, true) : add_abs(b, a, true);
  }
  friend Wide operator-(const Wide& a, const Wide& b) {
    Wide c = b;
    c.neg = c.n > 0 && !c.neg;
    return a + c;
  }
  friend Wide operator*(const Wide& a, const Wide& b) {
    Wide r;
    if (a.n == 0 || b.n == 0) return r;
    r.n = std::min(a.n + b.n, 8);
    for (int i = 0; i < a.n; ++i) {
      u128 carry = 0;
      for (int j = 0; j < b.n && i + j < 8; ++j) {
        carry += static_cast<u128>(a.m[i]) * b.m[j] + r.m[i + j];
        r.m[i + j] = static_cast<u64>(carry);
        carry >>= 64;
      }
      if (i + b.n < 8) r.m[i + b.n] = static_cast<u64>(carry);
    }
    r.neg = a.neg != b.neg;
    r.trim();
    return r;
  }
};

// A floating-point filter: the value of a formula in double precision next to
// the same formula on absolute values (m).  With at most K = 32 roundings on
// any path (conversions included) the computed value is within gamma_K m of
// the exact one (Higham, Sec. 3.1), so |v| > 64 u m certifies the sign; an
// uncertain sign counts as an "overflow" and the caller goes on to exact
// arithmetic.  Generic forms are decided here whatever their size.
struct Filtered {
  double v = 0, m = 0;
  Filtered() = default;
  Filtered(i128 x) : v(static_cast<double>(x)), m(std::fabs(v)) {}  // NOLINT: implicit, for constants
  friend Filtered operator+(Filtered a, Filtered b) { return {a.v + b.v, a.m + b.m}; }
  friend Filtered operator-(Filtered a, Filtered b) { return {a.v - b.v, a.m + b.m}; }
  friend Filtered operator*(Filtered a, Filtered b) { return {a.v * b.v, a.m * b.m}; }

 private:
  Filtered(double value, double magnitude) : v(value), m(magnitude) {}
};

int sgn(i128 x) { return (x > 0) - (x < 0); }
int sgn(std::int64_t x) { return (x > 0) - (x < 0); }
int sgn(const Checked& x) { return sgn(x.v); }
int sgn(const Wide& x) { return x.n == 0 ? 0 : x.neg ? -1 : 1; }
int sgn(const Filtered& x) { return (x.v > 0) - (x.v < 0); }
bool bad(i128) { return false; }
bool bad(std::int64_t) { return false; }
bool bad(const Checked& x) { return x.bad; }
bool bad(const Wide&) { return false; }
bool bad(const Filtered& x) { return !(std::fabs(x.v) > 0x1p-47 * x.m); }  // 64 u = 2^-47

// Outcomes, indices into patterns().
enum Pattern : int {
  kOverflow = -2,
  kUndecided = -1,
  k0,
  k1,  // degrees 0, 1
  k11_0,
  k2_0,
  k0_1,  // quadratic
  k111_0,
  k12_0,
  k3_0,
  k1_1,  // cubic
  k1111_0,
  k112_0,
  k22_0,
  k13_0,
  k4_0,
  k11_1,
  k2_1,
  k0_2,
  k0_11,  // quartic
  kCount
};

const Rrmp& pattern(int k) {
  static const Rrmp table[kCount] = {Rrmp(),           Rrmp({1}, {}),          Rrmp({1, 1}, {}),    Rrmp({2}, {}),
                                     Rrmp({}, {1}),    Rrmp({1, 1, 1}, {}),    Rrmp({1, 2}, {}),    Rrmp({3}, {}),
                                     Rrmp({1}, {1}),   Rrmp({1, 1, 1, 1}, {}), Rrmp({1, 1, 2}, {}), Rrmp({2, 2}, {}),
                                     Rrmp({1, 3}, {}), Rrmp({4}, {}),          Rrmp({1, 1}, {1}),   Rrmp({2}, {1}),
                                     Rrmp({}, {2}),    Rrmp({}, {1, 1})};
  return table[k];
}

template <class T>
int quadratic(T a, T b, T c) {
  const T disc = b * b - T(4) * a * c;
  if (bad(disc)) return kOverflow;
  const int s = sgn(disc);
  return s > 0 ? k11_0 : s == 0 ? k2_0 : k0_1;
}

template <class T>
int cubic(T a, T b, T c, T d) {
  // Disc = b^2c^2 - 4ac^3 - 4b^3d - 27a^2d^2 + 18abcd; triple root iff
  // delta_1 = 3ac - b^2, delta_2 = 9ad - bc, delta_3 = 3bd - c^2 all vanish.
  const T disc =
      b * b * c * c - T(4) * a * c * c * c - T(4) * b * b * b * d - T(27) * a * a * d * d + T(18) * a * b * c * d;
  if (bad(disc)) return kOverflow;
  if (sgn(disc) > 0) return k111_0;
  if (sgn(disc) < 0) return k1_1;
  const T d1 = T(3) * a * c - b * b, d2 = T(9) * a * d - b * c, d3 = T(3) * b * d - c * c;
  if (bad(d1) || bad(d2) || bad(d3)) return kOverflow;
  return sgn(d1) == 0 && sgn(d2) == 0 && sgn(d3) == 0 ? k3_0 : k12_0;
}

// The decision table of Example 3.3 for quartics, on (sign Disc, sign delta',
// sign p, q == 0), precomputed as a 54-entry table.
constexpr int quartic_decision(int delta, int delta1, int p, bool q_zero) {
  if (delta > 0) return (delta1 > 0 && p < 0) ? k1111_0 : k0_11;
  if (delta < 0) return k11_1;
  if (delta1 > 0 && p < 0) return k112_0;
  if (delta1 < 0) return k2_1;
  if (delta1 == 0) {
    if (p < 0) return q_zero ? k22_0 : k13_0;
    if (p == 0) return k4_0;
    return k0_2;
  }
  return kUndecided;  // not in the table (impossible for real quartics)
}
constexpr std::array<int, 54> make_quartic_table() {
  std::array<int, 54> t{};
  for (int s = -1; s <= 1; ++s)
    for (int s1 = -1; s1 <= 1; ++s1)
      for (int sp = -1; sp <= 1; ++sp)
        for (int q = 0; q <= 1; ++q) t[(s + 1) * 18 + (s1 + 1) * 6 + (sp + 1) * 2 + q] = quartic_decision(s, s1, sp, q);
  return t;
}
constexpr std::array<int, 54> kQuarticTable = make_quartic_table();

// a != 0.  Depressed quartic x^4 + p x^2 + q x + r after x -> x - b/(4a):
// p = P/(8a^2), q = Q/(8a^3), r = R/(256a^4); delta = Disc/a^6,
// delta' = (P R - 36 Q^2 - P^3)/(256 a^6): the signs of Disc, P R - 36Q^2 - P^3,
// P and the vanishing of Q decide (Example 3.3).  Disc is evaluated through
// the invariants I = 12ae - 3bd + c^2, J = 72ace + 9bcd - 27ad^2 - 27b^2e - 2c^3
// of the binary quartic: 27 Disc = 4 I^3 - J^2 (tested against the expanded
// discriminant), 14 products instead of 80.
template <class T>
int quartic(T a, T b, T c, T d, T e) {
  const T I = T(12) * a * e - T(3) * b * d + c * c;
  const T J = T(72) * a * c * e + T(9) * b * c * d - T(27) * a * d * d - T(27) * b * b * e - T(2) * c * c * c;
  const T disc27 = T(4) * I * I * I - J * J;
  const T P = T(8) * a * c - T(3) * b * b;
  const T Q = b * b * b - T(4) * a * b * c + T(8) * a * a * d;
  const T R = T(-3) * b * b * b * b + T(256) * a * a * a * e - T(64) * a * a * b * d + T(16) * a * b * b * c;
  const T D1 = P * R - T(36) * Q * Q - P * P * P;
  if (bad(disc27) || bad(D1) || bad(P) || bad(Q)) return kOverflow;
  // Branch-free on the signs (they are data-dependent and mispredict).
  return kQuarticTable[(sgn(disc27) + 1) * 18 + (sgn(D1) + 1) * 6 + (sgn(P) + 1) * 2 + (sgn(Q) == 0)];
}

u128 magnitude(i128 x) { return x < 0 ? -static_cast<u128>(x) : static_cast<u128>(x); }

bool below(std::initializer_list<i128> xs, int bits) {
  for (i128 x : xs)
    if (magnitude(x) >> bits) return false;
  return true;
}

// Three tiers per degree: int64 and int128 without checks below magnitude
// bounds that provably keep every intermediate in range (quadratic 2^30 /
// 2^62, cubic 2^14 / 2^30, quartic 2^7 / 2^18; e.g. for the quartic with
// |a_i| < 2^7: |I| < 2^18, |J| < 2^29, |P R|, 36 Q^2, |P|^3 < 2^57), checked
// int128 above them.
int classify(std::span<const long> a) {
  using i64 = std::int64_t;
  switch (a.size()) {
    case 1: return k0;
    case 2: return k1;
    case 3: {
      const i128 x = a[0], y = a[1], z = a[2];
      if (below({x, y, z}, 30)) return quadratic<i64>(a[0], a[1], a[2]);
      if (below({x, y, z}, 62)) return quadratic<i128>(x, y, z);
      if (const int f = quadratic<Filtered>(x, y, z); f != kOverflow) return f;
      const int k = quadratic<Checked>(x, y, z);
      return k != kOverflow ? k : quadratic<Wide>(x, y, z);
    }
    case 4: {
      const i128 x = a[0], y = a[1], z = a[2], w = a[3];
      if (below({x, y, z, w}, 14)) return cubic<i64>(a[0], a[1], a[2], a[3]);
      if (below({x, y, z, w}, 30)) return cubic<i128>(x, y, z, w);
      if (const int f = cubic<Filtered>(x, y, z, w); f != kOverflow) return f;
      const int k = cubic<Checked>(x, y, z, w);
      return k != kOverflow ? k : cubic<Wide>(x, y, z, w);
    }
    default: {
      i128 A = a[0], B = a[1], C = a[2], D = a[3], E = a[4];
      if (A == 0) {
        // Move the root (1:0) away by (x, y) -> (x, y + s x); the new a is
        // p(1, s) = s (B + C s + D s^2 + E s^3), nonzero for some s <= 4.
        // |a_i| <= 2^63 keeps every value below 2^73.
        for (i128 s = 1;; ++s) {
          if (s > 4) return kUndecided;  // unreachable for a nonzero form
          const i128 a2 = B * s + C * s * s + D * s * s * s + E * s * s * s * s;
          if (a2 == 0) continue;
          const i128 b2 = B + 2 * C * s + 3 * D * s * s + 4 * E * s * s * s;
          const i128 c2 = C + 3 * D * s + 6 * E * s * s;
          const i128 d2 = D + 4 * E * s;
          A = a2, B = b2, C = c2, D = d2;
          break;
        }
      }
      if (below({A, B, C, D, E}, 7))
        return quartic<i64>(static_cast<i64>(A), static_cast<i64>(B), static_cast<i64>(C), static_cast<i64>(D),
                            static_cast<i64>(E));
      if (below({A, B, C, D, E}, 18)) return quartic<i128>(A, B, C, D, E);
      if (const int f = quartic<Filtered>(A, B, C, D, E); f != kOverflow) return f;
      const int k = quartic<Checked>(A, B, C, D, E);
      return k != kOverflow ? k : quartic<Wide>(A, B, C, D, E);
    }
  }
}

}  // namespace

std::optional<Rrmp> rrmp_closed_form_small(std::span<const long> a) {
  const int k = classify(a);
  if (k < 0) return std::nullopt;
  return pattern(k);
}

}  // namespace lcngeom::detail
