// Exact real algebraic numbers: minimal polynomial + isolating interval, or
// a lazy value num(zeta)/den(zeta) in a number field with a certified enclosure.
#include "lcngeom/algebraic_real.hpp"

#include <algorithm>
#include <optional>
#include <ostream>

#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_vec.h>
#include <flint/nmod_mat.h>
#include <flint/ulong_extras.h>

#include "lcngeom/binary_form.hpp"
#include "lcngeom/decimal.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/real_root_factory.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/invariants.hpp"

namespace lcngeom {

namespace detail {

// The values num(zeta_i) / den(zeta_i) at the real roots zeta_i of f that
// were evaluated together: they share one minimal polynomial g.
struct ConjugateClass {
  IntPoly f;         // minimal polynomial of the zeta_i
  RatPoly num, den;  // reduced mod f; den(zeta_i) != 0
  bool computed = false;
  RatPoly g;                                        // square-free part of the norm (on demand)
  std::vector<std::shared_ptr<RealRoot>> candidates;  // the real roots of g, if deg g >= 2
};

struct LazyAlgebraic {
  std::shared_ptr<ConjugateClass> cls;
  std::shared_ptr<RealRoot> zeta;  // shared with the conjugate it was evaluated at
  Rational lo, hi;                 // certified enclosure of the value
};

namespace {

// chi(num/den) = 0 in K = Q[z]/(f), i.e. sum_k c_k num^k den^(d-k) = 0 in K
// (den is a unit of K), by Horner: r <- r num + c_k den^(d-k).
bool vanishes_at_ratio(const RatPoly& chi, const RatPoly& num, const RatPoly& den, const IntPoly& f) {
  const RatQuotient K{RatPoly(f)};
  const RatPoly a = K.reduce(num), b = K.reduce(den);
  const long d = chi.degree();
  RatPoly r = K.from_rational(chi.coeff(d)), power = K.one();
  for (long k = d - 1; k >= 0; --k) {
    power = K.mul(power, b);
    r = K.add(K.mul(r, a), chi.coeff(k) * power);
  }
  return r.is_zero();
}

}  // namespace

std::optional<RatPoly> conjugate_norm_modular(const IntPoly& f, const RatPoly& num, const RatPoly& den,
                                              long max_bits) {
  const slong d = f.degree();
  if (d < 1) throw invalid_argument("conjugate_norm_modular: f = " + f.to_string() + " has degree < 1");
  if (den.is_zero()) throw invalid_argument("conjugate_norm_modular: zero denominator");
  // num/den = A/B with integer A, B (reduced mod p below).
  IntPoly A = num.numerator(), B = den.numerator();
  fmpz_poly_scalar_mul_fmpz(A.raw(), A.raw(), den.denominator().raw());
  fmpz_poly_scalar_mul_fmpz(B.raw(), B.raw(), num.denominator().raw());
  IntPoly acc;          // the CRT image of chi modulo M, symmetric residues
  Integer M(1L), residue;
  Rational q;
  RatPoly cand, prev;
  bool have_prev = false;
  long primes = 0, next_try = 1;
  ulong p = UWORD(1) << (FLINT_BITS - 2);
  while (fmpz_bits(M.raw()) <= static_cast<ulong>(max_bits)) {
    p = n_nextprime(p, 1);
    NmodPoly fp(p), Ap(p), Bp(p), inv(p), col(p), cp(p);
    fmpz_poly_get_nmod_poly(fp.raw(), f.raw());
    fmpz_poly_get_nmod_poly(Ap.raw(), A.raw());
    fmpz_poly_get_nmod_poly(Bp.raw(), B.raw());
    // A bad prime: p | lc(f), or B not invertible mod f (Res(f, B) = 0 mod p).
    if (nmod_poly_degree(fp.raw()) != d || !nmod_poly_invmod(inv.raw(), Bp.raw(), fp.raw())) continue;
    // chi mod p: the characteristic polynomial of multiplication by a = A/B
    // on F_p[z]/(f) (basis 1, z, ..., z^(d-1)).
    nmod_poly_mulmod(col.raw(), Ap.raw(), inv.raw(), fp.raw());
    nmod_mat_t mat;
    nmod_mat_init(mat, d, d, p);
    for (slong j = 0; j < d; ++j) {  // column j: a z^j mod f
      for (slong i = 0; i < d; ++i) nmod_mat_entry(mat, i, j) = nmod_poly_get_coeff_ui(col.raw(), i);
      nmod_poly_shift_left(col.raw(), col.raw(), 1);
      nmod_poly_rem(col.raw(), col.raw(), fp.raw());
    }
    nmod_mat_charpoly(cp.raw(), mat);
    nmod_mat_clear(mat);
    fmpz_poly_CRT_ui(acc.raw(), acc.raw(), M.raw(), cp.raw(), 1);
    fmpz_mul_ui(M.raw(), M.raw(), p);
    if (++primes < next_try) continue;
    next_try += std::max(1L, primes / 4);  // reconstruct after 1, 2, ..., 8, 10, 12, ... primes
    // Rational reconstruction of every coefficient; a candidate that the
    // next attempt reproduces is checked exactly.
    bool ok = acc.degree() == d;
    cand = RatPoly();
    for (slong i = 0; ok && i <= d; ++i) {
      fmpz_mod(residue.raw(), acc.raw()->coeffs + i, M.raw());
      ok = fmpq_reconstruct_fmpz(q.raw(), residue.raw(), M.raw());
      if (ok) cand.set_coeff(i, q);
    }
    if (!ok) {
      have_prev = false;
      continue;
    }
    if (have_prev && cand == prev && vanishes_at_ratio(cand, num, den, f)) return cand;
    prev = std::move(cand);
    have_prev = true;
  }
  return std::nullopt;
}

RatPoly conjugate_norm_resultant(const IntPoly& f, const RatPoly& num_in, const RatPoly& den_in) {
  const long d = f.degree();
  const RatPoly F(f);
  const Rational scale(num_in.denominator() * den_in.denominator());  // integer values below
  const RatPoly num = scale * num_in, den = scale * den_in;
  const int e = static_cast<int>(std::max({num.degree(), den.degree(), 0L}));
  const BinaryForm fform(static_cast<int>(d), F);
  fmpz* xv = _fmpz_vec_init(d + 1);
  fmpz* yv = _fmpz_vec_init(d + 1);
  for (long k = 0; k <= d; ++k) {
    const Rational r = resultant(fform, BinaryForm(e, Rational(k) * den - num));
    fmpz_set_si(xv + k, k);
    fmpz_set(yv + k, fmpq_numref(r.raw()));  // an integer: both forms have integer coefficients
  }
  RatPoly norm;
  fmpq_poly_interpolate_fmpz_vec(norm.raw(), xv, yv, d + 1);
  _fmpz_vec_clear(xv, d + 1);
  _fmpz_vec_clear(yv, d + 1);
  return norm;
}

}  // namespace detail

namespace {

using detail::ConjugateClass;
using detail::LazyAlgebraic;

// After this many narrowing rounds (of kNarrowBits bits each) without a
// decision, the canonical form is computed and decides exactly.
constexpr int kNarrowRounds = 6;
constexpr long kNarrowBits = 24;

// floor(log2 |r|) up to 1, for r != 0.
long log2_of(const Rational& r) { return r.numerator().bits() - r.denominator().bits(); }

// Primitive with a positive leading coefficient.
IntPoly normalized(const IntPoly& f) {
  IntPoly g = f.primitive_part();
  return g.leading().sign() < 0 ? Integer(-1L) * g : g;
}

// The root q of den t - num.
std::shared_ptr<RealRoot> rational_root(const Rational& q) {
  return std::make_shared<RealRoot>(IntPoly(std::vector<Integer>{-q.numerator(), q.denominator()}), q, q, 1);
}

// r as a canonical form (multiplicity 1, normalized defining polynomial).  A
// root of real_roots whose defining polynomial is not computed yet is kept
// as it is: its factorisation waits for minimal_polynomial() (printing,
// refining and comparing need only its square-free polynomial).
std::shared_ptr<RealRoot> checked_root(const RealRoot& r) {
  if (r.at_infinity()) throw invalid_argument("the root (1:0) is not a real number");
  if (r.is_exact()) return rational_root(r.lo());
  if (!r.has_defining_polynomial())
    return std::make_shared<RealRoot>(detail::RealRootFactory::with_multiplicity(r, 1));
  const IntPoly& d = r.defining_polynomial();
  IntPoly m = normalized(d);
  if (m == d) return std::make_shared<RealRoot>(detail::RealRootFactory::with_multiplicity(r, 1));
  return std::make_shared<RealRoot>(std::move(m), r.lo(), r.hi(), 1);
}

Rational pow2(long e) { return pow(Rational(2L), e); }

int sign_at(const IntPoly& f, const Rational& t) {
  Rational v;
  fmpz_poly_evaluate_fmpq(v.raw(), f.raw(), t.raw());
  return v.sign();
}

// sign(x - q) for a canonical x, exact (splits x's interval at q if needed).
int compare_canonical(RealRoot& x, const Rational& q) {
  if (x.is_exact()) return x.lo() < q ? -1 : (q < x.lo() ? 1 : 0);
  // Endpoints of a non-degenerate isolating interval are not roots.
  if (q <= x.lo()) return 1;
  if (q >= x.hi()) return -1;
  x.split_at(q);  // q is no root: the minimal polynomial is irreducible of degree >= 2
  return x.lo() >= q ? 1 : -1;
}

// sign(a - b) for canonical a, b, exact.
int compare_canonical(RealRoot& a, RealRoot& b) {
  if (&a == &b) return 0;
  if (a.is_exact()) return -compare_canonical(b, a.lo());
  if (b.is_exact()) return compare_canonical(a, b.lo());
  {
    // Each interval holds exactly one root of its square-free polynomial f
    // (resp. g), so the values are equal iff the intersection holds a root
    // of h = gcd(f, g) (f == g: h = f).  The ends of the intersection are
    // no roots of f or g, and h is square-free: a root inside is a sign
    // change.  Distinct known minimal polynomials have h = 1; no factoring.
    const Rational lo = std::max(a.lo(), b.lo()), hi = std::min(a.hi(), b.hi());
    if (lo < hi) {
      const IntPoly& f = a.squarefree_polynomial();
      const IntPoly& g = b.squarefree_polynomial();
      if (&f == &g || f == g) {
        if (sign_at(f, lo) * sign_at(f, hi) < 0) return 0;
      } else if (!(a.has_defining_polynomial() && b.has_defining_polynomial() && a.defining_polynomial() == f &&
                   b.defining_polynomial() == g)) {
        const IntPoly h = gcd(f, g);
        if (h.degree() >= 1 && sign_at(h, lo) * sign_at(h, hi) < 0) return 0;
      }
    }
  }
  const Rational half(1L, 2L);
  for (;;) {  // distinct values: bisect the wider interval until the two are disjoint
    if (a.hi() < b.lo()) return -1;
    if (b.hi() < a.lo()) return 1;
    RealRoot& w = a.width() >= b.width() ? a : b;
    w.split_at((w.lo() + w.hi()) * half);
  }
}

// An enclosure of num(zeta)/den(zeta) of width <= max_width, intersected with [lo, hi].
void enclose_ratio(LazyAlgebraic& L, const Rational& max_width) {
  Rational r = max_width;
  for (int round = 0;; ++round) {
    if (round > 200) throw domain_error("algebraic number: no convergence of the enclosure");
    const Ball a = detail::enclose_at_root(L.cls->num, *L.zeta, r), b = detail::enclose_at_root(L.cls->den, *L.zeta, r);
    const long prec = 64 + std::max(0L, -log2_of(r)) + 16L * round;
    if (!b.contains_zero()) {
      const Ball v = div(a, b, prec);
      if (v.is_finite()) {
        const Rational lo = std::max(L.lo, v.lower()), hi = std::min(L.hi, v.upper());
        if (hi - lo <= max_width) {
          L.lo = lo;
          L.hi = hi;
          return;
        }
        // What is missing, in bits, is what r must still shrink by.
        r *= pow2(-std::max(8L, log2_of((hi - lo) / max_width) + 8));
        continue;
      }
    }
    r *= pow2(-16);
  }
}

// The minimal polynomial g of the class and its real roots.  The norm
//     R(y) = prod_{f(zeta) = 0} (den(zeta) y - num(zeta))
// has degree d = deg f and is interpolated from its values at y = 0..d:
// resultants of f with k den - num at one formal degree e (invariants.hpp:
// Res_{d,e}(f, p) = lc(f)^e prod p(zeta)), computed on the small inputs num,
// den rather than on num/den reduced mod f, whose coefficients explode.
// R = c g^m with g the minimal polynomial (Q(zeta) is a field).
void compute_class(ConjugateClass& c) {
  if (c.computed) return;
  const long d = c.f.degree();
  // The modular norm is proven by an exact check; the resultants are the
  // fallback (their d + 1 exact resultants of degree-d forms took minutes
  // at d = 102: the palindromic (2,2,2,2) target of docs/user-guide.md).
  std::optional<RatPoly> chi = detail::conjugate_norm_modular(c.f, c.num, c.den);
  const RatPoly norm = chi ? std::move(*chi) : detail::conjugate_norm_resultant(c.f, c.num, c.den);
  if (norm.degree() != d) throw domain_error("algebraic number: the denominator vanishes at the point");
  c.g = divexact(norm, gcd(norm, norm.derivative()));
  if (c.g.degree() >= 2)
    for (const RealRoot& r : real_roots(BinaryForm(static_cast<int>(c.g.degree()), c.g)))
      c.candidates.push_back(checked_root(r));
  c.computed = true;
}

}  // namespace

AlgebraicReal::AlgebraicReal() : root_(rational_root(Rational())) {}

AlgebraicReal::AlgebraicReal(const Rational& q) : root_(rational_root(q)) {}

AlgebraicReal::AlgebraicReal(const RealRoot& r) : root_(checked_root(r)) {}

AlgebraicReal AlgebraicReal::root_of(const IntPoly& p, const Rational& lo, const Rational& hi) {
  if (hi < lo) throw invalid_argument("empty interval [" + lo.to_string() + ", " + hi.to_string() + "]");
  if (p.degree() < 1)
    throw invalid_argument("the polynomial " + p.to_string() + " has no root in [" + lo.to_string() + ", " +
                           hi.to_string() + "]");
  std::vector<AlgebraicReal> inside;
  for (const RealRoot& r : real_roots(BinaryForm(static_cast<int>(p.degree()), RatPoly(p)))) {
    AlgebraicReal x(r);
    if (compare(x, lo) >= 0 && compare(x, hi) <= 0) inside.push_back(std::move(x));
  }
  if (inside.size() != 1)
    throw invalid_argument(p.to_string() + " has " + std::to_string(inside.size()) + " distinct real roots in [" +
                           lo.to_string() + ", " + hi.to_string() + "], not exactly one");
  return inside.front();
}

const RealRoot& AlgebraicReal::root() const {
  canonicalize();
  return *root_;
}

const Rational& AlgebraicReal::lo() const noexcept { return lazy_ ? lazy_->lo : root_->lo(); }
const Rational& AlgebraicReal::hi() const noexcept { return lazy_ ? lazy_->hi : root_->hi(); }

const Rational& AlgebraicReal::rational() const {
  if (!is_rational()) throw domain_error("the algebraic number is irrational (degree " + std::to_string(degree()) + ")");
  return root_->lo();
}

int AlgebraicReal::sign() const { return compare(*this, Rational()); }

void AlgebraicReal::narrow(long bits) const {
  if (!lazy_) {
    if (!root_->is_exact()) detail::refine_root(*root_, root_->width() * pow2(-bits));
    return;
  }
  if (lazy_->lo == lazy_->hi) {  // a ball of radius 0 pins the value: it is this rational
    root_ = rational_root(lazy_->lo);
    lazy_.reset();
    return;
  }
  enclose_ratio(*lazy_, (lazy_->hi - lazy_->lo) * pow2(-bits));
}

void AlgebraicReal::canonicalize() const {
  if (!lazy_) return;
  ConjugateClass& c = *lazy_->cls;
  compute_class(c);
  if (c.g.degree() == 1) {
    root_ = rational_root(-(c.g.coeff(0) / c.g.coeff(1)));
    lazy_.reset();
    return;
  }
  // The value is the root of g whose isolating interval its enclosure meets
  // (the intervals are disjoint and one of them holds the value).
  for (int round = 0;; ++round) {
    if (round > 1000) throw domain_error("algebraic number: cannot locate the value among the roots of " + c.g.to_string());
    const std::shared_ptr<RealRoot>* hit = nullptr;
    int hits = 0;
    for (const auto& r : c.candidates)
      if (!(r->hi() < lazy_->lo || lazy_->hi < r->lo())) {
        hit = &r;
        ++hits;
      }
    if (hits == 1) {
      root_ = std::make_shared<RealRoot>(**hit);
      lazy_.reset();
      return;
    }
    if (hits == 0) throw domain_error("algebraic number: the enclosure misses every root of " + c.g.to_string());
    narrow(kNarrowBits);
    if (!lazy_) return;
  }
}

void AlgebraicReal::refine(const Rational& max_width) const {
  if (max_width.sign() <= 0) throw invalid_argument("refinement width must be positive, got " + max_width.to_string());
  if (!lazy_) {
    if (!root_->is_exact()) detail::refine_root(*root_, max_width);
    return;
  }
  while (lazy_ && lazy_->hi - lazy_->lo > max_width)
    narrow(std::max(1L, log2_of((lazy_->hi - lazy_->lo) / max_width) + 1));
}

void AlgebraicReal::refine_bits(long bits) const {
  if (bits < 0) throw invalid_argument("refinement to " + std::to_string(bits) + " bits: must be >= 0");
  refine(pow2(-bits));
}

Ball AlgebraicReal::enclosure(long prec) const {
  if (prec < 2) throw invalid_argument("precision " + std::to_string(prec) + " bits is below 2");
  if (sign() == 0) return Ball();  // the interval now excludes 0 unless x = 0
  if (lazy_ == nullptr && root_->is_exact()) return Ball(root_->lo(), prec);
  refine(std::min(abs(lo()), abs(hi())) * pow2(-prec));
  if (lazy_ == nullptr && root_->is_exact()) return Ball(root_->lo(), prec);
  return Ball::from_interval(lo(), hi(), prec + 8);
}

std::string AlgebraicReal::to_decimal(int digits) const {
  if (std::optional<std::string> d = decimal_if_decided(lo(), hi(), digits)) return *d;
  if (sign() == 0) return "0";
  // Width about |x| 10^-digits decides unless x is close to a rounding
  // boundary; then keep narrowing.  A lazy value may sit exactly on one (a
  // rational in disguise): after a few rounds its canonical form decides.
  refine(std::min(abs(lo()), abs(hi())) * pow(Rational(10L), -static_cast<long>(digits)) * Rational(1L, 4L));
  for (int round = 0;; ++round) {
    if (std::optional<std::string> d = decimal_if_decided(lo(), hi(), digits)) return *d;
    if (round == kNarrowRounds) canonicalize();
    narrow(4);
  }
}

int compare(const AlgebraicReal& a, const Rational& q) {
  for (int round = 0; a.lazy_; ++round) {
    if (q < a.lo()) return 1;
    if (a.hi() < q) return -1;
    if (round == kNarrowRounds) a.canonicalize();
    else a.narrow(kNarrowBits);
  }
  return compare_canonical(*a.root_, q);
}

int compare(const AlgebraicReal& a, const AlgebraicReal& b) {
  if (&a == &b || (a.lazy_ && a.lazy_ == b.lazy_) || (a.root_ && a.root_ == b.root_)) return 0;  // shared value
  for (int round = 0; a.lazy_ || b.lazy_; ++round) {
    if (a.hi() < b.lo()) return -1;
    if (b.hi() < a.lo()) return 1;
    if (round == kNarrowRounds) {
      a.canonicalize();
      b.canonicalize();
    } else {
      (a.hi() - a.lo() >= b.hi() - b.lo() ? a : b).narrow(kNarrowBits);
    }
  }
  return compare_canonical(*a.root_, *b.root_);
}

AlgebraicReal operator-(const AlgebraicReal& x) { return Rational(-1L) * x; }

AlgebraicReal operator*(const Rational& c, const AlgebraicReal& x) {
  if (c.is_zero()) return AlgebraicReal();
  if (x.lazy_) {  // c num(zeta) / den(zeta), lazily
    auto cls = std::make_shared<ConjugateClass>();
    cls->f = x.lazy_->cls->f;
    cls->num = c * x.lazy_->cls->num;
    cls->den = x.lazy_->cls->den;
    const Rational lo = c * x.lazy_->lo, hi = c * x.lazy_->hi;
    AlgebraicReal y;
    y.root_.reset();
    y.lazy_ = std::make_shared<LazyAlgebraic>(LazyAlgebraic{cls, x.lazy_->zeta, std::min(lo, hi), std::max(lo, hi)});
    return y;
  }
  if (x.root_->is_exact()) return AlgebraicReal(c * x.root_->lo());
  // c^d m(t / c), made primitive with a positive leading coefficient; for a
  // root whose minimal polynomial is not computed yet, the same on its
  // square-free polynomial, still lazy (scaling keeps it free of rational roots).
  const bool lazy = !x.root_->has_defining_polynomial();
  const IntPoly& m = lazy ? x.root_->squarefree_polynomial() : x.root_->defining_polynomial();
  const long d = m.degree();
  std::vector<Rational> a;
  for (long i = 0; i <= d; ++i) a.push_back(Rational(m.coeff(i)) * pow(c, d - i));
  IntPoly mc = normalized(RatPoly(a).primitive_integer());
  const Rational lo = c * x.root_->lo(), hi = c * x.root_->hi();
  if (lazy)
    return AlgebraicReal(std::make_shared<RealRoot>(
        detail::RealRootFactory::lazy(std::move(mc), std::min(lo, hi), std::max(lo, hi), 1)));
  return AlgebraicReal(std::make_shared<RealRoot>(mc, std::min(lo, hi), std::max(lo, hi), 1));
}

std::vector<AlgebraicReal> evaluate(const RatPoly& num_in, const RatPoly& den_in,
                                    const std::vector<AlgebraicReal>& conjugates) {
  std::vector<AlgebraicReal> out;
  if (conjugates.empty()) return out;
  const IntPoly& f = conjugates.front().minimal_polynomial();
  for (const AlgebraicReal& x : conjugates)
    if (!(x.minimal_polynomial() == f))
      throw invalid_argument("evaluate: " + x.minimal_polynomial().to_string() + " and " + f.to_string() +
                             " differ: the numbers are not conjugates");
  if (f.degree() == 1) {
    for (const AlgebraicReal& x : conjugates) {
      const Rational dv = den_in.evaluate(x.rational());
      if (dv.is_zero()) throw domain_error("evaluate: the denominator " + den_in.to_string() + " vanishes at the point");
      out.emplace_back(num_in.evaluate(x.rational()) / dv);
    }
    return out;
  }
  auto cls = std::make_shared<ConjugateClass>();
  cls->f = f;
  const RatPoly F(f);
  fmpq_poly_rem(cls->num.raw(), num_in.raw(), F.raw());
  fmpq_poly_rem(cls->den.raw(), den_in.raw(), F.raw());
  if (cls->den.is_zero())
    throw domain_error("evaluate: the denominator " + den_in.to_string() + " vanishes at the point");
  if (cls->num.degree() <= 0 && cls->den.degree() == 0)
    return std::vector<AlgebraicReal>(conjugates.size(), AlgebraicReal(cls->num.coeff(0) / cls->den.coeff(0)));
  for (const AlgebraicReal& x : conjugates) {
    AlgebraicReal y;
    y.root_.reset();
    y.lazy_ = std::make_shared<LazyAlgebraic>(LazyAlgebraic{cls, x.root_, Rational(), Rational()});
    // A first enclosure: num and den to 2^-32, widened to the quotient's bounds.
    Rational r(1L, 1L << 32);
    for (;;) {
      const Ball a = detail::enclose_at_root(cls->num, *x.root_, r), b = detail::enclose_at_root(cls->den, *x.root_, r);
      if (!b.contains_zero()) {
        const Ball v = div(a, b, 128);
        if (v.is_finite()) {
          y.lazy_->lo = v.lower();
          y.lazy_->hi = v.upper();
          break;
        }
      }
      r *= pow2(-32);
    }
    out.push_back(std::move(y));
  }
  return out;
}

std::vector<AlgebraicReal> evaluate(const RatPoly& q, const std::vector<AlgebraicReal>& conjugates) {
  return evaluate(q, RatPoly(std::vector<Rational>{Rational(1L)}), conjugates);
}

AlgebraicReal evaluate(const RatPoly& q, const AlgebraicReal& x) {
  return evaluate(q, std::vector<AlgebraicReal>{x}).front();
}

AlgebraicReal evaluate(const RatPoly& num, const RatPoly& den, const AlgebraicReal& x) {
  return evaluate(num, den, std::vector<AlgebraicReal>{x}).front();
}

std::string to_decimal(const AlgebraicReal& x, int digits) { return x.to_decimal(digits); }

std::ostream& operator<<(std::ostream& os, const AlgebraicReal& x) {
  os << x.to_decimal(default_digits);
  if (!x.is_rational())
    os << " (root of " << x.minimal_polynomial().to_string() << " in [" << x.lo() << ", " << x.hi() << "])";
  return os;
}

}  // namespace lcngeom
