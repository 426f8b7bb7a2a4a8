// Rational roots by a modular search (see detail/rational_roots.hpp): roots
// modulo a word-size prime, Hensel lifting, rational reconstruction from the
// symmetric residue, a check modulo two further primes, and one exact
// division by the product of the linear factors as the certificate.
#include "lcngeom/detail/rational_roots.hpp"

#include <algorithm>
#include <vector>

#include <flint/fmpq.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>
#include <flint/nmod_poly.h>
#include <flint/nmod_poly_factor.h>
#include <flint/ulong_extras.h>

#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

struct Nmod {
  nmod_poly_t p;
  explicit Nmod(ulong n) { nmod_poly_init(p, n); }
  Nmod(const Nmod&) = delete;
  Nmod& operator=(const Nmod&) = delete;
  ~Nmod() { nmod_poly_clear(p); }
};

struct Zp {
  fmpz_poly_t p;
  Zp() { fmpz_poly_init(p); }
  Zp(const Zp&) = delete;
  Zp& operator=(const Zp&) = delete;
  Zp(Zp&& o) noexcept {
    *p = *o.p;
    fmpz_poly_init(o.p);
  }
  ~Zp() { fmpz_poly_clear(p); }
};

struct Zt {
  fmpz_t v;
  Zt() { fmpz_init(v); }
  Zt(const Zt&) = delete;
  Zt& operator=(const Zt&) = delete;
  ~Zt() { fmpz_clear(v); }
};

// B with every complex root |r| <= 2^B: |r| <= 2 max_i |a_i / a_n|^(1/(n-i))
// (Fujiwara's bound is at most this), each term rounded up in log2.
slong root_bound_bits(const fmpz_poly_struct* f) {
  const slong n = fmpz_poly_degree(f);
  const slong bn = static_cast<slong>(fmpz_bits(f->coeffs + n));
  slong best = 0;
  for (slong i = 0; i < n; ++i) {
    if (fmpz_is_zero(f->coeffs + i)) continue;
    const slong num = static_cast<slong>(fmpz_bits(f->coeffs + i)) - bn + 1;  // > log2 |a_i/a_n|
    const slong den = n - i;
    if (num > 0) best = std::max(best, (num + den - 1) / den);
  }
  return best + 1;
}

// f(x) mod m by Horner, reduced into [0, m).
void evaluate_mod(fmpz_t out, const fmpz_poly_struct* f, const fmpz_t x, const fmpz_t m) {
  fmpz_zero(out);
  for (slong i = fmpz_poly_degree(f); i >= 0; --i) {
    fmpz_mul(out, out, x);
    fmpz_add(out, out, f->coeffs + i);
    fmpz_mod(out, out, m);
  }
}

// The simple root r of f mod p lifted to r mod m, m = p^(2^j) the first such
// power with at least `bits` bits (Newton's iteration doubles the precision).
void hensel_lift(fmpz_t r, fmpz_t m, const fmpz_poly_struct* f, const fmpz_poly_struct* df, ulong p, slong bits) {
  Zt v, d;
  fmpz_set_ui(m, p);
  while (static_cast<slong>(fmpz_bits(m)) < bits) {
    fmpz_mul(m, m, m);
    evaluate_mod(v.v, f, r, m);
    evaluate_mod(d.v, df, r, m);
    fmpz_invmod(d.v, d.v, m);  // f'(r) is a unit: r is simple mod p
    fmpz_mul(v.v, v.v, d.v);
    fmpz_sub(r, r, v.v);
    fmpz_mod(r, r, m);
  }
}

// The product of the polynomials, multiplied in a balanced tree.
void product_tree(fmpz_poly_t out, std::vector<Zp>& polys) {
  if (polys.empty()) {
    fmpz_poly_one(out);
    return;
  }
  while (polys.size() > 1) {
    std::vector<Zp> next;
    next.reserve((polys.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < polys.size(); i += 2) {
      Zp prod;
      fmpz_poly_mul(prod.p, polys[i].p, polys[i + 1].p);
      next.push_back(std::move(prod));
    }
    if (polys.size() % 2) next.push_back(std::move(polys.back()));
    polys.swap(next);
  }
  fmpz_poly_swap(out, polys.front().p);
}

// prod (b t - a) over the roots a/b.
void linear_product(fmpz_poly_t out, const std::vector<Rational>& roots) {
  if (std::all_of(roots.begin(), roots.end(), [](const Rational& r) { return fmpz_is_one(fmpq_denref(r.raw())); })) {
    std::vector<fmpz> ints(roots.size());
    for (std::size_t i = 0; i < roots.size(); ++i) ints[i] = *fmpq_numref(roots[i].raw());  // borrowed, not cleared
    fmpz_poly_product_roots_fmpz_vec(out, ints.data(), static_cast<slong>(ints.size()));
    return;
  }
  std::vector<Zp> lin;
  lin.reserve(roots.size());
  for (const Rational& r : roots) {
    Zp l;
    fmpz_poly_set_coeff_fmpz(l.p, 1, fmpq_denref(r.raw()));
    Zt a;
    fmpz_neg(a.v, fmpq_numref(r.raw()));
    fmpz_poly_set_coeff_fmpz(l.p, 0, a.v);
    lin.push_back(std::move(l));
  }
  product_tree(out, lin);
}

// The prime that rejects candidates unless f vanishes at them modulo it
// (O(n) word operations each); exact division certifies the rest.
constexpr ulong kCheckPrime = UWORD(4611686018427388039);  // 2^62 + 135

// Search primes: the modular root search costs O(M(n) log n log p), so the
// first prime is small, just large enough that distinct integer roots in a
// range of a few times n stay distinct mod p (p > 8n); Hensel lifting then
// costs O(n) word operations per root and doubling of the precision.  If the
// roots collide mod p (many rationals, or a wide range), larger primes follow.
ulong search_prime(slong n, int attempt) {
  const ulong start[3] = {std::max<ulong>(UWORD(1) << 14, 8 * static_cast<ulong>(n)), UWORD(1) << 28, UWORD(1) << 44};
  return n_nextprime(std::max(start[attempt], attempt > 0 ? start[attempt - 1] : 0), 1);
}

// The simple root r of f mod p lifted modulo m = p^(2^j) < 2^62, the first
// such power with at least `bits` bits (false if there is none: the caller
// lifts with integers).
bool hensel_lift_word(ulong& r, ulong& m, const fmpz_poly_struct* f, const fmpz_poly_struct* df, ulong p,
                      slong bits, nmod_poly_t fm, nmod_poly_t dfm) {
  m = p;
  while (static_cast<slong>(FLINT_BIT_COUNT(m)) < bits) {
    if (FLINT_BIT_COUNT(m) > 31) return false;
    m *= m;
    if (fm->mod.n != m) {
      nmod_poly_clear(fm);
      nmod_poly_clear(dfm);
      nmod_poly_init(fm, m);
      nmod_poly_init(dfm, m);
      fmpz_poly_get_nmod_poly(fm, f);
      fmpz_poly_get_nmod_poly(dfm, df);
    }
    const ulong v = nmod_poly_evaluate_nmod(fm, r);
    const ulong d = nmod_poly_evaluate_nmod(dfm, r);
    r = nmod_sub(r, nmod_mul(v, n_invmod(d, m), fm->mod), fm->mod);
  }
  return true;
}

bool vanishes_mod(const nmod_poly_t fq, const Rational& r) {
  const ulong q = fq->mod.n;
  const ulong b = fmpz_fdiv_ui(fmpq_denref(r.raw()), q);
  if (b == 0) return true;  // no information modulo q
  const ulong a = fmpz_fdiv_ui(fmpq_numref(r.raw()), q);
  const ulong x = nmod_mul(a, n_invmod(b, q), fq->mod);
  return nmod_poly_evaluate_nmod(fq, x) == 0;
}

}  // namespace

bool split_rational_roots(const fmpz_poly_struct* f, std::vector<Rational>& roots, fmpz_poly_t cofactor, bool thorough) {
  bool complete = false;
  return split_rational_roots(f, roots, cofactor, thorough ? RationalSearch::thorough : RationalSearch::cheap, complete);
}

bool split_rational_roots(const fmpz_poly_struct* f, std::vector<Rational>& roots, fmpz_poly_t cofactor,
                          RationalSearch mode, bool& complete) {
  complete = false;
  roots.clear();
  fmpz_poly_set(cofactor, f);
  const slong n = fmpz_poly_degree(f);
  if (n < 1) return false;
  // A prime not dividing a_n at which every root of f mod p is simple (f' does
  // not vanish there): each lifts uniquely.  Checking the roots found is
  // cheaper than a modular gcd(f, f') first.
  ulong p = 0;
  std::vector<ulong> modular;
  {
    for (int attempt = 0; attempt < 3 && p == 0; ++attempt) {
      const ulong q = search_prime(n, attempt);
      Nmod fq(q), dq(q);
      fmpz_poly_get_nmod_poly(fq.p, f);
      if (nmod_poly_degree(fq.p) != n) continue;
      nmod_poly_factor_t fac;
      nmod_poly_factor_init(fac);
      nmod_poly_roots(fac, fq.p, 0);
      nmod_poly_derivative(dq.p, fq.p);
      modular.clear();
      bool simple = true;
      for (slong i = 0; i < fac->num && simple; ++i) {
        const ulong r = nmod_neg(fac->p[i].coeffs[0], fq.p->mod);  // factor x + c, monic
        simple = nmod_poly_evaluate_nmod(dq.p, r) != 0;
        modular.push_back(r);
      }
      nmod_poly_factor_clear(fac);
      if (simple) p = q;
    }
  }
  if (p == 0) return false;
  // Every rational root a/b of f (b | a_n, p does not divide a_n) is a root mod p.
  complete = true;
  if (modular.empty()) return false;

  // Candidates a_n r mod M with |a_n r| <= |a_n| 2^B: M needs bits(a_n) + B + 2 bits.
  const fmpz* lead = f->coeffs + n;
  const slong bound = root_bound_bits(f);
  const slong need = static_cast<slong>(fmpz_bits(lead)) + bound + 2;
  Zp df;
  fmpz_poly_derivative(df.p, f);
  Zt limit, m, r, s, half;
  fmpz_abs(limit.v, lead);
  fmpz_mul_2exp(limit.v, limit.v, static_cast<ulong>(bound));
  // Lifting beyond a word costs O(n) multi-word operations per root and
  // step; with few roots mod p (a random polynomial has about one) that is
  // not worth it: the subdivision handles a few rational roots at that cost.
  // Nor when the modulus needs more than 768 bits (a leading coefficient of
  // hundreds of digits): measured slower than the subdivision on the planted
  // family with 300-digit cofactors, even with many rational roots.
  const bool few = mode == RationalSearch::few && static_cast<long>(modular.size()) <= kFewModularRoots;
  if (mode != RationalSearch::thorough && !few && need > 62 &&
      (static_cast<slong>(modular.size()) * 8 < n || need > 768)) {
    complete = false;
    return false;
  }
  Nmod check(kCheckPrime), fm(p), dfm(p);
  fmpz_poly_get_nmod_poly(check.p, f);
  std::vector<Rational> candidates;
  for (ulong r0 : modular) {
    ulong rw = r0, mw = p;
    if (hensel_lift_word(rw, mw, f, df.p, p, need, fm.p, dfm.p)) {
      fmpz_set_ui(r.v, rw);
      fmpz_set_ui(m.v, mw);
    } else {
      fmpz_set_ui(r.v, r0);
      hensel_lift(r.v, m.v, f, df.p, p, need);
    }
    fmpz_mul(s.v, r.v, lead);
    fmpz_mod(s.v, s.v, m.v);
    fmpz_fdiv_q_2exp(half.v, m.v, 1);
    if (fmpz_cmp(s.v, half.v) > 0) fmpz_sub(s.v, s.v, m.v);
    if (fmpz_cmpabs(s.v, limit.v) > 0) continue;
    Rational root;
    fmpq_set_fmpz_frac(root.raw(), s.v, lead);
    if (vanishes_mod(check.p, root)) candidates.push_back(std::move(root));
  }
  if (candidates.empty()) return false;
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  Zp g;
  linear_product(g.p, candidates);
  if (!fmpz_poly_divides(cofactor, f, g.p)) {
    // A candidate passed both checks by accident: test each exactly.
    std::vector<Rational> exact;
    for (Rational& c : candidates) {
      fmpq_t v;
      fmpq_init(v);
      fmpz_poly_evaluate_fmpq(v, f, c.raw());
      if (fmpq_is_zero(v)) exact.push_back(std::move(c));
      fmpq_clear(v);
    }
    candidates.swap(exact);
    linear_product(g.p, candidates);
    if (!fmpz_poly_divides(cofactor, f, g.p)) {  // impossible for a square-free f (Gauss' lemma)
      fmpz_poly_set(cofactor, f);
      complete = false;
      return false;
    }
  }
  roots.swap(candidates);
  return !roots.empty();
}

}  // namespace lcngeom::detail
