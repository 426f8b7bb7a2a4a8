// Exact critical points on multiple root loci: cells, resultant elimination
// over Q (fmpq_mpoly), factorization, and classification of every
// Q-irreducible factor in its number field.
#include "lcngeom/critical_points.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <tuple>

#include "lcngeom/detail/algebraic_eval.hpp"
#include "lcngeom/detail/coordinate_change.hpp"
#include "lcngeom/detail/critical_algebra.hpp"
#include "lcngeom/detail/modular_lift.hpp"
#include "lcngeom/detail/modular_solver.hpp"
#include "lcngeom/detail/modular_solver4.hpp"
#include "lcngeom/detail/ring_algebra.hpp"
#include "lcngeom/detail/rings.hpp"
#include "lcngeom/error.hpp"
#include "lcngeom/factorization.hpp"
#include "lcngeom/mpoly.hpp"

#include <flint/fmpz_poly.h>

namespace lcngeom {

namespace {

using detail::Cell;
using detail::CoordinateChange;
using detail::CriticalStructure;
using detail::DetMethod;
using detail::Mat;
using detail::PointData;
using detail::PointVerdict;
using detail::RationalField;
using detail::RatQuotient;
using detail::Vec;
// Polynomials over Q in the cell's coordinates (fraction-free determinants).
using MPolyOps = detail::RatMPolyRing;

// Shears (x, y) -> (x, c x + y) tried for Delta(k^m), |c| <= kMaxShear.
constexpr long kMaxShear = 8;

RatPoly z_poly() { return RatPoly(std::vector<Rational>{Rational(), Rational(1L)}); }

RatPoly squarefree(const RatPoly& t) {
  RatPoly g = gcd(t, t.derivative());
  return divexact(t, g);
}

std::string cell_name(const CriticalStructure& s, const Cell& c) {
  if (c.infinity_factor < 0) return "monic";
  return "P_" + std::to_string(s.tracked[static_cast<std::size_t>(c.infinity_factor)].exponent) + "(1:0)=0";
}

template <class R>
Vec<R> convert_vector(const R& ring, const std::vector<Rational>& v) {
  Vec<R> out;
  for (const Rational& q : v) out.push_back(ring.from_rational(q));
  return out;
}

// The problem data shared by all cells.
struct Problem {
  CriticalStructure s;
  RatMatrix sigma;
  std::vector<Rational> u;
};

struct CellOutput {
  std::vector<CriticalOrbit> orbits;
  std::vector<std::string> removed;
  /// Per orbit, for lifted ones: the Kronecker form K of the distance,
  /// ||w - u||^2_Sigma = K(zeta) / denominator(zeta), reduced mod f and as
  /// small as the coordinates (distance_numerator = K * denominator is not
  /// reduced mod f: reducing it would multiply its heights by about deg f).
  std::vector<std::optional<RatPoly>> distance_kronecker;
};

// scale^2 ||w/scale - u||^2_Sigma.
template <class R>
typename R::E distance_in(const R& ring, const Problem& pb, const Vec<R>& w, const typename R::E& scale) {
  Vec<R> e;
  for (std::size_t i = 0; i < w.size(); ++i) e.push_back(ring.sub(w[i], ring.mul(scale, ring.from_rational(pb.u[i]))));
  return detail::bilinear_form(ring, pb.sigma, e, e);
}

// Records the verdict on one irreducible factor.  `strict` (a lifted
// candidate, every factor of which must be critical): returns false, and
// records nothing, if this one is not.
bool record(const RatQuotient& K, const Problem& pb, const Cell& cell, const std::vector<Vec<RatQuotient>>& P,
            CellOutput& out, bool strict = false) {
  Mat<RatQuotient> sig = detail::to_ring_matrix(K, pb.sigma);
  Vec<RatQuotient> su = detail::mat_vec(K, sig, convert_vector(K, pb.u));
  PointData<RatQuotient> data;
  std::string why;
  PointVerdict v = detail::classify_point_in_field(K, pb.s, P, sig, su, &data, &why);
  if (strict && v != PointVerdict::critical) return false;
  const std::string fs = K.modulus().to_string("z");
  switch (v) {
    case PointVerdict::family: throw not_supported("the critical set is not finite at this target: " + why);
    case PointVerdict::not_critical:
      out.removed.push_back(fs + " [" + cell_name(pb.s, cell) + "]: N(P) has full rank (spurious common zero)");
      return true;
    case PointVerdict::degenerate:
      out.removed.push_back(fs + " [" + cell_name(pb.s, cell) + "]: " + why);
      return true;
    case PointVerdict::critical: break;
  }
  CriticalOrbit o;
  o.minimal_polynomial = K.modulus();
  o.w = data.w;
  o.denominator = data.scale;
  o.repeated = data.P;
  for (const auto& t : pb.s.tracked) o.exponents.push_back(t.exponent);
  o.simple = data.h;
  o.distance_numerator = distance_in(K, pb, data.w, data.scale);
  o.cell = cell_name(pb.s, cell);
  out.orbits.push_back(std::move(o));
  return true;
}

// Irreducible factors over Q of a square-free polynomial of degree >= 1.
std::vector<RatPoly> irreducible_factors(const RatPoly& t) {
  std::vector<RatPoly> out;
  FormFactorization f = factor(BinaryForm(static_cast<int>(t.degree()), t));
  for (const FormFactor& ff : f.factors) out.push_back(ff.form.dehomogenized());
  return out;
}

// The first subresultant S_1 = s11(z) x1 + s10(z) of a and b with respect to
// x1 (actual x1-degrees m, n >= 2): the determinants of the (m+n-2)-square
// matrices built from x1^{n-2-i} a and x1^{m-2-i} b on the columns
// x1^{m+n-3}, ..., x1^2 and x1^j.  Where lc(a) != 0 and Res(a, b) = 0, the
// gcd of a and b has degree 1 iff s11 != 0, and then S_1 is proportional to it.
std::pair<RatPoly, RatPoly> first_subresultant(const RatMPoly& a, const RatMPoly& b, long xi, long zi) {
  const long m = a.degree(xi), n = b.degree(xi), N = m + n - 2;
  std::vector<RatPoly> ca, cb;  // coefficients by power of x1
  for (long i = 0; i <= m; ++i) ca.push_back(a.coefficient(xi, i).to_univariate(zi));
  for (long i = 0; i <= n; ++i) cb.push_back(b.coefficient(xi, i).to_univariate(zi));
  // N rows on the N + 1 columns x1^N, ..., x1^0: the row of x1^shift * p has
  // p's coefficient of power (N - c - shift) in column c.
  std::vector<std::vector<RatPoly>> rows;
  auto push = [&](const std::vector<RatPoly>& p, long shift) {
    std::vector<RatPoly> row(static_cast<std::size_t>(N + 1));
    for (long c = 0; c <= N; ++c) {
      const long pw = N - c - shift;
      if (pw >= 0 && pw < static_cast<long>(p.size()))
        row[static_cast<std::size_t>(c)] = p[static_cast<std::size_t>(pw)];
    }
    rows.push_back(std::move(row));
  };
  for (long i = 0; i <= n - 2; ++i) push(ca, n - 2 - i);
  for (long i = 0; i <= m - 2; ++i) push(cb, m - 2 - i);
  auto with_column = [&](long power) {
    std::vector<std::vector<RatPoly>> mm;
    for (const auto& r : rows) {
      std::vector<RatPoly> row(r.begin(), r.begin() + (N - 1));
      row.push_back(r[static_cast<std::size_t>(N - power)]);
      mm.push_back(std::move(row));
    }
    return detail::det(detail::RatPolyRing{}, std::move(mm), DetMethod::fraction_free);
  };
  return {with_column(0), with_column(1)};
}

// The common zero x1 above the root of f of the pair (a, b), from the first
// subresultant; false if a and b have no common zero there.  Throws
// ShapeFailure when the projection does not separate points (or the leading
// coefficient vanishes): the caller retries with another shear.
struct Recovery {
  RatMPoly a, b;
  long xi, zi;
  long m, n;
  RatPoly lca, s10, s11;
  Recovery(RatMPoly a_, RatMPoly b_, long xi_, long zi_) : a(std::move(a_)), b(std::move(b_)), xi(xi_), zi(zi_) {
    m = a.degree(xi);
    n = b.degree(xi);
    if (m < 1 || n < 1) throw detail::ShapeFailure{};
    if (m > n) {
      std::swap(a, b);
      std::swap(m, n);
    }
    lca = a.coefficient(xi, m).to_univariate(zi);
    if (m >= 2) std::tie(s10, s11) = first_subresultant(a, b, xi, zi);
  }
  RatPoly root(const RatQuotient& K) const {
    if (m == 1) {
      // a = a1 x1 + a0 with a1 != 0 at the root: its only zero.
      RatPoly a1 = K.reduce(lca);
      if (!a1.is_zero()) return K.neg(K.mul(K.reduce(a.coefficient(xi, 0).to_univariate(zi)), K.inv(a1)));
      return by_gcd(K);
    }
    RatPoly t = K.reduce(s11);
    if (K.reduce(lca).is_zero() || t.is_zero()) return by_gcd(K);
    return K.neg(K.mul(K.reduce(s10), K.inv(t)));
  }
  // Slow path (a multiple point of the scheme, or a vanishing leading
  // coefficient): Euclid in K[x1]; the square-free part of the gcd must be linear.
  RatPoly by_gcd(const RatQuotient& K) const {
    auto coeffs = [&](const RatMPoly& p) {
      Vec<RatQuotient> c;
      for (long i = 0; i <= p.degree(xi); ++i) c.push_back(K.reduce(p.coefficient(xi, i).to_univariate(zi)));
      return c;
    };
    Vec<RatQuotient> g = detail::poly_gcd(K, coeffs(a), coeffs(b));
    RatPoly r;
    if (!detail::unique_root<RatQuotient, detail::ShapeFailure>(K, g, r)) throw detail::ShapeFailure{};
    return r;
  }
};

// Removes the common factor of a and b; checks that it carries no critical
// point (the Gram block is rank deficient along it), else not_supported.
void remove_common_factor(RatMPoly& a, RatMPoly& b, const std::vector<RatMPoly>& left_minors,
                          std::vector<std::string>& removed) {
  RatMPoly g = gcd(a, b);
  if (g.is_constant()) return;
  for (const RatMPoly& m : left_minors) {
    RatMPoly q = gcd(m, g);
    if (!(q == g))
      throw not_supported("the rank condition of N(P) holds on the whole curve " + g.to_string() +
                          " = 0 at this target (a positive-dimensional critical set, or a curve of degenerate "
                          "points); only targets with finitely many rank-deficient points are handled");
  }
  a = divexact(a, g);
  b = divexact(b, g);
  while (!gcd(a, g).is_constant()) a = divexact(a, gcd(a, g));
  while (!gcd(b, g).is_constant()) b = divexact(b, gcd(b, g));
  removed.push_back(g.to_string() + ": a curve of points with a singular Gram block (removed)");
}

// All maximal minors of the left block (for the common-factor check).
std::vector<RatMPoly> left_block_minors(const MPolyOps& ops, const Mat<MPolyOps>& N, int c1) {
  const std::size_t k = static_cast<std::size_t>(c1) + 1;
  std::vector<RatMPoly> out;
  std::vector<std::size_t> pick(k);
  for (std::size_t i = 0; i < k; ++i) pick[i] = i;
  do {
    Mat<MPolyOps> m;
    for (std::size_t i : pick) m.push_back(Vec<MPolyOps>(N[i].begin(), N[i].begin() + static_cast<long>(k)));
    out.push_back(detail::det(ops, std::move(m), DetMethod::fraction_free));
  } while (detail::next_combination(pick, N.size()));
  return out;
}

CellOutput solve_cell(const Problem& pb, const Cell& cell, std::mt19937_64& rng) {
  CellOutput out;
  const CriticalStructure& s = pb.s;
  const int dim = cell.dimension(s);
  if (dim == 0) {
    RationalField Q;
    Vec<RationalField> none;
    auto P = detail::cell_forms(Q, s, cell, none);
    // Treat the rational point as the orbit of the root z = 0 of f = z.
    RatQuotient K(z_poly());
    std::vector<Vec<RatQuotient>> PK;
    for (const auto& p : P) PK.push_back(convert_vector(K, p));
    record(K, pb, cell, PK, out);
    return out;
  }
  if (dim > 2)
    throw not_supported("exact critical points of Delta" + std::string() + " need the elimination of " +
                        std::to_string(dim) +
                        " root coordinates in one cell; the exact solver handles at most 2 (use ed-degree for counts)");
  const int m = s.unknowns();
  Ring R = MPolyRing::make(dim == 1 ? std::vector<std::string>{"z"} : std::vector<std::string>{"x1", "z"});
  MPolyOps ops{R};
  const long zi = dim - 1, xi = 0;
  std::uniform_int_distribution<long> small(-9, 9), shear(1, 12);
  // Coordinates of the cell: v_0 = z - sigma x1, v_1 = x1 (dim 2), v_0 = z (dim 1).
  const long sig = shear(rng) * (rng() % 2 ? 1 : -1);
  Vec<MPolyOps> v;
  if (dim == 1) {
    v.push_back(RatMPoly::gen(R, zi));
  } else {
    v.push_back(RatMPoly::gen(R, zi) - Rational(sig) * RatMPoly::gen(R, xi));
    v.push_back(RatMPoly::gen(R, xi));
  }
  auto P = detail::cell_forms(ops, s, cell, v);
  Mat<MPolyOps> sigma = detail::to_ring_matrix(ops, pb.sigma);
  Vec<MPolyOps> su = detail::mat_vec(ops, sigma, convert_vector(ops, pb.u));
  Mat<MPolyOps> N = detail::critical_matrix(ops, s, P, sigma, su);
  const int extra = m - 1, K = m == 1 ? 1 : 3;
  std::vector<RatMPoly> F;
  for (int k = 0; k < K; ++k) {
    auto M = N;
    for (auto& row : M)
      for (int e = 0; e < extra; ++e) row.push_back(RatMPoly::constant(R, Rational(small(rng))));
    F.push_back(detail::det(ops, std::move(M), DetMethod::fraction_free));
  }
  RatPoly T;
  std::optional<Recovery> recovery;
  if (dim == 1) {
    for (const RatMPoly& f : F) T = gcd(T, f.to_univariate(zi));
  } else {
    std::vector<RatMPoly> left;
    RatMPoly a1 = F[0], b1 = F[1], a2 = F[0], b2 = F[2];
    if (!gcd(a1, b1).is_constant() || !gcd(a2, b2).is_constant()) {
      left = left_block_minors(ops, N, s.free_degree);
      remove_common_factor(a1, b1, left, out.removed);
      remove_common_factor(a2, b2, left, out.removed);
    }
    RatPoly R1 = resultant(a1, b1, xi).to_univariate(zi);
    RatPoly R2 = resultant(a2, b2, xi).to_univariate(zi);
    T = gcd(R1, R2);
    recovery.emplace(a1, b1, xi, zi);
  }
  if (T.is_zero())
    throw not_supported("the rank condition of N(P) holds on a whole curve of the cell [" + cell_name(s, cell) + "]" +
                        " at this target (a positive-dimensional critical set, or a curve of degenerate points); "
                        "only targets with finitely many rank-deficient points are handled");
  if (T.degree() < 1) return out;
  for (const RatPoly& f : irreducible_factors(squarefree(T))) {
    RatQuotient Kf(f);
    Vec<RatQuotient> coords;
    RatPoly z = Kf.reduce(z_poly());
    if (dim == 1) {
      coords.push_back(z);
    } else {
      RatPoly x1 = recovery->root(Kf);
      coords.push_back(Kf.sub(z, Kf.mul(Kf.from_si(sig), x1)));
      coords.push_back(x1);
    }
    auto PK = detail::cell_forms(Kf, s, cell, coords);
    record(Kf, pb, cell, PK, out);
  }
  return out;
}

// T | e in Q[z], decided on the primitive parts in Z[z] (Gauss's lemma):
// exact, and cheap when it holds (the quotient has the data's heights).
bool divides_exactly(const RatPoly& T, const RatPoly& e) {
  if (e.is_zero()) return true;
  const IntPoly a = e.primitive_integer(), t = T.primitive_integer();
  fmpz_poly_t q;
  fmpz_poly_init(q);
  const bool ok = fmpz_poly_divides(q, a.raw(), t.raw()) != 0;
  fmpz_poly_clear(q);
  return ok;
}

// A lifted cell's points with the forms scaled by D = T'(z): the point above
// a root zeta of T has coordinates v_i = R_i(zeta) / D(zeta) and free factor
// h_k = R_{dim+k}(zeta) / D(zeta) (Kronecker form).  Scaling every
// coefficient of each P_j by D (the leading 1 becomes D) gives forms
// Phat_j = D P_j whose coefficients are the R_i themselves: no inversion in
// Q(zeta), whose inverse of D has heights about deg T times those of T (the
// inversion and the products with it took most of the time on the n = 7
// loci).  Then g and G scale by D^a and D^b (a = sum (e_j - 1),
// b = sum e_j), the columns 0..c_1 of N(P) by D^{a+b} and its last column
// by D^a.
struct ScaledPoint {
  std::vector<Vec<detail::RatPolyRing>> P;  // Phat_j = D P_j
  Vec<detail::RatPolyRing> h;               // hhat = D h
  Vec<detail::RatPolyRing> W;               // Kronecker forms of w_0..w_n: w_i = W_i / D
  RatPoly dist;                             // and of ||w - u||^2_Sigma = dist / D
  RatPoly D;
  int b = 0;  // sum e_j: w = hhat Ghat / D^{b+1}
};

ScaledPoint scaled_point(const Problem& pb, const Cell& cell, const detail::LiftedCell& c) {
  detail::RatPolyRing Q;
  const std::size_t dim = static_cast<std::size_t>(cell.dimension(pb.s));
  ScaledPoint sp;
  sp.D = c.T.derivative();
  const std::size_t hdim = dim + static_cast<std::size_t>(pb.s.free_degree) + 1;
  Vec<detail::RatPolyRing> R;
  for (std::size_t i = 0; i + 1 < c.numerators.size(); ++i)
    (i < dim ? R : i < hdim ? sp.h : sp.W).push_back(c.numerators[i]);
  sp.dist = c.numerators.back();
  sp.P = detail::cell_forms(Q, pb.s, cell, R);
  for (std::size_t j = 0; j < sp.P.size(); ++j) {
    sp.P[j][cell.infinity_factor == static_cast<int>(j) ? 1 : 0] = sp.D;  // the leading 1 of P_j, scaled
    sp.b += pb.s.tracked[j].exponent;
  }
  return sp;
}

// The exact check of a lifted candidate, for every root of T at once (so that
// a wrong candidate is rejected before T is factored), in two parts.  The
// separating form (in the coordinates the candidate was solved in) reads
// sum_i l_i R_i = z D mod T.  With N~ built from the scaled forms,
// N(P)(h, -1)^T = 0 (eq. 5.3) is
//     sum_k N~[i][k] hhat_k = D^{b+1} N~[i][c_1 + 1]   mod T, every row i
// (critical_equations_hold, in the problem's coordinates).  D is a unit mod
// T (T is square-free), so these hold iff every point is critical and z
// separates; each is an identity of polynomials over Q checked by exact
// division by T (divides_exactly), with no arithmetic in Q[z]/(T).
bool separating_form_holds(const Cell& cell, const CriticalStructure& s, const detail::LiftedCell& c,
                           const ScaledPoint& sp) {
  const std::size_t dim = static_cast<std::size_t>(cell.dimension(s));
  if (c.power == 0) {
    RatPoly lz = -(z_poly() * sp.D);
    for (std::size_t i = 0; i < dim; ++i) lz = lz + Rational(c.linear_form[i]) * c.numerators[i];
    return divides_exactly(c.T, lz);
  }
  // Power engine (top cell of Delta(k^m), w = g^k, g = g_0 P, h = g_0^k):
  // the separating coordinate is t = z^k = h (l_0 + sum_i l_{i+1} v_i)^k,
  // i.e. t D^{k+1} = hhat Lhat^k with Lhat = l_0 D + sum_i l_{i+1} R_i.
  // It makes t a function of the point, so distinct roots of T are
  // distinct points.
  if (c.linear_form.size() != dim + 1 || sp.h.size() != 1) return false;
  RatPoly L = Rational(c.linear_form[0]) * sp.D, lhs = z_poly(), rhs = sp.h[0];
  for (std::size_t i = 0; i < dim; ++i) L = L + Rational(c.linear_form[i + 1]) * c.numerators[i];
  for (int e = 0; e < c.power; ++e) {
    rhs = rhs * L;
    lhs = lhs * sp.D;
  }
  return divides_exactly(c.T, lhs * sp.D - rhs);
}

// Criticality, w and the distance of the scaled forms sp (any forms P_j,
// monic or not) for the problem pb, mod T.
bool critical_equations_hold(const Problem& pb, const RatPoly& T, const ScaledPoint& sp) {
  detail::RatPolyRing Q;
  Mat<detail::RatPolyRing> sig = detail::to_ring_matrix(Q, pb.sigma);
  Vec<detail::RatPolyRing> su = detail::mat_vec(Q, sig, convert_vector(Q, pb.u));
  const Mat<detail::RatPolyRing> N = detail::critical_matrix(Q, pb.s, sp.P, sig, su);
  RatPoly Db1 = Q.one();
  for (int e = 0; e <= sp.b; ++e) Db1 = Db1 * sp.D;
  for (const auto& row : N) {
    RatPoly e = -(Db1 * row.back());
    for (std::size_t k = 0; k < sp.h.size(); ++k) e = e + row[k] * sp.h[k];
    if (!divides_exactly(T, e)) return false;
  }
  // w = W / D = hhat Ghat / D^{b+1}, and ||w - u||^2 = dist / D, i.e.
  // W D^b = hhat Ghat and dist D^{2b+1} = ||hhat Ghat - D^{b+1} u||^2_Sigma mod T.
  auto [g, G] = detail::tangent_factors(Q, pb.s, sp.P);
  const Vec<detail::RatPolyRing> w = detail::poly_mul(Q, sp.h, G);
  RatPoly Db = Q.one();
  for (int e = 0; e < sp.b; ++e) Db = Db * sp.D;
  if (w.size() != sp.W.size()) return false;
  Vec<detail::RatPolyRing> err;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!divides_exactly(T, sp.W[i] * Db - w[i])) return false;
    err.push_back(w[i] - Db1 * RatPoly(std::vector<Rational>{pb.u[i]}));
  }
  return divides_exactly(T, sp.dist * Db * Db * sp.D - detail::bilinear_form(Q, pb.sigma, err, err));
}

// The problem in the coordinates of phi: u' = u o phi, Sigma' = S^T Sigma S
// with S the matrix of phi^{-1} (integer: det phi = +-1).
Problem changed_problem(const Problem& pb, const CoordinateChange& phi) {
  const int n = pb.s.n;
  Problem out{pb.s, RatMatrix(n + 1, n + 1), phi.apply(pb.u)};
  const RatMatrix S(phi.inverse().matrix(n));
  out.sigma = S.transpose() * pb.sigma * S;
  return out;
}

// The scaled forms of sp carried back by phi^{-1} (P_j, h and w; the
// distance is unchanged).
ScaledPoint changed_back(ScaledPoint sp, const CoordinateChange& phi) {
  const CoordinateChange inv = phi.inverse();
  for (auto& P : sp.P) P = inv.apply(P);
  sp.h = inv.apply(sp.h);
  sp.W = inv.apply(sp.W);
  return sp;
}

// A cell by the modular engine (any dimension it reaches): its RUR (the
// coordinates and the free factor h) is lifted to Q (detail/modular_lift.hpp)
// and proven for every root of T: the separating form is z
// (separating_form_holds) and N(P) (h, -1)^T = 0 holds exactly
// (critical_equations_hold), so each point is critical (eq. 5.3); its
// pattern is exactly lambda because the nondegeneracy witnesses are units
// modulo the confirming prime, at which the candidate reduces to the
// engine's classified solution (a unit mod p is nonzero over Q).  A
// candidate that fails is refined with more primes.  With a change of
// coordinates phi (the power engine, whose lifting misses the points with
// w_0 = 0), the problem solved is pb in the coordinates of phi, the forms
// are carried back by phi^{-1} and the critical equations, w and the
// distance are checked again exactly for pb itself; the pattern is the one
// found in the coordinates of phi (phi preserves it).  The orbits keep the
// scaled forms (CriticalOrbit: repeated = D P_j, simple = D h,
// denominator = D^{b+1}, all reduced mod f).
CellOutput solve_cell_lifted(const Problem& pb, const Cell& cell, std::uint64_t seed, int& primes,
                             const std::function<void(const std::string&)>& progress,
                             detail::LiftSource source = detail::LiftSource::cell,
                             const std::optional<CoordinateChange>& phi = std::nullopt) {
  const Problem solved = phi ? changed_problem(pb, *phi) : pb;
  detail::CellLifter lifter(solved.s, cell, solved.sigma, solved.u, seed, source);
  for (int round = 0;; ++round) {
    detail::LiftedCell c = lifter.next(progress);
    primes += c.primes;
    CellOutput out;
    if (c.T.degree() < 1) return out;
    ScaledPoint sp = scaled_point(solved, cell, c);
    bool holds = separating_form_holds(cell, solved.s, c, sp);
    if (holds && phi) sp = changed_back(std::move(sp), *phi);
    holds = holds && critical_equations_hold(pb, c.T, sp);
    if (!holds) {
      if (progress)
        progress("the candidate from " + std::to_string(c.primes) + " primes failed the exact check; more primes");
      if (round > 40) throw not_supported("the lifted critical points were never verified over Q");
      continue;
    }
    const auto facs = irreducible_factors(c.T);
    for (const RatPoly& f : facs) {
      RatQuotient K(f);
      CriticalOrbit o;
      o.minimal_polynomial = f;
      for (const auto& Pj : sp.P) {
        o.repeated.emplace_back();
        for (const RatPoly& e : Pj) o.repeated.back().push_back(K.reduce(e));
      }
      for (const RatPoly& e : sp.h) o.simple.push_back(K.reduce(e));
      for (const RatPoly& e : sp.W) o.w.push_back(K.reduce(e));
      o.denominator = K.reduce(sp.D);
      for (const auto& t : pb.s.tracked) o.exponents.push_back(t.exponent);
      const RatPoly dist = K.reduce(sp.dist);
      o.distance_numerator = dist * o.denominator;
      o.cell = cell_name(pb.s, cell) + (phi ? " after " + phi->name() : std::string()) + ", lifted mod " +
               std::to_string(c.primes) + " primes";
      out.orbits.push_back(std::move(o));
      out.distance_kronecker.push_back(dist);
    }
    return out;
  }
}

// Sign invariants of a binary form of degree 2, 3 or 4 with coefficients in
// Q[z], as unreduced polynomials: degree 2 and 3, the discriminant, whose sign
// at a real root zeta decides the number of real roots of a square-free real
// form (2 or 0, 3 or 1); degree 4 (a x^4 + b x^3 y + ... + e y^4, a != 0),
// the discriminant Delta, P = 8ac - 3b^2 and D = 64a^3e - 16a^2c^2 +
// 16ab^2c - 16a^2bd - 3b^4: Delta < 0 gives 2 real roots, Delta > 0 gives 4
// if P < 0 and D < 0, none if P > 0 or D > 0 (Rees 1922).  Each has even
// degree in the coefficients, so its sign is the same for every nonzero real
// multiple of the form.  Unreduced, their heights stay those of the
// coefficients (lifted orbits); reduced mod f they would grow about deg f
// times.
std::optional<std::vector<RatPoly>> small_discriminant(const std::vector<RatPoly>& f) {
  if (f.size() == 3) return std::vector<RatPoly>{f[1] * f[1] - Rational(4L) * (f[0] * f[2])};
  if (f.size() == 4) {
    const RatPoly &a = f[0], &b = f[1], &c = f[2], &d = f[3];
    const RatPoly bc = b * c, ad = a * d;
    return std::vector<RatPoly>{bc * bc - Rational(4L) * (a * (c * c * c)) - Rational(4L) * (d * (b * b * b)) -
                                Rational(27L) * (ad * ad) + Rational(18L) * (ad * bc)};
  }
  if (f.size() != 5 || f[0].is_zero()) return std::nullopt;
  const RatPoly &a = f[0], &b = f[1], &c = f[2], &d = f[3], &e = f[4];
  const RatPoly a2 = a * a, b2 = b * b, c2 = c * c, d2 = d * d, e2 = e * e;
  auto q = [](long k) { return Rational(k); };
  const RatPoly disc = q(256) * (a2 * a * (e2 * e)) - q(192) * (a2 * b * d * e2) - q(128) * (a2 * c2 * e2) +
                       q(144) * (a2 * c * d2 * e) - q(27) * (a2 * d2 * d2) + q(144) * (a * b2 * c * e2) -
                       q(6) * (a * b2 * d2 * e) - q(80) * (a * b * c2 * d * e) + q(18) * (a * b * c * d2 * d) +
                       q(16) * (a * c2 * c2 * e) - q(4) * (a * c2 * c * d2) - q(27) * (b2 * b2 * e2) +
                       q(18) * (b2 * b * c * d * e) - q(4) * (b2 * b * d2 * d) - q(4) * (b2 * c2 * c * e) +
                       b2 * c2 * d2;
  const RatPoly P = q(8) * (a * c) - q(3) * b2;
  const RatPoly D = q(64) * (a2 * a * e) - q(16) * (a2 * c2) + q(16) * (a * b2 * c) - q(16) * (a2 * b * d) -
                    q(3) * (b2 * b2);
  return std::vector<RatPoly>{disc, P, D};
}

// Real roots of the square-free form f (coefficients in Q(zeta)) at the real
// root zeta: degree <= 4 from the signs of small_discriminant, by ball
// enclosures of increasing precision (the discriminant is nonzero: f is
// square-free), else, or if a quartic's P or D vanishes, by a Sturm chain in
// Q(zeta) (count_real_roots_at).
int real_roots_at(const RatQuotient& K, const std::vector<RatPoly>& f, const std::optional<std::vector<RatPoly>>& inv,
                  RealRoot& root) {
  if (f.size() == 2) return 1;
  if (!inv) return detail::count_real_roots_at(K, f, root);
  Rational rad(1L, 1L << 10);
  for (int round = 0; round < 64; ++round, rad *= Rational(1L, 1L << 16)) {
    const Ball y = detail::enclose_at_root(inv->front(), root, rad);
    if (f.size() == 5) {
      if (y.is_negative()) return 2;
      if (!y.is_positive()) continue;
      const Ball P = detail::enclose_at_root((*inv)[1], root, rad), D = detail::enclose_at_root((*inv)[2], root, rad);
      if (P.is_negative() && D.is_negative()) return 4;
      if (P.is_positive() || D.is_positive()) return 0;
      continue;
    }
    if (y.is_positive()) return f.size() == 3 ? 2 : 3;
    if (y.is_negative()) return f.size() == 3 ? 0 : 1;
  }
  return detail::count_real_roots_at(K, f, root);  // a vanishing invariant: exact fallback
}

// The rrmp of the point above the real root `root` of the orbit; `disc` holds
// small_discriminant of each repeated form, then of the simple one.
Rrmp point_rrmp(const CriticalOrbit& o, const std::vector<std::optional<std::vector<RatPoly>>>& disc,
                RealRoot& root) {
  RatQuotient K(o.minimal_polynomial);
  Rrmp r;
  for (std::size_t j = 0; j < o.repeated.size(); ++j) {
    const int deg = static_cast<int>(o.repeated[j].size()) - 1;
    const int real = real_roots_at(K, o.repeated[j], disc[j], root);
    r.push_real(o.exponents[j], real);
    r.push_complex(o.exponents[j], (deg - real) / 2);
  }
  const int c1 = static_cast<int>(o.simple.size()) - 1;
  if (c1 >= 1) {
    const int real = real_roots_at(K, o.simple, disc.back(), root);
    r.push_real(1, real);
    r.push_complex(1, (c1 - real) / 2);
  }
  r.normalize();
  return r;
}

// Sorts by ||w - u||^2, exactly (equal distances are recognised through
// their minimal polynomials, distinct ones separated by refinement), ties by
// the coefficient vector, lexicographically and exactly.
void sort_by_distance(std::vector<RealCriticalPoint>& points) {
  std::stable_sort(points.begin(), points.end(), [](const RealCriticalPoint& a, const RealCriticalPoint& b) {
    if (const int c = compare(a.distance_squared, b.distance_squared)) return c < 0;
    return std::lexicographical_compare(a.coefficients.begin(), a.coefficients.end(), b.coefficients.begin(),
                                        b.coefficients.end());
  });
}

}  // namespace

RatPoly orbit_coefficient(const CriticalOrbit& orbit, int i) {
  if (i < 0 || i >= static_cast<int>(orbit.w.size()))
    throw invalid_argument("orbit_coefficient: index " + std::to_string(i) + " outside 0.." +
                           std::to_string(orbit.w.size() - 1));
  RatQuotient K(orbit.minimal_polynomial);
  return K.mul(orbit.w[static_cast<std::size_t>(i)], K.inv(K.reduce(orbit.denominator)));
}

CriticalPointSet critical_points(const Partition& lambda, const BinaryForm& target, const InnerProduct& sigma,
                                 const CriticalPointOptions& options) {
  const int n = lambda.sum();
  if (n < 1) throw invalid_argument("critical points: empty partition " + lambda.to_string());
  if (target.degree() != n)
    throw invalid_argument("critical points on Delta" + lambda.to_string() + " (forms of degree " + std::to_string(n) +
                           "): the target " + target.to_string() + " has degree " + std::to_string(target.degree()));
  if (sigma.degree() != n)
    throw invalid_argument("critical points on Delta" + lambda.to_string() +
                           ": the inner product acts on forms of degree " + std::to_string(sigma.degree()) + ", not " +
                           std::to_string(n));
  if (target.is_zero()) throw invalid_argument("critical points: the target is the zero form");
  Problem pb{CriticalStructure::from_partition(lambda), sigma.matrix(), target.coefficients()};
  CriticalPointSet res;
  res.lambda = lambda;
  res.target = target;
  res.inner_product = sigma;
  std::vector<Cell> cells = detail::cells(pb.s);
  // Delta(k^m) beyond kMaxCriticalCoordinates (within n <= 8: (2,2,2,2)):
  // the power engine solves the whole locus at once; its top cell is lifted
  // and it refuses targets with critical points on the other cells.
  const bool power = cells.front().dimension(pb.s) > kMaxCriticalCoordinates && detail::power_engine_applies(pb.s) &&
                     detail::power_engine_columns(pb.s) <= detail::kMaxPowerEngineColumns &&
                     options.method != CriticalMethod::resultants;
  if (power) cells.resize(1);
  for (const Cell& cell : cells)
    if (!power && cell.dimension(pb.s) > kMaxCriticalCoordinates)
      throw not_supported("exact critical points on Delta" + lambda.to_string() + " need the elimination of " +
                          std::to_string(cell.dimension(pb.s)) + " root coordinates in one cell; at most " +
                          std::to_string(kMaxCriticalCoordinates) +
                          " are supported (pure powers such as Delta(2,2,2,2) are lifted from the power engine by "
                          "the methods automatic and modular, not by resultants)");
  std::mt19937_64 rng(options.seed);
  auto progress = [&](const char* phase, std::size_t done, std::size_t total, std::string item = {}) {
    if (options.progress) options.progress({"Delta" + lambda.to_string() + ": " + phase, done, total, std::move(item)});
  };
  std::vector<std::optional<RatPoly>> distance_kronecker;  // per orbit (CellOutput)
  std::size_t cell_index = 0;
  for (const Cell& cell : cells) {
    progress("eliminating in cell", cell_index++, cells.size(), "[" + cell_name(pb.s, cell) + "]");
    CellOutput co;
    const int dim = cell.dimension(pb.s);
    const bool lifted = dim >= 1 && (options.method == CriticalMethod::modular ||
                                     (options.method == CriticalMethod::automatic && dim > 2));
    if (options.method == CriticalMethod::resultants && dim > 2)
      throw not_supported("exact critical points on Delta" + lambda.to_string() +
                          ": resultants over Q handle at most 2 root coordinates per cell (method automatic or "
                          "modular reaches " + std::to_string(kMaxCriticalCoordinates) + ")");
    bool done = false;
    if (lifted) {
      // The lifting reports its status (primes so far) as the item of the cell's step.
      const std::size_t at = cell_index - 1;
      auto status = [&](const std::string& st) { progress("eliminating in cell", at, cells.size(), st); };
      if (!power) {
        co = solve_cell_lifted(pb, cell, rng(), res.lifting_primes, status);
      } else {
        // The lifted power engine sees the points with w_0 != 0 only: if a
        // prime finds one with w_0 = 0 (a root at (1:0)), solve in the
        // coordinates of the reversal (x, y) -> (y, x) (w'_0 = w_n), then of
        // the shears (x, y) -> (x, c x + y) (w'_0 = w(1, c)), c = 1, -1, 2, ...:
        // finitely many points have finitely many roots, so one of them has
        // no root at (1:0).
        std::vector<std::optional<CoordinateChange>> changes{std::nullopt, CoordinateChange{0, 1, 1, 0}};
        for (long c = 1; c <= kMaxShear; ++c) {
          changes.emplace_back(CoordinateChange{1, 0, c, 1});
          changes.emplace_back(CoordinateChange{1, 0, -c, 1});
        }
        bool solved = false;
        for (const auto& phi : changes) {
          try {
            co = solve_cell_lifted(pb, cell, rng(), res.lifting_primes, status, detail::LiftSource::power, phi);
            solved = true;
            break;
          } catch (const detail::PowerPointsAtInfinity&) {
            status("a critical point has a root at (1:0)" + (phi ? " after " + phi->name() : std::string()) +
                   ": changing coordinates");
          }
        }
        if (!solved)
          throw not_supported("every coordinate change tried (the reversal and the shears (x, y) -> (x, c x + y), "
                              "|c| <= " + std::to_string(kMaxShear) + ") leaves a critical point of Delta" +
                              lambda.to_string() + " with a root at (1:0); the lifted power engine handles the "
                              "points with w_0 != 0 only");
      }
      res.completeness_proven = false;
      done = true;
    }
    for (int attempt = 0; attempt < 8 && !done; ++attempt) {
      try {
        co = solve_cell(pb, cell, rng);
        done = true;
      } catch (const detail::ShapeFailure&) {
      }
    }
    if (!done)
      throw not_supported("no random projection separated the critical points of Delta" + lambda.to_string() +
                          " in one cell");
    co.distance_kronecker.resize(co.orbits.size());
    for (auto& k : co.distance_kronecker) distance_kronecker.push_back(std::move(k));
    for (auto& o : co.orbits) res.orbits.push_back(std::move(o));
    for (auto& r : co.removed) res.removed.push_back(std::move(r));
  }
  progress("eliminating in cell", cells.size(), cells.size());
  // Real points, exact: their coordinates and distances are elements of
  // Q(zeta) at each real root zeta (lazy AlgebraicReals: minimal polynomials
  // only where a comparison needs one).
  for (std::size_t oi = 0; oi < res.orbits.size(); ++oi) {
    CriticalOrbit& o = res.orbits[oi];
    progress("certifying the real points of orbit", oi, res.orbits.size(), "degree " + std::to_string(o.size()));
    res.complex_count += o.size();
    std::vector<RealRoot> roots = real_roots(BinaryForm(o.size(), o.minimal_polynomial));
    o.real_count = static_cast<int>(roots.size());
    res.real_count += o.real_count;
    if (roots.empty()) continue;
    std::vector<AlgebraicReal> zetas;
    for (const RealRoot& r : roots) zetas.emplace_back(r);
    std::vector<std::vector<AlgebraicReal>> w;  // w[i][r]: coefficient i at root r
    std::vector<AlgebraicReal> distance;
    if (o.size() == 1) {
      const Rational& a = roots.front().lo();
      const Rational d = o.denominator.evaluate(a);
      for (const RatPoly& c : o.w) w.push_back({AlgebraicReal(c.evaluate(a) / d)});
      distance.emplace_back(o.distance_numerator.evaluate(a) / (d * d));
    } else {
      for (const RatPoly& c : o.w) w.push_back(evaluate(c, o.denominator, zetas));
      distance = distance_kronecker[oi] ? evaluate(*distance_kronecker[oi], o.denominator, zetas)
                                        : evaluate(o.distance_numerator, o.denominator * o.denominator, zetas);
    }
    std::vector<std::optional<std::vector<RatPoly>>> disc;
    for (const auto& P : o.repeated) disc.push_back(small_discriminant(P));
    disc.push_back(small_discriminant(o.simple));
    for (std::size_t r = 0; r < roots.size(); ++r) {
      RealCriticalPoint rp{oi, roots[r], {}, std::nullopt, Rrmp(), distance[r]};
      for (const auto& wi : w) rp.coefficients.push_back(wi[r]);
      if (o.size() == 1) {
        std::vector<Rational> exact;
        for (const AlgebraicReal& c : rp.coefficients) exact.push_back(c.rational());
        rp.exact = BinaryForm(exact);
        res.rational_points.push_back(*rp.exact);
      }
      rp.rrmp = point_rrmp(o, disc, rp.root);
      res.real_points.push_back(std::move(rp));
    }
  }
  progress("certifying the real points of orbit", res.orbits.size(), res.orbits.size());
  std::sort(res.rational_points.begin(), res.rational_points.end(),
            [](const BinaryForm& a, const BinaryForm& b) { return a.coefficients() < b.coefficients(); });
  sort_by_distance(res.real_points);
  return res;
}

}  // namespace lcngeom
