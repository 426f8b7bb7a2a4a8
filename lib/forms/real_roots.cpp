// Certified real roots: the isolation engine (detail/isolate.hpp) on each
// Q-irreducible factor, signs at rational points certified by Arb balls of
// increasing precision (exact arithmetic as the last resort), quadratic
// interval refinement.
#include "lcngeom/real_roots.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <utility>
#include <vector>

#include <acb.h>
#include <arb.h>
#include <arb_fmpz_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_vec.h>

#include "lcngeom/algebraic_real.hpp"
#include "lcngeom/detail/factor_order.hpp"
#include "lcngeom/detail/isolate.hpp"
#include "lcngeom/detail/rational_roots.hpp"
#include "lcngeom/detail/real_root_factory.hpp"
#include "lcngeom/detail/real_roots_reference.hpp"
#include "lcngeom/detail/squarefree_mod.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

// f(t) enclosed in a ball: Horner with exact integer coefficients added at
// `prec` bits, t exact when it is a dyadic number of at most prec bits.
void evaluate_ball(arb_t out, const fmpz_poly_struct* f, const Rational& t, slong prec) {
  arb_t x;
  arb_init(x);
  arb_set_fmpq(x, t.raw(), prec);
  const slong n = fmpz_poly_degree(f);
  arb_zero(out);
  for (slong i = n; i >= 0; --i) {
    arb_mul(out, out, x, prec);
    arb_add_fmpz(out, out, f->coeffs + i, prec);
  }
  arb_clear(x);
}

// ------------------------------------------------------------ fixed-point Horner
//
// At a dyadic point x = X / 2^p with |x| not far above 1 (isolating intervals
// and Newton's iterates of the roots of random, Chebyshev, Legendre and planted
// inputs), Horner's scheme in fixed point -- the accumulator A an integer
// standing for A 2^-P -- costs one integer product, one shift and one addition
// per step, against Arb's rounded ball operations and the conversion of every
// integer coefficient per step (3-4x cheaper at 100-250 bits: refinement is
// 90 % of an isolation at degree <= 128).

// An upper bound for log2 max(1, |X| / 2^p): fmpz_get_d_2exp is within one
// ulp, the logarithm within a few; the slack covers both.
double log2_above_one(const fmpz_t X, slong p) {
  if (fmpz_is_zero(X)) return 0;
  slong ex = 0;
  const double m = std::fabs(fmpz_get_d_2exp(&ex, X));  // |X| ~ m 2^ex, m in [1/2, 1)
  const double l = std::log2(m * (1 + 0x1p-40)) + static_cast<double>(ex - p);
  return l <= 0 ? 0.0 : l * (1 + 1e-9) + 1e-9;
}

// The exponent of the error bound of fixed_horner for degree n and
// log2 max(1, |x|) <= lx: the error is below 2 sum_{j <= n} max(1, |x|)^j
// <= 2 (n + 1) 2^(n lx) < 2^(1 + bits(n + 1) + ceil(n lx)).
slong fixed_horner_error(slong n, double lx) {
  return 1 + static_cast<slong>(FLINT_BIT_COUNT(static_cast<ulong>(n + 1))) +
         static_cast<slong>(std::ceil(static_cast<double>(n) * lx + 1e-6));
}

// A = f(X / 2^p) 2^P up to the error of fixed_horner_error, f = c[n] x^n + ...
// + c[0].  Each step truncates the product by x and (if P < 0) the
// coefficient c_i 2^P towards zero, an error below 1 each, and multiplies the
// inherited error by |x|.  Exact if P >= max(0, p n): every partial value of
// Horner's scheme times 2^P is then an integer.  In GMP's mpz directly: fmpz
// arithmetic demotes and re-promotes values that pass through word size
// (half the time of this loop when it was written with fmpz).
class FixedHorner {
 public:
  FixedHorner() {
    mpz_init(acc_);
    mpz_init(t_);
    mpz_init(x_);
  }
  FixedHorner(const FixedHorner&) = delete;
  FixedHorner& operator=(const FixedHorner&) = delete;
  ~FixedHorner() {
    mpz_clear(acc_);
    mpz_clear(t_);
    mpz_clear(x_);
  }
  void run(fmpz_t out, const fmpz* c, slong n, const fmpz_t X, slong p, slong P) {
    fmpz_get_mpz(x_, X);
    scaled(acc_, c + n, P);
    for (slong i = n - 1; i >= 0; --i) {
      mpz_mul(acc_, acc_, x_);
      if (p > 0) mpz_tdiv_q_2exp(acc_, acc_, static_cast<mp_bitcnt_t>(p));
      scaled(t_, c + i, P);
      mpz_add(acc_, acc_, t_);
    }
    fmpz_set_mpz(out, acc_);
  }

 private:
  // out = trunc(c 2^P).
  static void scaled(mpz_t out, const fmpz* c, slong P) {
    if (!COEFF_IS_MPZ(*c)) {
      mpz_set_si(out, *c);
      if (P >= 0) mpz_mul_2exp(out, out, static_cast<mp_bitcnt_t>(P));
      else mpz_tdiv_q_2exp(out, out, static_cast<mp_bitcnt_t>(-P));
      return;
    }
    const __mpz_struct* z = COEFF_TO_PTR(*c);
    if (P >= 0) mpz_mul_2exp(out, z, static_cast<mp_bitcnt_t>(P));
    else mpz_tdiv_q_2exp(out, z, static_cast<mp_bitcnt_t>(-P));
  }
  mpz_t acc_, t_, x_;
};

void fixed_horner(fmpz_t acc, const fmpz* c, slong n, const fmpz_t X, slong p, slong P) {
  thread_local FixedHorner h;
  h.run(acc, c, n, X, p, P);
}

// Fixed point beyond this growth n log2 max(1, |x|) of the terms would carry
// that many bits the floating-point evaluation does not need.
constexpr double kFixedMaxGrowth = 256;

// The sign of f(t) for a dyadic t (denominator 2^p) by fixed_horner, with
// the same precision schedule as certified_sign; 2 if t is not dyadic or
// too large for fixed point.
int certified_sign_fixed(const fmpz_poly_struct* f, const Rational& t, arb_t value, slong first, slong fbits) {
  const slong n = fmpz_poly_degree(f);
  const fmpz* num = fmpq_numref(t.raw());
  const fmpz* den = fmpq_denref(t.raw());
  const slong p = static_cast<slong>(fmpz_bits(den)) - 1;
  if (n < 1 || static_cast<slong>(fmpz_val2(den)) != p) return 2;
  const double lx = log2_above_one(num, p);
  if (static_cast<double>(n) * lx > kFixedMaxGrowth) return 2;
  const slong err = fixed_horner_error(n, lx);
  // The terms c_i x^i have at most about this many bits; `prec` bits below
  // them (what Arb's balls would resolve) is an absolute 2^(terms - prec).
  const slong terms = fbits + static_cast<slong>(std::ceil(static_cast<double>(n) * lx));
  const slong exact_p = std::max<slong>(0, p * n);
  fmpz_t a;
  fmpz_init(a);
  int s = 2;
  for (slong prec = first;; prec *= 2) {
    slong P = prec - terms + err;
    const bool exact = P >= exact_p;
    if (exact) P = exact_p;
    fixed_horner(a, f->coeffs, n, num, p, P);
    if (exact || static_cast<slong>(fmpz_bits(a)) - 1 >= err) {
      s = fmpz_sgn(a);
      if (value) {
        arb_set_fmpz(value, a);
        arb_mul_2exp_si(value, value, -P);
        if (!exact) arb_add_error_2exp_si(value, err - P);
      }
      break;
    }
  }
  fmpz_clear(a);
  return s;
}

// The sign of f(t), certified: a ball that excludes 0, first at `start`
// bits (a caller's estimate of what the cancellation needs; at least 64 and
// 2 bits(t) + 32, and the coefficients' size plus 32 when that is at most
// 256 bits: near a root such terms cancel below 64 bits, which cost
// Chebyshev and Legendre two evaluations per sign), then doubling; beyond the
// size of the exact value, exact rational evaluation (then 0 is a possible
// answer).  Larger coefficients start low: their values between roots are
// large too (planted inputs with 300-digit coefficients), and an evaluation at
// their full size costs O(n M(size)).  Dyadic t of moderate size are
// evaluated in fixed point (certified_sign_fixed), others in Arb balls.
// `value`, if given, receives the last ball.
int certified_sign(const fmpz_poly_struct* f, const Rational& t, arb_t value = nullptr, slong start = 0) {
  const slong n = std::max<slong>(fmpz_poly_degree(f), 1);
  const slong num_bits = static_cast<slong>(fmpz_bits(fmpq_numref(t.raw())));
  const slong den_bits = static_cast<slong>(fmpz_bits(fmpq_denref(t.raw())));
  const slong tbits = num_bits + den_bits;
  const slong fbits =
      static_cast<slong>(fmpz_poly_max_bits(f) < 0 ? -fmpz_poly_max_bits(f) : fmpz_poly_max_bits(f));
  const slong exact_bits = n * (tbits + 1) + fbits + 64;
  const slong first = std::max<slong>({64, 2 * tbits + 32, start, fbits <= 256 ? fbits + 32 : 0});
  if (const int s = certified_sign_fixed(f, t, value, first, fbits); s != 2) return s;
  arb_t v;
  arb_init(v);
  int s = 2;
  for (slong prec = first; prec <= 2 * exact_bits; prec *= 2) {
    evaluate_ball(v, f, t, prec);
    if (arb_is_positive(v)) s = 1;
    else if (arb_is_negative(v)) s = -1;
    else if (arb_is_zero(v)) s = 0;  // exact evaluation (radius 0)
    if (s != 2) break;
  }
  if (s == 2) {
    Rational r;
    fmpz_poly_evaluate_fmpq(r.raw(), f, t.raw());
    s = r.sign();
    arb_set_fmpq(v, r.raw(), 64);
  }
  if (value) arb_swap(value, v);
  arb_clear(v);
  return s;
}

int sign_at(const IntPoly& f, const Rational& t) { return certified_sign(f.raw(), t); }

bool overlap(const RealRoot& a, const RealRoot& b) { return !(a.hi() < b.lo() || b.hi() < a.lo()); }

// The engine isolates positive and negative roots separately, so 0 is a
// common end point; bisect until neither end is 0 (the root is not 0: that
// one is exact), so that the interval carries the sign and the magnitude of
// the root (AlgebraicReal sizes relative widths by min(|lo|, |hi|)).
void move_ends_off_zero(RealRoot& r) {
  const Rational half(1, 2);
  while (!r.is_exact() && (r.lo().is_zero() || r.hi().is_zero())) r.split_at((r.lo() + r.hi()) * half);
}

// g(x) = c[n] x^n + ... + c[0] by Horner in floating point at `prec` bits (no
// error bound: Newton's steps are not trusted, only the signs that confirm
// their result).  The coefficients are converted once (Newton evaluates f and
// f' many times; arf_add_fmpz would convert each time); rounding down is
// arf_mul's fast path (round-to-nearest goes through arf_mul_rnd_any).
void horner(arf_t v, arf_srcptr c, slong n, const arf_t x, slong prec) {
  arf_zero(v);
  for (slong i = n; i >= 0; --i) {
    arf_mul(v, v, x, prec, ARF_RND_DOWN);
    arf_add(v, v, c + i, prec, ARF_RND_DOWN);
  }
}

// Newton's iteration from the secant point of the isolating interval (lo, hi)
// of a simple root, in floating point (balls used for their midpoints only),
// to an approximation x of the root within about 2^-k, then two certified
// signs at dyadic points x -+ 2^-k inside (lo, hi) confirm the new interval.
// Newton converges quadratically from close enough, so a root goes to 64
// bits in three or four steps and two signs, where quadratic interval
// refinement needs a dozen signs.  Each step needs f(x) to the bits that
// cancel (the terms a_i x^i have about `terms` bits) plus the bits x will
// have, f'(x) only to those (its relative error multiplies the step).
// Nothing is trusted that is not confirmed: on failure (no convergence, a
// step leaving the interval, the signs not confirming) the interval is left
// as it was and QIR takes over.  va, vb (values at lo, hi) may be estimates;
// returns whether (lo, hi) was replaced, then with certified balls of the
// values at the new ends in va, vb and the sign at the new lo in sa.
bool newton_polish(const fmpz_poly_struct* f, Rational& lo, Rational& hi, int& sa, arb_t va, arb_t vb, slong k) {
  const slong n = fmpz_poly_degree(f);
  if (n < 2) return false;
  const double xmax = std::max(1.0, std::max(std::fabs(lo.to_double()), std::fabs(hi.to_double())));
  const slong terms = static_cast<slong>(fmpz_poly_max_bits(f) < 0 ? -fmpz_poly_max_bits(f) : fmpz_poly_max_bits(f)) +
                      static_cast<slong>(static_cast<double>(n) * std::log2(xmax)) + 24;
  const Rational w = hi - lo;  // x starts with about log2(1/w) + 8 bits after the point
  slong good = std::max<slong>(
      4, static_cast<slong>(fmpz_bits(fmpq_denref(w.raw()))) - static_cast<slong>(fmpz_bits(fmpq_numref(w.raw()))) + 8);
  const slong top = terms + 2 * k + 32;
  // The terms cancel down to |f'| times the distance to the root: the secant
  // slope |f(lo) - f(hi)| / w estimates |f'|, and only the bits above it are
  // lost (cancel), not all of `terms` (f with few cancelling bits stays cheap).
  slong cancel = terms;
  {
    arb_t diff;
    arb_init(diff);
    arb_sub(diff, va, vb, 64);
    if (!arf_is_zero(arb_midref(diff)) && arf_is_finite(arb_midref(diff)))
      cancel = std::max<slong>(32, terms - (arf_abs_bound_lt_2exp_si(arb_midref(diff)) - 1 + good - 8));
    arb_clear(diff);
  }
  // Fixed point (see fixed_horner) where |x| stays near 1, else arf.  Only
  // the scaling matters here (nothing of Newton's is trusted): f to `prec`
  // bits below its terms is f 2^P to 2^err with P = prec - terms + err.
  const slong fbits = static_cast<slong>(fmpz_poly_max_bits(f) < 0 ? -fmpz_poly_max_bits(f) : fmpz_poly_max_bits(f));
  const double lx = std::log2(xmax);
  const bool fixed = static_cast<double>(n) * lx <= kFixedMaxGrowth;
  const slong fixed_f = fixed_horner_error(n, lx) - fbits - static_cast<slong>(std::ceil(n * lx));
  const slong fixed_d = fixed_horner_error(n - 1, lx) - fbits - static_cast<slong>(FLINT_BIT_COUNT(static_cast<ulong>(n))) -
                        static_cast<slong>(std::ceil((n - 1) * lx));
  fmpz* dz = fixed ? _fmpz_vec_init(n) : nullptr;  // f' exactly
  if (fixed)
    for (slong i = 1; i <= n; ++i) fmpz_mul_ui(dz + i - 1, f->coeffs + i, static_cast<ulong>(i));
  fmpz_t xz, acc;
  fmpz_init(xz);
  fmpz_init(acc);
  slong xbits = 0;  // x = xz 2^-xbits in fixed point
  auto eval = [&](arf_t out, const fmpz* c, slong deg, slong P) {
    fixed_horner(acc, c, deg, xz, xbits, P);
    arf_set_fmpz(out, acc);
    arf_mul_2exp_si(out, out, -P);
  };
  std::vector<arf_struct> coeffs(fixed ? 0 : static_cast<std::size_t>(2 * n + 1));  // f, f' exactly
  for (arf_struct& c : coeffs) arf_init(&c);
  arf_ptr fc = coeffs.data();
  arf_ptr dc = fixed ? nullptr : fc + n + 1;
  // Rounded to the largest working precision below: their rounding errors
  // are those of one more Horner step, and coefficients far longer than the
  // bits that cancel (300-digit planted inputs) no longer cost their length.
  const slong cp = cancel + k + 96;
  if (!fixed) {
    for (slong i = 0; i <= n; ++i) arf_set_round_fmpz(fc + i, f->coeffs + i, cp, ARF_RND_DOWN);
    for (slong i = 1; i <= n; ++i) arf_mul_ui(dc + i - 1, fc + i, static_cast<ulong>(i), cp, ARF_RND_DOWN);
  }
  arb_t x, a, b, v, d, t;
  arb_init(x);
  arb_init(a);
  arb_init(b);
  arb_init(v);
  arb_init(d);
  arb_init(t);
  arb_set_fmpq(a, lo.raw(), top);
  arb_set_fmpq(b, hi.raw(), top);
  // Secant start x = lo + (hi - lo) f(lo) / (f(lo) - f(hi)), or the midpoint.
  arb_sub(t, va, vb, 64);
  arb_div(t, va, t, 64);
  if (!arb_is_finite(t) || arf_sgn(arb_midref(t)) < 0 || arf_cmp_si(arb_midref(t), 1) > 0) arb_set_d(t, 0.5);
  arb_sub(x, b, a, top);
  arb_mul_arf(x, x, arb_midref(t), top);
  arb_add(x, x, a, top);
  mag_zero(arb_radref(x));
  bool converged = false;
  arf_t eps;
  arf_init(eps);
  arf_set_si_2exp_si(eps, 1, -k - 2);
  // A step smaller than 2^-(k+24)/2 leaves an error of about |f''/2f'| times
  // its square: below 2^-k unless the root has a neighbour closer than 2^-24
  // (then the signs below do not confirm and QIR takes over).
  arf_t near;
  arf_init(near);
  arf_set_si_2exp_si(near, 1, -(k + 24) / 2);
  // A bracket (a, b) by the estimated signs (never trusted, only steering):
  // a Newton step that would leave it is replaced by its midpoint, so an
  // isolating interval wider than Newton's basin (Chebyshev near +-1: the
  // secant start overshoots) still converges (safeguarded Newton, as in
  // rtsafe), instead of falling back to QIR.
  const int sign_a = arf_sgn(arb_midref(va)) != 0 ? arf_sgn(arb_midref(va)) : -arf_sgn(arb_midref(vb));
  for (int iter = 0; iter < 48; ++iter) {
    // f(x) to |f'| 2^-good absolute: the cancelling bits plus good.
    good = std::min<slong>(2 * good, k + 8);
    const slong wp = std::max<slong>(64, cancel + good + 24);
    if (fixed) {
      // x to good + 32 bits after the point (it is good to about 2^-good).
      xbits = good + 32;
      arf_get_fmpz_fixed_si(xz, arb_midref(x), -xbits);
      arf_set_fmpz(arb_midref(x), xz);
      arf_mul_2exp_si(arb_midref(x), arb_midref(x), -xbits);
      eval(arb_midref(v), f->coeffs, n, wp + fixed_f);
    } else {
      arb_set_round(x, x, wp);
      horner(arb_midref(v), fc, n, arb_midref(x), wp);
    }
    mag_zero(arb_radref(x));
    const int sv = arf_sgn(arb_midref(v));
    if (sv == 0) {
      converged = true;  // the signs below decide
      break;
    }
    if (sv == sign_a) arf_set(arb_midref(a), arb_midref(x));
    else arf_set(arb_midref(b), arb_midref(x));
    const slong dp = std::max<slong>(64, cancel + good + 16);
    if (fixed) eval(arb_midref(d), dz, n - 1, dp + fixed_d);
    else horner(arb_midref(d), dc, n - 1, arb_midref(x), dp);
    bool inside = !arf_is_zero(arb_midref(d));
    if (inside) {
      arf_div(arb_midref(t), arb_midref(v), arb_midref(d), wp, ARF_RND_NEAR);
      arf_sub(arb_midref(t), arb_midref(x), arb_midref(t), wp, ARF_RND_NEAR);  // the Newton point
      inside = arf_cmp(arb_midref(t), arb_midref(a)) > 0 && arf_cmp(arb_midref(t), arb_midref(b)) < 0;
    }
    if (!inside) {
      // Bisect the bracket; x is then good to about its width.
      arf_add(arb_midref(x), arb_midref(a), arb_midref(b), ARF_PREC_EXACT, ARF_RND_DOWN);
      arf_mul_2exp_si(arb_midref(x), arb_midref(x), -1);
      arf_sub(arb_midref(t), arb_midref(b), arb_midref(a), wp, ARF_RND_UP);
      good = std::max<slong>(1, -arf_abs_bound_lt_2exp_si(arb_midref(t)) / 2);
      if (-arf_abs_bound_lt_2exp_si(arb_midref(t)) > k + 2) break;  // the estimates stopped making sense
      continue;
    }
    arf_sub(arb_midref(d), arb_midref(t), arb_midref(x), wp, ARF_RND_NEAR);  // the step
    arf_swap(arb_midref(x), arb_midref(t));
    arf_abs(arb_midref(t), arb_midref(d));
    if (arf_cmp(arb_midref(t), eps) <= 0 || arf_cmp(arb_midref(t), near) <= 0) {
      converged = true;
      break;
    }
  }
  arf_clear(near);
  for (arf_struct& c : coeffs) arf_clear(&c);
  if (dz) _fmpz_vec_clear(dz, n);
  fmpz_clear(xz);
  fmpz_clear(acc);
  bool replaced = false;
  if (converged) {
    // x -+ 2^-k rounded outward to multiples of 2^-(k+2): width 9 * 2^-(k+2).
    Rational l, h;
    arf_get_fmpz_fixed_si(fmpq_numref(l.raw()), arb_midref(x), -k - 2);
    fmpz_sub_ui(fmpq_numref(l.raw()), fmpq_numref(l.raw()), 4);
    fmpz_add_ui(fmpq_numref(h.raw()), fmpq_numref(l.raw()), 9);
    fmpz_one(fmpq_denref(l.raw()));
    fmpz_mul_2exp(fmpq_denref(l.raw()), fmpq_denref(l.raw()), static_cast<ulong>(k + 2));
    fmpz_set(fmpq_denref(h.raw()), fmpq_denref(l.raw()));
    fmpq_canonicalise(l.raw());
    fmpq_canonicalise(h.raw());
    if (lo < l && h < hi) {
      // The values at x -+ 2^-k are about |f'| 2^-k: the terms' bits that
      // cancel plus k (and a margin) certify their signs at the first try.
      const slong start = cancel + k + 48;
      const int sl = certified_sign(f, l, v, start), sh = certified_sign(f, h, d, start);
      if (sl == 0) {
        lo = hi = l;
        replaced = true;
      } else if (sh == 0) {
        lo = hi = h;
        replaced = true;
      } else if (sh == -sl) {
        // A sign change inside the isolating interval (lo, hi): the root is
        // in (l, h), whatever sa was (va, vb may be uncertified estimates).
        sa = sl;
        lo = std::move(l);
        hi = std::move(h);
        arb_swap(va, v);
        arb_swap(vb, d);
        replaced = true;
      }
    }
  }
  arf_clear(eps);
  arb_clear(x);
  arb_clear(a);
  arb_clear(b);
  arb_clear(v);
  arb_clear(d);
  arb_clear(t);
  return replaced;
}

// The form of g as factor(p) normalizes its factors (primitive, positive
// leading coefficient, no root at (1:0)).
BinaryForm factor_form(const IntPoly& g) {
  IntPoly h = g.primitive_part();
  return BinaryForm(static_cast<int>(h.degree()), RatPoly(h));
}

}  // namespace

// The square-free polynomial g that RealRoots isolate roots of, shared by the
// roots of one square-free part (and their copies), and -- when g is not
// known to be irreducible -- its factorisation over Q, computed on the first
// request by std::call_once: after that, only reads (no data race between
// threads that ask at the same time or copy roots around).
class detail::RootPolynomial {
 public:
  // g is the defining polynomial of every root that uses it.
  explicit RootPolynomial(IntPoly g) : poly(std::move(g)), lazy_(false) {}
  // g square-free without rational roots; `intervals` isolate its real roots
  // in increasing order (root i of g is the one in intervals[i]).
  RootPolynomial(IntPoly g, std::vector<std::pair<Rational, Rational>> intervals)
      : poly(std::move(g)), lazy_(true), intervals_(std::move(intervals)) {}

  const IntPoly poly;

  bool factored() const noexcept { return !lazy_ || done_.load(std::memory_order_acquire); }

  // The irreducible factor of g with root i (factor()'s normalization).
  const IntPoly& defining(int i) const {
    if (!lazy_) return poly;
    std::call_once(once_, [this] { factorize(); });
    return factors_[static_cast<std::size_t>(owner_[static_cast<std::size_t>(i)])];
  }

 private:
  void factorize() const {
    std::vector<IntPoly> factors;
    for (const FormFactor& ff : factor(factor_form(poly)).factors) factors.push_back(ff.form.primitive_dehomogenized());
    std::vector<int> owner(intervals_.size(), 0);
    if (factors.size() > 1) {
      // The interval holds one simple root of g and its ends are no roots of
      // g: the factor with that root is the one that changes sign there.
      for (std::size_t i = 0; i < intervals_.size(); ++i) {
        int hit = -1;
        for (std::size_t k = 0; k < factors.size() && hit < 0; ++k)
          if (certified_sign(factors[k].raw(), intervals_[i].first) *
                  certified_sign(factors[k].raw(), intervals_[i].second) <
              0)
            hit = static_cast<int>(k);
        if (hit < 0) throw domain_error("real_roots: no factor of " + poly.to_string() + " has the root");  // unreachable
        owner[i] = hit;
      }
    }
    factors_ = std::move(factors);
    owner_ = std::move(owner);
    done_.store(true, std::memory_order_release);
  }

  const bool lazy_;
  const std::vector<std::pair<Rational, Rational>> intervals_;
  mutable std::once_flag once_;
  mutable std::atomic<bool> done_{false};
  mutable std::vector<IntPoly> factors_;
  mutable std::vector<int> owner_;
};

RealRoot RealRoot::infinity(int multiplicity) {
  RealRoot r;
  r.infinity_ = true;
  r.multiplicity_ = multiplicity;
  // poly_ stays null: the factor y has no root on the chart y = 1.
  return r;
}

RealRoot::RealRoot(IntPoly defining, Rational lo, Rational hi, int multiplicity)
    : poly_(std::make_shared<const detail::RootPolynomial>(std::move(defining))),
      lo_(std::move(lo)),
      hi_(std::move(hi)),
      multiplicity_(multiplicity) {
  const IntPoly& f = poly_->poly;
  if (hi_ < lo_)
    throw invalid_argument("isolating interval [" + lo_.to_string() + ", " + hi_.to_string() + "] is empty");
  if (lo_ == hi_) {
    if (sign_at(f, lo_) != 0) throw invalid_argument(lo_.to_string() + " is not a root of " + f.to_string());
    return;
  }
  const int slo = sign_at(f, lo_), shi = sign_at(f, hi_);
  if (slo == 0) {
    hi_ = lo_;
    return;
  }
  if (shi == 0) {
    lo_ = hi_;
    return;
  }
  if (slo == shi)
    throw invalid_argument("no sign change of " + f.to_string() + " on [" + lo_.to_string() + ", " + hi_.to_string() +
                           "]");
}

RealRoot RealRoot::certified(IntPoly defining, Rational lo, Rational hi, int multiplicity) {
  RealRoot r;
  r.poly_ = std::make_shared<const detail::RootPolynomial>(std::move(defining));
  r.lo_ = std::move(lo);
  r.hi_ = std::move(hi);
  r.multiplicity_ = multiplicity;
  return r;
}

namespace {
const IntPoly& zero_polynomial() {
  static const IntPoly zero;
  return zero;
}
}  // namespace

const IntPoly& RealRoot::defining_polynomial() const {
  return poly_ ? poly_->defining(index_) : zero_polynomial();
}

bool RealRoot::has_defining_polynomial() const noexcept { return !poly_ || poly_->factored(); }

const IntPoly& RealRoot::squarefree_polynomial() const noexcept { return poly_ ? poly_->poly : zero_polynomial(); }

void RealRoot::split_at(const Rational& c) {
  const IntPoly& f = squarefree_polynomial();
  const int sc = sign_at(f, c);
  if (sc == 0) {
    lo_ = hi_ = c;
  } else if (sc == sign_at(f, lo_)) {
    lo_ = c;
  } else {
    hi_ = c;
  }
}

// Quadratic interval refinement (Abbott 2006; Kerber-Sagraloff 2011): with
// the interval cut into N equal parts, the secant through the end values
// predicts the part holding the root; the signs at its two ends (certified)
// confirm it -- then the width drops by N and N is squared -- or say on which
// side of it the root is, and N goes back to its square root (N >= 4, where
// a step is a quadrisection guided by the secant).  On simple roots the width
// converges quadratically, so refining to thousands of digits takes a few
// dozen evaluations instead of a bisection step per bit.
void RealRoot::refine(const Rational& max_width) {
  if (max_width.sign() <= 0) throw invalid_argument("refinement width must be positive, got " + max_width.to_string());
  if (is_exact()) return;
  const fmpz_poly_struct* f = squarefree_polynomial().raw();
  arb_t va, vb, vm1, vm2, num, den;
  arb_init(va);
  arb_init(vb);
  arb_init(vm1);
  arb_init(vm2);
  arb_init(num);
  arb_init(den);
  int sa = 0;
  auto certify_ends = [&] {
    sa = certified_sign(f, lo_, va);
    certified_sign(f, hi_, vb);
  };
  unsigned long log_n = 2;  // N = 2^log_n
  // Newton first (an isolating interval from the subdivision is usually in
  // its basin: one QIR step fewer, two signs, measured 15-25 % of a root at
  // degree 64), and once more after the first QIR step that the secant
  // predicted.  Far from the target width, Newton (see newton_polish) goes to
  // 2^-k <= max_width / 4, so that the new width 9 * 2^-(k+2) is below
  // max_width; QIR finishes whatever is left.
  int newton_tries = 0;
  auto try_newton = [&] {
    ++newton_tries;
    const Rational ratio = width() / max_width;
    const long gap = static_cast<long>(fmpz_bits(fmpq_numref(ratio.raw()))) -
                     static_cast<long>(fmpz_bits(fmpq_denref(ratio.raw())));
    if (gap > 24) {
      const long k = -(static_cast<long>(fmpz_bits(fmpq_numref(max_width.raw()))) -
                       static_cast<long>(fmpz_bits(fmpq_denref(max_width.raw())))) + 3;
      if (newton_polish(f, lo_, hi_, sa, va, vb, k)) newton_tries = 2;
    }
  };
  if (width() > max_width) {
    certify_ends();
    try_newton();
  }
  while (width() > max_width && !is_exact()) {
    // The cell floor(N t) holding the secant's zero, t = f(lo) / (f(lo) - f(hi))
    // in [0, 1), computed with log2 N + 64 bits; the middle cell if unknown.
    // No more cells than needed to reach max_width (with 2 bits to spare).
    {
      const Rational ratio = width() / max_width;
      const unsigned long need =
          static_cast<unsigned long>(std::max<long>(2, static_cast<long>(fmpz_bits(fmpq_numref(ratio.raw()))) -
                                                           static_cast<long>(fmpz_bits(fmpq_denref(ratio.raw()))) + 3));
      log_n = std::min(log_n, need);
    }
    const Integer big_n = pow(Integer(2), log_n);
    Integer i = pow(Integer(2), log_n - 1);
    {
      const slong prec = static_cast<slong>(log_n) + 64;
      arb_sub(den, va, vb, prec);
      arb_div(num, va, den, prec);
      arb_mul_2exp_si(num, num, static_cast<slong>(log_n));
      if (arb_is_finite(num)) {
        Integer cell;
        arf_get_fmpz(cell.raw(), arb_midref(num), ARF_RND_FLOOR);
        if (cell.sign() >= 0 && cell < big_n) i = std::move(cell);
      }
    }
    const Rational step = width() / Rational(big_n);
    Rational m1 = lo_ + step * Rational(i);
    Rational m2 = m1 + step;
    const bool at_lo = m1 == lo_, at_hi = !(m2 < hi_);
    const int s1 = at_lo ? sa : certified_sign(f, m1, vm1);
    if (s1 == 0) {
      lo_ = hi_ = m1;
      break;
    }
    if (s1 != sa) {  // the root is left of m1
      hi_ = std::move(m1);
      arb_swap(vb, vm1);
      log_n = std::max(2ul, log_n / 2);
      continue;
    }
    const int s2 = at_hi ? -sa : certified_sign(f, m2, vm2);
    if (s2 == 0) {
      lo_ = hi_ = m2;
      break;
    }
    if (s2 == sa) {  // the root is right of m2
      lo_ = std::move(m2);
      arb_swap(va, vm2);
      log_n = std::max(2ul, log_n / 2);
      continue;
    }
    // Confirmed: the root is in (m1, m2).
    if (!at_lo) {
      lo_ = std::move(m1);
      arb_swap(va, vm1);
    }
    if (!at_hi) {
      hi_ = std::move(m2);
      arb_swap(vb, vm2);
    }
    log_n = std::min(2 * log_n, 1ul << 20);
    // The secant predicted the root's cell: Newton's basin, most likely.
    if (newton_tries < 2) try_newton();
  }
  arb_clear(va);
  arb_clear(vb);
  arb_clear(vm1);
  arb_clear(vm2);
  arb_clear(num);
  arb_clear(den);
}

void RealRoot::refine_bits(long bits) {
  if (bits < 0) throw invalid_argument("refinement to " + std::to_string(bits) + " bits: must be >= 0");
  refine(pow(Rational(2L), -bits));
}

std::string RealRoot::to_decimal(int digits) const {
  return infinity_ ? "inf" : AlgebraicReal(*this).to_decimal(digits);
}

int count_real_roots(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form has no well-defined real roots");
  IntPoly f = p.primitive_dehomogenized();
  int count = p.multiplicity_at_infinity() > 0 ? 1 : 0;
  if (f.degree() <= 0) return count;
  // The square-free part (skipped when a prime certifies f square-free).
  if (!detail::squarefree_certificate(f.raw())) f = divexact(f, gcd(f, f.derivative()));
  return count + detail::count_real_roots_squarefree(f.raw());
}

RealRoot detail::RealRootFactory::certified(IntPoly defining, Rational lo, Rational hi, int multiplicity) {
  return RealRoot::certified(std::move(defining), std::move(lo), std::move(hi), multiplicity);
}

RealRoot detail::RealRootFactory::with_multiplicity(const RealRoot& r, int multiplicity) {
  RealRoot c = r;
  c.multiplicity_ = multiplicity;
  return c;
}

RealRoot detail::RealRootFactory::lazy(IntPoly g, Rational lo, Rational hi, int multiplicity) {
  std::vector<std::pair<Rational, Rational>> ends{{lo, hi}};
  return attached(std::make_shared<const RootPolynomial>(std::move(g), std::move(ends)), 0, std::move(lo),
                  std::move(hi), multiplicity);
}

void detail::RealRootFactory::set_interval(RealRoot& r, Rational lo, Rational hi) {
  r.lo_ = std::move(lo);
  r.hi_ = std::move(hi);
}

RealRoot detail::RealRootFactory::attached(std::shared_ptr<const RootPolynomial> poly, int index, Rational lo,
                                           Rational hi, int multiplicity) {
  RealRoot r;
  r.poly_ = std::move(poly);
  r.index_ = index;
  r.lo_ = std::move(lo);
  r.hi_ = std::move(hi);
  r.multiplicity_ = multiplicity;
  return r;
}

bool detail::RealRootFactory::narrow(RealRoot& r, const Rational& lo, const Rational& hi) {
  if (r.at_infinity() || r.is_exact() || hi < lo || lo < r.lo_ || r.hi_ < hi) return false;
  const IntPoly& f = r.squarefree_polynomial();
  const int slo = sign_at(f, lo);
  if (slo == 0) {
    r.lo_ = r.hi_ = lo;
    return true;
  }
  if (lo == hi) return false;
  const int shi = sign_at(f, hi);
  if (shi == 0) {
    r.lo_ = r.hi_ = hi;
    return true;
  }
  if (slo == shi) return false;
  r.lo_ = lo;
  r.hi_ = hi;
  return true;
}

namespace {

// A factor of p over Q (normalized as factor(p) gives it) and, if known, the
// engine's isolating intervals of its real roots; or (`lazy` set) a
// square-free factor h of p without rational roots whose factorisation is
// left to RealRoot::defining_polynomial, with `factor` = (h, multiplicity).
struct RootFactor {
  FormFactor factor;
  std::vector<detail::IsolatingInterval> intervals;
  bool isolated = false;
  std::shared_ptr<const detail::RootPolynomial> lazy;
};

// b t - a for the rational root a/b (b > 0).
IntPoly linear_factor(const Rational& r) {
  IntPoly lin;
  fmpz_poly_set_coeff_fmpz(lin.raw(), 1, fmpq_denref(r.raw()));
  fmpz_poly_set_coeff_fmpz(lin.raw(), 0, fmpq_numref(r.raw()));
  fmpz_neg(lin.raw()->coeffs, lin.raw()->coeffs);
  return lin;
}

// The real roots of the factors, in factor(p)'s order (detail::form_factor_less)
// so that the result does not depend on how the factors were found; the
// factor y (root (1:0)) is passed as mult_infinity.
std::vector<RealRoot> roots_of_factors(std::vector<RootFactor> factors, int mult_infinity) {
  std::sort(factors.begin(), factors.end(),
            [](const RootFactor& a, const RootFactor& b) { return detail::form_factor_less(a.factor, b.factor); });
  std::vector<RealRoot> roots;
  for (RootFactor& rf : factors) {
    const FormFactor& ff = rf.factor;
    if (rf.lazy) {
      // One shared polynomial for all roots of h (no copy of h per root).
      int index = 0;
      for (detail::IsolatingInterval& iv : rf.intervals) {
        roots.push_back(
            detail::RealRootFactory::attached(rf.lazy, index++, std::move(iv.lo), std::move(iv.hi), ff.multiplicity));
      }
      continue;
    }
    IntPoly f = ff.form.primitive_dehomogenized();
    if (f.degree() == 1) {
      Rational t(-f.coeff(0), f.coeff(1));
      roots.push_back(detail::RealRootFactory::certified(f, t, t, ff.multiplicity));
      continue;
    }
    // An irreducible factor of degree >= 2 has no rational root; the engine's
    // intervals each hold one root with a sign change at their ends.
    if (!rf.isolated) rf.intervals = detail::isolate_real_roots(f.raw());
    if (rf.intervals.empty()) continue;
    // One shared polynomial for the roots of this factor.
    const RealRoot first = detail::RealRootFactory::certified(std::move(f), Rational(), Rational(), ff.multiplicity);
    for (detail::IsolatingInterval& iv : rf.intervals) {
      RealRoot r = first;
      detail::RealRootFactory::set_interval(r, std::move(iv.lo), std::move(iv.hi));
      roots.push_back(std::move(r));
    }
  }
  // Roots of distinct irreducible factors (and of distinct square-free
  // factors) are distinct: sort by lower end and bisect neighbours until no
  // two intervals meet.
  std::sort(roots.begin(), roots.end(), [](const RealRoot& a, const RealRoot& b) { return a.lo() < b.lo(); });
  const Rational half(1, 2);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i + 1 < roots.size(); ++i) {
      if (!overlap(roots[i], roots[i + 1])) continue;
      RealRoot& wide = roots[i].width() >= roots[i + 1].width() ? roots[i] : roots[i + 1];
      const RealRoot& other = &wide == &roots[i] ? roots[i + 1] : roots[i];
      Rational c = (wide.lo() + wide.hi()) * half;
      if (other.is_exact() && wide.lo() < other.lo() && other.lo() < wide.hi()) c = other.lo();
      wide.split_at(c);
      changed = true;
    }
    if (changed)
      std::sort(roots.begin(), roots.end(), [](const RealRoot& a, const RealRoot& b) { return a.lo() < b.lo(); });
  }
  for (RealRoot& r : roots) move_ends_off_zero(r);
  if (mult_infinity > 0) roots.push_back(RealRoot::infinity(mult_infinity));
  return roots;
}

// The factors of the square-free g (multiplicity e in p) that can carry real
// roots.  Full factorisation (Zassenhaus/van Hoeij with Hensel lifting to
// the Mignotte bound) is what costs at high degree, and is avoided: g
// without real roots contributes nothing; its rational roots (found by the
// modular search of detail/rational_roots.hpp, certified by exact division,
// and all of them: RationalSearch::few lifts the one or two roots mod p of a
// random polynomial) are linear factors; the rest h, if it has real roots,
// is one lazy factor whose factorisation waits for defining_polynomial().
// A rest of degree 2 or 3 without rational roots is irreducible as it is.
// Only where the search gives up (many roots mod p that would need lifting
// to hundreds of bits: Chebyshev-like inputs) is the rest factored here, as
// before the lazy factor existed.
void real_root_factors_of(const IntPoly& g, int e, std::vector<RootFactor>& out) {
  if (g.degree() == 1) {
    out.push_back({{factor_form(g), e}, {}, false, nullptr});
    return;
  }
  std::vector<Rational> rational;
  IntPoly rest;
  bool complete = false;
  detail::split_rational_roots(g.raw(), rational, rest.raw(), detail::RationalSearch::few, complete);
  for (const Rational& r : rational) out.push_back({{factor_form(linear_factor(r)), e}, {}, false, nullptr});
  if (rest.degree() <= 0) return;
  std::vector<detail::IsolatingInterval> iv = detail::isolate_real_roots(rest.raw());
  if (iv.empty()) return;
  if (complete) {
    rest = rest.primitive_part();
    if (rest.leading().sign() < 0) rest = Integer(-1L) * rest;  // factor()'s normalization
    BinaryForm form = factor_form(rest);
    if (rest.degree() <= 3) {  // no rational root: irreducible
      out.push_back({{std::move(form), e}, std::move(iv), true, nullptr});
      return;
    }
    std::vector<std::pair<Rational, Rational>> ends;
    ends.reserve(iv.size());
    for (const detail::IsolatingInterval& i : iv) ends.emplace_back(i.lo, i.hi);
    auto lazy = std::make_shared<const detail::RootPolynomial>(std::move(rest), std::move(ends));
    out.push_back({{std::move(form), e}, std::move(iv), true, std::move(lazy)});
    return;
  }
  const FormFactorization fac = factor(factor_form(rest));
  for (const FormFactor& ff : fac.factors) {
    RootFactor rf{{ff.form, e * ff.multiplicity}, {}, false, nullptr};
    // rest irreducible: its intervals are the ones the factor would get, if
    // the polynomial is literally the same.
    if (fac.factors.size() == 1 && ff.form.primitive_dehomogenized() == rest) {
      rf.intervals = std::move(iv);
      rf.isolated = true;
    }
    out.push_back(std::move(rf));
  }
}

}  // namespace

std::vector<RealRoot> real_roots(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form has no well-defined real roots");
  const IntPoly f = p.primitive_dehomogenized();
  std::vector<RootFactor> factors;
  if (f.degree() > 0) {
    // f has no root at (1:0): its square-free decomposition (modular
    // certificate first) has the multiplicities of factor(p).
    for (const FormFactor& ff : squarefree_decomposition(factor_form(f)).factors)
      real_root_factors_of(ff.form.primitive_dehomogenized(), ff.multiplicity, factors);
  }
  return roots_of_factors(std::move(factors), p.multiplicity_at_infinity());
}

std::vector<RealRoot> detail::real_roots_by_factoring(const BinaryForm& p) {
  if (p.is_zero()) throw domain_error("the zero form has no well-defined real roots");
  std::vector<RootFactor> factors;
  int mult_infinity = 0;
  for (const FormFactor& ff : factor(p).factors) {
    if (ff.form.multiplicity_at_infinity() > 0) mult_infinity = ff.multiplicity;  // only the factor y
    else factors.push_back({ff, {}, false, nullptr});
  }
  return roots_of_factors(std::move(factors), mult_infinity);
}

std::vector<RealRoot> real_roots_squarefree(const IntPoly& f) {
  if (f.degree() < 1) throw domain_error("real_roots_squarefree: degree " + std::to_string(f.degree()) + " < 1");
  if (!detail::squarefree_certificate(f.raw()) && gcd(f, f.derivative()).degree() > 0)
    throw domain_error("real_roots_squarefree: the polynomial is not square-free");
  std::vector<RealRoot> roots;
  const RealRoot shared = RealRoot::certified(f, Rational(), Rational(), 1);  // one copy of f for all roots
  for (detail::IsolatingInterval& iv : detail::isolate_real_roots(f.raw())) {
    if (iv.lo == iv.hi) {
      // A rational root a/b is defined by b t - a.
      roots.push_back(RealRoot::certified(linear_factor(iv.lo), iv.lo, iv.hi, 1));
      continue;
    }
    roots.push_back(shared);
    detail::RealRootFactory::set_interval(roots.back(), std::move(iv.lo), std::move(iv.hi));
    move_ends_off_zero(roots.back());
  }
  return roots;
}

RealFactorization real_factorization(const BinaryForm& p, long prec) {
  if (p.is_zero()) throw domain_error("the zero form has no factorization");
  if (prec < 16) throw invalid_argument("precision " + std::to_string(prec) + " bits is below 16");
  FormFactorization fac = factor(p);
  RealFactorization out;
  std::vector<std::pair<Rational, RealFactor>> linear;  // sorted by root; (1:0) last
  std::vector<RealFactor> quadratic;
  Rational unit = fac.unit;
  for (const FormFactor& ff : fac.factors) {
    const BinaryForm& f = ff.form;
    if (f.multiplicity_at_infinity() > 0) {  // the factor y
      linear.emplace_back(Rational(0), RealFactor{1, {Ball(0), Ball(1)}, ff.multiplicity, true, f});
      continue;  // sorted last below
    }
    const Rational lead = f.coeff(0);
    unit *= pow(lead, ff.multiplicity);  // factors are made monic in x
    if (f.degree() == 1) {
      const Rational root = -f.coeff(1) / lead;
      linear.emplace_back(root, RealFactor{1, {Ball(1), Ball(-root, prec)}, ff.multiplicity, true, f});
      continue;
    }
    if (f.degree() == 2 && count_real_roots(f) == 0) {
      quadratic.push_back(RealFactor{
          2, {Ball(1), Ball(f.coeff(1) / lead, prec), Ball(f.coeff(2) / lead, prec)}, ff.multiplicity, true, f});
      continue;
    }
    IntPoly g = f.primitive_dehomogenized();
    const slong d = g.degree();
    acb_ptr roots = _acb_vec_init(d);
    arb_fmpz_poly_complex_roots(roots, g.raw(), 0, prec);
    for (slong i = 0; i < d; ++i) {
      const acb_struct* z = roots + i;
      if (arb_is_zero(acb_imagref(z))) {
        Ball c(acb_realref(z));
        RealFactor r{1, {Ball(1), neg(c)}, ff.multiplicity, false, f};
        linear.emplace_back(Ball(acb_realref(z)).midpoint(), std::move(r));
      } else if (arb_is_positive(acb_imagref(z))) {  // one of each conjugate pair
        Ball re(acb_realref(z)), im(acb_imagref(z));
        Ball b = mul(Ball(-2), re, prec);
        Ball c = add(mul(re, re, prec), mul(im, im, prec), prec);
        quadratic.push_back(RealFactor{2, {Ball(1), b, c}, ff.multiplicity, false, f});
      }
    }
    _acb_vec_clear(roots, d);
  }
  std::stable_sort(linear.begin(), linear.end(), [](const auto& a, const auto& b) {
    const bool ia = a.second.coefficients[0].is_exact() && a.second.coefficients[0].contains(Rational(0));
    const bool ib = b.second.coefficients[0].is_exact() && b.second.coefficients[0].contains(Rational(0));
    if (ia != ib) return ib;  // (1:0) last
    return a.first < b.first;
  });
  out.unit = unit;
  for (auto& [key, r] : linear) out.factors.push_back(std::move(r));
  for (RealFactor& r : quadratic) out.factors.push_back(std::move(r));
  return out;
}

}  // namespace lcngeom
