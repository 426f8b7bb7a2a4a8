// The global minimum of the square loss on the function space of an LCN
// (Lemma 4.2 / Prop. 4.4 strata + the exact locus solver of Section 6).
#include "lcngeom/function_space_minimum.hpp"

#include <algorithm>

#include <flint/fmpq_mat.h>

#include "lcngeom/critical_points.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/rat_matrix.hpp"

namespace lcngeom {

namespace {

RealRoot exact_root(const Rational& q) {
  // the root q of den * t - num
  return RealRoot(IntPoly(std::vector<Integer>{-q.numerator(), q.denominator()}), q, q, 1);
}

int sign_of(const IntPoly& g, const Rational& t) { return RatPoly(g).evaluate(t).sign(); }

// Equal up to a nonzero rational factor.
bool proportional(const IntPoly& a, const IntPoly& b) {
  RatPoly ra(a), rb(b);
  if (ra.degree() != rb.degree() || ra.is_zero()) return false;
  return (Rational(1) / ra.coeff(ra.degree())) * ra == (Rational(1) / rb.coeff(rb.degree())) * rb;
}

// sign(a - q), exact; refines a.
int compare_with(RealRoot& a, const Rational& q) {
  if (a.is_exact()) return a.lo() < q ? -1 : (q < a.lo() ? 1 : 0);
  if (q <= a.lo()) return 1;  // endpoints of a non-exact isolating interval are not roots
  if (q >= a.hi()) return -1;
  a.split_at(q);  // q is not a root: the defining polynomial is irreducible of degree >= 2
  return a.lo() >= q ? 1 : -1;
}

// sign(a - b), exact.  Both isolate a root of an irreducible defining
// polynomial among all of its real roots; equal defining polynomials and a
// root in the intersection of the intervals mean equal values (each interval
// holds exactly one root).
int compare(RealRoot& a, RealRoot& b) {
  if (a.is_exact()) return -compare_with(b, a.lo());
  if (b.is_exact()) return compare_with(a, b.lo());
  if (proportional(a.defining_polynomial(), b.defining_polynomial())) {
    const Rational lo = std::max(a.lo(), b.lo()), hi = std::min(a.hi(), b.hi());
    if (lo < hi && sign_of(a.defining_polynomial(), lo) * sign_of(a.defining_polynomial(), hi) < 0) return 0;
  }
  const Rational half(1, 2);
  for (long round = 0;; ++round) {  // distinct values: refine until the intervals are disjoint
    if (round > 100000) throw domain_error("minimum_on_function_space: cannot separate two distances");
    if (a.hi() < b.lo()) return -1;
    if (b.hi() < a.lo()) return 1;
    if (a.width() >= b.width()) a.split_at((a.lo() + a.hi()) * half);
    else b.split_at((b.lo() + b.hi()) * half);
    if (a.is_exact() || b.is_exact()) return compare(a, b);
  }
}

// a * b mod f.
RatPoly mulmod(const RatPoly& a, const RatPoly& b, const RatPoly& f) {
  RatPoly q, r;
  divrem(q, r, a * b, f);
  return r;
}

// Matrix of multiplication by a in Q[z]/(f) on the basis 1, z, ..., z^{d-1}.
RatMatrix multiplication_matrix(const RatPoly& a, const RatPoly& f) {
  const long d = f.degree();
  RatMatrix m(d, d);
  const RatPoly z(std::vector<Rational>{Rational(0), Rational(1)});
  RatPoly col = mulmod(a, RatPoly(std::vector<Rational>{Rational(1)}), f);
  for (long j = 0; j < d; ++j) {
    for (long i = 0; i < d; ++i) m.set(i, j, col.coeff(i));
    col = mulmod(col, z, f);
  }
  return m;
}

// The distance N(zeta)/D(zeta)^2 of a real critical point as an exact real
// algebraic number (file comment of the header).
RealRoot distance_value(const CriticalOrbit& orbit, const RealCriticalPoint& p) {
  if (p.distance_squared_exact) return exact_root(*p.distance_squared_exact);
  const RatPoly& f = orbit.minimal_polynomial;
  const RatMatrix a = multiplication_matrix(orbit.denominator * orbit.denominator, f).inverse() *
                      multiplication_matrix(orbit.distance_numerator, f);
  RatPoly chi;
  fmpq_mat_charpoly(chi.raw(), a.raw());
  // chi = minpoly^m (Q(zeta) is a field): its square-free part is the minimal polynomial.
  const RatPoly g = divexact(chi, gcd(chi, chi.derivative()));
  if (g.degree() == 1) return exact_root(-(g.coeff(0) / g.coeff(1)));
  std::vector<RealRoot> roots = real_roots(BinaryForm(static_cast<int>(g.degree()), g));
  RealRoot zeta = p.root;
  Rational radius(1, 1L << 10);
  for (int round = 0; round < 400; ++round) {
    const Ball n = detail::enclose_at_root(orbit.distance_numerator, zeta, radius);
    const Ball d = detail::enclose_at_root(orbit.denominator, zeta, radius);
    if (!d.contains_zero()) {
      const Ball v = div(n, mul(d, d, 256 + 8 * round), 256 + 8 * round);
      if (v.is_finite())
        for (const RealRoot& r : roots)
          if (!r.is_exact() && r.lo() < v.lower() && v.upper() < r.hi()) return r;
    }
    radius *= Rational(1, 1L << 8);
  }
  throw domain_error("minimum_on_function_space: could not locate the distance " + p.distance_squared +
                     " among the real roots of " + g.to_string());
}

std::string pattern_text(const Partition& p) { return p.to_string(); }

}  // namespace

FunctionSpaceMinimum minimum_on_function_space(const Architecture& arch, const BinaryForm& target,
                                               const InnerProduct& sigma, int digits) {
  if (arch.dimension() != 1 || !arch.stride_one())
    throw not_supported("the minimum on the function space is implemented for 1-D stride-one architectures, not " +
                        arch.to_string());
  const int n = arch.end_to_end_filter_size() - 1;
  if (target.degree() != n)
    throw invalid_argument("target " + target.to_coefficient_string() + " has degree " +
                           std::to_string(target.degree()) + ", " + arch.to_string() + " has forms of degree " +
                           std::to_string(n));
  if (sigma.degree() != n)
    throw invalid_argument("inner product " + sigma.name() + " acts on forms of degree " +
                           std::to_string(sigma.degree()) + ", " + arch.to_string() + " has forms of degree " +
                           std::to_string(n));
  if (digits < 0) throw invalid_argument("digits must be >= 0, got " + std::to_string(digits));

  FunctionSpaceMinimum m;
  m.target = target;
  m.digits = digits;
  m.target_position = form_region(arch, target);

  auto rational_candidate = [&](const BinaryForm& w) {
    FunctionSpaceCandidate c;
    if (!w.is_zero()) {
      c.rrmp = rrmp(w);
      c.lambda = c.rrmp->lambda();
    }
    for (const Rational& x : w.coefficients()) c.coefficients.push_back(x.to_decimal(digits));
    c.exact = w;
    c.distance_squared_exact = sigma.distance_squared(w, target);
    c.distance_squared = exact_root(*c.distance_squared_exact);
    c.distance_squared_decimal = c.distance_squared_exact->to_decimal(digits);
    return c;
  };

  if (m.target_position != Region::complement) {
    m.candidates.push_back(rational_candidate(target));  // l(u) = 0 and l > 0 elsewhere
  } else {
    m.candidates.push_back(rational_candidate(BinaryForm::zero(n)));  // 0 is always in M
    std::vector<Partition> in_m;                                      // root patterns of some real rrmp in M
    for (const Rrmp& r : all_rrmps(n))
      if (rrmp_in_function_space(arch, r) && std::find(in_m.begin(), in_m.end(), r.lambda()) == in_m.end())
        in_m.push_back(r.lambda());
    for (const Partition& lambda : partitions(n)) {
      // (1,...,1): the only critical point of l on the open stratum is u, outside M.
      if (lambda.size() == n || std::find(in_m.begin(), in_m.end(), lambda) == in_m.end()) {
        m.skipped.push_back(lambda);
        continue;
      }
      CriticalPointSet set;
      try {
        set = critical_points(lambda, target, sigma, CriticalPointOptions{digits, 1});
      } catch (const not_supported& e) {
        m.complete = false;
        m.unsupported.push_back(pattern_text(lambda) + ": " + e.what());
        continue;
      }
      m.searched.push_back(lambda);
      for (const RealCriticalPoint& p : set.real_points) {
        if (!rrmp_in_function_space(arch, p.rrmp)) continue;
        FunctionSpaceCandidate c;
        c.lambda = lambda;
        c.rrmp = p.rrmp;
        c.coefficients = p.coefficients;
        c.exact = p.exact;
        c.distance_squared = distance_value(set.orbits[p.orbit], p);
        c.distance_squared_decimal = p.distance_squared;
        if (c.distance_squared.is_exact()) c.distance_squared_exact = c.distance_squared.lo();
        m.candidates.push_back(std::move(c));
      }
    }
  }

  // Exact minimum and ties.
  std::size_t best = 0;
  for (std::size_t i = 1; i < m.candidates.size(); ++i)
    if (compare(m.candidates[i].distance_squared, m.candidates[best].distance_squared) < 0) best = i;
  for (FunctionSpaceCandidate& c : m.candidates)
    if (compare(c.distance_squared, m.candidates[best].distance_squared) == 0) m.minimisers.push_back(c);
  std::stable_sort(m.candidates.begin() + 1, m.candidates.end(),
                   [](FunctionSpaceCandidate a, FunctionSpaceCandidate b) {
                     return compare(a.distance_squared, b.distance_squared) < 0;
                   });
  std::sort(
      m.minimisers.begin(), m.minimisers.end(),
      [](const FunctionSpaceCandidate& a, const FunctionSpaceCandidate& b) { return a.coefficients < b.coefficients; });
  m.value = m.minimisers.front().distance_squared;
  m.value_exact = m.minimisers.front().distance_squared_exact;
  m.value.refine_digits(digits + 2);
  m.value_decimal = m.value.to_decimal(digits);
  m.value_ball = m.value_exact ? Ball(*m.value_exact, 64 + 4L * digits)
                               : Ball::from_interval(m.value.lo(), m.value.hi(), 64 + 4L * digits);
  return m;
}

int compare_minimum(const FunctionSpaceMinimum& m, const Rational& c) {
  RealRoot v = m.value;
  return compare_with(v, c);
}

}  // namespace lcngeom
