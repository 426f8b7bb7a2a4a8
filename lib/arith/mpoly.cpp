// Multivariate polynomials over Q: RAII over fmpq_mpoly.
#include "lcngeom/mpoly.hpp"

#include <cctype>

#include <flint/fmpq_mpoly_factor.h>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom {

MPolyRing::MPolyRing(std::vector<std::string> names) : names_(std::move(names)) {
  if (names_.empty()) throw invalid_argument("a polynomial ring needs at least one variable");
  for (std::size_t i = 0; i < names_.size(); ++i) {
    const std::string& n = names_[i];
    bool ok = !n.empty() && (std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_');
    for (char c : n) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!ok) throw invalid_argument("bad variable name '" + n + "'");
    for (std::size_t j = 0; j < i; ++j)
      if (names_[j] == n) throw invalid_argument("variable name '" + n + "' used twice");
  }
  for (const std::string& n : names_) c_names_.push_back(n.c_str());
  ctx_.allocate();
  fmpq_mpoly_ctx_init(ctx_, static_cast<slong>(names_.size()), ORD_LEX);
}

std::shared_ptr<const MPolyRing> MPolyRing::make(std::vector<std::string> names) {
  return std::shared_ptr<const MPolyRing>(new MPolyRing(std::move(names)));
}

MPolyRing::~MPolyRing() {
  fmpq_mpoly_ctx_clear(ctx_);
  ctx_.release();
}

long MPolyRing::index_of(std::string_view name) const {
  for (std::size_t i = 0; i < names_.size(); ++i)
    if (names_[i] == name) return static_cast<long>(i);
  throw invalid_argument("unknown variable '" + std::string(name) + "'");
}

namespace {

const fmpq_mpoly_ctx_struct* ctx(const RatMPoly& a) { return a.ring()->raw(); }

void same_ring(const RatMPoly& a, const RatMPoly& b) {
  if (a.ring() != b.ring()) throw invalid_argument("polynomials of different rings");
}

void check_var(const RatMPoly& a, long i) {
  if (i < 0 || i >= a.ring()->nvars())
    throw invalid_argument("variable index " + std::to_string(i) + " outside 0.." +
                           std::to_string(a.ring()->nvars() - 1));
}

}  // namespace

RatMPoly::RatMPoly(Ring ring) : ring_(std::move(ring)) {
  if (!ring_) throw invalid_argument("null polynomial ring");
  fmpq_mpoly_init(v_, ring_->raw());
}

RatMPoly RatMPoly::constant(Ring ring, const Rational& c) {
  RatMPoly r(std::move(ring));
  fmpq_mpoly_set_fmpq(r.v_, c.raw(), ctx(r));
  return r;
}

RatMPoly RatMPoly::gen(Ring ring, long i) {
  RatMPoly r(std::move(ring));
  check_var(r, i);
  fmpq_mpoly_gen(r.v_, i, ctx(r));
  return r;
}

RatMPoly RatMPoly::gen(Ring ring, std::string_view name) {
  const long i = ring->index_of(name);
  return gen(std::move(ring), i);
}

RatMPoly RatMPoly::parse(Ring ring, std::string_view text) {
  RatMPoly r(std::move(ring));
  std::string s(text);
  if (fmpq_mpoly_set_str_pretty(r.v_, s.c_str(), r.ring_->c_names(), ctx(r)) != 0)
    throw parse_error("cannot parse polynomial '" + s + "'");
  return r;
}

RatMPoly::RatMPoly(const RatMPoly& o) : ring_(o.ring_) {
  fmpq_mpoly_init(v_, ring_->raw());
  fmpq_mpoly_set(v_, o.v_, ring_->raw());
}

RatMPoly::RatMPoly(RatMPoly&& o) noexcept : ring_(o.ring_) {
  fmpq_mpoly_init(v_, ring_->raw());
  fmpq_mpoly_swap(v_, o.v_, ring_->raw());
}

RatMPoly& RatMPoly::operator=(const RatMPoly& o) {
  if (this != &o) {
    RatMPoly t(o);
    *this = std::move(t);
  }
  return *this;
}

RatMPoly& RatMPoly::operator=(RatMPoly&& o) noexcept {
  if (ring_ == o.ring_) {
    fmpq_mpoly_swap(v_, o.v_, ring_->raw());
  } else {  // rebind to the other ring; o keeps a valid zero of its ring
    fmpq_mpoly_clear(v_, ring_->raw());
    ring_ = o.ring_;
    fmpq_mpoly_init(v_, ring_->raw());
    fmpq_mpoly_swap(v_, o.v_, ring_->raw());
  }
  return *this;
}

RatMPoly::~RatMPoly() {
  if (ring_) fmpq_mpoly_clear(v_, ring_->raw());
}

bool RatMPoly::is_zero() const noexcept { return fmpq_mpoly_is_zero(v_, ctx(*this)); }
bool RatMPoly::is_constant() const noexcept { return fmpq_mpoly_is_fmpq(v_, ctx(*this)); }
long RatMPoly::length() const noexcept { return fmpq_mpoly_length(v_, ctx(*this)); }

long RatMPoly::degree(long i) const {
  check_var(*this, i);
  return fmpq_mpoly_degree_si(v_, i, ctx(*this));
}

long RatMPoly::total_degree() const { return fmpq_mpoly_total_degree_si(v_, ctx(*this)); }

RatMPoly RatMPoly::derivative(long i) const {
  check_var(*this, i);
  RatMPoly r(ring_);
  fmpq_mpoly_derivative(r.v_, v_, i, ctx(*this));
  return r;
}

Rational RatMPoly::evaluate(const std::vector<Rational>& point) const {
  if (static_cast<long>(point.size()) != ring_->nvars())
    throw invalid_argument("evaluation point has " + std::to_string(point.size()) + " coordinates, the ring has " +
                           std::to_string(ring_->nvars()) + " variables");
  std::vector<fmpq*> vals;
  std::vector<Rational> copy = point;
  for (Rational& c : copy) vals.push_back(c.raw());
  Rational r;
  fmpq_mpoly_evaluate_all_fmpq(r.raw(), v_, vals.data(), ctx(*this));
  return r;
}

RatMPoly RatMPoly::substitute(long i, const Rational& value) const {
  check_var(*this, i);
  RatMPoly r(ring_);
  Rational v = value;
  fmpq_mpoly_evaluate_one_fmpq(r.v_, v_, i, v.raw(), ctx(*this));
  return r;
}

RatMPoly RatMPoly::coefficient(long i, long k) const {
  check_var(*this, i);
  if (k < 0) throw invalid_argument("negative exponent " + std::to_string(k));
  RatMPoly r(ring_);
  slong var = i;
  ulong exp = static_cast<ulong>(k);
  fmpq_mpoly_get_coeff_vars_ui(r.v_, v_, &var, &exp, 1, ctx(*this));
  return r;
}

RatPoly RatMPoly::to_univariate(long i) const {
  check_var(*this, i);
  RatPoly p;
  if (!fmpq_mpoly_get_fmpq_poly(p.raw(), v_, i, ctx(*this)))
    throw domain_error("polynomial " + to_string() + " involves variables other than " +
                       ring_->names()[static_cast<std::size_t>(i)]);
  return p;
}

RatMPoly RatMPoly::from_univariate(Ring ring, long i, const RatPoly& p) {
  RatMPoly r(std::move(ring));
  check_var(r, i);
  fmpq_mpoly_set_fmpq_poly(r.v_, p.raw(), i, ctx(r));
  return r;
}

std::string RatMPoly::to_string() const {
  char* s = fmpq_mpoly_get_str_pretty(v_, ring_->c_names(), ctx(*this));
  std::string out(s);
  flint_free(s);
  return out;
}

RatMPoly operator+(const RatMPoly& a, const RatMPoly& b) {
  same_ring(a, b);
  RatMPoly r(a.ring_);
  fmpq_mpoly_add(r.v_, a.v_, b.v_, ctx(a));
  return r;
}

RatMPoly operator-(const RatMPoly& a, const RatMPoly& b) {
  same_ring(a, b);
  RatMPoly r(a.ring_);
  fmpq_mpoly_sub(r.v_, a.v_, b.v_, ctx(a));
  return r;
}

RatMPoly operator-(const RatMPoly& a) {
  RatMPoly r(a.ring_);
  fmpq_mpoly_neg(r.v_, a.v_, ctx(a));
  return r;
}

RatMPoly operator*(const RatMPoly& a, const RatMPoly& b) {
  same_ring(a, b);
  RatMPoly r(a.ring_);
  fmpq_mpoly_mul(r.v_, a.v_, b.v_, ctx(a));
  return r;
}

RatMPoly operator*(const Rational& c, const RatMPoly& a) {
  RatMPoly r(a.ring_);
  fmpq_mpoly_scalar_mul_fmpq(r.v_, a.v_, c.raw(), ctx(a));
  return r;
}

bool operator==(const RatMPoly& a, const RatMPoly& b) {
  return a.ring_ == b.ring_ && fmpq_mpoly_equal(a.v_, b.v_, ctx(a));
}

RatMPoly pow(const RatMPoly& a, unsigned long e) {
  RatMPoly r(a.ring());
  if (!fmpq_mpoly_pow_ui(r.raw(), a.raw(), e, ctx(a))) throw not_supported("power too large");
  return r;
}

RatMPoly divexact(const RatMPoly& a, const RatMPoly& b) {
  same_ring(a, b);
  if (b.is_zero()) throw domain_error("division of " + a.to_string() + " by zero");
  RatMPoly q(a.ring());
  if (!fmpq_mpoly_divides(q.raw(), a.raw(), b.raw(), ctx(a)))
    throw domain_error(b.to_string() + " does not divide " + a.to_string());
  return q;
}

RatMPoly gcd(const RatMPoly& a, const RatMPoly& b) {
  same_ring(a, b);
  RatMPoly g(a.ring());
  if (!fmpq_mpoly_gcd(g.raw(), a.raw(), b.raw(), ctx(a)))
    throw not_supported("gcd computation failed (exponent overflow)");
  return g;
}

RatMPoly resultant(const RatMPoly& a, const RatMPoly& b, long i) {
  same_ring(a, b);
  check_var(a, i);
  RatMPoly r(a.ring());
  if (!fmpq_mpoly_resultant(r.raw(), a.raw(), b.raw(), i, ctx(a))) throw not_supported("resultant computation failed");
  return r;
}

RatMPoly discriminant(const RatMPoly& a, long i) {
  check_var(a, i);
  RatMPoly r(a.ring());
  if (!fmpq_mpoly_discriminant(r.raw(), a.raw(), i, ctx(a))) throw not_supported("discriminant computation failed");
  return r;
}

MPolyFactorization factor(const RatMPoly& a) {
  if (a.is_zero()) throw domain_error("factorization of the zero polynomial");
  fmpq_mpoly_factor_t f;
  fmpq_mpoly_factor_init(f, ctx(a));
  if (!fmpq_mpoly_factor(f, a.raw(), ctx(a))) {
    fmpq_mpoly_factor_clear(f, ctx(a));
    throw not_supported("factorization failed for " + a.to_string());
  }
  MPolyFactorization out{Rational(f->constant), {}};
  for (slong k = 0; k < f->num; ++k) {
    RatMPoly p(a.ring());
    fmpq_mpoly_set(p.raw(), f->poly + k, ctx(a));
    out.factors.emplace_back(std::move(p), static_cast<int>(fmpz_get_si(f->exp + k)));
  }
  fmpq_mpoly_factor_clear(f, ctx(a));
  return out;
}

}  // namespace lcngeom
