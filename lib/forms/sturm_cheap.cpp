// Sturm counts for fewnomial-like inputs (Mignotte's t^n - 2(a t - 1)^2):
// polynomials whose first Sturm remainder has a degree k far below n - 2.
//
// For such f the subdivision must separate a root cluster (depth about
// n log a / 2 bits), while the Sturm sequence f, f', S_2, S_3, ... lives in
// degree <= k from S_2 on.  FLINT's fmpz_poly_num_real_roots computes S_3 =
// -prem(f', S_2) by n - k pseudo-division steps that each rescale the whole
// dividend: O(n^2) operations on integers that grow to n log|lc S_2| bits.
// Here S_3 is f' mod S_2 over Q by divide and conquer,
//   (A + t^m B) mod S_2 = A mod S_2 + (t^m mod S_2)(B mod S_2) mod S_2,
// with t^(2^j) mod S_2 by repeated squaring: O(k^2 log n) products of numbers
// of at most n log|lc S_2| bits, and zero blocks of a sparse f' cost nothing.
#include "lcngeom/detail/isolate.hpp"

#include <cstdint>
#include <deque>
#include <vector>

#include <flint/fmpq_poly.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>

namespace lcngeom::detail {

namespace {

// The shortcut's thresholds (see sturm_is_cheap).
constexpr slong kSturmShortcutDegree = 8;
constexpr slong kSturmShortcutMinDegree = 32;
constexpr slong kSturmCheapMinDegree = 96;

constexpr std::uint64_t kP61 = (std::uint64_t(1) << 61) - 1;

std::uint64_t mul61(std::uint64_t a, std::uint64_t b) {
  __extension__ typedef unsigned __int128 u128;
  const u128 x = static_cast<u128>(a) * b;  // 2^61 = 1 mod p
  const std::uint64_t r = (static_cast<std::uint64_t>(x) & kP61) + static_cast<std::uint64_t>(x >> 61);
  return r >= kP61 ? r - kP61 : r;
}

std::uint64_t mod61(std::int64_t v) {
  const std::int64_t m = v % static_cast<std::int64_t>(kP61);
  return static_cast<std::uint64_t>(m < 0 ? m + static_cast<std::int64_t>(kP61) : m);
}

// r_i = n (n - i) a_n a_i - (i + 1) a_{n-1} a_{i+1} (see sturm_is_cheap) is
// zero modulo 2^61 - 1 for every k < i <= n - 2; `coeff(i)` gives a_i mod p.
template <class Coeff>
bool residues_vanish(slong n, Coeff coeff) {
  const std::uint64_t an = coeff(n), an1 = coeff(n - 1);
  std::uint64_t next = an1;  // a_{i+1} mod p
  for (slong i = n - 2; i > kSturmShortcutDegree; --i) {
    const std::uint64_t ai = coeff(i);
    const std::uint64_t scale = static_cast<std::uint64_t>(n) * static_cast<std::uint64_t>(n - i) % kP61;
    if (mul61(mul61(scale, an), ai) != mul61(mul61(static_cast<std::uint64_t>(i + 1), an1), next)) return false;
    next = ai;
  }
  return true;
}

struct Qpoly {
  fmpq_poly_t p;
  Qpoly() { fmpq_poly_init(p); }
  Qpoly(const Qpoly&) = delete;
  Qpoly& operator=(const Qpoly&) = delete;
  ~Qpoly() { fmpq_poly_clear(p); }
  int lead_sign() const { return p->length == 0 ? 0 : fmpz_sgn(p->coeffs + p->length - 1); }
};

// out = (sum_{lo <= j < hi} d_j t^(j - lo)) mod s, with pow[e] = t^(2^e) mod s
// (hi - lo a power of two times the leaf size, or the tail).
void rem_block(fmpq_poly_t out, const fmpz_poly_struct* d, slong lo, slong hi, const fmpq_poly_struct* s,
               std::deque<Qpoly>& pow, slong leaf) {
  bool zero = true;
  for (slong j = lo; j < hi && zero; ++j) zero = fmpz_is_zero(d->coeffs + j);
  if (zero) {
    fmpq_poly_zero(out);
    return;
  }
  if (hi - lo <= leaf) {
    Qpoly chunk;
    fmpq_poly_fit_length(chunk.p, hi - lo);
    for (slong j = lo; j < hi; ++j) fmpz_set(chunk.p->coeffs + (j - lo), d->coeffs + j);
    _fmpq_poly_set_length(chunk.p, hi - lo);
    _fmpq_poly_normalise(chunk.p);
    fmpq_poly_rem(out, chunk.p, s);
    return;
  }
  // The largest leaf * 2^e below hi - lo: the low block, t^(leaf 2^e) times the rest.
  slong half = leaf, e = 0;
  while (2 * half < hi - lo) {
    half *= 2;
    ++e;
  }
  // pow[e'] holds t^(2^e') mod s; t^half = t^(leaf 2^e) = (t^leaf)^(2^e).
  while (static_cast<slong>(pow.size()) <= e) {
    pow.emplace_back();
    Qpoly& last = pow.back();
    fmpq_poly_mul(last.p, pow[pow.size() - 2].p, pow[pow.size() - 2].p);
    fmpq_poly_rem(last.p, last.p, s);
  }
  Qpoly low, high;
  rem_block(low.p, d, lo, lo + half, s, pow, leaf);
  rem_block(high.p, d, lo + half, hi, s, pow, leaf);
  if (!fmpq_poly_is_zero(high.p)) {
    fmpq_poly_mul(high.p, high.p, pow[static_cast<std::size_t>(e)].p);
    fmpq_poly_rem(high.p, high.p, s);
  }
  fmpq_poly_add(out, low.p, high.p);
}

}  // namespace

bool sturm_is_cheap(const fmpz_poly_struct* f) {
  const slong n = fmpz_poly_degree(f);
  if (n < kSturmShortcutMinDegree) return false;
  const fmpz* a = f->coeffs;
  if (!residues_vanish(n, [a](slong i) { return fmpz_fdiv_ui(a + i, kP61); })) return false;
  fmpz_t l, r;
  fmpz_init(l);
  fmpz_init(r);
  bool cheap = true;
  for (slong i = n - 2; i > kSturmShortcutDegree && cheap; --i) {
    fmpz_mul(l, a + n, a + i);
    fmpz_mul_ui(l, l, static_cast<ulong>(n) * static_cast<ulong>(n - i));
    fmpz_mul(r, a + n - 1, a + i + 1);
    fmpz_mul_ui(r, r, static_cast<ulong>(i + 1));
    cheap = fmpz_equal(l, r);
  }
  fmpz_clear(l);
  fmpz_clear(r);
  return cheap;
}

bool sturm_is_cheap(std::span<const std::int64_t> c) {
  const slong n = static_cast<slong>(c.size()) - 1;
  if (n < kSturmShortcutMinDegree) return false;
  if (!residues_vanish(n, [c](slong i) { return mod61(c[static_cast<std::size_t>(i)]); })) return false;
  // Exactly (r_i needs up to 150 bits): only inputs that pass modulo p get here.
  fmpz_poly_t f;
  fmpz_poly_init2(f, n + 1);
  for (slong i = 0; i <= n; ++i) fmpz_poly_set_coeff_si(f, i, c[static_cast<std::size_t>(i)]);
  const bool cheap = sturm_is_cheap(f);
  fmpz_poly_clear(f);
  return cheap;
}

slong count_real_roots_sturm_cheap(const fmpz_poly_struct* f) {
  const slong n = fmpz_poly_degree(f);
  // Below this degree FLINT's O(n^2) pseudo-remainders win over the rational
  // arithmetic here (measured: 52 against 62 us at n = 64, 181 against 99 us at n = 128).
  if (n < kSturmCheapMinDegree) return fmpz_poly_num_real_roots(f);
  // The Sturm sequence S_0 = f, S_1 = f', S_{i+1} = -rem(S_{i-1}, S_i) over Q;
  // for square-free f it ends in a nonzero constant and the number of real
  // roots is V(-inf) - V(+inf), sign changes of the leading terms.
  fmpz_poly_t d, r;
  fmpz_poly_init(d);
  fmpz_poly_init(r);
  fmpz_poly_derivative(d, f);
  ulong e = 0;
  fmpz_poly_pseudo_rem(r, &e, f, d);  // lc(f')^e f = q f' + r: two O(n) steps
  // S_2 = -r / lc(f')^e: a positive multiple of -r unless lc(f') < 0 and e odd.
  const bool flip = fmpz_sgn(d->coeffs + n - 1) < 0 && (e & 1);
  std::vector<int> lead = {fmpz_sgn(f->coeffs + n), fmpz_sgn(d->coeffs + n - 1)};
  std::vector<slong> deg = {n, n - 1};
  if (fmpz_poly_is_zero(r) || fmpz_poly_degree(r) > kSturmShortcutDegree) {
    // Not the shortcut's case (or f' | f): FLINT's general Sturm count.
    fmpz_poly_clear(d);
    fmpz_poly_clear(r);
    return fmpz_poly_num_real_roots(f);
  }
  Qpoly prev, cur;  // S_{i-1}, S_i
  fmpq_poly_set_fmpz_poly(cur.p, r);
  if (!flip) fmpq_poly_neg(cur.p, cur.p);
  const slong k = fmpq_poly_degree(cur.p);
  // S_3 = -(f' mod S_2), by blocks of 4k coefficients.
  if (k > 0) {
    std::deque<Qpoly> pow(1);
    const slong leaf = 4 * k;
    Qpoly tl;  // t^leaf
    fmpq_poly_set_coeff_si(tl.p, leaf, 1);
    fmpq_poly_rem(pow[0].p, tl.p, cur.p);
    rem_block(prev.p, d, 0, n, cur.p, pow, leaf);
    fmpq_poly_neg(prev.p, prev.p);
    fmpq_poly_swap(prev.p, cur.p);  // prev = S_2, cur = S_3
    lead.push_back(prev.lead_sign());
    deg.push_back(k);
  }
  // Degree <= k from here on.
  while (!fmpq_poly_is_zero(cur.p)) {
    lead.push_back(cur.lead_sign());
    deg.push_back(fmpq_poly_degree(cur.p));
    if (fmpq_poly_degree(cur.p) == 0) break;
    Qpoly next;
    fmpq_poly_rem(next.p, prev.p, cur.p);
    fmpq_poly_neg(next.p, next.p);
    fmpq_poly_swap(prev.p, cur.p);
    fmpq_poly_swap(cur.p, next.p);
  }
  fmpz_poly_clear(d);
  fmpz_poly_clear(r);
  if (deg.back() != 0) return fmpz_poly_num_real_roots(f);  // not square-free: not this function's domain
  int at_plus = 0, at_minus = 0;
  for (std::size_t i = 0; i + 1 < lead.size(); ++i) {
    const int p0 = lead[i], p1 = lead[i + 1];
    const int m0 = (deg[i] & 1) ? -p0 : p0, m1 = (deg[i + 1] & 1) ? -p1 : p1;
    at_plus += p0 != p1;
    at_minus += m0 != m1;
  }
  return at_minus - at_plus;
}

}  // namespace lcngeom::detail
