// Differential test of lcngeom's binary-form core against PARI/GP (libpari):
// discriminant, resultant, factorization over Q, real-root counts, rrmp and
// isolating intervals, on random and planted forms of degree 2..64 with
// coefficients up to 10^100, leading zeros (roots at (1:0)) and trailing
// zeros.  PARI's polynomials are univariate: the formal degree and the roots
// at infinity are accounted for here (see the formulas at each check).
//
//   lcngeom_pari_differential [--forms N] [--seed S] [--max-degree D] [--progress]
//
// Exit status 0 iff there is no disagreement; each disagreement is printed
// with the form.  The seed defaults to $LCNGEOM_TEST_SEED (as in the Catch2
// suite) or a fixed value, and is printed.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "lcngeom/lcngeom.hpp"
#include "pari_oracle.hpp"

using namespace lcngeom;

namespace {

struct Stats {
  long forms = 0, discriminants = 0, resultants = 0, factorizations = 0, counts = 0, rrmps = 0, intervals = 0;
  long disagreements = 0;
  // Coverage of the edge cases the formal-degree conventions are about.
  long at_infinity = 0, zero_discriminants = 0, zero_resultants = 0, repeated_factors = 0, max_digits = 0;
};

std::mt19937_64 g;

long uniform(long lo, long hi) { return std::uniform_int_distribution<long>(lo, hi)(g); }
bool chance(int percent) { return uniform(0, 99) < percent; }

// A random integer with up to `digits` decimal digits (|value| < 10^digits).
Integer random_integer(int digits) {
  std::string s;
  const long n = uniform(1, digits);
  for (long i = 0; i < n; ++i) s += static_cast<char>('0' + uniform(i == 0 ? 1 : 0, 9));
  if (chance(50)) s.insert(s.begin(), '-');
  return Integer(std::string_view(s));
}

// Coefficient size: mostly small, often machine size, sometimes up to 10^100.
int random_digits() {
  const long r = uniform(0, 99);
  return r < 40 ? 2 : r < 70 ? 18 : r < 85 ? 40 : 100;
}

int random_degree(int max_degree) {
  // Small degrees more often: the cost grows fast with degree at 100 digits.
  const long r = uniform(0, 99);
  const int hi = r < 50 ? std::min(8, max_degree) : r < 85 ? std::min(24, max_degree) : max_degree;
  return static_cast<int>(uniform(2, std::max(2, hi)));
}

BinaryForm random_form(int n, int digits) {
  std::vector<Rational> a(static_cast<std::size_t>(n) + 1);
  const int sparse = chance(25) ? 40 : 0;  // percent of zero coefficients
  for (auto& c : a) c = chance(sparse) ? Rational() : Rational(random_integer(digits));
  if (chance(20))  // leading zeros: roots at (1:0)
    for (long k = uniform(1, 3), i = 0; i < k && i < n; ++i) a[static_cast<std::size_t>(i)] = Rational();
  if (chance(15))  // trailing zeros: roots at (0:1)
    for (long k = uniform(1, 3), i = 0; i < k && i < n; ++i) a[static_cast<std::size_t>(n - i)] = Rational();
  if (chance(10))  // rational coefficients
    for (auto& c : a) c = c / Rational(Integer(uniform(1, 1000)));
  return BinaryForm(a);
}

// A product of powers of linear, quadratic and random factors (repeated
// roots, rational roots, roots at infinity), times a big scalar.
BinaryForm planted_form(int max_degree) {
  BinaryForm p{1};
  const int target = random_degree(max_degree);
  while (p.degree() < target) {
    const int room = target - p.degree();
    BinaryForm f;
    const long kind = uniform(0, 9);
    if (kind == 0) f = BinaryForm{0, 1};                                     // y: root (1:0)
    else if (kind <= 4) f = BinaryForm(std::vector<Rational>{Rational(random_integer(3)), Rational(random_integer(3))});
    else if (kind <= 7 && room >= 2) f = random_form(2, 3);
    else f = random_form(static_cast<int>(uniform(1, std::min(room, 8))), 4);
    if (f.is_zero()) continue;
    const int e = static_cast<int>(uniform(1, 3));
    if (f.degree() * e > room) continue;
    p = p * pow(f, static_cast<unsigned>(e));
  }
  if (chance(50)) p *= Rational(random_integer(60));
  return p.is_zero() ? BinaryForm{1, 0, 1} : p;
}

int leading_zeros(const BinaryForm& p) {
  int m = 0;
  while (m <= p.degree() && p.coeff(m).is_zero()) ++m;
  return m;
}

// p(t, 1) with its actual degree: a_m, ..., a_n.
pari::Poly affine(const BinaryForm& p) {
  pari::Poly f;
  for (int i = leading_zeros(p); i <= p.degree(); ++i) f.push_back(p.coeff(i).to_string());
  return f;
}

Rational rat(const std::string& s) { return Rational(std::string_view(s)); }

Rational pow_rational(const Rational& a, int e) {
  Rational r(1);
  for (int i = 0; i < e; ++i) r *= a;
  return r;
}

// The form of degree n - 1 with coefficients a_1, ..., a_n (a_0 = 0 dropped).
BinaryForm drop_leading(const BinaryForm& p) {
  std::vector<Rational> a = p.coefficients();
  a.erase(a.begin());
  return BinaryForm(a);
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

void report(Stats& st, const std::string& what, const BinaryForm& p, const std::string& got,
            const std::string& want, const BinaryForm* q = nullptr) {
  ++st.disagreements;
  std::cerr << "DISAGREEMENT " << what << "\n  form  " << p.to_coefficient_string() << '\n';
  if (q) std::cerr << "  other " << q->to_coefficient_string() << '\n';
  std::cerr << "  lcngeom " << got << "\n  PARI    " << want << '\n';
}

// Disc at the formal degree n (invariants.hpp): 0 for two or more roots at
// infinity, a_1^2 Disc(p / y) for one, PARI's poldisc otherwise; 1 for n <= 1.
Rational reference_discriminant(const BinaryForm& p) {
  const int n = p.degree(), m = leading_zeros(p);
  if (m >= 2) return Rational();
  const int d = n - m;  // actual degree of p(t, 1)
  const Rational lead2 = m == 1 ? p.coeff(1) * p.coeff(1) : Rational(1);
  if (d <= 1) return lead2;
  return lead2 * rat(pari::discriminant(affine(p)));
}

// Res at the formal degrees (n, k) from the Sylvester matrix: a leading zero
// of p contributes (-1)^k b_0, one of q contributes a_0, both vanish: 0.
Rational reference_resultant(BinaryForm p, BinaryForm q) {
  Rational factor(1);
  for (;;) {
    const int n = p.degree(), k = q.degree();
    const Rational a0 = p.coeff(0), b0 = q.coeff(0);
    if (n == 0) return factor * pow_rational(a0, k);
    if (k == 0) return factor * pow_rational(b0, n);
    if (a0.is_zero() && b0.is_zero()) return Rational();
    if (a0.is_zero()) {
      factor *= (k % 2 ? -b0 : b0);
      p = drop_leading(p);
    } else if (b0.is_zero()) {
      factor *= a0;
      q = drop_leading(q);
    } else {
      return factor * rat(pari::resultant(affine(p), affine(q)));
    }
  }
}


// The factors as "degree:coefficients^multiplicity" strings, sorted; y is
// the factor for the roots at infinity.
std::vector<std::string> lcngeom_factors(const BinaryForm& p) {
  std::vector<std::string> out;
  for (const FormFactor& f : factor(p).factors) {
    std::vector<std::string> c;
    for (const Rational& x : f.form.coefficients()) c.push_back(x.to_string());
    out.push_back(join(c) + "^" + std::to_string(f.multiplicity));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> reference_factors(const BinaryForm& p, const std::vector<pari::Factor>& fs) {
  std::vector<std::string> out;
  if (const int m = leading_zeros(p); m > 0) out.push_back("0,1^" + std::to_string(m));
  for (const pari::Factor& f : fs) out.push_back(join(f.coefficients) + "^" + std::to_string(f.multiplicity));
  std::sort(out.begin(), out.end());
  return out;
}

// The rrmp from PARI: each irreducible factor g^e contributes polsturm(g)
// real roots and (deg g - polsturm(g)) / 2 complex pairs of multiplicity e.
Rrmp reference_rrmp(const BinaryForm& p, const std::vector<pari::Factor>& fs) {
  std::vector<int> rho, gamma;
  if (const int m = leading_zeros(p); m > 0) rho.push_back(m);
  for (const pari::Factor& f : fs) {
    const long r = pari::real_root_count(f.coefficients), d = static_cast<long>(f.coefficients.size()) - 1;
    for (long i = 0; i < r; ++i) rho.push_back(static_cast<int>(f.multiplicity));
    for (long i = 0; i < (d - r) / 2; ++i) gamma.push_back(static_cast<int>(f.multiplicity));
  }
  return Rrmp(rho, gamma);
}

void check(Stats& st, const BinaryForm& p, const BinaryForm& q) {
  ++st.forms;
  // Discriminant.
  {
    const Rational got = discriminant(p), want = reference_discriminant(p);
    ++st.discriminants;
    st.zero_discriminants += want.is_zero() ? 1 : 0;
    if (!(got == want)) report(st, "discriminant", p, got.to_string(), want.to_string());
  }
  // Resultant with q.
  {
    const Rational got = resultant(p, q), want = reference_resultant(p, q);
    ++st.resultants;
    st.zero_resultants += want.is_zero() ? 1 : 0;
    if (!(got == want)) report(st, "resultant", p, got.to_string(), want.to_string(), &q);
  }
  if (p.is_zero()) return;
  const pari::Poly f = affine(p);
  const std::vector<pari::Factor> fs = f.size() > 1 ? pari::factor(f) : std::vector<pari::Factor>{};
  // Factorization over Q.
  {
    const std::vector<std::string> got = lcngeom_factors(p), want = reference_factors(p, fs);
    ++st.factorizations;
    if (got != want) report(st, "factorization", p, join(got), join(want));
  }
  // Distinct real roots in P^1 and the rrmp.
  const int m = leading_zeros(p);
  st.at_infinity += m > 0 ? 1 : 0;
  st.repeated_factors +=
      std::any_of(fs.begin(), fs.end(), [](const pari::Factor& x) { return x.multiplicity > 1; }) || m > 1 ? 1 : 0;
  for (const std::string& c : f) st.max_digits = std::max(st.max_digits, static_cast<long>(c.size()));
  {
    const long want = (m > 0 ? 1 : 0) + (f.size() > 1 ? pari::real_root_count(f) : 0);
    const long got = count_real_roots(p);
    ++st.counts;
    if (got != want) report(st, "real-root count", p, std::to_string(got), std::to_string(want));
    const Rrmp r = rrmp(p), rr = reference_rrmp(p, fs);
    ++st.rrmps;
    if (!(r == rr)) report(st, "rrmp", p, r.to_string(), rr.to_string());
  }
  // Isolating intervals: pairwise disjoint, in increasing order, each holding
  // exactly one distinct root of p(t, 1) (PARI's polsturm on [lo, hi]) of the
  // stated multiplicity (the exponent of the PARI factor vanishing there).
  {
    ++st.intervals;
    const std::vector<RealRoot> roots = real_roots(p);
    long finite = 0;
    const Rational* last_hi = nullptr;
    for (const RealRoot& r : roots) {
      if (r.at_infinity()) {
        if (r.multiplicity() != m) report(st, "multiplicity at infinity", p, std::to_string(r.multiplicity()), std::to_string(m));
        continue;
      }
      ++finite;
      const std::string lo = r.lo().to_string(), hi = r.hi().to_string();
      if (last_hi && !(*last_hi < r.lo())) report(st, "intervals not disjoint/increasing", p, lo, last_hi->to_string());
      last_hi = &r.hi();
      if (pari::real_root_count_in(f, lo, hi) != 1)
        report(st, "isolating interval", p, "[" + lo + ", " + hi + "]",
               std::to_string(pari::real_root_count_in(f, lo, hi)) + " distinct roots inside");
      long mult = 0;
      for (const pari::Factor& fac : fs)
        if (pari::real_root_count_in(fac.coefficients, lo, hi) == 1) mult = fac.multiplicity;
      if (mult != r.multiplicity())
        report(st, "root multiplicity", p, "[" + lo + ", " + hi + "]^" + std::to_string(r.multiplicity()),
               std::to_string(mult));
    }
    const long want = f.size() > 1 ? pari::real_root_count(f) : 0;
    if (finite != want) report(st, "number of isolating intervals", p, std::to_string(finite), std::to_string(want));
  }
}

// The second argument of the resultant: random, or sharing a factor with p.
BinaryForm partner(const BinaryForm& p) {
  const int k = static_cast<int>(uniform(1, 10));
  BinaryForm q = random_form(k, random_digits() > 18 ? 30 : 6);
  if (q.is_zero()) q = BinaryForm::monomial(k, 0);
  if (chance(25) && !p.is_zero()) {
    // A common factor: a factor of p (Res = 0), times random.
    const FormFactorization fac = factor(p);
    if (!fac.factors.empty()) q = fac.factors[static_cast<std::size_t>(uniform(0, static_cast<long>(fac.factors.size()) - 1))].form * q;
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  long forms = 10000;
  int max_degree = 64;
  bool progress = false;
  const char* env = std::getenv("LCNGEOM_TEST_SEED");
  std::uint64_t seed = (env && *env) ? std::strtoull(env, nullptr, 10) : 20221027ULL;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "missing value after " << a << '\n';
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--forms") forms = std::atol(next());
    else if (a == "--seed") seed = std::strtoull(next(), nullptr, 10);
    else if (a == "--max-degree") max_degree = std::atoi(next());
    else if (a == "--progress") progress = true;
    else {
      std::cerr << "usage: " << argv[0] << " [--forms N] [--seed S] [--max-degree D] [--progress]\n";
      return 2;
    }
  }
  std::cerr << "lcngeom_pari_differential: LCNGEOM_TEST_SEED=" << seed << ", " << forms << " forms, degrees 2.."
            << max_degree << '\n';
  g.seed(seed);
  pari::init();
  Stats st;
  const auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < forms; ++i) {
    // Half random, half planted.
    const BinaryForm p = i % 2 ? planted_form(max_degree) : random_form(random_degree(max_degree), random_digits());
    check(st, p, partner(p));
    if (progress && (i + 1) % std::max(1L, forms / 100) == 0)
      std::cerr << "  " << i + 1 << " forms, " << st.disagreements << " disagreements, "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() << " s\n";
    if (st.disagreements > 20) break;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "PARI differential: " << st.forms << " forms (" << st.discriminants << " discriminants, "
            << st.resultants << " resultants, " << st.factorizations << " factorizations, " << st.counts
            << " real-root counts, " << st.rrmps << " rrmps, " << st.intervals << " isolations), "
            << st.disagreements << " disagreements, " << secs << " s\n  coverage: " << st.at_infinity
            << " with roots at (1:0), " << st.repeated_factors << " with repeated factors, " << st.zero_discriminants
            << " zero discriminants, " << st.zero_resultants << " zero resultants, coefficients of up to "
            << st.max_digits << " characters\n";
  lcngeom::free_caches();
  return st.disagreements == 0 ? 0 : 1;
}
