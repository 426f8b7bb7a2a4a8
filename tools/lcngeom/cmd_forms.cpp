// Subcommands on single binary forms (Section 3): discriminant, factor, roots, loci.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"

namespace lcngeom::cli {

namespace {

const char* kFormHelp =
    "binary form: coefficient list a_0,...,a_n of a_0 x^n + ... + a_n y^n (rationals allowed, e.g. 2,0,1/5) "
    "or an expression in x and y, e.g. \"(x-y)^2*(x^2+7xy+y^2)/5\"";

struct FormOptions {
  std::string form;
  bool json = false;
};

std::shared_ptr<FormOptions> add_form_options(CLI::App& app) {
  auto o = std::make_shared<FormOptions>();
  app.add_option("form", o->form, kFormHelp)->required();
  app.add_flag("--json", o->json, "print one JSON object on stdout");
  return o;
}

const bool discriminant_registered = register_command(
    {310, "discriminant", "exact discriminant of a binary form (formal degree; roots at (1:0) included)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = add_form_options(app);
       return [o] {
         BinaryForm p = parse_form(o->form);
         Rational d = discriminant(p);
         if (o->json) {
           nlohmann::json j = form_json(p);
           j["discriminant"] = d.to_string();
           j["sign"] = d.sign();
           print_json(j);
         } else {
           std::cout << d << '\n';
         }
         return 0;
       };
     }});

nlohmann::json factors_json(const FormFactorization& f) {
  nlohmann::json a = nlohmann::json::array();
  for (const FormFactor& ff : f.factors) {
    nlohmann::json j = form_json(ff.form);
    j["multiplicity"] = ff.multiplicity;
    a.push_back(j);
  }
  return a;
}

std::string factors_text(const FormFactorization& f) {
  std::string s = f.unit.to_string();
  for (const FormFactor& ff : f.factors) {
    s += " * (" + ff.form.to_string() + ")";
    if (ff.multiplicity > 1) s += "^" + std::to_string(ff.multiplicity);
  }
  return s;
}

const bool factor_registered = register_command(
    {320, "factor", "factorization into Q-irreducible forms and square-free decomposition",
     [](CLI::App& app) -> std::function<int()> {
       auto o = add_form_options(app);
       return [o] {
         BinaryForm p = parse_form(o->form);
         FormFactorization f = factor(p);
         FormFactorization s = squarefree_decomposition(p);
         if (o->json) {
           nlohmann::json j = form_json(p);
           j["unit"] = f.unit.to_string();
           j["factors"] = factors_json(f);
           j["squarefree_decomposition"] = {{"unit", s.unit.to_string()}, {"factors", factors_json(s)}};
           print_json(j);
         } else {
           std::cout << factors_text(f) << '\n';
         }
         return 0;
       };
     }});

const bool roots_registered = register_command(
    {330, "roots", "certified real roots in P^1: isolating intervals with rational endpoints",
     [](CLI::App& app) -> std::function<int()> {
       auto o = add_form_options(app);
       auto digits = std::make_shared<int>(default_digits);
       add_digits_option(app, *digits);
       return [o, digits] {
         BinaryForm p = parse_form(o->form);
         std::vector<RealRoot> roots = real_roots(p);
         if (o->json) {
           nlohmann::json a = nlohmann::json::array();
           for (const RealRoot& r : roots) {
             nlohmann::json j;
             j["at_infinity"] = r.at_infinity();
             if (r.at_infinity()) {
               j["lo"] = j["hi"] = nullptr;
               j["decimal"] = "inf";
             } else {  // a certified real: the interval is refined until it decides the decimal
               const nlohmann::json c = certified_json(AlgebraicReal(r), *digits);
               for (const char* key : {"lo", "hi", "decimal"}) j[key] = c[key];
             }
             j["exact"] = r.is_exact();
             j["multiplicity"] = r.multiplicity();
             j["point"] = r.at_infinity() ? "(1:0)" : "(t:1)";
             a.push_back(j);
           }
           nlohmann::json j = form_json(p);
           j["real_roots"] = a;
           j["distinct_real_roots"] = roots.size();
           j["digits"] = *digits;
           j["certified"] =
               "each interval contains exactly one root of the square-free part and every point of it rounds to "
               "decimal (digits correct significant digits)";
           print_json(j);
         } else {
           if (roots.empty()) std::cout << "no real roots\n";
           for (const RealRoot& r : roots) {
             if (r.at_infinity()) std::cout << "(1:0)";
             else if (r.is_exact()) std::cout << "t = " << r.lo() << " (exact)";
             else {
               const AlgebraicReal a(r);
               const std::string d = a.to_decimal(*digits);  // refines [lo, hi] until it certifies d
               std::cout << "t = " << d << "  in [" << a.lo() << ", " << a.hi() << "]";
             }
             std::cout << "  multiplicity " << r.multiplicity() << '\n';
           }
         }
         return 0;
       };
     }});

struct LociOptions {
  int degree = -1;
  std::string form;
  bool json = false;
};

const bool loci_registered = register_command(
    {340, "loci",
     "all rrmps and partitions of a degree; with --form, membership in and smoothness of each Delta_lambda",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<LociOptions>();
       app.add_option("degree", o->degree, "degree n of the forms (0..40)")->required()->check(CLI::Range(0, 40));
       app.add_option("--form", o->form, kFormHelp);
       app.add_flag("--json", o->json, "print one JSON object on stdout");
       return [o] {
         std::vector<Rrmp> rrmps = all_rrmps(o->degree);
         std::vector<Partition> parts = partitions(o->degree);
         std::optional<BinaryForm> p;
         if (!o->form.empty()) {
           p = parse_form(o->form, o->degree);
           if (p->degree() != o->degree)
             throw invalid_argument("the form " + p->to_string() + " has degree " + std::to_string(p->degree()) +
                                    ", not " + std::to_string(o->degree));
         }
         if (o->json) {
           nlohmann::json jr = nlohmann::json::array(), jp = nlohmann::json::array();
           for (const Rrmp& r : rrmps) jr.push_back(rrmp_json(r));
           for (const Partition& l : parts) {
             nlohmann::json j = {{"partition", l.to_string()}, {"parts", l.parts()}};
             if (p) {
               j["contains_form"] = in_locus(*p, l);
               j["smooth_point"] = is_smooth_point(*p, l);
             }
             jp.push_back(j);
           }
           nlohmann::json j = {{"degree", o->degree}, {"rrmps", jr}, {"partitions", jp}};
           if (p && !p->is_zero()) {
             j["form"] = form_json(*p);
             j["form"]["rrmp"] = rrmp(*p).to_string();
             nlohmann::json basis = nlohmann::json::array();
             for (const BinaryForm& b : tangent_space(*p)) basis.push_back(b.to_coefficient_string());
             j["form"]["tangent_space_basis"] = basis;
           }
           print_json(j);
         } else {
           std::cout << "rrmps of degree " << o->degree << " (" << rrmps.size() << "):";
           for (const Rrmp& r : rrmps) std::cout << ' ' << r;
           std::cout << "\npartitions of " << o->degree << " (" << parts.size() << "):";
           for (const Partition& l : parts) std::cout << ' ' << l;
           std::cout << '\n';
           if (p) {
             for (const Partition& l : parts)
               std::cout << "Delta" << l << ": " << (in_locus(*p, l) ? "contains" : "does not contain") << " the form"
                         << (in_locus(*p, l) ? (is_smooth_point(*p, l) ? " (smooth point)" : " (singular point)") : "")
                         << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
