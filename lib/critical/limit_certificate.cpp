// LimitCertifier: the local certificate (limit_local.cpp) plus what is
// decided exactly around it -- rational points, w* = u, global minimality
// (function_space_minimum.hpp), pure / spurious (Section 5.1), Corollary 5.5
// compatibility, the exact algebraic description, and point identities.
#include "lcngeom/limit_certificate.hpp"

#include <flint/fmpq.h>

#include <map>
#include <mutex>
#include <sstream>

#include "lcngeom/compatibility.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/limit_local.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/function_space.hpp"
#include "lcngeom/function_space_minimum.hpp"
#include "lcngeom/loci.hpp"
#include "lcngeom/parameter_critical.hpp"

namespace lcngeom {

namespace {

struct Registered {
  Partition lambda;
  std::vector<Ball> point;
  std::vector<Rational> wf;
  Rational radius;
};

/// Upper bound of ||p - w|| for an enclosure p and an exact w.
Ball distance_to(const std::vector<Ball>& p, const std::vector<Rational>& w, long prec) {
  Ball s(0L);
  for (std::size_t i = 0; i < p.size(); ++i) {
    Ball d = sub(p[i], Ball(w[i], prec), prec);
    s = add(s, mul(d, d, prec), prec);
  }
  Ball r;
  arb_sqrtpos(r.raw(), s.raw(), prec);
  return r;
}

bool certainly_less(const Ball& a, const Rational& b, long prec) { return arb_lt(a.raw(), Ball(b, prec).raw()); }

/// The simplest rational in a ball, if its denominator is at most 2^bits.
std::optional<Rational> simple_rational_in(const Ball& b, long bits) {
  if (!b.is_finite()) return std::nullopt;
  const Rational lo = b.lower(), hi = b.upper();
  Rational q;
  fmpq_simplest_between(q.raw(), lo.raw(), hi.raw());
  if (q.denominator().bits() > bits || q.numerator().bits() > 4 * bits) return std::nullopt;
  return q;
}

}  // namespace

struct LimitCertifier::Impl {
  Architecture arch;
  BinaryForm target;
  InnerProduct sigma;
  LimitCertificateOptions options;
  std::vector<int> filters;
  int n = 0;
  std::unique_ptr<detail::LimitProblem> problem;

  mutable std::once_flag region_once;
  mutable Region region = Region::interior;
  Region target_region() const {
    std::call_once(region_once, [&] {
      region = target.is_zero() ? form_region(arch, target) : rrmp_region(arch, lcngeom::rrmp(target));
    });
    return region;
  }

  mutable std::mutex registry_mutex;
  mutable std::vector<Registered> registry;

  mutable std::once_flag minimum_once;
  mutable std::optional<FunctionSpaceMinimum> minimum;
  mutable std::string minimum_error;

  mutable std::mutex loci_mutex;
  mutable std::map<Partition, std::shared_ptr<const CriticalPointSet>> loci;
  mutable std::map<Partition, std::string> loci_error;

  Impl(const Architecture& a, const BinaryForm& u, const InnerProduct& s, const LimitCertificateOptions& o)
      : arch(a), target(u), sigma(s), options(o) {}

  CertifiedLimit certify(const std::vector<Rational>& wf) const;
  std::optional<std::size_t> identify(const CertifiedLimit& c, const std::vector<Rational>& wf, bool& ambiguous) const;
  void decide_global_minimum(CertifiedLimit& c, const std::vector<Rational>& wf) const;
  void describe_exactly(CertifiedLimit& c, const std::vector<Rational>& wf) const;
  const FunctionSpaceMinimum* function_space_min() const;
  std::shared_ptr<const CriticalPointSet> locus(const Partition& lambda, std::string& error) const;
};

LimitCertifier::LimitCertifier(const Architecture& arch, const BinaryForm& target, const InnerProduct& sigma,
                               const LimitCertificateOptions& options)
    : impl_(std::make_unique<Impl>(arch, target, sigma, options)) {
  if (arch.dimension() != 1 || !arch.stride_one())
    throw invalid_argument("LimitCertifier: the architecture " + arch.to_string() +
                           " is not one-dimensional with stride one");
  const int k = arch.end_to_end_filter_size();
  impl_->filters = arch.filters();
  impl_->n = k - 1;
  if (impl_->n < 1)
    throw invalid_argument("LimitCertifier: the architecture " + arch.to_string() +
                           " has end-to-end filter size 1 (forms of degree 0 have no roots)");
  if (target.degree() != k - 1)
    throw invalid_argument("LimitCertifier: the target " + target.to_string() + " has degree " +
                           std::to_string(target.degree()) + ", but " + arch.to_string() +
                           " has end-to-end filters of size " + std::to_string(k) + " (degree " +
                           std::to_string(k - 1) + ")");
  if (sigma.degree() != k - 1)
    throw invalid_argument("LimitCertifier: the inner product acts on forms of degree " +
                           std::to_string(sigma.degree()) + ", but " + arch.to_string() + " needs degree " +
                           std::to_string(k - 1));
  if (options.precision < 64 || options.precision > 100000)
    throw invalid_argument("LimitCertifier: precision must be in 64..100000 bits, got " +
                           std::to_string(options.precision));
  impl_->problem = std::make_unique<detail::LimitProblem>(target, sigma);
}

LimitCertifier::~LimitCertifier() = default;
LimitCertifier::LimitCertifier(LimitCertifier&&) noexcept = default;
LimitCertifier& LimitCertifier::operator=(LimitCertifier&&) noexcept = default;

CertifiedLimit LimitCertifier::certify(const Filters& theta_final) const {
  return impl_->certify(mu(impl_->arch, theta_final).coefficients());
}

CertifiedLimit LimitCertifier::certify_end_to_end(const BinaryForm& w_final) const {
  if (w_final.degree() != impl_->n)
    throw invalid_argument("LimitCertifier: the end-to-end filter " + w_final.to_string() + " has degree " +
                           std::to_string(w_final.degree()) + ", expected " + std::to_string(impl_->n));
  return impl_->certify(w_final.coefficients());
}

std::size_t LimitCertifier::distinct_points() const {
  std::lock_guard<std::mutex> lock(impl_->registry_mutex);
  return impl_->registry.size();
}

CertifiedLimit LimitCertifier::Impl::certify(const std::vector<Rational>& wf) const {
  const long prec = options.precision;
  detail::LocalCertificate lc = detail::certify_near(*problem, wf, prec);
  CertifiedLimit c;
  if (!lc.certified) {
    c.reason = lc.reason;
    return c;
  }
  c.certified = true;
  c.lambda = lc.lambda;
  c.rrmp = lc.rrmp;
  c.point = lc.point;
  c.loss = lc.loss;
  c.radius = lc.radius;
  c.distance_bound = lc.distance_bound;
  c.is_target = lc.is_target;
  const BinaryForm wform(wf);
  auto in_ball = [&](const BinaryForm& p) {
    return InnerProduct::euclidean(n).distance_squared(p, wform) < c.radius * c.radius;
  };
  // Exact point: u, or a verified small-height rational guess.
  if (c.is_target) {
    c.exact_point = target;
  } else {
    std::vector<Rational> guess;
    for (const Ball& b : c.point) {
      auto q = simple_rational_in(b, 24);
      if (!q) break;
      guess.push_back(*q);
    }
    if (guess.size() == c.point.size()) {
      BinaryForm g(guess);
      // Critical with pattern exactly lambda and inside B: by uniqueness it is w*.
      if (!g.is_zero() && root_pattern(g) == c.lambda && is_critical_on_locus(g, target, sigma) && in_ball(g))
        c.exact_point = g;
    }
  }
  if (c.exact_point) {
    c.point.clear();
    for (const Rational& q : c.exact_point->coefficients()) c.point.emplace_back(q, prec);
    c.loss_exact = sigma.distance_squared(*c.exact_point, target);
    c.loss = Ball(*c.loss_exact, prec);
  }
  c.compatible = is_compatible(c.rrmp, filters);
  if (options.exact_description) describe_exactly(c, wf);
  if (options.decide_pure) {
    const Region pos = rrmp_region(arch, c.rrmp);
    if (pos == Region::complement) c.notes.push_back("w* lies outside M_k: no parameter maps to it");
    else c.pure = pos == Region::boundary || c.is_target;
  }
  decide_global_minimum(c, wf);
  // Point identity.
  bool ambiguous = false;
  std::lock_guard<std::mutex> lock(registry_mutex);
  auto idx = identify(c, wf, ambiguous);
  if (ambiguous) {
    CertifiedLimit refused;
    refused.reason = "certified, but not distinguishable from an earlier certified point at this precision";
    return refused;
  }
  if (idx) {
    c.point_index = *idx;
  } else {
    c.point_index = registry.size();
    registry.push_back(Registered{c.lambda, c.point, wf, c.radius});
  }
  return c;
}

// Two certified points are equal iff one lies in the other's ball (each ball
// holds a single critical point); distinct points lie at least 2r/3 apart,
// far more than the widths of their enclosures, so one of the tests decides.
std::optional<std::size_t> LimitCertifier::Impl::identify(const CertifiedLimit& c, const std::vector<Rational>& wf,
                                                          bool& ambiguous) const {
  const long prec = options.precision;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Registered& e = registry[i];
    if (!(e.lambda == c.lambda)) continue;
    if (certainly_less(distance_to(c.point, e.wf, prec), e.radius, prec)) return i;
    if (certainly_less(distance_to(e.point, wf, prec), c.radius, prec)) return i;
    bool disjoint = false;
    for (std::size_t j = 0; j < c.point.size() && !disjoint; ++j)
      disjoint = !arb_overlaps(c.point[j].raw(), e.point[j].raw());
    if (!disjoint) ambiguous = true;
  }
  return std::nullopt;
}

const FunctionSpaceMinimum* LimitCertifier::Impl::function_space_min() const {
  std::call_once(minimum_once, [&] {
    try {
      minimum = minimum_on_function_space(arch, target, sigma, 30);
    } catch (const error& e) {
      minimum_error = e.what();
    }
  });
  return minimum ? &*minimum : nullptr;
}

void LimitCertifier::Impl::decide_global_minimum(CertifiedLimit& c, const std::vector<Rational>& wf) const {
  const long prec = options.precision;
  if (!rrmp_in_function_space(arch, c.rrmp)) {
    c.global_minimum = false;
    c.global_minimum_reason = "w* (rrmp " + c.rrmp.to_string() + ") is not in M_k";
    return;
  }
  if (c.is_target) {
    c.global_minimum = true;
    c.global_minimum_reason = "w* = u: loss 0";
    return;
  }
  if (target_region() != Region::complement) {
    c.global_minimum = false;
    c.global_minimum_reason = "u lies in M_k: min l = 0 < l(w*)";
    return;
  }
  if (!options.decide_global_minimum) {
    c.global_minimum_reason = "u lies outside M_k; the exact search was not asked for";
    return;
  }
  const FunctionSpaceMinimum* m = function_space_min();
  if (!m) {
    c.global_minimum_reason = "the exact search failed: " + minimum_error;
    c.notes.push_back(c.global_minimum_reason);
    return;
  }
  const std::string value = m->value_exact ? m->value_exact->to_string() : m->value_decimal;
  if (arb_gt(c.loss.raw(), m->value_ball.raw())) {
    c.global_minimum = false;
    c.global_minimum_reason = "a point of M_k has loss " + value + " < l(w*)";
    return;
  }
  if (c.loss_exact) {
    const int s = compare_minimum(*m, *c.loss_exact);
    if (s < 0) {
      c.global_minimum = false;
      c.global_minimum_reason = "a point of M_k has loss " + value + " < l(w*) = " + c.loss_exact->to_string();
    } else if (s == 0 && m->complete) {
      c.global_minimum = true;
      c.global_minimum_reason = "l(w*) = " + value + " = min of l on M_k (exact search)";
    } else {
      c.global_minimum_reason = m->complete ? "inconsistent: l(w*) < the exact minimum" : "search incomplete";
      c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
    }
    return;
  }
  // l(w*) is within the enclosure of the minimum: w* is a minimiser iff one of
  // the minimisers is w*, i.e. lies in the ball (uniqueness); the minimisers'
  // decimals are certified to 10^-digits.
  const Rational eps{std::string_view("1e-" + std::to_string(m->digits))};
  bool found = false, all_outside = true;
  for (const FunctionSpaceCandidate& cand : m->minimisers) {
    if (!cand.lambda || !(*cand.lambda == c.lambda)) continue;
    std::vector<Ball> enc;
    for (const std::string& d : cand.coefficients) {
      const Rational v{std::string_view(d)};
      enc.push_back(Ball::from_interval(v - eps, v + eps, prec));
    }
    const Ball dist = distance_to(enc, wf, prec);
    if (certainly_less(dist, c.radius, prec)) found = true;
    else if (!arb_gt(dist.raw(), Ball(c.radius, prec).raw())) all_outside = false;
  }
  if (found && m->complete) {
    c.global_minimum = true;
    c.global_minimum_reason = "w* is a minimiser of the exact search: min l on M_k = " + value;
  } else if (!found && all_outside) {
    c.global_minimum = false;
    c.global_minimum_reason = "the minimisers of the exact search (value " + value + ") are other points";
  } else {
    c.global_minimum_reason = "could not match w* with the minimisers of the exact search";
    c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
  }
}

std::shared_ptr<const CriticalPointSet> LimitCertifier::Impl::locus(const Partition& lambda, std::string& err) const {
  std::lock_guard<std::mutex> lock(loci_mutex);
  if (auto it = loci.find(lambda); it != loci.end()) return it->second;
  if (auto it = loci_error.find(lambda); it != loci_error.end()) {
    err = it->second;
    return nullptr;
  }
  try {
    CriticalPointOptions o;
    o.digits = 0;
    o.seed = options.seed;
    auto set = std::make_shared<const CriticalPointSet>(critical_points(lambda, target, sigma, o));
    loci.emplace(lambda, set);
    return set;
  } catch (const error& e) {
    err = loci_error[lambda] = e.what();
    return nullptr;
  }
}

void LimitCertifier::Impl::describe_exactly(CertifiedLimit& c, const std::vector<Rational>& wf) const {
  const long prec = options.precision;
  std::string err;
  auto set = locus(c.lambda, err);
  if (!set) {
    c.notes.push_back("no exact description: " + err);
    return;
  }
  for (const RealCriticalPoint& rp : set->real_points) {
    const CriticalOrbit& o = set->orbits[rp.orbit];
    RealRoot root = rp.root;
    std::vector<Ball> enc;
    const Rational rad = c.radius * Rational(1L, 1000L);
    for (const RatPoly& num : o.w) {
      const Ball a = detail::enclose_at_root(num, root, rad), b = detail::enclose_at_root(o.denominator, root, rad);
      if (b.contains_zero()) break;
      enc.push_back(div(a, b, prec));
    }
    if (enc.size() != o.w.size()) continue;
    if (!certainly_less(distance_to(enc, wf, prec), c.radius, prec)) continue;
    CertifiedAlgebraicPoint ap;
    ap.orbit = rp.orbit;
    ap.minimal_polynomial = o.minimal_polynomial;
    ap.root = root;
    ap.numerators = o.w;
    ap.denominator = o.denominator;
    c.algebraic = std::move(ap);
    return;
  }
  c.notes.push_back("no exact description: no real critical point of critical_points() on Delta" +
                    c.lambda.to_string() + " was certified inside the ball");
}

std::string summary(const CertifiedLimit& c) {
  std::ostringstream os;
  if (!c.certified) {
    os << "uncertified: " << c.reason;
    return os.str();
  }
  os << "certified " << c.rrmp.to_string() << " on Delta" << c.lambda.to_string() << ", loss "
     << (c.loss_exact ? c.loss_exact->to_string() : c.loss.to_string(10)) << ", r = " << c.radius.to_double()
     << ", point #" << c.point_index;
  if (c.exact_point) os << " = " << c.exact_point->to_string();
  if (c.global_minimum) os << (*c.global_minimum ? ", global minimum" : ", not the global minimum");
  if (c.pure) os << (*c.pure ? ", pure" : ", spurious");
  return os.str();
}

}  // namespace lcngeom
