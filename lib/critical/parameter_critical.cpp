// Critical points of the square loss in parameter space (Section 5.1).
#include "lcngeom/parameter_critical.hpp"

#include <flint/fmpq_mat.h>

#include "lcngeom/decimal.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/flint.hpp"
#include "lcngeom/loci.hpp"
#include "lcngeom/real_roots.hpp"

namespace lcngeom {

std::string to_string(Decision d) {
  switch (d) {
    case Decision::no: return "no";
    case Decision::yes: return "yes";
    case Decision::undecided: return "undecided";
  }
  return "?";
}

namespace {

void require_stride_one(const Architecture& arch) {
  if (arch.dimension() != 1)
    throw not_supported("Section 5 treats 1-D architectures; " + arch.to_string() + " is " +
                        std::to_string(arch.dimension()) + "-dimensional");
  if (!arch.stride_one())
    throw not_supported("Section 5 treats stride one; " + arch.to_string() + " has larger strides");
}

void require_degree(const Architecture& arch, const BinaryForm& p, const char* what) {
  const int n = arch.end_to_end_filter_size() - 1;
  if (p.degree() != n)
    throw invalid_argument(std::string(what) + " " + p.to_coefficient_string() + " has " +
                           std::to_string(p.degree() + 1) + " coefficients, " + arch.to_string() + " needs " +
                           std::to_string(n + 1));
}

std::vector<Rational> residual(const BinaryForm& w, const BinaryForm& u) { return (w - u).coefficients(); }

std::vector<Rational> times(const RatMatrix& a, const std::vector<Rational>& v) {
  std::vector<Rational> out(static_cast<std::size_t>(a.rows()));
  for (long i = 0; i < a.rows(); ++i)
    for (long j = 0; j < a.cols(); ++j) out[static_cast<std::size_t>(i)] += a.at(i, j) * v[static_cast<std::size_t>(j)];
  return out;
}

Rational dot(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  Rational s;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// The Gram matrix of ip after checking that it acts on forms of degree n.
const RatMatrix& checked_matrix(const InnerProduct& ip, int n) {
  if (ip.degree() != n)
    throw invalid_argument("inner product " + ip.name() + " acts on forms of degree " + std::to_string(ip.degree()) +
                           " (" + std::to_string(ip.degree() + 1) + "x" + std::to_string(ip.degree() + 1) +
                           " matrix), the forms here have degree " + std::to_string(n) + " (" + std::to_string(n + 1) +
                           " coefficients)");
  return ip.matrix();
}

bool all_zero(const std::vector<Rational>& v) {
  for (const Rational& x : v)
    if (!x.is_zero()) return false;
  return true;
}

}  // namespace

Rational square_loss(const Architecture& arch, const Filters& theta, const BinaryForm& target, const InnerProduct& ip) {
  require_stride_one(arch);
  const BinaryForm w = mu(arch, theta);
  require_degree(arch, target, "target");
  const RatMatrix& sigma = checked_matrix(ip, w.degree());
  const std::vector<Rational> r = residual(w, target);
  return dot(r, times(sigma, r));
}

std::vector<Rational> square_loss_gradient(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                                           const InnerProduct& ip) {
  require_stride_one(arch);
  const BinaryForm w = mu(arch, theta);
  require_degree(arch, target, "target");
  const RatMatrix& sigma = checked_matrix(ip, w.degree());
  const std::vector<Rational> s = times(sigma, residual(w, target));
  std::vector<Rational> g = times(jacobian(arch, theta).transpose(), s);
  for (Rational& x : g) x *= Rational(2);
  return g;
}

bool is_critical_on_locus(const BinaryForm& w, const BinaryForm& target, const InnerProduct& ip) {
  if (w.is_zero()) throw domain_error("the zero form has no root pattern; its locus tangent space is undefined");
  if (target.degree() != w.degree())
    throw invalid_argument("target " + target.to_coefficient_string() + " has degree " +
                           std::to_string(target.degree()) + ", the form has degree " + std::to_string(w.degree()));
  const RatMatrix& sigma = checked_matrix(ip, w.degree());
  const std::vector<Rational> s = times(sigma, residual(w, target));
  for (const BinaryForm& t : tangent_space(w))  // eq. (5.3)
    if (!dot(s, t.coefficients()).is_zero()) return false;
  return true;
}

RatMatrix square_loss_hessian(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                              const InnerProduct& ip) {
  require_stride_one(arch);
  const BinaryForm w = mu(arch, theta);
  require_degree(arch, target, "target");
  const RatMatrix& sigma = checked_matrix(ip, w.degree());
  const RatMatrix J = jacobian(arch, theta);
  RatMatrix H = J.transpose() * sigma * J;
  const std::vector<Rational> s = times(sigma, residual(w, target));
  std::vector<long> offset{0};
  for (const auto& wl : theta) offset.push_back(offset.back() + static_cast<long>(wl.size()));
  for (std::size_t l = 0; l < theta.size(); ++l)
    for (std::size_t m = l + 1; m < theta.size(); ++m) {
      BinaryForm others{1};
      for (std::size_t o = 0; o < theta.size(); ++o)
        if (o != l && o != m) others = others * BinaryForm(theta[o]);
      const std::vector<Rational> c = others.coefficients();
      // d^2 mu / dw_{l,a} dw_{m,b} is `others` shifted by a + b positions.
      for (long a = 0; a < static_cast<long>(theta[l].size()); ++a)
        for (long b = 0; b < static_cast<long>(theta[m].size()); ++b) {
          Rational v;
          for (std::size_t i = 0; i < c.size(); ++i) v += s[i + static_cast<std::size_t>(a + b)] * c[i];
          const long r = offset[l] + a, q = offset[m] + b;
          H.set(r, q, H.at(r, q) + v);
          H.set(q, r, H.at(q, r) + v);
        }
    }
  for (long i = 0; i < H.rows(); ++i)
    for (long j = 0; j < H.cols(); ++j) H.set(i, j, Rational(2) * H.at(i, j));
  return H;
}

Inertia inertia(const RatMatrix& m) {
  if (m.rows() != m.cols())
    throw invalid_argument("inertia needs a square matrix, got " + std::to_string(m.rows()) + "x" +
                           std::to_string(m.cols()));
  if (!(m == m.transpose())) throw invalid_argument("inertia needs a symmetric matrix");
  Inertia in;
  if (m.rows() == 0) return in;
  RatPoly p;
  fmpq_mat_charpoly(p.raw(), m.raw());
  long low = 0;
  while (p.coeff(low).is_zero()) ++low;
  in.zero = static_cast<int>(low);
  // All roots are real: sign variations of p(t) and p(-t) count the positive and negative ones.
  auto variations = [&](bool negate) {
    int count = 0, last = 0;
    for (long i = low; i <= p.degree(); ++i) {
      int sg = p.coeff(i).sign();
      if (negate && (i % 2)) sg = -sg;
      if (sg == 0) continue;
      if (last != 0 && sg != last) ++count;
      last = sg;
    }
    return count;
  };
  in.positive = variations(false);
  in.negative = variations(true);
  return in;
}

RatMatrix critical_target_directions(const Architecture& arch, const Filters& theta, const InnerProduct& ip) {
  require_stride_one(arch);
  const RatMatrix J = jacobian(arch, theta);
  const RatMatrix& sigma = checked_matrix(ip, static_cast<int>(J.rows()) - 1);
  return (J.transpose() * sigma).kernel();
}

RatMatrix locus_normal_directions(const BinaryForm& w, const InnerProduct& ip) {
  if (w.is_zero()) throw domain_error("the zero form has no root pattern; its locus tangent space is undefined");
  const RatMatrix& sigma = checked_matrix(ip, w.degree());
  std::vector<std::vector<Rational>> rows;
  for (const BinaryForm& t : tangent_space(w)) rows.push_back(t.coefficients());
  return (RatMatrix(rows) * sigma).kernel();
}

ParameterClassification classify_parameter(const Architecture& arch, const Filters& theta, const BinaryForm& target,
                                           const InnerProduct& ip, const ClassifyOptions& options) {
  require_stride_one(arch);
  ParameterClassification c;
  c.end_to_end = mu(arch, theta);  // checks the filter sizes
  require_degree(arch, target, "target");
  const RatMatrix& sigma = checked_matrix(ip, c.end_to_end.degree());
  const BinaryForm& w = c.end_to_end;

  const std::vector<Rational> r = residual(w, target);
  const std::vector<Rational> s = times(sigma, r);
  c.loss = dot(r, s);
  const RatMatrix J = jacobian(arch, theta);
  c.gradient = times(J.transpose(), s);
  for (Rational& x : c.gradient) x *= Rational(2);
  c.critical = all_zero(c.gradient);
  c.jacobian_rank = J.rank();

  std::vector<BinaryForm> forms;
  for (const auto& wl : theta) forms.emplace_back(wl);
  for (const BinaryForm& f : forms) c.repeated_root.push_back(f.is_zero() || !is_squarefree(f));
  c.pairwise_coprime = differential_is_surjective(arch, theta);

  c.position = form_region(arch, w);
  c.target_position = form_region(arch, target);
  if (!w.is_zero()) {
    c.rrmp = rrmp(w);
    c.lambda = c.rrmp->lambda();
    c.critical_on_locus = is_critical_on_locus(w, target, ip);
  }

  c.hessian_inertia = inertia(square_loss_hessian(arch, theta, target, ip));
  bool nonzero_filters = true;
  for (const BinaryForm& f : forms) nonzero_filters = nonzero_filters && !f.is_zero();
  if (c.critical && w == target) c.local_minimum = Decision::yes;  // l(w) = 0 is the least value
  else if (!c.critical || c.hessian_inertia.negative > 0) c.local_minimum = Decision::no;
  else if (nonzero_filters && c.hessian_inertia.zero == static_cast<int>(theta.size()) - 1)
    c.local_minimum = Decision::yes;
  else c.local_minimum = Decision::undecided;

  const bool at_target = w == target;
  if (!c.critical) {
    c.global_minimum = Decision::no;
    c.global_minimum_reason = "theta is not critical";
  } else if (at_target) {
    c.global_minimum = Decision::yes;
    c.global_minimum_reason = "mu(theta) = u: loss 0";
  } else if (c.target_position != Region::complement) {
    c.global_minimum = Decision::no;
    c.global_minimum_reason = "u lies in the function space: min L = 0 < " + c.loss.to_string();
  } else if (c.local_minimum == Decision::no) {
    c.global_minimum = Decision::no;
    c.global_minimum_reason = "the Hessian has a negative eigenvalue (a saddle)";
  } else if (!options.decide_global_minimum) {
    c.global_minimum = Decision::undecided;
    c.global_minimum_reason = "u lies outside the function space; the exact search was switched off";
  } else if (w.degree() > options.max_search_degree) {
    c.global_minimum = Decision::undecided;
    c.global_minimum_reason = "u lies outside the function space; the exact search over the loci of degree " +
                              std::to_string(w.degree()) +
                              " was skipped (max_search_degree = " + std::to_string(options.max_search_degree) + ")";
  } else {
    // u outside M: compare l(w) with min_M l, found exactly (function_space_minimum.hpp).
    FunctionSpaceMinimumOptions mopt;
    mopt.method = options.search_method;
    c.function_space_minimum = minimum_on_function_space(arch, target, ip, mopt);
    const FunctionSpaceMinimum& m = *c.function_space_minimum;
    const int s = compare_minimum(m, c.loss);
    // Printed once, here: the exact rational, or the decimal of the digits policy.
    const std::string value = m.value.is_rational() ? m.value.rational().to_string()
                                                    : m.value.to_decimal(default_digits) + " (root of " +
                                                          m.value.minimal_polynomial().to_string() + ")";
    if (s < 0) {
      c.global_minimum = Decision::no;
      c.global_minimum_reason = "a point of the function space has loss " + value + " < " + c.loss.to_string();
    } else if (!m.complete) {
      c.global_minimum = Decision::undecided;
      c.global_minimum_reason = "no smaller loss found, but the locus solver does not support " + m.unsupported.front();
    } else if (s == 0) {
      c.global_minimum = Decision::yes;
      c.global_minimum_reason = "loss " + c.loss.to_string() + " = min of l on the function space (exact search";
      if (m.completeness_proven) {
        c.global_minimum_reason += ")";
      } else {
        c.global_minimum_proven = false;
        c.global_minimum_reason += "; completeness probabilistic: " + std::to_string(m.lifted.size()) +
                                   " loci by the modular lifting over " + std::to_string(m.lifting_primes) + " primes)";
      }
      c.local_minimum = Decision::yes;
    } else {
      // w is in M and critical on its stratum (Theorem 5.2), so it is a candidate.
      throw domain_error("classify_parameter: the minimum search missed mu(theta) = " + w.to_string() + " (loss " +
                         c.loss.to_string() + " < minimum " + value + ")");
    }
  }

  if (c.critical) {
    bool critical_on_M;
    if (at_target) critical_on_M = true;                             // dl(w) = 0
    else if (c.position == Region::interior) critical_on_M = false;  // dl(w) != 0 at an interior point
    else  // boundary stratum: the rrmp stratum of w (eq. 5.3), or {0}
      critical_on_M = w.is_zero() || *c.critical_on_locus;
    c.pure = critical_on_M;
    c.spurious = !critical_on_M;
  }
  return c;
}

}  // namespace lcngeom
