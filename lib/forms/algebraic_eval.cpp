#include "lcngeom/detail/algebraic_eval.hpp"

#include <arb_poly.h>
#include <flint/fmpz_vec.h>

#include <algorithm>
#include <cstdlib>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

Rational pow10_neg(int digits) { return Rational(Integer(1L), pow(Integer(10L), static_cast<unsigned long>(digits))); }

// Bits of q's largest numerator coefficient plus its denominator's: arb then
// evaluates q with about `prec - coefficient_bits` correct bits even when the
// terms cancel.
long coefficient_bits(const RatPoly& q) {
  const fmpq_poly_struct* f = q.raw();
  const slong len = fmpq_poly_length(f);
  return std::labs(_fmpz_vec_max_bits(f->coeffs, len)) + static_cast<long>(fmpz_bits(fmpq_poly_denref(f)));
}

// Upper bound on log2(1 / r) for 0 < r (0 if r >= 1).
long inverse_bits(const Rational& r) {
  return std::max(0L, r.denominator().bits() - r.numerator().bits() + 1);
}

// q = N / d (N integral) prepared for arb evaluation at one precision at a
// time: converting N costs a rounding per coefficient, so it is done once per
// precision, and the division by d once per evaluation.
class ArbPoly {
 public:
  explicit ArbPoly(const RatPoly& q) : q_(q) { arb_poly_init(p_); }
  ~ArbPoly() { arb_poly_clear(p_); }
  ArbPoly(const ArbPoly&) = delete;
  ArbPoly& operator=(const ArbPoly&) = delete;

  Ball operator()(const Ball& x, long prec) {
    const fmpq_poly_struct* f = q_.raw();
    if (prec != prec_) {
      arb_poly_fit_length(p_, fmpq_poly_length(f));
      for (slong i = 0; i < fmpq_poly_length(f); ++i) arb_set_round_fmpz(p_->coeffs + i, f->coeffs + i, prec);
      _arb_poly_set_length(p_, fmpq_poly_length(f));
      _arb_poly_normalise(p_);
      prec_ = prec;
    }
    Ball y;
    arb_poly_evaluate(y.raw(), p_, x.raw(), prec);
    if (!fmpz_is_one(fmpq_poly_denref(f))) arb_div_fmpz(y.raw(), y.raw(), fmpq_poly_denref(f), prec);
    return y;
  }

 private:
  const RatPoly& q_;
  arb_poly_t p_;
  long prec_ = -1;
};

// Refines `root` until eval(enclosure of the root, prec) has radius <=
// target.  The radius of eval on an interval is about (its width) x (the
// derivative) plus rounding: the width shrinks in proportion to what is
// missing (a few bisections, not a fixed 20 per round), and the precision
// doubles only when rounding alone (eval at the exact midpoint) exceeds half
// the target.  eval returns a non-finite ball where it is undefined.
template <class Eval>
Ball refine_until(RealRoot& root, const Rational& target, long prec, Eval&& eval) {
  constexpr long kMaxPrec = 1L << 24;
  for (int round = 0; round < 600; ++round) {
    Ball y = eval(Ball::from_interval(root.lo(), root.hi(), prec), prec);
    if (y.is_finite() && y.radius() <= target) return y;
    if (root.is_exact()) {
      if (prec >= kMaxPrec) break;
      prec *= 2;
      continue;
    }
    const Rational mid = (root.lo() + root.hi()) * Rational(1L, 2L);
    Ball at_mid = eval(Ball(mid, prec), prec);
    if ((!at_mid.is_finite() || at_mid.radius() * Rational(2L) > target) && prec < kMaxPrec) prec *= 2;
    // Shrink the width by target / radius (between 2^-64 and 2^-4 per round).
    long shrink_bits = 20;
    if (y.is_finite() && !y.radius().is_zero())
      shrink_bits = std::clamp(inverse_bits(target / y.radius()) + 2, 4L, 64L);
    root.refine(root.width() * Rational(Integer(1L), pow(Integer(2L), static_cast<unsigned long>(shrink_bits))));
  }
  throw domain_error("algebraic evaluation at a root: no convergence (precision limit reached)");
}

}  // namespace

Ball enclose_at_root(const RatPoly& q, RealRoot& root, const Rational& max_radius) {
  if (max_radius.sign() <= 0) throw invalid_argument("enclose_at_root: radius must be positive");
  if (root.at_infinity()) throw domain_error("enclose_at_root: the root (1:0) has no affine value");
  // Absolute radius: the value itself may be as large as the coefficients.
  const long prec = 64 + coefficient_bits(q) + inverse_bits(max_radius);
  ArbPoly eval(q);
  return refine_until(root, max_radius, prec, eval);
}

std::string decimal_at_root(const RatPoly& q, RealRoot& root, int digits) {
  if (digits < 0) throw invalid_argument("decimal_at_root: digits must be >= 0, got " + std::to_string(digits));
  if (q.degree() <= 0) return q.coeff(0).to_decimal(digits);
  const Rational eps = pow10_neg(digits);
  Ball y = enclose_at_root(q, root, eps * Rational(1L, 2L));
  // |q(alpha) - mid| <= eps/2 and rounding mid to `digits` decimals adds <= eps/2.
  return y.midpoint().to_decimal(digits);
}

std::string decimal_ratio_at_root(const RatPoly& num, const RatPoly& den, RealRoot& root, int digits) {
  if (digits < 0) throw invalid_argument("decimal_ratio_at_root: digits must be >= 0, got " + std::to_string(digits));
  if (den.degree() <= 0) {
    if (den.is_zero()) throw domain_error("decimal_ratio_at_root: zero denominator");
    return decimal_at_root(Rational(1L) / den.coeff(0) * num, root, digits);
  }
  if (root.at_infinity()) throw domain_error("decimal_ratio_at_root: the root (1:0) has no affine value");
  // The quotient is enclosed directly (relative accuracy), not num and den to
  // an absolute 10^-digits each: at a target with 50-digit coefficients both
  // are near 2^5000 and the absolute enclosures cost thousands of bisections.
  const Rational eps = pow10_neg(digits) * Rational(1L, 2L);
  // Relative accuracy: the precision starts near what the digits need and
  // doubles only if rounding (not the root's width) limits the enclosure.
  const long prec = 128 + inverse_bits(eps);
  ArbPoly eval_num(num), eval_den(den);
  Ball q = refine_until(root, eps, prec, [&](const Ball& x, long p) {
    Ball a = eval_num(x, p), b = eval_den(x, p), r;
    if (b.contains_zero()) arb_indeterminate(r.raw());
    else arb_div(r.raw(), a.raw(), b.raw(), p);
    return r;
  });
  return q.midpoint().to_decimal(digits);
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
