// Gradient-flow invariants, scale recovery and the neural tangent kernel
// (Section 5.2: Prop. 5.13, Cor. 5.14, eqs. 5.5, 5.6, Example 5.15).
#include "lcngeom/dynamics.hpp"

#include <functional>
#include <stdexcept>
#include <utility>

#include <flint/fmpq_poly.h>

#include "lcngeom/error.hpp"
#include "lcngeom/fiber.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

namespace {

Rational two_pow_neg(long bits) { return Rational(Integer(1), pow(Integer(2), static_cast<unsigned long>(bits))); }

// floor(sqrt(q) 2^bits) / 2^bits and the next dyadic above: rational bounds
// lo <= sqrt(q) <= hi with hi - lo <= 2^-bits (q >= 0).
std::pair<Rational, Rational> sqrt_bounds(const Rational& q, long bits) {
  if (q.sign() < 0) throw std::logic_error("sqrt of a negative enclosure");
  const Integer a = q.numerator(), b = q.denominator();
  // sqrt(a/b) 2^bits b = sqrt(a b 4^bits).
  const Integer n = a * b * pow(Integer(4), static_cast<unsigned long>(bits));
  Integer r;
  fmpz_sqrt(r.raw(), n.raw());
  const Integer den = b * pow(Integer(2), static_cast<unsigned long>(bits));
  return {Rational(r, den), Rational(r + Integer(1), den)};
}

// The real root of g (nonzero RatPoly) that the shrinking enclosures
// enclose(bits) (rational intervals, width -> 0) converge to, with the
// Q-irreducible factor of g vanishing there as its defining polynomial.
RealRoot identify_root(const RatPoly& g, const std::function<std::pair<Rational, Rational>(long)>& enclose) {
  std::vector<RealRoot> cands = real_roots(BinaryForm(static_cast<int>(g.degree()), g));
  for (long bits = 16; bits <= 1 << 20; bits *= 2) {
    auto [lo, hi] = enclose(bits);
    std::vector<std::size_t> hit;
    for (std::size_t i = 0; i < cands.size(); ++i)
      if (!(cands[i].hi() < lo || hi < cands[i].lo())) hit.push_back(i);
    if (hit.size() == 1) return cands[hit[0]];
    if (hit.empty()) break;
    Rational w = hi - lo;
    if (w.is_zero()) w = two_pow_neg(bits);
    for (std::size_t i : hit) cands[i].refine(w);
  }
  throw std::logic_error("could not identify an algebraic number among the roots of " + g.to_string());
}

// p(t + c) for a rational shift.
RatPoly shift(const RatPoly& p, const Rational& c) {
  RatPoly lin(std::vector<Rational>{c, Rational(1)}), out;
  fmpq_poly_compose(out.raw(), p.raw(), lin.raw());
  return out;
}

// p(a t^2 + c).
RatPoly compose_square(const RatPoly& p, const Rational& a, const Rational& c) {
  RatPoly q(std::vector<Rational>{c, Rational(0), a}), out;
  fmpq_poly_compose(out.raw(), p.raw(), q.raw());
  return out;
}

// t^d p(N / t) for deg p = d: the minimal polynomial of N / beta from that of beta.
RatPoly reciprocal_scaled(const RatPoly& p, const Rational& N) {
  const long d = p.degree();
  std::vector<Rational> c(static_cast<std::size_t>(d) + 1);
  for (long i = 0; i <= d; ++i) c[static_cast<std::size_t>(d - i)] = p.coeff(i) * pow(N, i);
  return RatPoly(c);
}

void make_positive(RealRoot& r) {
  while (r.lo().sign() <= 0) r.refine(r.width() * Rational(1, 2));
}

struct ExactScales {
  std::vector<Rational> N, S;  // S[l] = delta_1 + ... + delta_l, S[0] = 0
  Rational H;
  RatPoly P;
  std::vector<RealRoot> positive, beta;
};

ExactScales exact_scales(const Filters& rep, const std::vector<Rational>& delta) {
  const std::size_t L = rep.size();
  if (delta.size() + 1 != L)
    throw invalid_argument(std::to_string(delta.size()) + " invariants for " + std::to_string(L) +
                           " filters (need L - 1)");
  ExactScales e;
  e.H = Rational(1);
  for (std::size_t l = 0; l < L; ++l) {
    e.N.push_back(squared_norm(rep[l]));
    if (e.N.back().is_zero())
      throw invalid_argument("filter " + std::to_string(l + 1) + " of the representative is zero");
    e.H *= e.N.back();
  }
  e.S.push_back(Rational(0));
  for (const Rational& d : delta) e.S.push_back(e.S.back() + d);
  e.P = beta_polynomial(delta, e.H);
  Rational b0(0);
  for (const Rational& s : e.S)
    if (-s > b0) b0 = -s;
  // The unique root beyond b0 (the product increases strictly there from -H).
  std::vector<RealRoot> roots = real_roots(BinaryForm(static_cast<int>(L), e.P));
  std::vector<RealRoot> admissible;
  for (RealRoot& r : roots) {
    if (r.lo() < Rational(0) && Rational(0) < r.hi()) r.split_at(Rational(0));  // P(0) = -H != 0
    if (r.lo() >= Rational(0)) e.positive.push_back(r);
    if (r.lo() < b0 && b0 < r.hi()) r.split_at(b0);  // b0 is not a root: P(b0) = -H
    if (r.lo() >= b0 && r.hi() > b0) admissible.push_back(r);
  }
  if (admissible.size() != 1) throw std::logic_error("eq. (5.5) must have exactly one admissible root");
  const RealRoot& b1 = admissible.front();
  const RatPoly f(b1.defining_polynomial());
  for (std::size_t l = 0; l < L; ++l) {
    // beta_l = beta_1 + S_{l-1}: minimal polynomial f(t - S), interval shifted.
    RealRoot r(shift(f, -e.S[l]).primitive_integer(), b1.lo() + e.S[l], b1.hi() + e.S[l], 1);
    make_positive(r);
    e.beta.push_back(std::move(r));
  }
  return e;
}

// kappa = s sqrt(beta / N) as an algebraic number.
RealRoot kappa_root(const RealRoot& beta, const Rational& N, int sign) {
  const RatPoly f(beta.defining_polynomial());
  // f(N kappa^2) = 0.
  const RatPoly g = compose_square(f, N, Rational(0));
  RealRoot b = beta;
  return identify_root(g, [&](long bits) {
    b.refine(two_pow_neg(bits));
    auto lo = sqrt_bounds(b.lo() / N, bits), hi = sqrt_bounds(b.hi() / N, bits);
    if (sign > 0) return std::make_pair(lo.first, hi.second);
    return std::make_pair(-hi.second, -lo.first);
  });
}

std::vector<std::vector<int>> sign_vectors(std::size_t L) {
  std::vector<std::vector<int>> out;
  for (unsigned long mask = 0; mask < (1UL << L); ++mask) {
    std::vector<int> s(L);
    int prod = 1;
    for (std::size_t l = 0; l < L; ++l) {
      s[l] = (mask >> (L - 1 - l)) & 1 ? -1 : 1;
      prod *= s[l];
    }
    if (prod == 1) out.push_back(std::move(s));
  }
  return out;
}

ClassScalesEnclosure enclosed_scales(const FiberClass& c, std::size_t index, const std::vector<Rational>& delta,
                                     long prec) {
  ClassScalesEnclosure out;
  out.class_index = index;
  out.notation = c.notation;
  const std::size_t L = c.filters.size();
  Ball H(1);
  for (const auto& f : c.filters) {
    Ball n;
    for (const Ball& x : f) n = add(n, mul(x, x, prec), prec);
    out.norms_squared.push_back(n);
    H = mul(H, n, prec);
  }
  if (!H.is_positive()) throw not_supported("precision too low to certify H > 0; raise prec");
  std::vector<Rational> S{Rational(0)};
  for (const Rational& d : delta) S.push_back(S.back() + d);
  Rational b0(0);
  for (const Rational& s : S)
    if (-s > b0) b0 = -s;
  auto phi = [&](const Rational& b) {
    Ball v(1);
    for (std::size_t l = 0; l < L; ++l) v = mul(v, Ball(b + S[l], prec), prec);
    return sub(v, H, prec);
  };
  Rational lo = b0, hi = b0 + Rational(1);
  while (!phi(hi).is_positive()) hi = hi * Rational(2) + Rational(1);
  for (long it = 0; it < prec; ++it) {
    const Rational mid = (lo + hi) * Rational(1, 2);
    const Ball v = phi(mid);
    if (v.is_positive()) hi = mid;
    else if (v.is_negative()) lo = mid;
    else break;  // the enclosure of H limits the accuracy
  }
  const Ball b1 = Ball::from_interval(lo, hi, prec);
  for (std::size_t l = 0; l < L; ++l) {
    out.beta.push_back(add(b1, Ball(S[l], prec), prec));
    out.abs_kappa.push_back(sqrt(div(out.beta.back(), out.norms_squared[l], prec), prec));
  }
  return out;
}

void check_arch(const Architecture& arch) {
  if (arch.dimension() != 1 || !arch.stride_one())
    throw not_supported("Corollary 5.14 is stated for 1-D stride-one architectures, not " + arch.to_string());
}

}  // namespace

Rational squared_norm(const std::vector<Rational>& w) {
  Rational s;
  for (const Rational& x : w) s += x * x;
  return s;
}

Rational conserved_difference(const Filters& theta, std::size_t i, std::size_t j) {
  if (i >= theta.size() || j >= theta.size())
    throw invalid_argument("layer index " + std::to_string(i >= theta.size() ? i : j) + " out of range for " +
                           std::to_string(theta.size()) + " filters");
  return squared_norm(theta[i]) - squared_norm(theta[j]);
}

std::vector<Rational> layer_invariants(const Filters& theta) {
  std::vector<Rational> d;
  for (std::size_t i = 0; i + 1 < theta.size(); ++i) d.push_back(conserved_difference(theta, i + 1, i));
  return d;
}

RatPoly beta_polynomial(const std::vector<Rational>& delta, const Rational& H) {
  RatPoly p(std::vector<Rational>{Rational(0), Rational(1)});  // beta
  Rational S(0);
  for (const Rational& d : delta) {
    S += d;
    p = p * RatPoly(std::vector<Rational>{S, Rational(1)});
  }
  return p - RatPoly(std::vector<Rational>{H});
}

ScaleRecovery recover_scales(const Architecture& arch, const Filters& init, const BinaryForm& limit, long prec) {
  check_arch(arch);
  (void)mu(arch, init);  // validates the filter sizes
  ScaleRecovery out;
  out.delta = layer_invariants(init);
  const Fiber fib = fiber(arch, limit, prec);
  const auto signs = sign_vectors(init.size());
  for (std::size_t i = 0; i < fib.classes.size(); ++i) {
    const FiberClass& c = fib.classes[i];
    if (!c.rational) {
      out.enclosed.push_back(enclosed_scales(c, i, out.delta, prec));
      continue;
    }
    ExactScales e = exact_scales(*c.exact, out.delta);
    ClassScales cs;
    cs.class_index = i;
    cs.notation = c.notation;
    cs.representative = *c.exact;
    cs.norms_squared = e.N;
    cs.H = e.H;
    cs.beta_polynomial = e.P;
    cs.positive_roots = e.positive;
    cs.beta = e.beta;
    std::vector<RealRoot> plus, minus;
    for (std::size_t l = 0; l < e.beta.size(); ++l) {
      plus.push_back(kappa_root(e.beta[l], e.N[l], +1));
      minus.push_back(kappa_root(e.beta[l], e.N[l], -1));
    }
    for (const auto& s : signs) {
      ScaledPoint p;
      p.signs = s;
      for (std::size_t l = 0; l < s.size(); ++l) p.kappa.push_back(s[l] > 0 ? plus[l] : minus[l]);
      cs.points.push_back(std::move(p));
    }
    out.classes.push_back(std::move(cs));
  }
  return out;
}

RatMatrix neural_tangent_kernel(const Architecture& arch, const Filters& theta) {
  const RatMatrix J = jacobian(arch, theta);
  return J * J.transpose();
}

std::vector<RatMatrix> neural_tangent_kernel_terms(const Architecture& arch, const Filters& theta) {
  const RatMatrix J = jacobian(arch, theta);
  std::vector<RatMatrix> out;
  long col = 0;
  for (const auto& w : theta) {
    RatMatrix Jl(J.rows(), static_cast<long>(w.size()));
    for (long i = 0; i < J.rows(); ++i)
      for (long j = 0; j < Jl.cols(); ++j) Jl.set(i, j, J.at(i, col + j));
    col += Jl.cols();
    out.push_back(Jl * Jl.transpose());
  }
  return out;
}

KernelFromInvariants kernel_from_invariants(const Architecture& arch, const Filters& representative,
                                            const std::vector<Rational>& delta) {
  KernelFromInvariants k;
  k.terms = neural_tangent_kernel_terms(arch, representative);  // validates sizes
  ExactScales e = exact_scales(representative, delta);
  for (std::size_t l = 0; l < e.beta.size(); ++l) {
    const RealRoot& b = e.beta[l];  // positive: lo > 0
    const RatPoly g = reciprocal_scaled(RatPoly(b.defining_polynomial()), e.N[l]);
    k.weights.emplace_back(g.primitive_integer(), e.N[l] / b.hi(), e.N[l] / b.lo(), 1);
  }
  return k;
}

std::vector<std::vector<Ball>> KernelFromInvariants::evaluate(long prec) const {
  if (terms.empty()) return {};
  const long n = terms.front().rows();
  std::vector<std::vector<Ball>> K(static_cast<std::size_t>(n), std::vector<Ball>(static_cast<std::size_t>(n)));
  for (std::size_t l = 0; l < terms.size(); ++l) {
    RealRoot c = weights[l];
    c.refine(two_pow_neg(prec));
    const Ball cb = Ball::from_interval(c.lo(), c.hi(), prec);
    for (long i = 0; i < n; ++i)
      for (long j = 0; j < n; ++j) {
        Ball& x = K[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        x = add(x, mul(cb, Ball(terms[l].at(i, j), prec), prec), prec);
      }
  }
  return K;
}

}  // namespace lcngeom
