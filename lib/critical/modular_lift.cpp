// Multi-modular lifting of the cell RURs of the modular engine: CRT over
// random 62-bit primes and rational reconstruction (FLINT fmpz_poly_CRT_ui,
// fmpq_reconstruct_fmpz), confirmed by one further prime.
#include "lcngeom/detail/modular_lift.hpp"

#include <algorithm>
#include <optional>
#include <random>

#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/ulong_extras.h>

#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/detail/modular_solver4.hpp"
#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/flint.hpp"

namespace lcngeom::detail {

namespace {

// An fmpz_poly with its own lifetime (residues modulo the product of the primes).
struct ZPoly {
  fmpz_poly_t v;
  ZPoly() { fmpz_poly_init(v); }
  ZPoly(const ZPoly& o) {
    fmpz_poly_init(v);
    fmpz_poly_set(v, o.v);
  }
  ZPoly& operator=(const ZPoly& o) {
    fmpz_poly_set(v, o.v);
    return *this;
  }
  ~ZPoly() { fmpz_poly_clear(v); }
};

struct ZInt {
  fmpz_t v;
  ZInt() { fmpz_init_set_ui(v, 1); }
  ~ZInt() { fmpz_clear(v); }
  ZInt(const ZInt&) = delete;
  ZInt& operator=(const ZInt&) = delete;
};

ulong reduce_mod(const Rational& q, ulong p, bool& ok) {
  const ulong den = fmpz_fdiv_ui(fmpq_denref(q.raw()), p);
  if (den == 0) {
    ok = false;
    return 0;
  }
  const ulong num = fmpz_fdiv_ui(fmpq_numref(q.raw()), p);
  nmod_t mod;
  nmod_init(&mod, p);
  return nmod_mul(num, n_invmod(den, p), mod);
}

// Rational reconstruction of every coefficient of r modulo m; nullopt on failure.
std::optional<RatPoly> reconstruct(const fmpz_poly_t r, const fmpz_t m) {
  fmpq_poly_t out;
  fmpq_poly_init(out);
  fmpq_t c;
  fmpq_init(c);
  fmpz_t a;
  fmpz_init(a);
  bool ok = true;
  for (slong i = 0; i < fmpz_poly_length(r) && ok; ++i) {
    fmpz_mod(a, fmpz_poly_get_coeff_ptr(r, i), m);
    ok = fmpq_reconstruct_fmpz(c, a, m) != 0;
    if (ok) fmpq_poly_set_coeff_fmpq(out, i, c);
  }
  std::optional<RatPoly> res;
  if (ok) res.emplace(static_cast<const fmpq_poly_struct*>(out));
  fmpz_clear(a);
  fmpq_clear(c);
  fmpq_poly_clear(out);
  return res;
}

// Does the rational polynomial q reduce to r modulo p?
bool reduces_to(const RatPoly& q, const NmodPoly& r, ulong p) {
  const fmpq_poly_struct* f = q.raw();
  const ulong den = fmpz_fdiv_ui(fmpq_poly_denref(f), p);
  if (den == 0) return false;
  nmod_t mod;
  nmod_init(&mod, p);
  const ulong inv = n_invmod(den, p);
  const long len = std::max(q.length(), r.degree() + 1);
  for (long i = 0; i < len; ++i) {
    const ulong qi = i < q.length() ? nmod_mul(fmpz_fdiv_ui(fmpq_poly_numref(f) + i, p), inv, mod) : 0;
    if (qi != (i <= r.degree() ? r.coeff(i) : 0)) return false;
  }
  return true;
}

std::uint64_t random_prime(std::mt19937_64& g) {
  std::uniform_int_distribution<std::uint64_t> d(1ULL << 61, (1ULL << 62) - 1);
  for (;;) {
    const std::uint64_t c = d(g) | 1ULL;
    if (n_is_prime(c)) return c;
  }
}

// The power engine's critical points of Delta(k^m) on the top cell as a
// cell solution in t = z^k: z = sum_i l_i g_i (a small integer form drawn
// from `seed`, wider with each attempt) separates the roots g, the k roots
// zeta g of one point w have the same t, and P = g / g_0, h = g_0^k are
// invariant under g -> zeta g, so T(z) = T_t(z^k) and the coordinates reduced
// mod T are polynomials in z^k (checked).
CellSolution power_solution(const CriticalStructure& s, const NmodField& F, const Mat<NmodField>& sig,
                            const Vec<NmodField>& su, std::uint64_t seed, int attempt, ulong p) {
  const int k = s.tracked.front().exponent, m = s.tracked.front().degree;
  std::mt19937_64 g(seed);
  std::uniform_int_distribution<long> d(1, 9L << std::min(attempt, 16));
  CellSolution sol;
  std::vector<ulong> form;
  for (int i = 0; i <= m; ++i) {
    const long c = (g() % 2 ? 1 : -1) * d(g);
    sol.linear_form.push_back(c);
    form.push_back(F.from_si(c));
  }
  PowerRur r;
  sol.count = power_locus_rur_modp(s, F, sig, su, seed ^ p, form, r);
  if (r.infinity_roots > 0)
    throw PowerPointsAtInfinity("the critical points of Delta(" + std::to_string(k) + "^" + std::to_string(m) +
                                ") include points with a root at (1:0) (w_0 = 0) in these coordinates; the lifted "
                                "power engine handles the points with w_0 != 0 only");
  const long dz = r.T.degree();
  // Keeps the coefficients of z^{k j} as those of t^j; false if another is nonzero.
  auto in_t = [&](const NmodPoly& a, NmodPoly& out) {
    out = NmodPoly(p);
    for (long i = 0; i <= a.degree(); ++i) {
      const ulong c = a.coeff(i);
      if (i % k == 0) out.set_coeff(i / k, c);
      else if (c) return false;
    }
    return true;
  };
  if (!in_t(r.T, sol.T) || sol.T.degree() != sol.count.critical)
    throw not_supported("power engine: the eliminant of the critical roots g is not a polynomial in z^k");
  if (dz <= 0) return sol;
  NmodPoly dT(p);
  nmod_poly_derivative(dT.raw(), sol.T.raw());
  if (nmod_gcd(sol.T, dT).degree() > 0) throw ShapeFailure{};  // z^k does not separate the points w
  const NmodQuotient A(r.T);
  const NmodPoly inv0 = A.inv(r.g[0]);  // g_0 != 0 at every root: the top cell
  std::vector<NmodPoly> values;
  for (int i = 1; i <= m; ++i) values.push_back(A.mul(r.g[static_cast<std::size_t>(i)], inv0));
  NmodPoly h = A.one();
  for (int e = 0; e < k; ++e) h = A.mul(h, r.g[0]);
  values.push_back(std::move(h));
  for (const NmodPoly& a : values) {
    NmodPoly c(p);
    if (!in_t(a, c)) throw not_supported("power engine: a coordinate of the points w is not a polynomial in z^k");
    sol.coords.push_back(std::move(c));
  }
  return sol;
}

}  // namespace

struct CellLifter::State {
  CriticalStructure s;
  Cell cell;
  RatMatrix sigma;
  std::vector<Rational> u;
  std::mt19937_64 rng;
  std::uint64_t engine_seed = 0;
  bool mix_all = false;
  int attempt = 0;
  int power = 0;  // LiftSource::power: the exponent k
  // Accumulated residues.
  ZInt modulus;
  ZPoly T;
  std::vector<ZPoly> num;
  std::vector<long> linear_form;
  long degree = -1;
  int primes = 0, bad = 0, next_try = 2;
  std::optional<LiftedCell> candidate;

  void restart(bool new_form) {
    if (new_form) {
      engine_seed = rng();
      mix_all = attempt > 0;
      ++attempt;
    }
    fmpz_one(modulus.v);
    fmpz_poly_zero(T.v);
    num.clear();
    degree = -1;
    primes = 0;
    next_try = 2;
    candidate.reset();
  }
};

CellLifter::CellLifter(const CriticalStructure& s, const Cell& cell, const RatMatrix& sigma, std::vector<Rational> u,
                       std::uint64_t seed, LiftSource source)
    : st_(std::make_unique<State>()) {
  if (source == LiftSource::power) {
    if (!power_engine_applies(s) || cell.infinity_factor >= 0)
      throw invalid_argument("CellLifter: the power engine lifts the top cell of a pure power locus only");
    st_->power = s.tracked.front().exponent;
  }
  st_->s = s;
  st_->cell = cell;
  st_->sigma = sigma;
  st_->u = std::move(u);
  st_->rng.seed(seed);
  st_->restart(true);
}

CellLifter::~CellLifter() = default;

LiftedCell CellLifter::next(const std::function<void(const std::string&)>& progress, int max_primes) {
  State& S = *st_;
  const bool had_candidate = S.candidate.has_value();
  if (had_candidate) S.candidate.reset();  // rejected by the caller: keep combining primes
  const std::size_t ncoords = static_cast<std::size_t>(S.cell.dimension(S.s) + S.s.free_degree + 1);
  const std::size_t dim = ncoords + static_cast<std::size_t>(S.s.n) + 2;  // and w_0..w_n, the distance
  const std::size_t N = static_cast<std::size_t>(S.s.n) + 1;
  for (int total = 0; total < max_primes; ++total) {
    const ulong p = random_prime(S.rng);
    bool ok = true;
    NmodField F(p);
    Mat<NmodField> sig(N, Vec<NmodField>(N));
    for (std::size_t i = 0; i < N; ++i)
      for (std::size_t j = 0; j < N; ++j)
        sig[i][j] = reduce_mod(S.sigma.at(static_cast<int>(i), static_cast<int>(j)), p, ok);
    Vec<NmodField> uu;
    for (const Rational& c : S.u) uu.push_back(reduce_mod(c, p, ok));
    if (!ok) continue;  // p divides a denominator
    Vec<NmodField> su = mat_vec(F, sig, uu);
    CellSolution sol;
    try {
      sol = S.power ? power_solution(S.s, F, sig, su, S.engine_seed, S.attempt, p)
                    : solve_cell_modp(S.s, S.cell, F, sig, su, S.engine_seed, S.mix_all, true);
    } catch (const ShapeFailure&) {
      if (S.primes == 0 || ++S.bad > 8) {
        if (S.attempt >= 8)
          throw not_supported("no small separating form was found for the critical points of this cell");
        S.restart(true);
      }
      continue;
    }
    const long d = sol.T.degree();
    if (S.degree >= 0 && d != S.degree) {
      ++S.bad;
      if (d < S.degree) continue;  // points merged modulo p: a bad prime
      S.restart(false);            // the earlier primes were the bad ones
    }
    S.degree = d;
    S.linear_form = sol.linear_form;
    // Kronecker numerators R_i = v_i T' mod T.
    NmodPoly dT(p);
    nmod_poly_derivative(dT.raw(), sol.T.raw());
    std::vector<NmodPoly> values = sol.coords;
    if (d >= 1) {
      // The point w = h G and ||w - u||^2_Sigma as functions on the roots of T
      // (lifted too: their Kronecker forms are as small as the coordinates',
      // while products of coordinates reduced mod T over Q are not).
      const NmodQuotient A(sol.T);
      const std::size_t cdim = static_cast<std::size_t>(S.cell.dimension(S.s));
      Vec<NmodQuotient> v(values.begin(), values.begin() + static_cast<long>(cdim)),
          h(values.begin() + static_cast<long>(cdim), values.end());
      auto P = cell_forms(A, S.s, S.cell, v);
      auto [g, G] = tangent_factors(A, S.s, P);
      Vec<NmodQuotient> w = poly_mul(A, h, G), e;
      for (std::size_t i = 0; i < N; ++i) e.push_back(A.sub(w[i], A.from_ui(uu[i])));
      NmodPoly dist = A.zero();
      for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < N; ++j)
          if (sig[i][j]) dist = A.add(dist, A.mul(A.from_ui(sig[i][j]), A.mul(e[i], e[j])));
      values.insert(values.end(), w.begin(), w.end());
      values.push_back(std::move(dist));
    } else {
      values.resize(dim, NmodPoly(p));
    }
    std::vector<NmodPoly> R;
    for (const NmodPoly& c : values) {
      NmodPoly r(p);
      if (d >= 1) nmod_poly_mulmod(r.raw(), c.raw(), dT.raw(), sol.T.raw());
      R.push_back(std::move(r));
    }
    if (S.candidate) {
      bool same = reduces_to(S.candidate->T, sol.T, p);
      for (std::size_t i = 0; i < dim && same; ++i) same = reduces_to(S.candidate->numerators[i], R[i], p);
      if (same) {
        S.candidate->primes = S.primes + 1;
        S.candidate->confirmed_prime = p;
        S.candidate->bad_primes = S.bad;
        return *S.candidate;
      }
      S.candidate.reset();
    }
    // Chinese remaindering (symmetric residues).
    if (S.num.size() != dim) S.num.assign(dim, ZPoly());
    fmpz_poly_CRT_ui(S.T.v, S.T.v, S.modulus.v, sol.T.raw(), 1);
    for (std::size_t i = 0; i < dim; ++i) fmpz_poly_CRT_ui(S.num[i].v, S.num[i].v, S.modulus.v, R[i].raw(), 1);
    fmpz_mul_ui(S.modulus.v, S.modulus.v, p);
    ++S.primes;
    if (d <= 0) {
      // No critical point in this cell: confirmed at two primes.
      if (S.primes >= 2) {
        LiftedCell c;
        c.T = RatPoly(std::vector<Rational>{Rational(1L)});
        c.numerators.assign(dim, RatPoly());
        c.linear_form = S.linear_form;
        c.power = S.power;
        c.primes = S.primes;
        c.bad_primes = S.bad;
        return c;
      }
      continue;
    }
    if (S.primes >= S.next_try) {
      S.next_try = std::max(S.primes + 1, S.primes + S.primes / 4);
      std::optional<RatPoly> T = reconstruct(S.T.v, S.modulus.v);
      if (!T) continue;
      LiftedCell c;
      c.T = std::move(*T);
      bool all = true;
      for (std::size_t i = 0; i < dim && all; ++i) {
        std::optional<RatPoly> r = reconstruct(S.num[i].v, S.modulus.v);
        if (r) c.numerators.push_back(std::move(*r));
        else all = false;
      }
      if (!all) continue;
      c.linear_form = S.linear_form;
      c.power = S.power;
      S.candidate = std::move(c);
      if (progress)
        progress("reconstructed a candidate of degree " + std::to_string(d) + " from " + std::to_string(S.primes) +
                 " primes");
    }
  }
  throw not_supported("the lifted critical points of this cell were not confirmed after " +
                      std::to_string(max_primes) + " primes");
}

}  // namespace lcngeom::detail
