// bench_roots -- certified real roots at high degree against PARI and
// FLINT/Arb, all measured in the same run (issue 12, item 5).
//
// Families (one form per row, integer coefficients, leading coefficient != 0):
//   random    coefficients uniform in [-10^d, 10^d];
//   planted   (x - b_1 y)^{m_1} ... (x^2 + c y^2)^{m} ... : about n/6 distinct
//             integer roots in [-max(100, n/4), max(100, n/4)] and n/16 imaginary pairs with multiplicities
//             2..3 (degree about n/2), times a random cofactor with d-digit
//             coefficients filling the degree to n (multiple roots: the
//             square-free decomposition path);
//   mignotte  x^n - 2 (a x - 1)^2 with a random integer a of ceil(d/2) digits
//             (two real roots within 2 a^{-(n+2)/2} of 1/a: a cluster);
//   chebyshev T_n (all n roots real, in (-1, 1));
//   legendre  2^n P_n (all n roots real, in (-1, 1));
//   product   prod_{i=1..n} (x - i y) (all roots real, integers 1..n).
// d = 3, 50, 300 digits for the first three; the last three have their own
// coefficient size (the "digits" column gives the largest coefficient).
//
// Contenders, each on the same polynomial f(t) = p(t, 1):
//   lcngeom rrmp      lcngeom::rrmp(p): square-freeness certificate or
//                     decomposition, then certified real-root counts;
//   PARI rrmp         ZX_is_squarefree + ZX_sturm (gp's issquarefree +
//                     polsturm), ZX_squff + ZX_sturm per factor if not
//                     square-free: the same information as an rrmp;
//   FLINT Sturm       lcngeom::rrmp_general(p): fmpz_poly_is_squarefree,
//                     fmpz_poly_factor_squarefree if needed, and
//                     fmpz_poly_num_real_roots (Sturm sequences);
//   Arb               arb_fmpz_poly_complex_roots on the square-free part
//                     (computed untimed) at 64 bits; real roots counted;
//   lcngeom isolate   lcngeom::squarefree_decomposition(p), then
//                     lcngeom::real_roots_squarefree on each factor and
//                     RealRoot::refine_bits(67): certified isolating intervals
//                     of the real roots with their multiplicities (what
//                     polrootsreal returns), each refined to width < 1e-20
//                     (decomposition included in the time); with --iso-radical
//                     real_roots_squarefree(f / gcd(f, f')) instead (the
//                     square-free part in one piece, as before 2026-12-03 15:30);
//   PARI realroots    realroots(f, NULL, 64 bits) = gp's polrootsreal: all
//                     real roots, certified, to 64 bits;
//   lcngeom real_roots lcngeom::real_roots(p), the library's entry point
//                     (irreducible defining polynomials, exact rational roots,
//                     multiplicities), each root refined as above; its ratio
//                     is against PARI realroots of the same row.
// Every time is CPU time of this (single-threaded) process, per call: a call
// is repeated until 0.3 s have passed (at most 20 times unless they took under 0.05 s) and the mean is taken.
// A contender is skipped for the larger degrees of a (family, digits) once
// kGrowth times its last call exceeds its limit: $BUDGET seconds (default 2)
// for FLINT Sturm and Arb, $LIMIT seconds (default 30) for lcngeom and PARI.
//
// Answers are compared: the rrmp from lcngeom against PARI's (and FLINT's
// where it ran), the number of real roots of lcngeom's isolation against
// PARI's realroots and Arb's count; any disagreement is printed and counted.
//
//   bench_roots [--min-degree N] [--max-degree N] [--families a,b,...] [--digits 3,50,...]
//               [--no-isolate] [--iso-radical] [--only lcngeom,pari,flint,arb,isolate,pari-iso,real-roots]
//               [--no-quartics] [--seed S]
// After the table: the degree-4 closed forms on coefficients up to 2^20, 2^40,
// 2^62 and 2^63 against degree 8 with the same coefficients and FLINT.
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <acb.h>
#include <arb_fmpz_poly.h>

#include "lcngeom/flint.hpp"
#include "lcngeom/lcngeom.hpp"
#include "pari_baseline.hpp"

namespace {

using lcngeom::BinaryForm;
using lcngeom::Integer;
using lcngeom::IntPoly;
using lcngeom::RatPoly;
using lcngeom::Rrmp;

// Time per call grows by about this factor when the degree doubles (n^2 work
// per subdivision level, and more levels); used to skip a call that would
// take longer than its limit.
constexpr double kGrowth = 8;

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Mean CPU seconds per call of f (see the header comment).
double time_call(const std::function<void()>& f) {
  int reps = 0;
  const double t0 = cpu_seconds();
  double t = t0;
  do {
    f();
    ++reps;
    t = cpu_seconds();
    // At most 20 calls within 0.3 s, but at least 0.05 s of calls: the first,
    // cold call must not dominate a row of microseconds.
  } while (t - t0 < 0.3 && (reps < 20 || t - t0 < 0.05));
  return (t - t0) / reps;
}

// ---- families -------------------------------------------------------------

struct Case {
  std::string family;
  int degree;
  int digits;  // requested coefficient digits (0: the family's own)
  IntPoly f;   // ascending, leading coefficient != 0
};

Integer random_integer(std::mt19937_64& g, int digits) {
  // uniform enough in [-10^d, 10^d]: 18 decimal digits per draw.
  Integer c(0);
  for (int k = 0; k < digits; k += 18) {
    const int chunk = std::min(18, digits - k);
    long base = 1;
    for (int i = 0; i < chunk; ++i) base *= 10;
    c = c * Integer(base) + Integer(static_cast<long>(g() % static_cast<unsigned long>(base)));
  }
  return (g() & 1) ? -c : c;
}

IntPoly random_poly(std::mt19937_64& g, int n, int digits) {
  std::vector<Integer> a(static_cast<std::size_t>(n) + 1);
  for (Integer& c : a) c = random_integer(g, digits);
  while (a.back().is_zero()) a.back() = random_integer(g, digits);
  return IntPoly(a);
}

IntPoly power(const IntPoly& f, int e) {
  IntPoly r{1};
  for (int i = 0; i < e; ++i) r = r * f;
  return r;
}

IntPoly planted(std::mt19937_64& g, int n, int digits) {
  IntPoly p{1};
  std::vector<long> used;
  int deg = 0;
  while (deg < n / 2) {
    const int m = 2 + static_cast<int>(g() % 2);
    if (g() % 4 == 0 && deg + 2 * m <= n / 2) {
      const long c = 1 + static_cast<long>(g() % 50);
      p = p * power(IntPoly{c, 0, 1}, m);
      deg += 2 * m;
      continue;
    }
    // Roots in [-R, R], R = max(100, n/4): enough distinct values for n/4 roots.
    const long range = std::max(100, n / 4);
    long b;
    do b = static_cast<long>(g() % static_cast<unsigned long>(2 * range + 1)) - range;
    while (std::find(used.begin(), used.end(), b) != used.end());
    used.push_back(b);
    p = p * power(IntPoly{-b, 1}, m);
    deg += m;
  }
  return p * random_poly(g, n - deg, digits);
}

IntPoly mignotte(std::mt19937_64& g, int n, int digits) {
  Integer a(0);
  while (a.is_zero() || a.sign() < 0 || a.to_string().size() < static_cast<std::size_t>((digits + 1) / 2))
    a = random_integer(g, (digits + 1) / 2);
  std::vector<Integer> c(static_cast<std::size_t>(n) + 1, Integer(0));
  c[0] = Integer(-2);
  c[1] = Integer(4) * a;
  c[2] = Integer(-2) * a * a;
  c[static_cast<std::size_t>(n)] = c[static_cast<std::size_t>(n)] + Integer(1);
  return IntPoly(c);
}

IntPoly chebyshev(int n) {
  IntPoly t0{1}, t1{0, 1};
  const IntPoly two_t{0, 2};
  for (int k = 1; k < n; ++k) {
    IntPoly t2 = two_t * t1 - t0;
    t0 = std::move(t1);
    t1 = std::move(t2);
  }
  return t1;
}

IntPoly legendre(int n) {
  // 2^n P_n(t) = sum_k (-1)^k C(n,k) C(2n-2k, n) t^{n-2k}.
  std::vector<Integer> c(static_cast<std::size_t>(n) + 1, Integer(0));
  for (int k = 0; 2 * k <= n; ++k) {
    Integer b1, b2;
    fmpz_bin_uiui(b1.raw(), static_cast<ulong>(n), static_cast<ulong>(k));
    fmpz_bin_uiui(b2.raw(), static_cast<ulong>(2 * n - 2 * k), static_cast<ulong>(n));
    const Integer v = b1 * b2;
    c[static_cast<std::size_t>(n - 2 * k)] = (k % 2) ? -v : v;
  }
  return IntPoly(c);
}

IntPoly product(int n) {
  IntPoly p{1};
  for (long i = 1; i <= n; ++i) p = p * IntPoly{-i, 1};
  return p;
}

int max_digits(const IntPoly& f) {
  std::size_t d = 0;
  for (long i = 0; i <= f.degree(); ++i) {
    std::string s = f.coeff(i).to_string();
    d = std::max(d, s.size() - (s[0] == '-' ? 1 : 0));
  }
  return static_cast<int>(d);
}

BinaryForm form_of(const IntPoly& f) { return BinaryForm(static_cast<int>(f.degree()), RatPoly(f)); }

std::vector<std::string> decimal(const IntPoly& f) {
  std::vector<std::string> out;
  for (long i = 0; i <= f.degree(); ++i) out.push_back(f.coeff(i).to_string());
  return out;
}

Rrmp rrmp_of_parts(const std::vector<bench::pari::SquarefreePart>& parts) {
  Rrmp r;
  for (const auto& s : parts) {
    r.push_real(s.multiplicity, s.real_roots);
    r.push_complex(s.multiplicity, (s.degree - s.real_roots) / 2);
  }
  r.normalize();
  return r;
}

// Arb: real roots of the square-free f (its roots with exactly zero imaginary
// part, which arb_fmpz_poly_complex_roots certifies for integer polynomials).
long arb_real_roots(const IntPoly& squarefree) {
  const long n = squarefree.degree();
  acb_ptr roots = _acb_vec_init(n);
  arb_fmpz_poly_complex_roots(roots, squarefree.raw(), 0, 64);
  long real = 0;
  for (long i = 0; i < n; ++i) real += arb_is_zero(acb_imagref(roots + i)) ? 1 : 0;
  _acb_vec_clear(roots, n);
  return real;
}

std::string fmt_time(std::optional<double> s) {
  if (!s) return "skip";
  char buf[32];
  if (*s < 1e-3) std::snprintf(buf, sizeof buf, "%.0f µs", *s * 1e6);
  else if (*s < 1) std::snprintf(buf, sizeof buf, "%.1f ms", *s * 1e3);
  else std::snprintf(buf, sizeof buf, "%.2f s", *s);
  return buf;
}

std::string fmt_ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b <= 0) return "–";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *a / *b);
  return buf;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
  return out;
}

// Item 3 of the issue: the degree-4 closed forms without a big-integer cliff.
// Mean ns per form of lcngeom::rrmp(span<const long>) on 20000 random quartics
// with |coefficients| < 2^bits, next to degree 8 with the same coefficients
// and FLINT's rrmp_general on the same quartics.
void quartic_table() {
  std::printf(
      "\n| coefficients | quartic rrmp ns | degree-8 rrmp ns | quartic / degree 8 | FLINT quartic ns | "
      "quartic / FLINT |\n|---|---:|---:|---:|---:|---:|\n");
  for (int bits : {20, 40, 62, 63}) {
    std::mt19937_64 g(static_cast<unsigned long>(bits));
    auto draw = [&](int n) {
      std::vector<std::vector<long>> forms(20000);
      for (auto& f : forms) {
        f.resize(static_cast<std::size_t>(n) + 1);
        for (long& c : f) {
          const unsigned long u = g() >> (64 - bits);
          c = (g() & 1) ? -static_cast<long>(u) : static_cast<long>(u);
        }
        if (f[0] == 0) f[0] = 1;
      }
      return forms;
    };
    const auto q4 = draw(4), q8 = draw(8);
    long sink = 0;
    auto per_form = [&](const std::vector<std::vector<long>>& forms) {
      return 1e9 * time_call([&] {
               for (const auto& f : forms) sink += lcngeom::rrmp(std::span<const long>(f)).real_root_count();
             }) /
             static_cast<double>(forms.size());
    };
    const double t4 = per_form(q4), t8 = per_form(q8);
    std::vector<BinaryForm> big;
    for (std::size_t i = 0; i < 2000; ++i) big.emplace_back(q4[i]);
    const double tf = 1e9 * time_call([&] {
                        for (const BinaryForm& p : big) sink += lcngeom::rrmp_general(p).real_root_count();
                      }) /
                      static_cast<double>(big.size());
    std::printf("| < 2^%d | %.0f | %.0f | %.2f | %.0f | %.3f |\n", bits, t4, t8, t4 / t8, tf, t4 / tf);
    for (std::size_t i = 0; i < big.size(); ++i)
      if (!(lcngeom::rrmp(std::span<const long>(q4[i])) == lcngeom::rrmp_general(big[i])))
        std::fprintf(stderr, "DISAGREEMENT quartic %s\n", big[i].to_coefficient_string().c_str());
    if (sink == 42) std::printf(" ");
  }
}

}  // namespace

int main(int argc, char** argv) {
  int min_degree = 64, max_degree = 2048;
  std::vector<std::string> families = {"random", "planted", "mignotte", "chebyshev", "legendre", "product"};
  std::vector<int> digit_set = {3, 50, 300};
  bool isolate = true, quartics = true, iso_radical = false;
  std::vector<std::string> only;  // contenders to run; empty: all
  unsigned long seed = 12;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench_roots: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--max-degree") max_degree = std::atoi(next().c_str());
    else if (a == "--min-degree") min_degree = std::atoi(next().c_str());
    else if (a == "--families") families = split(next());
    else if (a == "--digits") {
      digit_set.clear();
      for (const std::string& d : split(next())) digit_set.push_back(std::atoi(d.c_str()));
    } else if (a == "--no-isolate") isolate = false;
    else if (a == "--iso-radical") iso_radical = true;
    else if (a == "--only") only = split(next());
    else if (a == "--no-quartics") quartics = false;
    else if (a == "--seed") seed = std::strtoul(next().c_str(), nullptr, 10);
    else {
      std::fprintf(stderr, "bench_roots: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  const char* budget_env = std::getenv("BUDGET");
  const double budget = budget_env ? std::atof(budget_env) : 2.0;
  const char* limit_env = std::getenv("LIMIT");
  const double kLimit = limit_env ? std::atof(limit_env) : 30.0;
  bench::pari::init();

  std::printf(
      "| family | n | digits | real roots | lcngeom rrmp | PARI rrmp | ratio | FLINT Sturm | lcngeom/FLINT | "
      "Arb | lcngeom/Arb | lcngeom isolate | PARI realroots | ratio | lcngeom real_roots | ratio |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::fflush(stdout);
  int disagreements = 0;
  long rows = 0;
  for (const std::string& family : families) {
    const bool sized = family == "random" || family == "planted" || family == "mignotte";
    const std::vector<int> digits_list = sized ? digit_set : std::vector<int>{0};
    for (int digits : digits_list) {
      // Slow contenders are dropped for the larger degrees of this row group.
      std::map<std::string, bool> dropped;
      auto run = [&](const std::string& who, double limit, const std::function<void()>& f) -> std::optional<double> {
        if (dropped[who] || (!only.empty() && std::find(only.begin(), only.end(), who) == only.end()))
          return std::nullopt;
        const double t = time_call(f);
        if (t * kGrowth > limit) dropped[who] = true;  // the next degree would pass the limit
        return t;
      };
      for (int n = 64; n <= max_degree; n *= 2) {
        if (n < min_degree) continue;
        std::mt19937_64 g(seed * 1000003u + static_cast<unsigned long>(n) * 31u + static_cast<unsigned long>(digits));
        IntPoly f;
        if (family == "random") f = random_poly(g, n, digits);
        else if (family == "planted") f = planted(g, n, digits);
        else if (family == "mignotte") f = mignotte(g, n, digits);
        else if (family == "chebyshev") f = chebyshev(n);
        else if (family == "legendre") f = legendre(n);
        else if (family == "product") f = product(n);
        else {
          std::fprintf(stderr, "bench_roots: unknown family %s\n", family.c_str());
          return 2;
        }
        const BinaryForm p = form_of(f);
        const IntPoly prim = p.primitive_dehomogenized();
        const bench::pari::Poly pp(decimal(prim));
        IntPoly sqfree = divexact(prim, gcd(prim, prim.derivative()));

        Rrmp ours, theirs, flint;
        std::vector<bench::pari::SquarefreePart> parts;
        const auto t_ours = run("lcngeom", kLimit, [&] { ours = lcngeom::rrmp(p); });
        const auto t_pari = run("pari", kLimit, [&] { parts = pp.rrmp_parts(); });
        theirs = rrmp_of_parts(parts);
        const auto t_flint = run("flint", budget, [&] { flint = lcngeom::rrmp_general(p); });
        long arb_count = -1;
        const auto t_arb = run("arb", budget, [&] { arb_count = arb_real_roots(sqfree); });
        std::optional<double> t_iso, t_pari_iso;
        long iso_count = -1, pari_iso_count = -1, rr_count = -1;
        std::optional<double> t_rr;
        if (isolate) {
          t_iso = run("isolate", kLimit, [&] {
            auto isolate_refine = [](const IntPoly& s) {
              std::vector<lcngeom::RealRoot> roots = lcngeom::real_roots_squarefree(s);
              for (lcngeom::RealRoot& r : roots) r.refine_bits(67);  // width <= 2^-67 < 10^-20
              return static_cast<long>(roots.size());
            };
            if (iso_radical) {
              iso_count = isolate_refine(divexact(prim, gcd(prim, prim.derivative())));
              return;
            }
            // Each square-free factor on its own (distinct factors have no
            // common root, so the counts add up to the distinct real roots).
            iso_count = 0;
            for (const lcngeom::FormFactor& ff : lcngeom::squarefree_decomposition(p).factors)
              if (const IntPoly s = ff.form.primitive_dehomogenized(); s.degree() >= 1) iso_count += isolate_refine(s);
          });
          t_pari_iso = run("pari-iso", kLimit, [&] { pari_iso_count = pp.real_roots(64); });
          // The library's entry point itself: real_roots(p) (irreducible
          // defining polynomials, exact rational roots, multiplicities),
          // refined as above; (1:0) cannot occur (a_0 != 0).
          t_rr = run("real-roots", kLimit, [&] {
            std::vector<lcngeom::RealRoot> roots = lcngeom::real_roots(p);
            for (lcngeom::RealRoot& r : roots) r.refine_bits(67);
            rr_count = static_cast<long>(roots.size());
          });
        }
        // Agreement: rrmps, and distinct real roots across every count.
        const long distinct = static_cast<long>(ours.rho().size());
        std::vector<std::string> bad;
        if (t_pari && !(ours == theirs)) bad.push_back("PARI rrmp " + theirs.to_string());
        if (t_flint && !(ours == flint)) bad.push_back("FLINT rrmp " + flint.to_string());
        if (t_arb && arb_count != distinct) bad.push_back("Arb count " + std::to_string(arb_count));
        if (t_iso && iso_count != distinct) bad.push_back("isolation count " + std::to_string(iso_count));
        if (t_rr && rr_count != distinct) bad.push_back("real_roots count " + std::to_string(rr_count));
        if (t_pari_iso && pari_iso_count != ours.real_root_count())
          bad.push_back("PARI realroots " + std::to_string(pari_iso_count));
        if (!t_ours) bad.clear();  // nothing to compare with
        if (!bad.empty()) {
          ++disagreements;
          for (const std::string& b : bad)
            std::fprintf(stderr, "DISAGREEMENT %s n=%d digits=%d: lcngeom %s, %s\n", family.c_str(), n, digits,
                         ours.to_string().c_str(), b.c_str());
        }
        ++rows;
        std::printf("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", family.c_str(), n,
                    max_digits(prim), t_ours ? std::to_string(distinct).c_str() : "–", fmt_time(t_ours).c_str(),
                    fmt_time(t_pari).c_str(), fmt_ratio(t_ours, t_pari).c_str(), fmt_time(t_flint).c_str(),
                    fmt_ratio(t_ours, t_flint).c_str(), fmt_time(t_arb).c_str(), fmt_ratio(t_ours, t_arb).c_str(),
                    fmt_time(t_iso).c_str(), fmt_time(t_pari_iso).c_str(), fmt_ratio(t_iso, t_pari_iso).c_str(), fmt_time(t_rr).c_str(),
                    fmt_ratio(t_rr, t_pari_iso).c_str());
        std::fflush(stdout);
      }
    }
  }
  std::printf("\n%ld rows, %d with a disagreement\n", rows, disagreements);
  if (quartics) quartic_table();
  return disagreements == 0 ? 0 : 1;
}
