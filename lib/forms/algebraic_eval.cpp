#include "lcngeom/detail/algebraic_eval.hpp"

#include <algorithm>

#include <arb_poly.h>
#include <flint/fmpz_poly.h>

#include "lcngeom/detail/real_root_factory.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

// floor(log2 |r|) up to 1, for r != 0.
long log2_of(const Rational& r) { return r.numerator().bits() - r.denominator().bits(); }

}  // namespace

void refine_root(RealRoot& root, const Rational& max_width) {
  if (max_width.sign() <= 0) throw invalid_argument("refine_root: width must be positive");
  if (root.at_infinity()) throw domain_error("refine_root: the root (1:0) has no affine value");
  const IntPoly& f = root.squarefree_polynomial();  // square-free is enough: no factoring
  const Rational half(1L, 2L);
  while (!root.is_exact() && root.width() > max_width) {
    const Rational w = root.width();
    const long prec = 64 + 2 * std::max(0L, -log2_of(w)) + static_cast<long>(f.degree()) * 8 +
                      std::labs(static_cast<long>(fmpz_poly_max_bits(f.raw())));
    // N(I) = m - f(m) / f'(I) contains the root when I does; keep I & N(I).
    const Rational m = (root.lo() + root.hi()) * half;
    Ball I = Ball::from_interval(root.lo(), root.hi(), prec), M(m, prec), fm, fpi;
    arb_poly_t F, D;
    arb_poly_init(F);
    arb_poly_init(D);
    arb_poly_set_fmpz_poly(F, f.raw(), prec);
    arb_poly_derivative(D, F, prec);
    arb_poly_evaluate(fm.raw(), F, M.raw(), prec);
    arb_poly_evaluate(fpi.raw(), D, I.raw(), prec);
    arb_poly_clear(F);
    arb_poly_clear(D);
    bool contracted = false;
    if (!fpi.contains_zero() && fm.is_finite() && fpi.is_finite()) {
      const Ball N = sub(M, div(fm, fpi, prec), prec);
      if (N.is_finite()) {
        const Rational lo = std::max(root.lo(), N.lower()), hi = std::min(root.hi(), N.upper());
        if (lo < hi && (hi - lo) * Rational(4L) <= w)
          contracted = RealRootFactory::narrow(root, lo, hi);  // re-checks the sign change, certified
      }
    }
    if (!contracted)
      for (int i = 0; i < 4 && !root.is_exact(); ++i) root.split_at((root.lo() + root.hi()) * half);
  }
}

Ball enclose_at_root(const RatPoly& q, RealRoot& root, const Rational& max_radius) {
  if (max_radius.sign() <= 0) throw invalid_argument("enclose_at_root: radius must be positive");
  if (root.at_infinity()) throw domain_error("enclose_at_root: the root (1:0) has no affine value");
  // Working precision from the sizes involved: coefficient bits, |x|^deg q and
  // the requested radius; what the evaluation still lacks (the deficit of its
  // radius) is then paid by refining the interval and the precision alike.
  const long qbits = static_cast<long>(fmpz_poly_max_bits(q.numerator().raw()));
  const Rational xmax = std::max(abs(root.lo()), abs(root.hi()));
  const long xbits = xmax.is_zero() ? 0 : std::max(0L, log2_of(xmax) + 1) * std::max(1L, q.degree());
  long prec = 64 + (qbits < 0 ? -qbits : qbits) + q.denominator().bits() + xbits + std::max(0L, -log2_of(max_radius));
  for (int round = 0;; ++round) {
    Ball x = Ball::from_interval(root.lo(), root.hi(), prec);
    arb_poly_t p;
    arb_poly_init(p);
    arb_poly_set_fmpq_poly(p, q.raw(), prec);
    Ball y;
    arb_poly_evaluate(y.raw(), p, x.raw(), prec);
    arb_poly_clear(p);
    if (y.is_finite() && y.radius() <= max_radius) return y;
    if (round > 200) throw domain_error("enclose_at_root: no convergence");
    long deficit = 16;
    if (y.is_finite()) deficit = std::max(deficit, log2_of(y.radius() / max_radius) + 16);
    if (!root.is_exact()) refine_root(root, root.width() * pow(Rational(2L), -deficit));
    prec += deficit;
  }
}

int sign_at_root(const RatPoly& q, const RatPoly& f, RealRoot& root) {
  RatPoly r;
  fmpq_poly_rem(r.raw(), q.raw(), f.raw());
  if (r.is_zero()) return 0;
  if (r.degree() == 0) return r.coeff(0).sign();
  Rational rad(1L, 1L << 10);
  for (;;) {
    Ball y = enclose_at_root(r, root, rad);
    if (y.is_positive()) return 1;
    if (y.is_negative()) return -1;
    rad *= Rational(1L, 1L << 16);
  }
}

int count_real_roots_at(const RatQuotient& K, const Vec<RatQuotient>& form, RealRoot& root) {
  // Leading zeros of the form = multiplicity of the root (1:0).
  std::size_t lead = 0;
  while (lead < form.size() && K.is_zero(form[lead])) ++lead;
  if (lead == form.size()) throw domain_error("count_real_roots_at: zero form");
  if (lead > 1) throw domain_error("count_real_roots_at: the form is not square-free at (1:0)");
  const int at_infinity = lead == 1 ? 1 : 0;
  // Degrees <= 3: the sign of the discriminant decides (square-free forms:
  // quadratic 2 or 0 real roots, cubic 3 or 1), no inversion in Q(alpha).
  const std::size_t deg = form.size() - 1;
  if (deg == 1) return 1;
  if (deg == 2 || deg == 3) {
    auto c = [&](std::size_t i) { return form[i]; };
    RatPoly d;
    if (deg == 2) {
      d = K.sub(K.mul(c(1), c(1)), K.mul(K.from_si(4), K.mul(c(0), c(2))));
    } else {
      const RatPoly &a = c(0), &b = c(1), &cc = c(2), &dd = c(3);
      RatPoly bc = K.mul(b, cc), ad = K.mul(a, dd);
      d = K.mul(bc, bc);
      d = K.sub(d, K.mul(K.from_si(4), K.mul(a, K.mul(cc, K.mul(cc, cc)))));
      d = K.sub(d, K.mul(K.from_si(4), K.mul(dd, K.mul(b, K.mul(b, b)))));
      d = K.sub(d, K.mul(K.from_si(27), K.mul(ad, ad)));
      d = K.add(d, K.mul(K.from_si(18), K.mul(ad, bc)));
    }
    const int sg = sign_at_root(d, K.modulus(), root);
    if (sg == 0) throw domain_error("count_real_roots_at: the form is not square-free");
    return deg == 2 ? (sg > 0 ? 2 : 0) : (sg > 0 ? 3 : 1);
  }
  // Affine part p(t) = form(t, 1), ascending coefficients.
  Vec<RatQuotient> p;
  for (std::size_t i = form.size(); i-- > lead;) p.push_back(form[i]);
  if (p.size() <= 1) return at_infinity;
  auto strip = [&](Vec<RatQuotient>& a) {
    while (!a.empty() && K.is_zero(a.back())) a.pop_back();
  };
  auto rem = [&](Vec<RatQuotient> a, const Vec<RatQuotient>& b) {
    RatPoly inv = K.inv(b.back());
    while (a.size() >= b.size()) {
      RatPoly c = K.mul(a.back(), inv);
      const std::size_t shift = a.size() - b.size();
      for (std::size_t i = 0; i + 1 < b.size(); ++i) a[shift + i] = K.sub(a[shift + i], K.mul(c, b[i]));
      a.pop_back();
      strip(a);
    }
    return a;
  };
  std::vector<Vec<RatQuotient>> chain{p};
  Vec<RatQuotient> d;
  for (std::size_t i = 1; i < p.size(); ++i) d.push_back(K.mul(K.from_si(static_cast<long>(i)), p[i]));
  strip(d);
  chain.push_back(d);
  while (chain.back().size() > 1) {
    Vec<RatQuotient> r = rem(chain[chain.size() - 2], chain.back());
    if (r.empty()) throw domain_error("count_real_roots_at: the form is not square-free");
    for (auto& c : r) c = K.neg(c);
    chain.push_back(std::move(r));
  }
  auto changes = [](const std::vector<int>& s) {
    int n = 0;
    for (std::size_t i = 1; i < s.size(); ++i)
      if (s[i] != s[i - 1]) ++n;
    return n;
  };
  std::vector<int> at_plus, at_minus;
  for (const auto& a : chain) {
    const int sg = sign_at_root(a.back(), K.modulus(), root);
    if (sg == 0) throw domain_error("count_real_roots_at: vanishing leading coefficient at the point");
    at_plus.push_back(sg);
    at_minus.push_back((a.size() - 1) % 2 == 0 ? sg : -sg);
  }
  return at_infinity + changes(at_minus) - changes(at_plus);
}

}  // namespace lcngeom::detail
