// The local certificate of limit_certificate.hpp: root clusters (Pellet's
// test with a perturbation term), the critical system on one stratum
// (Newton in double, Krawczyk in Arb), and the exclusion of every finer
// stratum (a tangent vector on which the gradient cannot vanish).  The
// mathematics is in the public header; this file follows its steps (C1)-(C5).
#include "lcngeom/detail/limit_local.hpp"

#include <acb.h>
#include <acb_poly.h>
#include <arb.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <numeric>
#include <optional>

#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

using cd = std::complex<double>;

// ---------------------------------------------------------------- balls

/// An Arb ball with operators at a thread-local working precision, so that
/// the templates below run unchanged on double (Newton) and on balls
/// (Krawczyk).
class RB {
 public:
  inline static thread_local slong prec = 128;
  RB() noexcept { arb_init(v_); }
  RB(double d) noexcept {  // NOLINT(google-explicit-constructor): templates write S(0.0)
    arb_init(v_);
    arb_set_d(v_, d);
  }
  explicit RB(const Ball& b) noexcept {
    arb_init(v_);
    arb_set(v_, b.raw());
  }
  RB(const RB& o) noexcept {
    arb_init(v_);
    arb_set(v_, o.v_);
  }
  RB(RB&& o) noexcept {
    arb_init(v_);
    arb_swap(v_, o.v_);
  }
  RB& operator=(const RB& o) noexcept {
    arb_set(v_, o.v_);
    return *this;
  }
  RB& operator=(RB&& o) noexcept {
    arb_swap(v_, o.v_);
    return *this;
  }
  ~RB() { arb_clear(v_); }
  arb_ptr raw() noexcept { return v_; }
  arb_srcptr raw() const noexcept { return v_; }
  RB& operator+=(const RB& b) {
    arb_add(v_, v_, b.v_, prec);
    return *this;
  }
  friend RB operator+(const RB& a, const RB& b) {
    RB r;
    arb_add(r.v_, a.v_, b.v_, prec);
    return r;
  }
  friend RB operator-(const RB& a, const RB& b) {
    RB r;
    arb_sub(r.v_, a.v_, b.v_, prec);
    return r;
  }
  friend RB operator*(const RB& a, const RB& b) {
    RB r;
    arb_mul(r.v_, a.v_, b.v_, prec);
    return r;
  }
  friend RB operator-(const RB& a) {
    RB r;
    arb_neg(r.v_, a.v_);
    return r;
  }

 private:
  arb_t v_;
};

RB rb(const Rational& q) {
  RB r;
  arb_set_fmpq(r.raw(), q.raw(), RB::prec);
  return r;
}

/// [c - rad, c + rad] (c and rad exact doubles; the radius is rounded up).
RB rb_interval(double c, double rad) {
  RB r(c);
  mag_set_d(arb_radref(r.raw()), rad);
  return r;
}

double upper(const RB& x) {
  arf_t u;
  arf_init(u);
  arb_get_ubound_arf(u, x.raw(), RB::prec);
  double d = arf_get_d(u, ARF_RND_UP);
  arf_clear(u);
  return d;
}

double mid(const RB& x) { return arf_get_d(arb_midref(x.raw()), ARF_RND_NEAR); }

RB rb_sqrt_upper(const RB& x) {  // sqrt of max(x, 0): an upper bound ball
  RB r;
  arb_sqrtpos(r.raw(), x.raw(), RB::prec);
  return r;
}

Ball to_ball(const RB& x) { return Ball(x.raw()); }

/// The exact rational value of a finite double.
Rational rational_of(double d) {
  arf_t a;
  arf_init(a);
  arf_set_d(a, d);
  Rational q;
  arf_get_fmpq(q.raw(), a);
  arf_clear(a);
  return q;
}

/// A short decimal rational >= d > 0 (two significant digits), for radii.
Rational round_up_decimal(double d) {
  const int e = static_cast<int>(std::floor(std::log10(d))) - 1;
  long mant = static_cast<long>(std::ceil(d / std::pow(10.0, e)));
  auto make = [&](long m) {
    Rational p(1L), ten(10L);
    for (int i = 0; i < std::abs(e); ++i) p *= ten;
    return e >= 0 ? Rational(m) * p : Rational(m) / p;
  };
  const Rational exact = rational_of(d);
  Rational r = make(mant);
  while (r < exact) r = make(++mant);
  return r;
}

// ---------------------------------------------------------------- polynomials

template <class S>
using Poly = std::vector<S>;  // ascending powers of t

template <class S>
Poly<S> pmul(const Poly<S>& a, const Poly<S>& b) {
  Poly<S> c(a.size() + b.size() - 1, S(0.0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

template <class S>
Poly<S> pscale(Poly<S> a, const S& s) {
  for (S& x : a) x = x * s;
  return a;
}

template <class S>
Poly<S> padded(Poly<S> a, std::size_t len) {
  a.resize(len, S(0.0));
  return a;
}

// ---------------------------------------------------------------- the stratum model

/// Points of Delta_lambda with pattern exactly lambda near a given root
/// configuration, in the chart: f(t) = a prod_k F_k(t)^{m_k} with F_k = t - rho
/// (a real root) or t^2 + p t + q (a complex pair).  Parameters x = (a, then
/// rho or (p, q) per factor): r + 1 of them, the dimension of Delta_lambda.
struct Stratum {
  int n = 0;
  std::vector<int> kind;  // 1 or 2
  std::vector<int> mult;
  int params() const { return 1 + std::accumulate(kind.begin(), kind.end(), 0); }
  int offset(std::size_t k) const {
    int o = 1;
    for (std::size_t i = 0; i < k; ++i) o += kind[i];
    return o;
  }
};

template <class S>
struct ModelValue {
  Poly<S> psi;                           // f, length n + 1
  std::vector<Poly<S>> d;                // df/dx_alpha
  std::vector<std::vector<Poly<S>>> dd;  // d^2 f / dx_alpha dx_beta
};

template <class S>
ModelValue<S> evaluate_model(const Stratum& st, const std::vector<S>& x, bool second) {
  const std::size_t K = st.kind.size(), len = static_cast<std::size_t>(st.n) + 1;
  const int P = st.params();
  std::vector<Poly<S>> base(K);
  std::vector<std::vector<Poly<S>>> dbase(K), pw(K);
  for (std::size_t k = 0; k < K; ++k) {
    const int o = st.offset(k);
    if (st.kind[k] == 1) {
      base[k] = {-x[static_cast<std::size_t>(o)], S(1.0)};
      dbase[k] = {{S(-1.0)}};
    } else {
      base[k] = {x[static_cast<std::size_t>(o + 1)], x[static_cast<std::size_t>(o)], S(1.0)};
      dbase[k] = {{S(0.0), S(1.0)}, {S(1.0)}};
    }
    pw[k].push_back({S(1.0)});
    for (int e = 1; e <= st.mult[k]; ++e) pw[k].push_back(pmul(pw[k].back(), base[k]));
  }
  auto rest = [&](std::size_t skip1, std::size_t skip2) {
    Poly<S> p{S(1.0)};
    for (std::size_t i = 0; i < K; ++i)
      if (i != skip1 && i != skip2) p = pmul(p, pw[i][static_cast<std::size_t>(st.mult[i])]);
    return p;
  };
  const S& a = x[0];
  const std::size_t none = K;
  ModelValue<S> v;
  const Poly<S> all = rest(none, none);
  v.psi = padded(pscale(all, a), len);
  v.d.assign(static_cast<std::size_t>(P), Poly<S>(len, S(0.0)));
  v.d[0] = padded(all, len);
  // m_k F_k^{m_k - 1} dF_k/dx times the other factors (without the scalar a).
  std::vector<std::vector<Poly<S>>> single(K);
  for (std::size_t k = 0; k < K; ++k) {
    const Poly<S> others = rest(k, none);
    const Poly<S> lead = pmul(pw[k][static_cast<std::size_t>(st.mult[k] - 1)], others);
    for (std::size_t al = 0; al < dbase[k].size(); ++al) {
      Poly<S> s = pscale(pmul(lead, dbase[k][al]), S(static_cast<double>(st.mult[k])));
      v.d[static_cast<std::size_t>(st.offset(k)) + al] = padded(pscale(s, a), len);
      single[k].push_back(std::move(s));
    }
  }
  if (!second) return v;
  v.dd.assign(static_cast<std::size_t>(P), std::vector<Poly<S>>(static_cast<std::size_t>(P), Poly<S>(len, S(0.0))));
  for (std::size_t k = 0; k < K; ++k) {
    const std::size_t ok = static_cast<std::size_t>(st.offset(k));
    for (std::size_t al = 0; al < dbase[k].size(); ++al) {
      v.dd[0][ok + al] = v.dd[ok + al][0] = padded(single[k][al], len);
      // Same factor: m (m - 1) F^{m-2} dF_al dF_be (F is linear in its parameters).
      if (st.mult[k] >= 2)
        for (std::size_t be = 0; be < dbase[k].size(); ++be) {
          Poly<S> s = pmul(pmul(pw[k][static_cast<std::size_t>(st.mult[k] - 2)], rest(k, none)),
                           pmul(dbase[k][al], dbase[k][be]));
          v.dd[ok + al][ok + be] = padded(pscale(s, a * S(static_cast<double>(st.mult[k] * (st.mult[k] - 1)))), len);
        }
      for (std::size_t l = k + 1; l < K; ++l) {
        const std::size_t ol = static_cast<std::size_t>(st.offset(l));
        for (std::size_t be = 0; be < dbase[l].size(); ++be) {
          Poly<S> s = pmul(
              pmul(pw[k][static_cast<std::size_t>(st.mult[k] - 1)], pw[l][static_cast<std::size_t>(st.mult[l] - 1)]),
              pmul(pmul(dbase[k][al], dbase[l][be]), rest(k, l)));
          s = pscale(s, a * S(static_cast<double>(st.mult[k] * st.mult[l])));
          v.dd[ok + al][ol + be] = v.dd[ol + be][ok + al] = padded(std::move(s), len);
        }
      }
    }
  }
  return v;
}

/// The critical system of l on the stratum: F = (1/2) grad_x l(psi(x)) and its
/// Jacobian H, with g = Sigma_c (psi - u_c):
///   F_al = <d_al psi, g>,   H_al,be = <d_al psi, Sigma_c d_be psi> + <d_al d_be psi, g>.
template <class S>
struct System {
  std::vector<S> F;
  std::vector<std::vector<S>> H;
  Poly<S> psi;
};

template <class S>
System<S> critical_system(const Stratum& st, const std::vector<S>& x, const std::vector<S>& sigma,
                          const std::vector<S>& u, bool jacobian) {
  const std::size_t len = static_cast<std::size_t>(st.n) + 1, P = static_cast<std::size_t>(st.params());
  ModelValue<S> v = evaluate_model(st, x, jacobian);
  std::vector<S> g(len, S(0.0));
  for (std::size_t i = 0; i < len; ++i)
    for (std::size_t j = 0; j < len; ++j) g[i] += sigma[i * len + j] * (v.psi[j] - u[j]);
  System<S> s;
  s.F.assign(P, S(0.0));
  for (std::size_t al = 0; al < P; ++al)
    for (std::size_t i = 0; i < len; ++i) s.F[al] += v.d[al][i] * g[i];
  if (jacobian) {
    std::vector<std::vector<S>> sd(P, std::vector<S>(len, S(0.0)));  // Sigma_c d_be psi
    for (std::size_t be = 0; be < P; ++be)
      for (std::size_t i = 0; i < len; ++i)
        for (std::size_t j = 0; j < len; ++j) sd[be][i] += sigma[i * len + j] * v.d[be][j];
    s.H.assign(P, std::vector<S>(P, S(0.0)));
    for (std::size_t al = 0; al < P; ++al)
      for (std::size_t be = 0; be < P; ++be) {
        S h(0.0);
        for (std::size_t i = 0; i < len; ++i) h += v.d[al][i] * sd[be][i] + v.dd[al][be][i] * g[i];
        s.H[al][be] = h;
      }
  }
  s.psi = std::move(v.psi);
  return s;
}

/// Inverse of a small matrix by Gauss-Jordan with partial pivoting (double);
/// nullopt if numerically singular.
std::optional<std::vector<std::vector<double>>> invert(std::vector<std::vector<double>> a) {
  const std::size_t P = a.size();
  std::vector<std::vector<double>> inv(P, std::vector<double>(P, 0.0));
  for (std::size_t i = 0; i < P; ++i) inv[i][i] = 1.0;
  double scale = 0;
  for (const auto& row : a)
    for (double x : row) scale = std::max(scale, std::abs(x));
  if (!(scale > 0) || !std::isfinite(scale)) return std::nullopt;
  for (std::size_t c = 0; c < P; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < P; ++r)
      if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
    if (std::abs(a[piv][c]) <= 1e-300 || std::abs(a[piv][c]) < scale * 1e-15) return std::nullopt;
    std::swap(a[c], a[piv]);
    std::swap(inv[c], inv[piv]);
    const double d = a[c][c];
    for (std::size_t j = 0; j < P; ++j) {
      a[c][j] /= d;
      inv[c][j] /= d;
    }
    for (std::size_t r = 0; r < P; ++r) {
      if (r == c || a[r][c] == 0.0) continue;
      const double f = a[r][c];
      for (std::size_t j = 0; j < P; ++j) {
        a[r][j] -= f * a[c][j];
        inv[r][j] -= f * inv[c][j];
      }
    }
  }
  return inv;
}

// ---------------------------------------------------------------- roots (double)

/// All complex roots of a polynomial (ascending coefficients, leading one
/// nonzero) by the Aberth-Ehrlich iteration; approximations only (they only
/// propose cluster patterns and centres, which are then certified).
std::vector<cd> approximate_roots(const std::vector<double>& f) {
  const int n = static_cast<int>(f.size()) - 1;
  std::vector<cd> z;
  if (n < 1) return z;
  // Plain complex division (the library's __divdc3 guards against overflow
  // we cannot meet here, at several times the cost).
  auto quot = [](cd a, cd b) { return a * std::conj(b) / std::norm(b); };
  const double lc = f[static_cast<std::size_t>(n)];
  double rad = 0;
  for (int k = 0; k < n; ++k)
    rad = std::max(rad, std::pow(std::abs(f[static_cast<std::size_t>(k)] / lc), 1.0 / (n - k)));
  if (!(rad > 0)) rad = 1;
  for (int i = 0; i < n; ++i) z.push_back(std::polar(rad, 6.283185307179586 * i / n + 0.4));
  std::vector<bool> done(static_cast<std::size_t>(n), false);
  for (int it = 0, left = n; it < 200 && left > 0; ++it) {
    for (int i = 0; i < n; ++i) {
      if (done[static_cast<std::size_t>(i)]) continue;
      const cd zi = z[static_cast<std::size_t>(i)];
      cd p = f[static_cast<std::size_t>(n)], dp = 0;
      for (int k = n - 1; k >= 0; --k) {
        dp = dp * zi + p;
        p = p * zi + f[static_cast<std::size_t>(k)];
      }
      if (p == cd(0) || dp == cd(0)) {
        done[static_cast<std::size_t>(i)] = true;
        --left;
        continue;
      }
      const cd ratio = quot(p, dp);
      cd s = 0;
      for (int j = 0; j < n; ++j)
        if (j != i) s += quot(1.0, zi - z[static_cast<std::size_t>(j)]);
      const cd step = quot(ratio, 1.0 - ratio * s);
      if (!std::isfinite(step.real()) || !std::isfinite(step.imag())) continue;
      z[static_cast<std::size_t>(i)] -= step;
      if (std::abs(step) <= 1e-14 * (1 + std::abs(zi))) {
        done[static_cast<std::size_t>(i)] = true;
        --left;
      }
    }
  }
  return z;
}

/// Makes the root list exactly closed under conjugation: (nearly) real roots
/// become real, the others pair up as z, conj(z).  Returns the conjugation map.
std::vector<int> symmetrize(std::vector<cd>& z) {
  const int n = static_cast<int>(z.size());
  for (double tol : {1e-12, 1e-9, 1e-6, 1e-3}) {
    std::vector<cd> real, up, down;
    for (const cd& r : z) {
      if (std::abs(r.imag()) <= tol * (1 + std::abs(r))) real.emplace_back(r.real(), 0.0);
      else (r.imag() > 0 ? up : down).push_back(r);
    }
    if (up.size() != down.size()) continue;
    std::vector<cd> out = real;
    std::vector<int> conj;
    for (std::size_t i = 0; i < real.size(); ++i) conj.push_back(static_cast<int>(i));
    // Pair each upper root with the lower root nearest to its conjugate; use
    // the average so that the pair is exactly conjugate.
    std::vector<bool> used(down.size(), false);
    for (const cd& u : up) {
      std::size_t best = down.size();
      for (std::size_t j = 0; j < down.size(); ++j)
        if (!used[j] && (best == down.size() || std::abs(std::conj(down[j]) - u) < std::abs(std::conj(down[best]) - u)))
          best = j;
      used[best] = true;
      const cd m = 0.5 * (u + std::conj(down[best]));
      const int a = static_cast<int>(out.size());
      out.push_back(m);
      out.push_back(std::conj(m));
      conj.push_back(a + 1);
      conj.push_back(a);
    }
    z = out;
    return conj;
  }
  // Cannot pair: treat every root by its real part (the certificate decides).
  std::vector<int> conj(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    z[static_cast<std::size_t>(i)] = cd(z[static_cast<std::size_t>(i)].real(), 0.0);
    conj[static_cast<std::size_t>(i)] = i;
  }
  return conj;
}

// ---------------------------------------------------------------- clusters

/// A disc D(c, delta) holding exactly m roots of every form of the ball
/// (certified by pellet_ok); real discs are centred on R and complex ones
/// avoid R and come in conjugate pairs.
struct Flat {
  cd c;
  int m = 1;
  bool real = true;
  int partner = -1;  // index of the conjugate disc (itself if real)
  double delta = 0;
  double limit = 0;  // radius below which no other disc centre interferes
};

/// A proposed stratum: a clustering of the roots of w_f, the Newton point on
/// the stratum and its distance to w_f.
struct Candidate {
  bool trivial = false;  // every cluster a single root: the point is u
  Stratum st;
  std::vector<double> x;
  std::vector<Flat> flats;
  double distance = 0;
  bool newton_ok = false;
};

Partition lambda_of(const std::vector<Flat>& flats) {
  std::vector<int> parts;
  for (const Flat& f : flats) parts.push_back(f.m);
  return Partition(parts);
}

Rrmp rrmp_of(const std::vector<Flat>& flats) {
  Rrmp r;
  for (std::size_t i = 0; i < flats.size(); ++i) {
    if (flats[i].real) r.push_real(flats[i].m);
    else if (static_cast<int>(i) < flats[i].partner) r.push_complex(flats[i].m);
  }
  r.normalize();
  return r;
}

std::vector<std::vector<int>> components(const std::vector<cd>& z, double tau) {
  const int n = static_cast<int>(z.size());
  std::vector<int> parent(static_cast<std::size_t>(n));
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int i) {
    while (parent[static_cast<std::size_t>(i)] != i)
      i = parent[static_cast<std::size_t>(i)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
    return i;
  };
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (std::abs(z[static_cast<std::size_t>(i)] - z[static_cast<std::size_t>(j)]) <= tau)
        parent[static_cast<std::size_t>(find(i))] = find(j);
  std::vector<std::vector<int>> comps;
  std::vector<int> where(static_cast<std::size_t>(n), -1);
  for (int i = 0; i < n; ++i) {
    const int r = find(i);
    if (where[static_cast<std::size_t>(r)] < 0) {
      where[static_cast<std::size_t>(r)] = static_cast<int>(comps.size());
      comps.emplace_back();
    }
    comps[static_cast<std::size_t>(where[static_cast<std::size_t>(r)])].push_back(i);
  }
  return comps;
}

}  // namespace

// ---------------------------------------------------------------- charts

/// The chart of a rational rotation: with (ca, sa) = ((1 - q^2), 2q) / (1 + q^2)
/// (cos and sin of 2 arctan q), a form w of degree n becomes the polynomial
///   f_w(t) = w(ca t - sa, sa t + ca) = sum_i w_i V_i(t),   V_i(t) = (ca t - sa)^{n-i} (sa t + ca)^i,
/// of degree <= n (ascending coefficients f = M w); its roots are the roots of
/// w rotated, and the direction (ca : sa) goes to infinity.  A rotation keeps
/// the problem as well conditioned as it is (it is an isometry for the
/// Bombieri norm).  The loss in the chart:
///   l(w) = (f_w - u_c)^T Sigma_c (f_w - u_c),  u_c = M u,  Sigma_c = M^-T Sigma M^-1.
struct LimitChart {
  Rational q, ca, sa;
  int n = 0;
  RatMatrix M, Minv;
  std::vector<double> sigma_d, u_d, minv_d, m_d;     // row-major
  std::vector<Ball> sigma_b, u_b, minv_b, m_b, k_b;  // k = Sigma M^-1 (bounds tangent perturbations)
};

// q = tan(theta / 2) for the rotation angles theta ~ k pi / 12, k = 0..11.
const std::vector<Rational>& LimitProblem::chart_parameters() {
  static const std::vector<Rational> qs{Rational(0L),     Rational(1L, 8L), Rational(1L, 4L), Rational(2L, 5L),
                                        Rational(4L, 7L), Rational(3L, 4L), Rational(1L),     Rational(4L, 3L),
                                        Rational(7L, 4L), Rational(5L, 2L), Rational(4L),     Rational(8L)};
  return qs;
}

LimitProblem::LimitProblem(const BinaryForm& target, const InnerProduct& sigma)
    : n_(target.degree()), u_(target.coefficients()), sigma_(sigma.matrix()) {
  for (const Rational& q : u_) u_b_.emplace_back(q, 256);
  for (long i = 0; i <= n_; ++i)
    for (long j = 0; j <= n_; ++j) sigma_b_.emplace_back(sigma_.at(i, j), 256);
  charts_.resize(chart_parameters().size());
  once_ = std::vector<std::once_flag>(chart_parameters().size());
}

LimitProblem::~LimitProblem() = default;

namespace {

std::vector<Rational> rat_pmul(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  std::vector<Rational> c(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) c[i + j] += a[i] * b[j];
  return c;
}

// The chart's matrices.  M and M^-1 are exact (small rationals); the data
// Sigma_c = M^-T Sigma M^-1, u_c = M u, K = Sigma M^-1 are only ever used in
// ball arithmetic, so they are formed from enclosures of Sigma and u (no
// products of the data's large rationals).
std::unique_ptr<LimitChart> make_chart(const Rational& q, int n, const std::vector<Ball>& u,
                                       const std::vector<Ball>& sigma) {
  constexpr long prec = 256;
  auto c = std::make_unique<LimitChart>();
  c->q = q;
  const Rational d = Rational(1L) + q * q;
  c->ca = (Rational(1L) - q * q) / d;
  c->sa = Rational(2L) * q / d;
  c->n = n;
  const std::size_t N = static_cast<std::size_t>(n) + 1;
  c->M = RatMatrix(static_cast<long>(N), static_cast<long>(N));
  const std::vector<Rational> x{-c->sa, c->ca}, y{c->ca, c->sa};  // ca t - sa, sa t + ca (ascending)
  for (std::size_t i = 0; i < N; ++i) {
    std::vector<Rational> v{Rational(1L)};
    for (std::size_t k = 0; k < N - 1 - i; ++k) v = rat_pmul(v, x);
    for (std::size_t k = 0; k < i; ++k) v = rat_pmul(v, y);
    for (std::size_t j = 0; j < N; ++j) c->M.set(static_cast<long>(j), static_cast<long>(i), v[j]);
  }
  // The inverse rotation: w(x, y) = sum_j f_j (ca x + sa y)^j (-sa x + ca y)^{n-j}.
  c->Minv = RatMatrix(static_cast<long>(N), static_cast<long>(N));
  const std::vector<Rational> X{c->ca, c->sa}, Y{-c->sa, c->ca};  // paper order: x first
  for (std::size_t j = 0; j < N; ++j) {
    std::vector<Rational> v{Rational(1L)};
    for (std::size_t k = 0; k < j; ++k) v = rat_pmul(v, X);
    for (std::size_t k = 0; k < N - 1 - j; ++k) v = rat_pmul(v, Y);
    for (std::size_t i = 0; i < N; ++i) c->Minv.set(static_cast<long>(i), static_cast<long>(j), v[i]);
  }
  if (!(c->Minv * c->M == RatMatrix::identity(static_cast<long>(N))))  // the proof relies on it; cheap
    throw domain_error("limit certificate: chart matrices are not inverse (internal error)");
  std::vector<Ball> mb, minv;
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) {
      mb.emplace_back(c->M.at(static_cast<long>(i), static_cast<long>(j)), prec);
      minv.emplace_back(c->Minv.at(static_cast<long>(i), static_cast<long>(j)), prec);
    }
  auto dot = [&](auto&& a, auto&& b) {  // sum_k a(k) b(k)
    Ball s(0L);
    for (std::size_t k = 0; k < N; ++k) s = add(s, mul(a(k), b(k), prec), prec);
    return s;
  };
  std::vector<Ball> k(N * N);  // Sigma M^-1
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j)
      k[i * N + j] = dot([&](std::size_t l) -> const Ball& { return sigma[i * N + l]; },
                         [&](std::size_t l) -> const Ball& { return minv[l * N + j]; });
  for (std::size_t i = 0; i < N; ++i) {
    c->u_b.push_back(dot([&](std::size_t l) -> const Ball& { return mb[i * N + l]; },
                         [&](std::size_t l) -> const Ball& { return u[l]; }));
    c->u_d.push_back(c->u_b.back().mid_double());
    for (std::size_t j = 0; j < N; ++j) {
      c->sigma_b.push_back(dot([&](std::size_t l) -> const Ball& { return minv[l * N + i]; },
                               [&](std::size_t l) -> const Ball& { return k[l * N + j]; }));
      c->sigma_d.push_back(c->sigma_b.back().mid_double());
      c->minv_d.push_back(minv[i * N + j].mid_double());
      c->m_d.push_back(mb[i * N + j].mid_double());
    }
  }
  c->minv_b = std::move(minv);
  c->m_b = std::move(mb);
  c->k_b = std::move(k);
  return c;
}

}  // namespace

const LimitChart& LimitProblem::chart(std::size_t i) const {
  std::call_once(once_[i], [&] { charts_[i] = make_chart(chart_parameters()[i], n_, u_b_, sigma_b_); });
  return *charts_[i];
}

// ---------------------------------------------------------------- certification

namespace {

struct Context {
  explicit Context(const LimitProblem& p) : pb(p) {}
  const LimitProblem& pb;
  const LimitChart* ch = nullptr;
  int n = 0;
  std::vector<Rational> wf;  // exact, original coordinates
  std::vector<double> wf_d;  // original, double
  std::vector<RB> wf_b;      // original, balls
  std::vector<double> f_d;
  std::vector<RB> f_b;
  std::vector<double> sigma_d, u_d;
  std::vector<RB> sigma_b, u_b, minv_b, k_b;
};

std::vector<double> to_original_d(const Context& cx, const Poly<double>& f) {
  const std::size_t N = static_cast<std::size_t>(cx.n) + 1;
  std::vector<double> w(N, 0.0);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) w[i] += cx.ch->minv_d[i * N + j] * f[j];
  return w;
}

std::vector<RB> to_original(const Context& cx, const Poly<RB>& f) {
  const std::size_t N = static_cast<std::size_t>(cx.n) + 1;
  std::vector<RB> w(N, RB(0.0));
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) w[i] += cx.minv_b[i * N + j] * f[j];
  return w;
}

double norm_d(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(s);
}

/// Upper bound of the Euclidean norm of a - b (balls).
RB norm_b(const std::vector<RB>& a, const std::vector<RB>& b) {
  RB s(0.0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    RB d = a[i] - b[i];
    s += d * d;
  }
  return rb_sqrt_upper(s);
}

// Newton on the stratum in double.
bool newton(const Context& cx, const Stratum& st, std::vector<double>& x) {
  for (int it = 0; it < 60; ++it) {
    System<double> s = critical_system(st, x, cx.sigma_d, cx.u_d, true);
    auto inv = invert(s.H);
    if (!inv) return false;
    double step = 0, size = 0;
    std::vector<double> dx(x.size(), 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      for (std::size_t j = 0; j < x.size(); ++j) dx[i] -= (*inv)[i][j] * s.F[j];
      step = std::max(step, std::abs(dx[i]));
      size = std::max(size, std::abs(x[i]));
    }
    for (std::size_t i = 0; i < x.size(); ++i) x[i] += dx[i];
    if (!std::isfinite(step)) return false;
    if (step <= 1e-15 * (1 + size)) return true;
    if (it > 40 && step <= 1e-11 * (1 + size)) return true;
  }
  return false;
}

/// Flats (disc centres) of a stratum point x.
std::optional<std::vector<Flat>> flats_of(const Stratum& st, const std::vector<double>& x) {
  std::vector<Flat> out;
  for (std::size_t k = 0; k < st.kind.size(); ++k) {
    const std::size_t o = static_cast<std::size_t>(st.offset(k));
    if (st.kind[k] == 1) {
      Flat f;
      f.c = cd(x[o], 0.0);
      f.m = st.mult[k];
      f.real = true;
      f.partner = static_cast<int>(out.size());
      out.push_back(f);
    } else {
      const double p = x[o], q = x[o + 1], disc = q - p * p / 4;
      if (!(disc > 0)) return std::nullopt;
      Flat f;
      f.c = cd(-p / 2, std::sqrt(disc));
      f.m = st.mult[k];
      f.real = false;
      const int i = static_cast<int>(out.size());
      f.partner = i + 1;
      out.push_back(f);
      f.c = std::conj(f.c);
      f.partner = i;
      out.push_back(f);
    }
  }
  return out;
}

struct KrawczykOutcome {
  bool unique = false;  // K(X) in the interior of X: exactly one zero in X
  bool empty = false;   // K(X) and X disjoint: no zero in X
  std::vector<RB> box;  // K(X) cap X (contains every zero of X)
};

/// Krawczyk's operator K(X) = x~ - Y F(x~) + (I - Y H(X)) (X - x~), Y ~ H(x~)^-1.
/// Every zero of F in X lies in K(X); K(X) in int X proves exactly one.  On
/// failure the box is replaced by K(X) cap X and the test repeated.
KrawczykOutcome krawczyk(const Context& cx, const Stratum& st, std::vector<RB> X, std::vector<double> xt, int rounds) {
  KrawczykOutcome out;
  const std::size_t P = X.size();
  System<double> sd = critical_system(st, xt, cx.sigma_d, cx.u_d, true);
  auto Yd = invert(sd.H);
  if (!Yd) return out;
  for (int round = 0; round < rounds; ++round) {
    // The mean value form behind K needs x~ in X (X is convex).
    for (std::size_t i = 0; i < P; ++i)
      if (!arb_contains_arf(X[i].raw(), arb_midref(RB(xt[i]).raw()))) xt[i] = mid(X[i]);
    for (std::size_t i = 0; i < P; ++i)
      if (!arb_contains_arf(X[i].raw(), arb_midref(RB(xt[i]).raw()))) return out;
    std::vector<RB> xtb;
    for (double v : xt) xtb.emplace_back(v);
    System<RB> sx = critical_system(st, xtb, cx.sigma_b, cx.u_b, false);
    System<RB> sX = critical_system(st, X, cx.sigma_b, cx.u_b, true);
    std::vector<RB> K(P);
    bool inside = true;
    for (std::size_t i = 0; i < P; ++i) {
      RB k = xtb[i];
      for (std::size_t j = 0; j < P; ++j) k = k - RB((*Yd)[i][j]) * sx.F[j];
      for (std::size_t j = 0; j < P; ++j) {
        RB m(i == j ? 1.0 : 0.0);
        for (std::size_t l = 0; l < P; ++l) m = m - RB((*Yd)[i][l]) * sX.H[l][j];
        k += m * (X[j] - xtb[j]);
      }
      if (!arb_contains_interior(X[i].raw(), k.raw())) inside = false;
      K[i] = std::move(k);
    }
    if (inside) {
      out.unique = true;
      out.box = std::move(K);
      return out;
    }
    for (std::size_t i = 0; i < P; ++i) {
      RB z;
      if (!arb_intersection(z.raw(), K[i].raw(), X[i].raw(), RB::prec)) {
        out.empty = true;
        return out;
      }
      X[i] = std::move(z);
    }
  }
  out.box = std::move(X);
  return out;
}

/// sup over a complex ball t of ||V(t)||, V_i(t) = (ca t - sa)^{n-i} (sa t + ca)^i:
/// the factor by which a change of w (Euclidean norm, original coordinates)
/// changes f_w(t) = sum_i w_i V_i(t).
RB perturbation_factor(const Context& cx, const acb_t t) {
  const slong prec = RB::prec;
  acb_t tb, ti, xt, yt, v;
  acb_init(tb);
  acb_init(ti);
  acb_init(xt);
  acb_init(yt);
  acb_init(v);
  const RB ca = rb(cx.ch->ca), sa = rb(cx.ch->sa);
  acb_mul_arb(xt, t, ca.raw(), prec);
  arb_sub(acb_realref(xt), acb_realref(xt), sa.raw(), prec);
  acb_mul_arb(yt, t, sa.raw(), prec);
  arb_add(acb_realref(yt), acb_realref(yt), ca.raw(), prec);
  RB sum(0.0), abs;
  for (int i = 0; i <= cx.n; ++i) {
    acb_pow_ui(tb, xt, static_cast<ulong>(cx.n - i), prec);
    acb_pow_ui(ti, yt, static_cast<ulong>(i), prec);
    acb_mul(v, tb, ti, prec);
    acb_abs(abs.raw(), v, prec);
    sum += abs * abs;
  }
  acb_clear(tb);
  acb_clear(ti);
  acb_clear(xt);
  acb_clear(yt);
  acb_clear(v);
  return rb_sqrt_upper(sum);
}

void acb_disc(acb_t out, cd c, double delta) {
  arb_set_d(acb_realref(out), c.real());
  arb_set_d(acb_imagref(out), c.imag());
  mag_set_d(arb_radref(acb_realref(out)), delta);
  mag_set_d(arb_radref(acb_imagref(out)), delta);
}

/// Bounds on the circle |t - c| = R for the forms of the ball: `lower` <= |f_{w_f}|
/// there (|T_m| R^m - sum_{k != m} |T_k| R^k, T_k the Taylor coefficients of
/// f_{w_f} at c) and `pert` >= sup_{|t - c| <= R} ||V(t)||, V_i(t) = t^{n-i} (b t + 1)^i,
/// so that |f_w - f_{w_f}| <= r pert on the disc when ||w - w_f|| <= r.
struct CircleBounds {
  RB lower, pert;
};

CircleBounds circle_bounds(const Context& cx, cd c, double R, int m) {
  const slong prec = RB::prec;
  acb_poly_t f, g;
  acb_poly_init(f);
  acb_poly_init(g);
  acb_t tk;
  acb_init(tk);
  for (int j = 0; j <= cx.n; ++j) {
    acb_zero(tk);
    arb_set(acb_realref(tk), cx.f_b[static_cast<std::size_t>(j)].raw());
    acb_poly_set_coeff_acb(f, j, tk);
  }
  arb_set_d(acb_realref(tk), c.real());
  arb_set_d(acb_imagref(tk), c.imag());
  acb_poly_taylor_shift(g, f, tk, prec);
  RB main(0.0), others(0.0), dk(1.0), abs;
  const RB dl(R);
  for (int k = 0; k <= cx.n; ++k) {
    if (k > 0) dk = dk * dl;
    acb_poly_get_coeff_acb(tk, g, k);
    acb_abs(abs.raw(), tk, prec);
    if (k == m) main = abs * dk;
    else others += abs * dk;
  }
  acb_disc(tk, c, R);
  CircleBounds out{main - others, perturbation_factor(cx, tk)};
  acb_clear(tk);
  acb_poly_clear(f);
  acb_poly_clear(g);
  return out;
}

/// Pellet's test with a perturbation term (step C1): for every w with
/// ||w - w_f|| <= r, f_w has exactly m roots in the open disc D(c, R), since
/// then |f_w(t) - T_m (t - c)^m| < |T_m (t - c)^m| on |t - c| = R (Rouche).
bool pellet_ok(const Context& cx, cd c, double R, int m, const RB& r) {
  CircleBounds b = circle_bounds(cx, c, R, m);
  RB margin = b.lower - r * b.pert;
  return arb_is_positive(margin.raw());
}

/// Step C3 (the box): a bound on |s(f_w) - s(f_{w_f})| over the ball, where
/// s(f) = (1/2 pi i) \oint_{|t-c|=R} (t - c) f'/f dt is the sum of (root - c)
/// over the m roots in the disc.  With e = f_w - f_{w_f} and h = f_{w_f} + tau e,
/// d/dtau s(h) = (1/2 pi i) \oint (t - c) (e/h)' dt = -(1/2 pi i) \oint e/h dt,
/// so |s(f_w) - s(f_{w_f})| <= R r pert / (lower - r pert).  A point of pattern
/// exactly lambda has its m-fold root at c + s/m.
std::optional<RB> mean_shift_bound(const Context& cx, cd c, double R, int m, const RB& r) {
  CircleBounds b = circle_bounds(cx, c, R, m);
  RB margin = b.lower - r * b.pert;
  if (!arb_is_positive(margin.raw())) return std::nullopt;
  RB num = RB(R) * r * b.pert, q;
  arb_div(q.raw(), num.raw(), margin.raw(), RB::prec);
  return q;
}

/// The quantities of circle_bounds in double, for choosing radii (not a proof).
struct CircleEstimate {
  double main = 0, others = 0, pert = 0;
};

/// |T_k| (Taylor coefficients of f_{w_f} at c), computed once per centre.
struct TaylorModuli {
  std::vector<double> t;
  double absc = 0, ca = 0, sa = 0;
};

TaylorModuli taylor_moduli(const Context& cx, cd c) {
  const int n = cx.n;
  TaylorModuli tm;
  for (int k = 0; k <= n; ++k) {
    cd t = 0;  // T_k = sum_{j >= k} C(j, k) f_j c^{j-k}, by Horner
    for (int j = n; j >= k; --j) {
      double bin = 1;
      for (int i = 1; i <= k; ++i) bin = bin * (j - k + i) / i;
      t = t * c + bin * cx.f_d[static_cast<std::size_t>(j)];
    }
    tm.t.push_back(std::abs(t));
  }
  tm.absc = std::abs(c);
  tm.ca = std::abs(cx.ch->ca.to_double());
  tm.sa = std::abs(cx.ch->sa.to_double());
  return tm;
}

CircleEstimate circle_estimate(const TaylorModuli& tm, double R, int m) {
  const int n = static_cast<int>(tm.t.size()) - 1;
  CircleEstimate e;
  double Rk = 1;
  for (int k = 0; k <= n; ++k, Rk *= R) {
    const double term = tm.t[static_cast<std::size_t>(k)] * Rk;
    if (k == m) e.main = term;
    else e.others += term;
  }
  const double rad = tm.absc + R, x = tm.ca * rad + tm.sa, y = tm.sa * rad + tm.ca;
  double s = 0, xp = 1;
  for (int i = 0; i < n; ++i) xp *= x;
  double yp = 1;
  for (int i = 0; i <= n; ++i) {
    s += xp * xp * yp * yp;
    xp /= (x > 0 ? x : 1);
    yp *= y;
  }
  e.pert = std::sqrt(s);
  return e;
}

double pellet_margin_d(const TaylorModuli& tm, double delta, int m, double r) {
  const CircleEstimate e = circle_estimate(tm, delta, m);
  return (e.main - e.others - r * e.pert) / (e.main > 0 ? e.main : 1);
}

/// The radius R in [delta, limit] with the smallest estimated mean-shift bound.
double mean_shift_radius(const Context& cx, const Flat& f, double r) {
  const TaylorModuli tm = taylor_moduli(cx, f.c);
  double best = f.delta, best_bound = HUGE_VAL;
  for (double R = f.delta; R <= f.limit; R *= 1.4142135623730951) {
    const CircleEstimate e = circle_estimate(tm, R, f.m);
    const double margin = e.main - e.others - r * e.pert;
    if (!(margin > 0.1 * e.main)) continue;
    const double bound = R * r * e.pert / margin;
    if (bound < best_bound) {
      best_bound = bound;
      best = R;
    }
  }
  return best;
}

/// Chooses and certifies the disc radius of one cluster (smallest passing
/// radius on a geometric grid below half the distance to the other centres).
std::optional<double> certify_disc(const Context& cx, cd c, int m, double limit, double r_d, const RB& r) {
  if (!(limit > 0)) return std::nullopt;
  std::vector<double> grid;
  for (double d = limit * 1e-14; d <= limit; d *= 1.4142135623730951) grid.push_back(d);
  std::optional<double> pick;
  const TaylorModuli tm = taylor_moduli(cx, c);
  for (double thr : {0.5, 0.1, 0.0})
    if (!pick)
      for (double d : grid)
        if (pellet_margin_d(tm, d, m, r_d) > thr) {
          pick = d;
          break;
        }
  if (!pick) return std::nullopt;
  for (double d = *pick; d <= limit; d *= 1.5)
    if (pellet_ok(cx, c, d, m, r)) return d;
  return std::nullopt;
}

/// A complex ball with RAII (the exclusion test works over C).
struct CB {
  acb_t v;
  CB() noexcept { acb_init(v); }
  CB(const CB& o) noexcept {
    acb_init(v);
    acb_set(v, o.v);
  }
  CB& operator=(const CB& o) noexcept {
    acb_set(v, o.v);
    return *this;
  }
  ~CB() { acb_clear(v); }
};

/// Step C4: no critical point of a finer stratum in the ball.
///
/// Let w be in the ball with a pattern strictly finer than lambda: some
/// cluster j (multiplicity m >= 2, centre c) holds two distinct roots
/// alpha != beta of w.  D = c_j / ((t - alpha)(t - beta)) (c_j the monic
/// cluster factor) is divisible by gcd(c_j, c_j'), so with the monic
/// cof = prod_{i != j} c_i, every cof D s (deg s <= 1) is divisible by
/// gcd(f_w, f_w') and lies in the tangent space of w's stratum (eq. 5.3).
/// Criticality of w would give zeta(D) = zeta((t - c) D) = 0 for the
/// functional zeta(h) = <Sigma (w - u), cof h>.  Write z_k = zeta((t - c)^k)
/// and D = sum_k d_k (t - c)^k (d_{m-2} = 1, |d_k| <= C(m-2, k) delta^{m-2-k}
/// since D's m - 2 roots lie in the disc).  With d = d_{m-3}:
///   zeta(D)         = A + d B,   A = z_{m-2} + sum_{k<m-3} d_k z_k,      B = z_{m-3},
///   zeta((t - c) D) = C + d V,   C = z_{m-1} + sum_{k<m-3} d_k z_{k+1},  V = z_{m-2},
/// so both vanish only if A V - B C = 0 (V != 0).  For m = 2 (D = 1) the test
/// is z_0 != 0.  At w*, z_{m-1} = 0 (that direction is tangent to Delta_lambda)
/// and z_{m-2} != 0 for generic data, so the test succeeds with a margin that
/// depends on delta only quadratically.  Every z_k is enclosed for all w in
/// the ball: cof has its roots in the other discs, and <Sigma (w - w_f), q>
/// is bounded by r ||Sigma M^-1 q||.
bool exclude_finer(const Context& cx, const std::vector<Flat>& flats, std::size_t j, const RB& r) {
  const slong prec = RB::prec;
  const std::size_t N = static_cast<std::size_t>(cx.n) + 1;
  const int m = flats[j].m;
  const cd c = flats[j].c;
  // cof: the other clusters, roots in their discs.
  acb_poly_t cof, lin, qk;
  acb_poly_init(cof);
  acb_poly_init(lin);
  acb_poly_init(qk);
  CB root, one, t;
  acb_one(one.v);
  acb_poly_one(cof);
  for (std::size_t i = 0; i < flats.size(); ++i) {
    if (i == j) continue;
    acb_disc(root.v, flats[i].c, flats[i].delta);
    acb_neg(root.v, root.v);
    acb_poly_zero(lin);
    acb_poly_set_coeff_acb(lin, 0, root.v);
    acb_poly_set_coeff_acb(lin, 1, one.v);
    for (int k = 0; k < flats[i].m; ++k) acb_poly_mul(cof, cof, lin, prec);
  }
  // g = Sigma_c (f_{w_f} - u_c).
  std::vector<RB> g(N);
  for (std::size_t i = 0; i < N; ++i) {
    RB gi(0.0);
    for (std::size_t k = 0; k < N; ++k) gi += cx.sigma_b[i * N + k] * (cx.f_b[k] - cx.u_b[k]);
    g[i] = gi;
  }
  // z_k for k = 0..m-1, each with the ball term r ||K q_k||.
  acb_poly_zero(lin);
  arb_set_d(acb_realref(root.v), -c.real());
  arb_set_d(acb_imagref(root.v), -c.imag());
  acb_poly_set_coeff_acb(lin, 0, root.v);
  acb_poly_set_coeff_acb(lin, 1, one.v);
  acb_poly_set(qk, cof);
  std::vector<CB> z(static_cast<std::size_t>(m));
  for (int k = 0; k < m; ++k) {
    if (k > 0) acb_poly_mul(qk, qk, lin, prec);
    std::vector<CB> q(N);
    for (std::size_t i = 0; i < N; ++i) acb_poly_get_coeff_acb(q[i].v, qk, static_cast<slong>(i));
    CB eta;
    for (std::size_t i = 0; i < N; ++i) {
      acb_mul_arb(t.v, q[i].v, g[i].raw(), prec);
      acb_add(eta.v, eta.v, t.v, prec);
    }
    RB kq2(0.0), abs;
    for (std::size_t i = 0; i < N; ++i) {
      CB s;
      for (std::size_t l = 0; l < N; ++l) {
        acb_mul_arb(t.v, q[l].v, cx.k_b[i * N + l].raw(), prec);
        acb_add(s.v, s.v, t.v, prec);
      }
      acb_abs(abs.raw(), s.v, prec);
      kq2 += abs * abs;
    }
    RB err = r * rb_sqrt_upper(kq2);
    arb_add_error(acb_realref(eta.v), err.raw());
    arb_add_error(acb_imagref(eta.v), err.raw());
    z[static_cast<std::size_t>(k)] = eta;
  }
  acb_poly_clear(cof);
  acb_poly_clear(lin);
  acb_poly_clear(qk);
  auto nonzero = [&](const CB& x) {
    RB a;
    acb_abs(a.raw(), x.v, prec);
    return arb_is_positive(a.raw());
  };
  if (m == 2) return nonzero(z[0]);
  // d_k for k < m - 3: complex balls of radius C(m-2, k) delta^{m-2-k} around 0.
  const double delta = flats[j].delta;
  CB A = z[static_cast<std::size_t>(m - 2)], C = z[static_cast<std::size_t>(m - 1)];
  const CB& B = z[static_cast<std::size_t>(m - 3)];
  const CB& V = z[static_cast<std::size_t>(m - 2)];
  for (int k = 0; k < m - 3; ++k) {
    double bin = 1;
    for (int i = 1; i <= k; ++i) bin = bin * (m - 2 - k + i) / i;
    const double rad = bin * std::pow(delta, m - 2 - k) * (1 + 1e-12);
    CB dk;
    mag_set_d(arb_radref(acb_realref(dk.v)), rad);
    mag_set_d(arb_radref(acb_imagref(dk.v)), rad);
    acb_mul(t.v, dk.v, z[static_cast<std::size_t>(k)].v, prec);
    acb_add(A.v, A.v, t.v, prec);
    acb_mul(t.v, dk.v, z[static_cast<std::size_t>(k + 1)].v, prec);
    acb_add(C.v, C.v, t.v, prec);
  }
  CB det;
  acb_mul(det.v, A.v, V.v, prec);
  acb_mul(t.v, B.v, C.v, prec);
  acb_sub(det.v, det.v, t.v, prec);
  return nonzero(V) && nonzero(det);
}

std::string fmt_double(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2e", d);
  return buf;
}

/// ||(ca^n, ca^{n-1} sa, ..., sa^n)||^2: lc(f_w) = sum_i w_i ca^{n-i} sa^i moves by
/// at most r times its square root over the ball.
RB lead_norm2(const Context& cx) {
  const RB ca = rb(cx.ch->ca), sa = rb(cx.ch->sa);
  RB s(0.0);
  for (int i = 0; i <= cx.n; ++i) {
    RB v(1.0);
    for (int k = 0; k < cx.n - i; ++k) v = v * ca;
    for (int k = 0; k < i; ++k) v = v * sa;
    s += v * v;
  }
  return s;
}

/// Steps C1-C2 for every disc: radii, disjointness, conjugate symmetry, and a
/// nonvanishing leading coefficient.  Fills flats[i].delta.  Empty string on success.
std::string certify_clusters(const Context& cx, std::vector<Flat>& flats, double r_d, const RB& r, const RB& lc) {
  for (std::size_t i = 0; i < flats.size(); ++i) {
    if (static_cast<int>(i) > flats[i].partner) {
      flats[i].delta = flats[static_cast<std::size_t>(flats[i].partner)].delta;  // conjugate disc: same test
      flats[i].limit = flats[static_cast<std::size_t>(flats[i].partner)].limit;
      continue;
    }
    double limit = 1e300;
    for (std::size_t j = 0; j < flats.size(); ++j)
      if (j != i) limit = std::min(limit, 0.45 * std::abs(flats[i].c - flats[j].c));
    if (!flats[i].real) limit = std::min(limit, 0.95 * std::abs(flats[i].c.imag()));
    if (flats.size() == 1 && flats[i].real) limit = 1 + std::abs(flats[i].c);
    flats[i].limit = limit;
    auto d = certify_disc(cx, flats[i].c, flats[i].m, limit, r_d, r);
    if (!d)
      return "the roots of mu(theta) near " + fmt_double(flats[i].c.real()) +
             (flats[i].real ? "" : (flats[i].c.imag() >= 0 ? "+" : "") + fmt_double(flats[i].c.imag()) + "i") +
             " are not certifiably a cluster of " + std::to_string(flats[i].m) + " within r = " + fmt_double(r_d) +
             " (Pellet's test failed)";
    flats[i].delta = *d;
  }
  for (std::size_t i = 0; i < flats.size(); ++i) {
    if (!flats[i].real && !(std::abs(flats[i].c.imag()) > flats[i].delta))
      return "a complex root disc meets the real axis";
    for (std::size_t j = i + 1; j < flats.size(); ++j) {
      RB dre = RB(flats[i].c.real()) - RB(flats[j].c.real()), dim = RB(flats[i].c.imag()) - RB(flats[j].c.imag());
      RB dist = rb_sqrt_upper(dre * dre + dim * dim);
      if (!arb_gt(dist.raw(), RB(flats[i].delta + flats[j].delta).raw()) || !(flats[i].delta + flats[j].delta < 1e300))
        return "root discs overlap";
    }
  }
  RB lcabs;
  const RB bn = lead_norm2(cx);
  arb_abs(lcabs.raw(), lc.raw());
  RB m = lcabs - r * rb_sqrt_upper(bn);
  if (!arb_is_positive(m.raw())) return "the leading coefficient in the chart may vanish in the ball";
  return {};
}

/// The second-order type of w* on its stratum from H = Hessian of l o psi / 2
/// over the enclosure X* of x*: true if H is certainly positive definite (a
/// strict local minimum of l on Delta_lambda), false if some v has
/// v^T H v < 0 certainly (a saddle or maximum: l decreases along the
/// stratum), nullopt otherwise.  LDL^T without pivoting, in balls.
std::optional<bool> stratum_minimum(const Context& cx, const Stratum& st, const std::vector<RB>& Xstar) {
  const System<RB> s = critical_system(st, Xstar, cx.sigma_b, cx.u_b, true);
  const std::size_t P = Xstar.size();
  std::vector<std::vector<RB>> a = s.H;
  bool pd = true;
  for (std::size_t k = 0; k < P && pd; ++k) {
    if (!arb_is_positive(a[k][k].raw())) {
      pd = false;
      break;
    }
    for (std::size_t i = k + 1; i < P; ++i) {
      RB l;
      arb_div(l.raw(), a[i][k].raw(), a[k][k].raw(), RB::prec);
      for (std::size_t j = k + 1; j < P; ++j) a[i][j] = a[i][j] - l * a[k][j];
    }
  }
  if (pd) return true;
  // A negative direction from the double LDL^T: v = L^-T e_k at a negative pivot.
  std::vector<std::vector<double>> h(P, std::vector<double>(P)), L(P, std::vector<double>(P, 0.0));
  for (std::size_t i = 0; i < P; ++i)
    for (std::size_t j = 0; j < P; ++j) h[i][j] = mid(s.H[i][j]);
  std::vector<double> d(P, 0.0);
  for (std::size_t k = 0; k < P; ++k) {
    double v = h[k][k];
    for (std::size_t j = 0; j < k; ++j) v -= L[k][j] * L[k][j] * d[j];
    d[k] = v;
    L[k][k] = 1;
    if (v < 0) {
      std::vector<double> x(P, 0.0);  // solve L^T x = e_k
      x[k] = 1;
      for (std::size_t i = k; i-- > 0;) {
        double t = 0;
        for (std::size_t j = i + 1; j <= k; ++j) t -= L[j][i] * x[j];
        x[i] = t;
      }
      RB q(0.0);
      for (std::size_t i = 0; i < P; ++i)
        for (std::size_t j = 0; j < P; ++j) q += RB(x[i]) * s.H[i][j] * RB(x[j]);
      if (arb_is_negative(q.raw())) return false;
      return std::nullopt;
    }
    if (v == 0) return std::nullopt;
    for (std::size_t i = k + 1; i < P; ++i) {
      double t = h[i][k];
      for (std::size_t j = 0; j < k; ++j) t -= L[i][j] * L[k][j] * d[j];
      L[i][k] = t / v;
    }
  }
  return std::nullopt;
}

struct Attempt {
  bool ok = false;
  std::string reason;
  LocalCertificate cert;
};

RB radius_floor(const Context& cx) {
  double s = 0;
  for (double v : cx.wf_d) s += v * v;
  return RB(std::ldexp(1.0 + std::sqrt(s), -40));
}

/// r = max(4 eps, floor) rounded up to two decimal digits; eps < r / 3.
Rational choose_radius(const Context& cx, const RB& eps) {
  const double e = upper(eps);
  const double fl = mid(radius_floor(cx));
  return round_up_decimal(std::max(4 * e, fl));
}

Attempt certify_candidate(const Context& cx, Candidate& cand) {
  Attempt at;
  const std::size_t N = static_cast<std::size_t>(cx.n) + 1;
  LocalCertificate& lc = at.cert;
  lc.chart = cx.ch->q;
  RB eps;
  std::vector<RB> wstar;
  Poly<RB> fstar;
  std::vector<RB> Xstar;
  if (cand.trivial) {
    for (std::size_t i = 0; i < N; ++i) wstar.push_back(rb(cx.pb.target()[i]));
    eps = norm_b(wstar, cx.wf_b);
  } else {
    // C3a: a small box around the Newton point; Krawczyk proves one zero there.
    // The box radius is a multiple of one more Newton step taken with the
    // residual evaluated in balls (double residuals lose the small digits).
    std::vector<double> step(cand.x.size(), 0.0);
    {
      System<double> sd = critical_system(cand.st, cand.x, cx.sigma_d, cx.u_d, true);
      auto Y = invert(sd.H);
      if (Y) {
        std::vector<RB> xb(cand.x.begin(), cand.x.end());
        System<RB> sb = critical_system(cand.st, xb, cx.sigma_b, cx.u_b, false);
        for (std::size_t i = 0; i < cand.x.size(); ++i)
          for (std::size_t j = 0; j < cand.x.size(); ++j) step[i] += (*Y)[i][j] * mid(sb.F[j]);
        for (std::size_t i = 0; i < cand.x.size(); ++i) cand.x[i] -= step[i];
      }
    }
    KrawczykOutcome tight;
    for (double grow : {1.0, 64.0, 4096.0}) {
      std::vector<RB> Xt;
      for (std::size_t i = 0; i < cand.x.size(); ++i)
        Xt.push_back(
            rb_interval(cand.x[i], grow * (16 * std::abs(step[i]) + std::ldexp(1 + std::abs(cand.x[i]), -44))));
      tight = krawczyk(cx, cand.st, Xt, cand.x, 2);
      if (tight.unique) break;
    }
    Xstar = tight.box;
    System<RB> s = critical_system(cand.st, Xstar, cx.sigma_b, cx.u_b, false);
    fstar = s.psi;
    wstar = to_original(cx, fstar);
    eps = norm_b(wstar, cx.wf_b);
  }
  const Rational r = choose_radius(cx, eps);
  const RB rb_r = rb(r);
  const double r_d = r.to_double();
  lc.radius = r;
  lc.distance_bound = round_up_decimal(std::max(upper(eps), 1e-300));
  if (!(lc.distance_bound * Rational(3L) < r)) lc.distance_bound = r / Rational(4L);  // upper(eps) <= r / 4
  // C1-C2: clusters.
  const RB lead = cx.f_b[N - 1];
  if (std::string why = certify_clusters(cx, cand.flats, r_d, rb_r, lead); !why.empty()) {
    at.reason = why;
    return at;
  }
  lc.lambda = lambda_of(cand.flats);
  lc.rrmp = rrmp_of(cand.flats);
  if (!cand.trivial) {
    // C3b: a point of the stratum in the ball has its m_j-fold root at the
    // cluster mean c_j + s_j / m_j, within 2 bound_j / m_j of w*'s (w* is in
    // the ball too), and leading coefficient within r ||(1, b, .., b^n)|| of
    // w_f's: the box X below contains the parameters of all of them.
    std::vector<RB> X;
    const RB bn = lead_norm2(cx);
    RB a = lead;
    arb_add_error(a.raw(), (rb_r * rb_sqrt_upper(bn)).raw());
    X.push_back(a);
    std::size_t fi = 0;
    for (std::size_t k = 0; k < cand.st.kind.size(); ++k) {
      const Flat& f = cand.flats[fi];
      const std::size_t o = static_cast<std::size_t>(cand.st.offset(k));
      auto shift = mean_shift_bound(cx, f.c, mean_shift_radius(cx, f, r_d), f.m, rb_r);
      if (!shift) {
        at.reason = "no bound on the cluster means over the ball";
        return at;
      }
      RB eps = RB(2.0 / f.m) * *shift;
      if (cand.st.kind[k] == 1) {
        RB rho = Xstar[o];
        arb_add_error(rho.raw(), eps.raw());
        X.push_back(rho);
        fi += 1;
      } else {
        // rho* = -p*/2 + i sqrt(q* - p*^2/4) from the enclosure; rho' within eps of it.
        RB re = RB(-0.5) * Xstar[o], im2 = Xstar[o + 1] - re * re, im;
        arb_sqrtpos(im.raw(), im2.raw(), RB::prec);
        RB mod = rb_sqrt_upper(re * re + im * im);  // |rho*|; |rho'| is within eps of it
        arb_add_error(re.raw(), eps.raw());
        arb_add_error(mod.raw(), eps.raw());
        X.push_back(RB(-2.0) * re);
        X.push_back(mod * mod);
        fi += 2;
      }
    }
    for (std::size_t i = 0; i < X.size(); ++i)
      if (!arb_contains(X[i].raw(), Xstar[i].raw())) {
        at.reason = "the certified Newton point is not inside the box";
        return at;
      }
    KrawczykOutcome big = krawczyk(cx, cand.st, X, cand.x, 4);
    if (!big.unique) {
      at.reason = "uniqueness on Delta" + lc.lambda.to_string() + " within r not proven (Krawczyk failed)";
      return at;
    }
    // C4: finer strata.
    for (std::size_t j = 0; j < cand.flats.size(); ++j) {
      if (cand.flats[j].m < 2 || static_cast<int>(j) > cand.flats[j].partner) continue;
      if (!exclude_finer(cx, cand.flats, j, rb_r)) {
        at.reason = "critical points of strata finer than Delta" + lc.lambda.to_string() +
                    " could not be excluded near the cluster at " + fmt_double(cand.flats[j].c.real());
        return at;
      }
    }
  }
  // Report.
  for (const RB& x : wstar) lc.point.push_back(to_ball(x));
  for (const RB& x : wstar) lc.approximation.push_back(mid(x));
  if (cand.trivial) {
    lc.is_target = true;
    lc.loss = Ball(0L);
  } else {
    RB loss(0.0);
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j)
        loss += (fstar[i] - cx.u_b[i]) * cx.sigma_b[i * N + j] * (fstar[j] - cx.u_b[j]);
    lc.loss = to_ball(loss);
    lc.local_minimum_on_stratum = stratum_minimum(cx, cand.st, Xstar);
  }
  lc.certified = true;
  at.ok = true;
  return at;
}

}  // namespace

LocalCertificate certify_near(const LimitProblem& problem, const std::vector<Rational>& wf, long precision) {
  RB::prec = precision;
  Context cx(problem);
  cx.n = problem.degree();
  const std::size_t N = static_cast<std::size_t>(cx.n) + 1;
  cx.wf = wf;
  bool zero = true;
  for (const Rational& q : wf) {
    cx.wf_d.push_back(q.to_double());
    cx.wf_b.push_back(rb(q));
    zero = zero && q.is_zero();
  }
  LocalCertificate out;
  if (zero) {
    out.reason = "mu(theta) is the zero form, which lies on no multiple root locus";
    return out;
  }
  // Chart: the direction sent to infinity far from the roots of w_f (|w_f| is
  // largest there on the unit circle).
  std::size_t best = 0;
  double best_score = -1;
  double wn = 0;
  for (double v : cx.wf_d) wn += v * v;
  wn = std::sqrt(wn);
  const auto& qs = LimitProblem::chart_parameters();
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const double q = qs[i].to_double(), ca = (1 - q * q) / (1 + q * q), sa = 2 * q / (1 + q * q);
    double v = 0;
    for (std::size_t j = 0; j < N; ++j)
      v += cx.wf_d[j] * std::pow(ca, static_cast<double>(N - 1 - j)) * std::pow(sa, static_cast<double>(j));
    const double score = std::abs(v) / wn;
    if (score > best_score * 1.25) {  // prefer the unrotated chart unless clearly better
      best_score = score;
      best = i;
    }
  }
  cx.ch = &problem.chart(best);
  for (std::size_t i = 0; i < N; ++i) {
    RB s(0.0);
    for (std::size_t j = 0; j < N; ++j) s += RB(cx.ch->m_b[i * N + j]) * cx.wf_b[j];
    cx.f_d.push_back(mid(s));
    cx.f_b.push_back(std::move(s));
  }
  cx.sigma_d = cx.ch->sigma_d;
  cx.u_d = cx.ch->u_d;
  for (const Ball& b : cx.ch->sigma_b) cx.sigma_b.emplace_back(b);
  for (const Ball& b : cx.ch->u_b) cx.u_b.emplace_back(b);
  for (const Ball& b : cx.ch->minv_b) cx.minv_b.emplace_back(b);
  for (const Ball& b : cx.ch->k_b) cx.k_b.emplace_back(b);
  out.chart = cx.ch->q;
  if (cx.f_d[N - 1] == 0.0) {
    out.reason = "no chart keeps the roots of mu(theta) finite";
    return out;
  }

  // Candidate patterns: the clusterings of the roots of w_f by single linkage.
  std::vector<cd> z = approximate_roots(cx.f_d);
  const std::vector<int> conj = symmetrize(z);
  std::vector<double> thresholds{0.0};
  for (std::size_t i = 0; i < z.size(); ++i)
    for (std::size_t j = i + 1; j < z.size(); ++j) thresholds.push_back(std::abs(z[i] - z[j]));
  std::sort(thresholds.begin(), thresholds.end());
  std::vector<std::vector<std::vector<int>>> seen;
  std::vector<Candidate> cands;
  for (double tau : thresholds) {
    auto comps = components(z, tau);
    for (auto& c : comps) std::sort(c.begin(), c.end());
    std::sort(comps.begin(), comps.end());
    if (std::find(seen.begin(), seen.end(), comps) != seen.end()) continue;
    seen.push_back(comps);
    Candidate cand;
    cand.st.n = cx.n;
    const bool trivial = comps.size() == z.size();
    cand.trivial = trivial;
    std::vector<double> x{cx.f_d[N - 1]};
    for (const auto& c : comps) {
      cd mean = 0;
      for (int i : c) mean += z[static_cast<std::size_t>(i)];
      mean /= static_cast<double>(c.size());
      const bool real = std::find(c.begin(), c.end(), conj[static_cast<std::size_t>(c[0])]) != c.end();
      if (real) {
        cand.st.kind.push_back(1);
        cand.st.mult.push_back(static_cast<int>(c.size()));
        x.push_back(mean.real());
      } else if (mean.imag() > 0) {
        cand.st.kind.push_back(2);
        cand.st.mult.push_back(static_cast<int>(c.size()));
        x.push_back(-2 * mean.real());
        x.push_back(std::norm(mean));
      }
    }
    if (trivial) {
      for (std::size_t i = 0; i < z.size(); ++i) {
        Flat f;
        f.c = z[i];
        f.m = 1;
        f.real = conj[i] == static_cast<int>(i);
        f.partner = conj[i];
        cand.flats.push_back(f);
      }
      cand.distance = norm_d(cx.wf_d, std::vector<double>(cx.pb.target().size()));  // placeholder, set below
      std::vector<double> ud;
      for (const Rational& q : cx.pb.target()) ud.push_back(q.to_double());
      cand.distance = norm_d(cx.wf_d, ud);
      cand.newton_ok = true;
    } else {
      cand.x = x;
      cand.newton_ok = newton(cx, cand.st, cand.x);
      if (cand.newton_ok) {
        auto fl = flats_of(cand.st, cand.x);
        if (!fl) cand.newton_ok = false;
        else cand.flats = *fl;
      }
      if (cand.newton_ok) {
        System<double> s = critical_system(cand.st, cand.x, cx.sigma_d, cx.u_d, false);
        cand.distance = norm_d(cx.wf_d, to_original_d(cx, s.psi));
        if (!std::isfinite(cand.distance)) cand.newton_ok = false;
      }
    }
    cands.push_back(std::move(cand));
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < cands.size(); ++i)
    if (cands[i].newton_ok) order.push_back(i);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return cands[a].distance < cands[b].distance; });
  for (const Candidate& c : cands)
    out.candidates.push_back(lambda_of(c.flats.empty() ? std::vector<Flat>{} : c.flats).to_string() + ": " +
                             (c.newton_ok ? "distance " + fmt_double(c.distance) : "Newton failed"));
  if (order.empty()) {
    out.reason = "not converged near any critical point: Newton failed on every candidate stratum";
    return out;
  }
  std::string first_reason;
  int tries = 0;
  for (std::size_t idx : order) {
    Candidate& cand = cands[idx];
    if (tries >= 3 || cand.distance > 0.05 * (1 + wn)) break;
    if (cand.trivial &&
        std::all_of(cx.pb.target().begin(), cx.pb.target().end(), [](const Rational& q) { return q.is_zero(); }))
      continue;  // u = 0 lies on no locus
    ++tries;
    Attempt at = certify_candidate(cx, cand);
    if (at.ok) {
      at.cert.candidates = out.candidates;
      // w* = u exactly if u lies in the ball (u is critical on its own stratum).
      if (!at.cert.is_target &&
          !std::all_of(cx.pb.target().begin(), cx.pb.target().end(), [](const Rational& q) { return q.is_zero(); })) {
        std::vector<RB> ub;
        for (const Rational& q : cx.pb.target()) ub.push_back(rb(q));
        RB du = norm_b(ub, cx.wf_b);
        if (arb_lt(du.raw(), rb(at.cert.radius).raw())) at.cert.is_target = true;
      }
      return at.cert;
    }
    if (first_reason.empty())
      first_reason = lambda_of(cand.flats).to_string() + " at distance " + fmt_double(cand.distance) + ": " + at.reason;
  }
  if (first_reason.empty()) {
    const Candidate& c = cands[order.front()];
    out.reason = "not converged near any critical point: the nearest candidate, on Delta" +
                 lambda_of(c.flats).to_string() + ", is at distance " + fmt_double(c.distance);
  } else {
    out.reason = first_reason;
  }
  return out;
}

}  // namespace lcngeom::detail
