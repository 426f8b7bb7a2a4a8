// LimitCertifier: the local certificate (limit_local.cpp) plus what is
// decided exactly around it -- rational points, w* = u, global minimality
// (function_space_minimum.hpp), pure / spurious (Section 5.1), Corollary 5.5
// compatibility, the exact algebraic description, and point identities.
#include "lcngeom/limit_certificate.hpp"

#include <flint/fmpq.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <sstream>

#include "lcngeom/compatibility.hpp"
#include "lcngeom/critical_points.hpp"
#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/limit_local.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/function_space.hpp"
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

  mutable std::mutex loci_mutex;
  mutable std::map<Partition, std::shared_ptr<const CriticalPointSet>> loci;
  mutable std::map<Partition, std::string> loci_error;

  Impl(const Architecture& a, const BinaryForm& u, const InnerProduct& s, const LimitCertificateOptions& o)
      : arch(a), target(u), sigma(s), options(o) {}

  CertifiedLimit certify(const std::vector<Rational>& wf) const;
  std::optional<std::size_t> identify(const CertifiedLimit& c, const std::vector<Rational>& wf, bool& ambiguous) const;
  void decide_global_minimum(CertifiedLimit& c, const std::vector<Rational>& wf) const;
  void search_global_minimum(CertifiedLimit& c, const std::vector<Rational>& wf) const;
  void describe_exactly(CertifiedLimit& c, const std::vector<Rational>& wf) const;
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
  c.local_minimum_on_stratum = lc.is_target ? std::optional<bool>(true) : lc.local_minimum_on_stratum;
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
  if (options.exact_description) {
    try {
      describe_exactly(c, wf);
    } catch (const error& e) {
      c.notes.push_back(std::string("no exact description: ") + e.what());
    }
  }
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
  // u outside M_k: the minimum is attained on the boundary (l is convex).
  if (rrmp_region(arch, c.rrmp) == Region::interior) {
    c.global_minimum = false;
    c.global_minimum_reason = "w* is an interior point of M_k other than u, where dl != 0";
    return;
  }
  if (c.local_minimum_on_stratum && !*c.local_minimum_on_stratum) {
    c.global_minimum = false;
    c.global_minimum_reason =
        "l decreases along Delta" + c.lambda.to_string() + " at w*, through forms of the same rrmp, which lie in M_k";
    return;
  }
  if (arb_lt(Ball(sigma.norm_squared(target), prec).raw(), c.loss.raw())) {
    c.global_minimum = false;
    c.global_minimum_reason = "the zero form, in M_k, has smaller loss";
    return;
  }
  if (!options.decide_global_minimum) {
    c.global_minimum_reason = "u lies outside M_k; the exact search was not asked for";
    return;
  }
  try {
    search_global_minimum(c, wf);
  } catch (const error& e) {
    c.global_minimum.reset();
    c.global_minimum_reason = std::string("the exact search failed: ") + e.what();
    c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
  }
}

// The finite search of function_space_minimum.hpp restricted to what can hold
// the minimum when u lies outside M_k: the zero form (if on the boundary) and
// the real critical points of the loci whose rrmp lies on the Euclidean
// boundary of M_k (l is convex, so min_M l is attained on the boundary, at a
// critical point of l on the stratum of its rrmp).  w* is one of them: the
// one inside the certified ball.  Losses are compared with certified
// enclosures N(zeta) / D(zeta)^2 refined until they separate (exactly when
// both points are rational).
void LimitCertifier::Impl::search_global_minimum(CertifiedLimit& c, const std::vector<Rational>& wf) const {
  const long prec = options.precision;
  std::vector<Partition> strata;
  for (const Rrmp& r : all_rrmps(n))
    if (rrmp_on_boundary(arch, r) && std::find(strata.begin(), strata.end(), r.lambda()) == strata.end())
      strata.push_back(r.lambda());
  struct Candidate {
    const CriticalOrbit* orbit = nullptr;  // nullptr: the zero form
    RealRoot root{IntPoly(std::vector<long>{0, 1}), Rational(), Rational(), 1};
    std::optional<Rational> exact;  // exact loss
    bool self = false;
  };
  std::vector<Candidate> cands;
  std::vector<std::shared_ptr<const CriticalPointSet>> keep;
  if (arch.even_filter_count() >= 2) {  // the zero form lies on the boundary (function_space.hpp)
    Candidate z;
    z.exact = sigma.norm_squared(target);
    cands.push_back(z);
  }
  int selves = 0;
  for (const Partition& lambda : strata) {
    std::string err;
    auto set = locus(lambda, err);
    if (!set) {
      c.global_minimum_reason = "the exact solver failed on Delta" + lambda.to_string() + ": " + err;
      c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
      return;
    }
    keep.push_back(set);
    for (const RealCriticalPoint& rp : set->real_points) {
      if (!rrmp_on_boundary(arch, rp.rrmp)) continue;
      Candidate cd;
      cd.orbit = &set->orbits[rp.orbit];
      cd.root = rp.root;
      if (rp.exact) cd.exact = rp.distance_squared.rational();
      if (lambda == c.lambda) {
        std::vector<Ball> enc;
        const Rational rad = c.radius * Rational(1L, 1000L);
        for (const RatPoly& num : cd.orbit->w) {
          const Ball a = detail::enclose_at_root(num, cd.root, rad),
                     b = detail::enclose_at_root(cd.orbit->denominator, cd.root, rad);
          if (b.contains_zero()) break;
          enc.push_back(div(a, b, prec));
        }
        cd.self = enc.size() == cd.orbit->w.size() && certainly_less(distance_to(enc, wf, prec), c.radius, prec);
        selves += cd.self;
      }
      cands.push_back(std::move(cd));
    }
  }
  if (selves != 1) {
    c.global_minimum_reason = "w* was not found among the exact critical points of Delta" + c.lambda.to_string();
    c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
    return;
  }
  const Candidate* self = nullptr;
  for (const Candidate& cd : cands)
    if (cd.self) self = &cd;
  // Certified comparison of two candidate losses: -1, 0, 1, or 2 if undecided.
  auto loss_ball = [&](Candidate& cd, const Rational& rad) {
    if (cd.exact) return Ball(*cd.exact, prec);
    const RatPoly den2 = cd.orbit->denominator * cd.orbit->denominator;
    const Ball a = detail::enclose_at_root(cd.orbit->distance_numerator, cd.root, rad),
               b = detail::enclose_at_root(den2, cd.root, rad);
    return div(a, b, prec + 64);
  };
  Candidate me = *self;
  if (!arb_overlaps(loss_ball(me, Rational(1L, 1L << 40)).raw(), c.loss.raw()))
    throw domain_error(
        "limit certificate: l(w*) from the exact solver disagrees with the certificate (internal error)");
  for (Candidate& other : cands) {
    if (other.self) continue;
    int cmp = 2;
    if (other.exact && me.exact) {
      cmp = *other.exact < *me.exact ? -1 : *me.exact < *other.exact ? 1 : 0;
    } else {
      for (long bits = 64; bits <= 1024 && cmp == 2; bits *= 4) {
        Rational eps(1L);
        for (long i = 0; i < bits; i += 32) eps *= Rational(1L, 1L << 32);
        const Ball lo = loss_ball(other, eps), lm = loss_ball(me, eps);
        if (arb_lt(lo.raw(), lm.raw())) cmp = -1;
        else if (arb_gt(lo.raw(), lm.raw())) cmp = 1;
      }
    }
    if (cmp == -1) {
      c.global_minimum = false;
      c.global_minimum_reason = "another critical point on the boundary of M_k has smaller loss (exact search)";
      return;
    }
    if (cmp == 2) {
      c.global_minimum_reason = "a tie between l(w*) and another critical value could not be decided";
      c.notes.push_back("global minimum undecided: " + c.global_minimum_reason);
      return;
    }
  }
  c.global_minimum = true;
  c.global_minimum_reason = "l(w*) is the least loss among the " + std::to_string(cands.size()) +
                            " candidates on the boundary of M_k (exact search)";
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
  if (c.exact_point) {
    const std::string e = c.exact_point->to_string();
    os << " = " << (e.size() <= 60 ? e : "(exact, " + std::to_string(e.size()) + " characters)");
  }
  if (c.global_minimum) os << (*c.global_minimum ? ", global minimum" : ", not the global minimum");
  if (c.pure) os << (*c.pure ? ", pure" : ", spurious");
  return os.str();
}

}  // namespace lcngeom
