// verify-paper, Section 3: discriminants, multiple root loci and rrmps
// (Definitions 3.1, 3.2, Example 3.3, footnote 2).
#include <random>
#include <set>
#include <sstream>

#include "lcngeom/lcngeom.hpp"
#include "verify/ledger.hpp"

namespace lcngeom::cli {

namespace {

struct Row {
  const char* rrmp;
  const char* condition;  // as printed in Example 3.3
  const char* form;       // a concrete form with that rrmp
};

const Row kQuadratic[] = {{"11|0", "Delta = b^2 - 4ac > 0", "x^2 - y^2"},
                          {"2|0", "Delta = 0", "(x - 3y)^2"},
                          {"0|1", "Delta < 0", "x^2 + xy + y^2"}};
const Row kCubic[] = {{"111|0", "Delta > 0", "x(x - y)(x + 2y)"},
                      {"12|0", "Delta = 0", "(x - y)^2 (x + y)"},
                      {"3|0", "delta_1 = delta_2 = delta_3 = 0", "(2x - y)^3"},
                      {"1|1", "Delta < 0", "x(x^2 + y^2)"}};
const Row kQuartic[] = {{"1111|0", "delta > 0, delta' > 0, p < 0", "(x^2 - y^2)(x^2 - 4y^2)"},
                        {"112|0", "delta = 0, delta' > 0, p < 0", "(x - y)(x + 2y) x^2"},
                        {"22|0", "delta = 0, delta' = 0, p < 0, q = 0", "(x^2 - y^2)^2"},
                        {"13|0", "delta = 0, delta' = 0, p < 0, q != 0", "x(x - y)^3"},
                        {"4|0", "delta = 0, delta' = 0, p = 0", "(x + 2y)^4"},
                        {"11|1", "delta < 0", "(x^2 - y^2)(x^2 + y^2)"},
                        {"2|1", "delta = 0, delta' < 0", "x^2 (x^2 + y^2)"},
                        {"0|2", "delta = 0, delta' = 0, p > 0", "(x^2 + y^2)^2"},
                        {"0|11", "delta > 0 and (delta' <= 0 or p > 0)", "2x^4 + 5x^2y^2 + 2y^4"}};

std::string sign_text(const char* name, const Rational& v) {
  std::ostringstream s;
  s << name << " = " << v;
  return s.str();
}

// rrmp from the general algorithm and from the closed form must both match.
std::pair<bool, std::string> rrmp_both(const BinaryForm& p, const std::string& want) {
  const std::string g = rrmp_general(p).to_string(), c = rrmp_closed_form(p)->to_string();
  return {g == want && c == want, p.to_string() + ": rrmp " + g + " (general), " + c + " (closed form)"};
}

void example_3_3(Ledger& L) {
  for (const Row& r : kQuadratic)
    L.check(std::string("Example 3.3, n = 2: ") + r.rrmp + " iff " + r.condition, [&] {
      BinaryForm p = BinaryForm::parse(r.form);
      auto [ok, cmp] = rrmp_both(p, r.rrmp);
      const Rational d = discriminant(p);
      const int s = d.sign();
      const std::string row = r.rrmp;
      ok = ok && ((row == "11|0" && s > 0) || (row == "2|0" && s == 0) || (row == "0|1" && s < 0));
      return std::make_pair(ok, cmp + "; " + sign_text("Delta", d));
    });
  for (const Row& r : kCubic)
    L.check(std::string("Example 3.3, n = 3: ") + r.rrmp + " iff " + r.condition, [&] {
      BinaryForm p = BinaryForm::parse(r.form);
      auto [ok, cmp] = rrmp_both(p, r.rrmp);
      CubicInvariants c = cubic_invariants(p);
      const bool triple = c.delta1.is_zero() && c.delta2.is_zero() && c.delta3.is_zero();
      const std::string row = r.rrmp;
      const int s = c.disc.sign();
      ok = ok && c.disc == discriminant(p) &&
           ((row == "111|0" && s > 0) || (row == "12|0" && s == 0 && !triple) || (row == "3|0" && triple) ||
            (row == "1|1" && s < 0));
      return std::make_pair(ok, cmp + "; " + sign_text("Delta", c.disc) + ", " + sign_text("delta_1", c.delta1) + ", " +
                                    sign_text("delta_2", c.delta2) + ", " + sign_text("delta_3", c.delta3));
    });
  for (const Row& r : kQuartic)
    L.check(std::string("Example 3.3, n = 4: ") + r.rrmp + " iff " + r.condition, [&] {
      BinaryForm f = BinaryForm::parse(r.form);
      auto [ok, cmp] = rrmp_both(f, r.rrmp);
      DepressedQuartic d = depressed_quartic(f);
      const int s = d.delta.sign(), s1 = d.delta_prime.sign(), sp = d.p.sign();
      const bool q0 = d.q.is_zero();
      const std::string row = r.rrmp;
      bool cond = (row == "1111|0" && s > 0 && s1 > 0 && sp < 0) || (row == "112|0" && s == 0 && s1 > 0 && sp < 0) ||
                  (row == "22|0" && s == 0 && s1 == 0 && sp < 0 && q0) ||
                  (row == "13|0" && s == 0 && s1 == 0 && sp < 0 && !q0) ||
                  (row == "4|0" && s == 0 && s1 == 0 && sp == 0) || (row == "11|1" && s < 0) ||
                  (row == "2|1" && s == 0 && s1 < 0) || (row == "0|2" && s == 0 && s1 == 0 && sp > 0) ||
                  (row == "0|11" && s > 0 && (s1 <= 0 || sp > 0));
      return std::make_pair(ok && cond, cmp + "; " + sign_text("delta", d.delta) + ", " +
                                            sign_text("delta'", d.delta_prime) + ", " + sign_text("p", d.p) + ", " +
                                            sign_text("q", d.q));
    });
  L.check("Example 3.3 lists every rrmp of degree 2, 3, 4 (3, 4 and 9 patterns)", [] {
    std::set<std::string> listed;
    for (const Row& r : kQuadratic) listed.insert(r.rrmp);
    for (const Row& r : kCubic) listed.insert(r.rrmp);
    for (const Row& r : kQuartic) listed.insert(r.rrmp);
    std::size_t enumerated = 0;
    bool ok = true;
    for (int n : {2, 3, 4})
      for (const Rrmp& r : all_rrmps(n)) {
        ++enumerated;
        ok = ok && listed.count(r.to_string());
      }
    return std::make_pair(ok && enumerated == listed.size(),
                          "all_rrmps(2..4) enumerates " + std::to_string(enumerated) + " patterns, the table lists " +
                              std::to_string(listed.size()));
  });
  L.check("Example 3.3: the cubic discriminant is b^2c^2 - 4ac^3 - 4b^3d - 27a^2d^2 + 18abcd", [] {
    std::mt19937_64 g(33);
    std::uniform_int_distribution<long> u(-50, 50);
    int n = 0;
    for (; n < 500; ++n) {
      BinaryForm p{n % 10 == 0 ? 0 : u(g), u(g), u(g), u(g)};
      if (cubic_invariants(p).disc != discriminant(p)) return std::make_pair(false, "mismatch at " + p.to_string());
    }
    return std::make_pair(true, std::to_string(n) + " random cubics (a = 0 included): formula = Disc");
  });
  L.check("Example 3.3: delta(p, q, r) is the discriminant of the depressed quartic (= Disc(f) / a^6)", [] {
    std::mt19937_64 g(34);
    std::uniform_int_distribution<long> u(-40, 40);
    int n = 0;
    for (; n < 500; ++n) {
      BinaryForm f{u(g) | 1, u(g), u(g), u(g), u(g)};
      if (depressed_quartic(f).delta * pow(f.coeff(0), 6) != discriminant(f))
        return std::make_pair(false, "mismatch at " + f.to_string());
    }
    return std::make_pair(true, std::to_string(n) + " random quartics");
  });
  L.check("Example 3.3: the table's rules classify every quartic (agree with the exact general algorithm)", [] {
    std::mt19937_64 g(35);
    int n = 0;
    for (; n < 30000; ++n) {
      const long b = n % 3 == 0 ? 1 : n % 3 == 1 ? 3 : 30;  // small coefficients hit every stratum
      std::uniform_int_distribution<long> u(-b, b);
      BinaryForm f{u(g), u(g), u(g), u(g), u(g)};
      if (f.is_zero()) continue;
      if (*rrmp_closed_form(f) != rrmp_general(f))
        return std::make_pair(false, "disagree at " + f.to_coefficient_string());
    }
    return std::make_pair(true, std::to_string(n) + " random quartics with coefficients in [-1,1], [-3,3], [-30,30]");
  });
  L.check("Example 3.3: f_n and its translate g_n = f_n(x - a_1/n y, y) have the same rrmp", [] {
    std::mt19937_64 g(36);
    std::uniform_int_distribution<long> u(-4, 4);
    int n = 0;
    for (; n < 2000; ++n) {
      const int deg = 2 + n % 6;
      std::vector<long> a(static_cast<std::size_t>(deg) + 1);
      a[0] = 1;
      for (int i = 1; i <= deg; ++i) a[static_cast<std::size_t>(i)] = u(g);
      BinaryForm f(a);
      BinaryForm t = f.substitute(Rational(1), -Rational(a[1]) / Rational(deg), Rational(0), Rational(1));
      if (!t.coeff(1).is_zero() || rrmp(t) != rrmp(f)) return std::make_pair(false, "fails at " + f.to_string());
    }
    return std::make_pair(true, std::to_string(n) + " monic forms of degree 2..7: b_1 = 0 and equal rrmps");
  });
}

void loci_claims(Ledger& L) {
  L.check("Section 3: the discriminant hypersurface is Delta_(2,1,...,1) (Disc = 0 iff p in it)", [] {
    std::mt19937_64 g(37);
    std::uniform_int_distribution<long> u(-2, 2);
    int n = 0, on = 0;
    for (; n < 3000; ++n) {
      const int deg = 2 + n % 6;
      std::vector<long> a(static_cast<std::size_t>(deg) + 1);
      for (long& c : a) c = u(g);
      BinaryForm p(a);
      if (p.is_zero()) continue;
      std::vector<int> parts(static_cast<std::size_t>(deg - 1), 1);
      parts[0] = 2;
      const bool in = in_locus(p, Partition(parts));
      on += in;
      if (in != discriminant(p).is_zero()) return std::make_pair(false, "disagree at " + p.to_coefficient_string());
    }
    return std::make_pair(
        true, std::to_string(n) + " random forms of degree 2..7, " + std::to_string(on) + " on the discriminant");
  });
  L.check(
      "Definition 3.2: forms with rrmp (rho|gamma) are smooth points of Delta_lambda(rho|gamma), tangent space (5.3)",
      [] {
        // Planted forms prod p_i^rho_i prod q_j^gamma_j; the differential of (5.4)
        // must have rank r + 1 = dim Delta_lambda and span the basis of eq. (5.3).
        int checked = 0;
        for (int n = 1; n <= 6; ++n)
          for (const Rrmp& r : all_rrmps(n)) {
            std::vector<std::pair<BinaryForm, int>> factors;
            long shift = 0;
            for (int m : r.rho()) factors.emplace_back(BinaryForm{1, shift++}, m);               // x + s y, distinct
            for (int m : r.gamma()) factors.emplace_back(BinaryForm{1, 0, ++shift * shift}, m);  // x^2 + s^2 y^2
            BinaryForm p{1};
            for (auto& [f, e] : factors) p = p * pow(f, static_cast<unsigned>(e));
            std::vector<BinaryForm> image;
            for (auto& [f, e] : factors)
              for (int j = 0; j <= f.degree(); ++j)
                image.push_back(divexact(p, f) * BinaryForm::monomial(f.degree() - j, j));
            std::vector<BinaryForm> T = tangent_space(p, r.lambda());
            // Rank check: every tangent basis element is in span(image) and dims agree.
            const std::size_t dim = static_cast<std::size_t>(r.lambda().size()) + 1;
            if (T.size() != dim || !is_smooth_point(p, r.lambda()) || rrmp(p) != r)
              return std::make_pair(false, "fails for " + r.to_string());
            // span(image) = span(T): equal ranks, and the union has the same rank.
            std::vector<std::vector<Rational>> rows_i, rows_both;
            for (const BinaryForm& v : image) rows_i.push_back(v.coefficients());
            rows_both = rows_i;
            for (const BinaryForm& v : T) rows_both.push_back(v.coefficients());
            const long ri = RatMatrix(rows_i).rank(), rb = RatMatrix(rows_both).rank();
            if (ri != static_cast<long>(dim) || rb != static_cast<long>(dim))
              return std::make_pair(false, "rank of d(5.4) is " + std::to_string(ri) + " for " + r.to_string());
            ++checked;
          }
        return std::make_pair(true,
                              std::to_string(checked) +
                                  " rrmps of degree 1..6: Kurmann-smooth; rank d(5.4) = r + 1 = dim, image = (5.3)");
      });
  L.check("Footnote 2: Delta_mu in Delta_lambda iff mu is a coarsening of lambda (planted forms, n <= 6)", [] {
    // Independent of the library's splitting search: brute force over all maps
    // from the parts of lambda to the distinct roots of p; p is in Delta_lambda
    // iff some map puts total multiplicity mu_i on root i, and then the
    // product prod Q^lambda_j is rebuilt and compared with p.
    int pairs = 0, contained = 0;
    for (int n = 1; n <= 6; ++n)
      for (const Partition& mu : partitions(n)) {
        std::vector<BinaryForm> roots;
        BinaryForm p{1};
        for (int i = 0; i < mu.size(); ++i) {
          roots.push_back(BinaryForm{1, i});
          p = p * pow(roots.back(), static_cast<unsigned>(mu[i]));
        }
        for (const Partition& lambda : partitions(n)) {
          const int k = lambda.size(), r = mu.size();
          bool witness = false;
          std::vector<int> assign(static_cast<std::size_t>(k), 0);
          for (;;) {
            std::vector<int> load(static_cast<std::size_t>(r), 0);
            for (int j = 0; j < k; ++j)
              load[static_cast<std::size_t>(assign[static_cast<std::size_t>(j)])] += lambda[j];
            if (load == mu.parts()) {
              BinaryForm q{1};
              for (int j = 0; j < k; ++j)
                q = q * pow(roots[static_cast<std::size_t>(assign[static_cast<std::size_t>(j)])],
                            static_cast<unsigned>(lambda[j]));
              witness = q == p;
              if (witness) break;
            }
            int j = 0;
            while (j < k && ++assign[static_cast<std::size_t>(j)] == r) assign[static_cast<std::size_t>(j++)] = 0;
            if (j == k) break;
          }
          if (in_locus(p, lambda) != witness || is_coarsening(mu, lambda) != witness)
            return std::make_pair(false, mu.to_string() + " vs " + lambda.to_string());
          ++pairs;
          contained += witness;
        }
      }
    return std::make_pair(true, std::to_string(pairs) + " pairs (mu, lambda), " + std::to_string(contained) +
                                    " inclusions, each rebuilt as prod Q_j^lambda_j");
  });
}

const bool registered = register_ledger_section({3.0, "Section 3: discriminants and multiple roots", [](Ledger& L) {
                                                   example_3_3(L);
                                                   loci_claims(L);
                                                 }});

}  // namespace

}  // namespace lcngeom::cli
