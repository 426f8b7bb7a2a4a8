#include "section7_3.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "json_critical.hpp"
#include "json_minimum.hpp"
#include "lcngeom/lcngeom.hpp"

namespace lcngeom::cli {

namespace {

struct PaperLocus {
  const char* lambda;
  int complex, real;
  // The rational points as the paper prints them: coefficient vectors and factored forms.
  std::vector<std::pair<const char*, const char*>> rational;
};

// Section 7.3's printed values (references only).
const PaperLocus kPaper[] = {
    {"2,1,1",
     10,
     4,
     {{"1/5,9/5,16/5,9/5,1/5", "1/5 (x+y)^2 (x^2+7xy+y^2)"},
      {"1/5,-9/5,16/5,-9/5,1/5", "1/5 (x-y)^2 (x^2-7xy+y^2)"},
      {"0,0,5,0,2", "y^2 (5x^2+2y^2)"},
      {"2,0,5,0,0", "x^2 (5y^2+2x^2)"}}},
    {"3,1", 12, 4, {}},
    {"2,2",
     13,
     5,
     {{"-1,0,2,0,-1", "-(x-y)^2 (x+y)^2"}, {"0,0,5,0,0", "5x^2y^2"}, {"7/3,0,14/3,0,7/3", "7/3 (x^2+y^2)^2"}}},
    {"4",
     10,
     4,
     {{"0,0,0,0,2", "2y^4"},
      {"2,0,0,0,0", "2x^4"},
      {"17/35,68/35,102/35,68/35,17/35", "17/35 (x+y)^4"},
      {"17/35,-68/35,102/35,-68/35,17/35", "17/35 (x-y)^4"}}}};

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) s += sep;
    s += v[i];
  }
  return s;
}

}  // namespace

Certificate7_3 certify_section_7_3(int digits) {
  Certificate7_3 cert;
  auto claim = [&](std::string c, std::string cmp, bool ok) {
    cert.claims.push_back({std::move(c), std::move(cmp), ok});
  };
  std::ostringstream text;
  const BinaryForm u{2, 0, 5, 0, 2};
  const InnerProduct e = InnerProduct::euclidean(4);
  text << "Section 7.3 certificate: target u = [2,0,5,0,2] = " << u.to_string() << ", Euclidean distance\n\n";

  // The target.
  {
    const BinaryForm paper = BinaryForm::parse("(x^2 + 2y^2)(2x^2 + y^2)");
    FormFactorization f = factor(u);
    std::vector<std::string> fs;
    for (const FormFactor& ff : f.factors) {
      std::string item = "(";
      item += ff.form.to_string();
      item += ")";
      fs.push_back(item);
    }
    const Rrmp r = rrmp(u);
    claim("pi(u) = 2x^4 + 5x^2y^2 + 2y^4 = (x^2 + 2y^2)(2x^2 + y^2) has no real roots",
          "factor(u) = " + f.unit.to_string() + " " + join(fs, "") + "; rrmp(u) = " + r.to_string(),
          paper == u && r.real_root_count() == 0 && f.factors.size() == 2);
    text << "u factors over Q as " << f.unit.to_string() << " " << join(fs, "") << ", rrmp " << r.to_string()
         << " (no real roots)\n";
  }

  // The critical points on each locus.
  std::vector<CriticalPointSet> sets;
  nlohmann::json loci = nlohmann::json::array();
  int total_real = 0;
  struct Point {
    std::string lambda;
    std::string rrmp;
    std::string first_coefficient;  ///< 5 significant digits, for the table
    std::string exact;
  };
  std::vector<Point> points;
  for (const PaperLocus& pl : kPaper) {
    const Partition lambda = Partition::parse(pl.lambda);
    CriticalPointSet r = critical_points(lambda, u, e);
    text << "\n" << critical_text(r, digits);
    claim("lambda = " + lambda.to_string() + ": " + std::to_string(pl.complex) + " complex critical points, " +
              std::to_string(pl.real) + " real",
          "computed " + std::to_string(r.complex_count) + " complex, " + std::to_string(r.real_count) + " real",
          r.complex_count == pl.complex && r.real_count == pl.real);
    std::set<std::string> want, got;
    bool forms_agree = true;
    for (const auto& [coeffs, form] : pl.rational) {
      const BinaryForm a = BinaryForm::parse_coefficients(coeffs), b = BinaryForm::parse(form);
      forms_agree = forms_agree && a == b;
      want.insert(a.to_coefficient_string());
    }
    std::vector<std::string> gotv;
    for (const BinaryForm& p : r.rational_points) {
      got.insert(p.to_coefficient_string());
      std::string item = "[";
      item += p.to_coefficient_string();
      item += "]";
      gotv.push_back(item);
    }
    const std::string listed =
        pl.rational.empty() ? "none are rational" : std::to_string(pl.rational.size()) + " rational points as listed";
    claim("lambda = " + lambda.to_string() + ": " + listed + " (exact)",
          "computed rational points: " + (gotv.empty() ? std::string("none") : join(gotv, " ")) +
              (forms_agree ? "" : "; the paper's factored and coefficient forms differ"),
          got == want && forms_agree);
    total_real += r.real_count;
    nlohmann::json j = critical_json(r, digits);
    loci.push_back(j);
    for (const RealCriticalPoint& p : r.real_points)
      points.push_back({lambda.to_string(), p.rrmp.to_string(), p.coefficients[0].to_decimal(5),
                        p.exact ? p.exact->to_string() : ""});
    sets.push_back(std::move(r));
  }
  claim("17 real critical points in total on Delta_(2,1,1), Delta_(3,1), Delta_(2,2), Delta_(4)",
        "computed " + std::to_string(total_real), total_real == 17);

  // Architectures: filling (Theorem 4.1), u in M_k (Lemma 4.2), images of critical parameters (Cor. 5.5).
  const std::vector<std::vector<int>> archs{{4, 2}, {3, 3}, {3, 2, 2}, {2, 2, 2, 2}};
  nlohmann::json arch_json = nlohmann::json::array();
  text << "\nImages of critical parameters (Corollary 5.5: the rrmp must be compatible with k)\n";
  text << "  point                                   rrmp    ";
  for (const auto& k : archs) text << Architecture(k).to_string() << "  ";
  text << "\n";
  std::vector<std::vector<bool>> compat(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::string label = "Delta";
    label += points[i].lambda;
    label += " ";
    if (points[i].exact.empty()) {
      label += "[";
      label += points[i].first_coefficient;
      label += ",...]";
    } else {
      label += points[i].exact;
    }
    if (label.size() > 39) label = label.substr(0, 36) + "...";  // keep a blank before the rrmp column
    text << "  " << label << std::string(40 - label.size(), ' ') << points[i].rrmp
         << std::string(8 - std::min<std::size_t>(8, points[i].rrmp.size()), ' ');
    for (const auto& k : archs) {
      const bool c = is_compatible(Rrmp::parse(points[i].rrmp), k);
      compat[i].push_back(c);
      text << (c ? "  yes" : "   - ") << std::string(Architecture(k).to_string().size() - 3, ' ');
    }
    text << "\n";
  }
  const Rrmp ur = rrmp(u);
  for (std::size_t a = 0; a < archs.size(); ++a) {
    const Architecture arch(archs[a]);
    const int even = arch.even_filter_count();
    const bool filling = even <= 1;
    const bool contains_u = ur.real_root_count() >= even;
    nlohmann::json images = nlohmann::json::array();
    std::set<std::string> image_loci;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (compat[i][a]) {
        images.push_back(i);
        image_loci.insert(points[i].lambda);
      }
    std::vector<nlohmann::json> loci_of_images;
    for (const std::string& l : image_loci) loci_of_images.push_back(partition_json(Partition::parse(l)));
    arch_json.push_back({{"filter_sizes", archs[a]},
                         {"filling", filling},
                         {"contains_target", contains_u},
                         {"image_points", images},
                         {"image_loci", loci_of_images}});
    text << "  " << arch.to_string() << ": " << (filling ? "filling" : "not filling") << " (" << even
         << " even filters); u " << (contains_u ? "is" : "is not") << " in the function space; " << images.size()
         << " of the real critical points are images of critical parameters\n";
  }
  {
    bool ok = true;
    std::string cmp;
    for (std::size_t a = 0; a < archs.size(); ++a) {
      const Architecture arch(archs[a]);
      const bool filling = arch.even_filter_count() <= 1, contains = ur.real_root_count() >= arch.even_filter_count();
      ok = ok && (filling == (a == 1)) && (contains == (a == 1));
      cmp += arch.to_string() + (filling ? " filling" : " not filling") + (contains ? ", u inside; " : ", u outside; ");
    }
    claim("only k = (3,3) is filling (Theorem 4.1); u is not in M_(4,2), M_(3,2,2), M_(2,2,2,2) (Lemma 4.2)", cmp, ok);
  }
  {
    // For k = (4,2) only lambda = (2,1,1) points can be images (Example 5.6, Corollary 5.5).
    std::set<std::string> loci42;
    bool both = false, y2 = false, x2 = false;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (compat[i][0]) {
        loci42.insert(points[i].lambda);
        if (points[i].exact == BinaryForm{2, 0, 5, 0, 0}.to_string()) x2 = true;
        if (points[i].exact == BinaryForm{0, 0, 5, 0, 2}.to_string()) y2 = true;
      }
    both = x2 && y2;
    claim(
        "k = (4,2): no critical parameters map to Delta_(3,1), Delta_(2,2) or Delta_(4); [2,0,5,0,0] and [0,0,5,0,2] "
        "are images",
        "loci of compatible real points: " + join(std::vector<std::string>(loci42.begin(), loci42.end()), ", "),
        loci42 == std::set<std::string>{"(2,1,1)"} && both);
  }

  // Global minima of l on each function space (function_space_minimum.hpp).  The
  // paper reports that gradient descent for k = (4,2) converges to [2,0,5,0,0]
  // or [0,0,5,0,2]; the exact search shows that these are the global minimisers.
  {
    text << "\nGlobal minimum of l on the function space (exact search over the real critical points in M)\n";
    std::vector<BinaryForm> mins42;
    for (std::size_t a = 0; a < archs.size(); ++a) {
      const Architecture arch(archs[a]);
      const FunctionSpaceMinimum m = minimum_on_function_space(arch, u, e);
      std::vector<std::string> names;
      for (const FunctionSpaceCandidate& c : m.minimisers) {
        std::string name;
        if (c.exact) {
          name = c.exact->to_string();
        } else {
          name = "[";
          name += decimals_text(c.coefficients, digits);
          name += "]";
        }
        names.push_back(name + " (rrmp " + (c.rrmp ? c.rrmp->to_string() : std::string("-")) + ")");
        if (a == 0 && c.exact) mins42.push_back(*c.exact);
      }
      const std::string value = value_text(m, digits);
      arch_json[a]["global_minimum"] = minimum_json(m, digits);
      text << "  " << arch.to_string() << ": min = " << value << " at " << join(names, ", ") << "\n";
    }
    const auto c = classify_parameter(
        Architecture({4, 2}), {{Rational(2), Rational(0), Rational(5), Rational(0)}, {Rational(1), Rational(0)}}, u, e,
        ClassifyOptions{true, 5});
    const bool ok = mins42.size() == 2 &&
                    std::find(mins42.begin(), mins42.end(), BinaryForm{2, 0, 5, 0, 0}) != mins42.end() &&
                    std::find(mins42.begin(), mins42.end(), BinaryForm{0, 0, 5, 0, 2}) != mins42.end() &&
                    c.global_minimum == Decision::yes;
    std::string got;
    for (const BinaryForm& p : mins42) {
      got += "[";
      got += p.to_coefficient_string();
      got += "] ";
    }
    claim(
        "k = (4,2): [2,0,5,0,0] and [0,0,5,0,2], where the paper observes gradient descent converging, are the global "
        "minima of l on M_(4,2)",
        "exact minimisers on M_(4,2): " + got + "(l = 4); classify_parameter(([2,0,5,0],[1,0])): global minimum " +
            to_string(c.global_minimum),
        ok);
  }

  // Corollary 5.14: kappa for theta(0) = ([1,6,11,6], [4,1]) converging to mu = [2,0,5,0,0].
  nlohmann::json kappa;
  {
    // delta = ||w1(0)||^2 - ||w2(0)||^2; limit (1/kappa [2,0,5,0], kappa [1,0]):
    // 29/kappa^2 - kappa^2 = delta  =>  kappa^2 = (sqrt(delta^2 + 4 H) - delta) / 2, H = 29 * 1.
    const BinaryForm w1{1, 6, 11, 6}, w2{4, 1};
    const Rational delta = InnerProduct::euclidean(3).norm_squared(w1) - InnerProduct::euclidean(1).norm_squared(w2);
    const Rational H = InnerProduct::euclidean(3).norm_squared(BinaryForm{2, 0, 5, 0}) *
                       InnerProduct::euclidean(1).norm_squared(BinaryForm{1, 0});
    const Rational disc = delta * delta + Rational(4L) * H;
    const long prec = bits_for_digits(digits);
    Ball k2 = mul(sub(sqrt(Ball(disc, prec), prec), Ball(delta, prec), prec), Ball(Rational(1L, 2L), prec), prec);
    Ball k = sqrt(k2, prec);
    const bool ok = delta == Rational(177L) && disc == Rational(31445L) && std::abs(k.mid_double() - 0.4045867) < 5e-8;
    claim(
        "Corollary 5.14 for k = (4,2), theta(0) = ([1,6,11,6],[4,1]) -> [2,0,5,0,0]: kappa = +-sqrt((sqrt(31445) - "
        "177)/2) "
        "~ +-0.4045867",
        "delta = " + delta.to_string() + ", delta^2 + 4H = " + disc.to_string() + ", kappa = " + to_decimal(k, 12),
        ok);
    kappa = {{"delta", delta.to_string()}, {"discriminant", disc.to_string()}, {"kappa", certified_json(k, digits)}};
    text << "\nCorollary 5.14: delta = " << delta << ", kappa^2 = (sqrt(" << disc << ") - " << delta
         << ")/2, kappa = +-" << to_decimal(k, digits) << "\n";
  }
  cert.data = {{"target", form_json(u)},
               {"loci", loci},
               {"total_real_count", total_real},
               {"architectures", arch_json},
               {"kappa", kappa}};
  cert.text = text.str();
  return cert;
}

}  // namespace lcngeom::cli
