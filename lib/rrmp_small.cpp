// Example 3.3 closed forms on int128 with overflow detection: the same
// invariants and the same decision table as lib/rrmp_closed_form.cpp, which
// is the big-integer fallback.
#include "lcngeom/detail/rrmp_small.hpp"

#include <cstdint>

namespace lcngeom::detail {

namespace {

__extension__ typedef __int128 i128;           // GCC/Clang extension, exact 128-bit
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

int sgn(i128 x) { return (x > 0) - (x < 0); }
int sgn(const Checked& x) { return sgn(x.v); }
bool bad(i128) { return false; }
bool bad(const Checked& x) { return x.bad; }

// Outcomes, indices into patterns().
enum Pattern : int {
  kOverflow = -2,
  kUndecided = -1,
  k0, k1,                                      // degrees 0, 1
  k11_0, k2_0, k0_1,                           // quadratic
  k111_0, k12_0, k3_0, k1_1,                   // cubic
  k1111_0, k112_0, k22_0, k13_0, k4_0, k11_1, k2_1, k0_2, k0_11,  // quartic
  kCount
};

const Rrmp& pattern(int k) {
  static const Rrmp table[kCount] = {
      Rrmp(),          Rrmp({1}, {}),
      Rrmp({1, 1}, {}), Rrmp({2}, {}), Rrmp({}, {1}),
      Rrmp({1, 1, 1}, {}), Rrmp({1, 2}, {}), Rrmp({3}, {}), Rrmp({1}, {1}),
      Rrmp({1, 1, 1, 1}, {}), Rrmp({1, 1, 2}, {}), Rrmp({2, 2}, {}), Rrmp({1, 3}, {}), Rrmp({4}, {}),
      Rrmp({1, 1}, {1}), Rrmp({2}, {1}), Rrmp({}, {2}), Rrmp({}, {1, 1})};
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
  const T disc = b * b * c * c - T(4) * a * c * c * c - T(4) * b * b * b * d - T(27) * a * a * d * d +
                 T(18) * a * b * c * d;
  if (bad(disc)) return kOverflow;
  if (sgn(disc) > 0) return k111_0;
  if (sgn(disc) < 0) return k1_1;
  const T d1 = T(3) * a * c - b * b, d2 = T(9) * a * d - b * c, d3 = T(3) * b * d - c * c;
  if (bad(d1) || bad(d2) || bad(d3)) return kOverflow;
  return sgn(d1) == 0 && sgn(d2) == 0 && sgn(d3) == 0 ? k3_0 : k12_0;
}

// a != 0.  Depressed quartic x^4 + p x^2 + q x + r after x -> x - b/(4a):
// p = P/(8a^2), q = Q/(8a^3), r = R/(256a^4); delta = Disc/a^6,
// delta' = (P R - 36 Q^2 - P^3)/(256 a^6): the signs of Disc, P R - 36Q^2 - P^3,
// P and the vanishing of Q decide (Example 3.3).
template <class T>
int quartic(T a, T b, T c, T d, T e) {
  const T disc = T(256) * a * a * a * e * e * e - T(192) * a * a * b * d * e * e - T(128) * a * a * c * c * e * e +
                 T(144) * a * a * c * d * d * e - T(27) * a * a * d * d * d * d + T(144) * a * b * b * c * e * e -
                 T(6) * a * b * b * d * d * e - T(80) * a * b * c * c * d * e + T(18) * a * b * c * d * d * d +
                 T(16) * a * c * c * c * c * e - T(4) * a * c * c * c * d * d - T(27) * b * b * b * b * e * e +
                 T(18) * b * b * b * c * d * e - T(4) * b * b * b * d * d * d - T(4) * b * b * c * c * c * e +
                 b * b * c * c * d * d;
  const T P = T(8) * a * c - T(3) * b * b;
  const T Q = b * b * b - T(4) * a * b * c + T(8) * a * a * d;
  const T R = T(-3) * b * b * b * b + T(256) * a * a * a * e - T(64) * a * a * b * d + T(16) * a * b * b * c;
  const T D1 = P * R - T(36) * Q * Q - P * P * P;
  if (bad(disc) || bad(D1) || bad(P) || bad(Q)) return kOverflow;
  const int delta = sgn(disc), delta1 = sgn(D1), p = sgn(P);
  if (delta > 0) return (delta1 > 0 && p < 0) ? k1111_0 : k0_11;
  if (delta < 0) return k11_1;
  if (delta1 > 0 && p < 0) return k112_0;
  if (delta1 < 0) return k2_1;
  if (delta1 == 0) {
    if (p < 0) return sgn(Q) == 0 ? k22_0 : k13_0;
    if (p == 0) return k4_0;
    return k0_2;
  }
  return kUndecided;
}

u128 magnitude(i128 x) { return x < 0 ? -static_cast<u128>(x) : static_cast<u128>(x); }

bool below(std::initializer_list<i128> xs, int bits) {
  for (i128 x : xs)
    if (magnitude(x) >> bits) return false;
  return true;
}

int classify(std::span<const long> a) {
  switch (a.size()) {
    case 1: return k0;
    case 2: return k1;
    case 3: {
      const i128 x = a[0], y = a[1], z = a[2];
      return below({x, y, z}, 62) ? quadratic<i128>(x, y, z) : quadratic<Checked>(x, y, z);
    }
    case 4: {
      const i128 x = a[0], y = a[1], z = a[2], w = a[3];
      return below({x, y, z, w}, 30) ? cubic<i128>(x, y, z, w) : cubic<Checked>(x, y, z, w);
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
      return below({A, B, C, D, E}, 18) ? quartic<i128>(A, B, C, D, E) : quartic<Checked>(A, B, C, D, E);
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
