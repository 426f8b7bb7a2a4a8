// lcngeom recover-scale: Corollary 5.14 / Section 7.3 -- the parameters in the
// fiber of a limit point that share the gradient-flow invariants of an
// initialization, with the scale factors as algebraic numbers.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"
#include "section5_args.hpp"

namespace lcngeom::cli {

namespace {

struct RecoverOptions {
  std::string filters, strides, weights, limit;
  int digits = kDefaultDigits;
  bool json = false;
};

const bool registered = register_command(
    {514, "recover-scale",
     "Corollary 5.14: the points of the fiber over a limit point with the invariants delta_i of an initialization; "
     "scale factors kappa as algebraic numbers (minimal polynomial + certified decimals)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<RecoverOptions>();
       add_filters_option(app, o->filters, true, "filter sizes k_1,...,k_L (stride one), e.g. 4,2");
       add_strides_option(app, o->strides);
       add_weights_option(app, o->weights, "the initialization theta(0) = (w_1, ..., w_L)", {"--init"});
       app.add_option("--limit", o->limit, std::string("limit end-to-end filter (k coefficients): ") + kFormSyntax)
           ->required();
       add_digits_option(app, o->digits);
       add_json_flag(app, o->json);
       return [o] {
         const Architecture arch = parse_filters_arg(o->filters, o->strides);
         const Filters init = parse_weights_arg(o->weights);
         const BinaryForm limit = parse_form(o->limit, arch.end_to_end_filter_size() - 1);
         const ScaleRecovery rec = recover_scales(arch, init, limit, bits_for_digits(o->digits));
         const int d = o->digits;
         nlohmann::json delta = nlohmann::json::array();
         for (const Rational& x : rec.delta) delta.push_back(x.to_string());
         if (o->json) {
           nlohmann::json top_kappa = nlohmann::json::array(), top_poly = nlohmann::json::array();
           nlohmann::json classes = nlohmann::json::array();
           for (const ClassScales& c : rec.classes) {
             nlohmann::json beta = nlohmann::json::array(), beta_poly = nlohmann::json::array();
             for (const RealRoot& b : c.beta) {
               beta.push_back(certified_real_json(b, d));
               beta_poly.push_back(b.defining_polynomial().to_string("b"));
             }
             nlohmann::json positive = nlohmann::json::array();
             for (const RealRoot& r : c.positive_roots) positive.push_back(certified_real_json(r, d));
             nlohmann::json norms = nlohmann::json::array(), points = nlohmann::json::array();
             for (const Rational& n : c.norms_squared) norms.push_back(n.to_string());
             for (const ScaledPoint& p : c.points) {
               nlohmann::json kappa = nlohmann::json::array(), polys = nlohmann::json::array(),
                              weights = nlohmann::json::array();
               for (std::size_t l = 0; l < p.kappa.size(); ++l) {
                 kappa.push_back(certified_real_json(p.kappa[l], d));
                 polys.push_back(p.kappa[l].defining_polynomial().to_string("t"));
                 nlohmann::json f = nlohmann::json::array();
                 for (const Rational& q : c.representative[l]) f.push_back(certified_real_json(p.kappa[l], q, d));
                 weights.push_back(f);
               }
               top_kappa.push_back(kappa.back());
               top_poly.push_back(polys.back());
               points.push_back(
                   {{"signs", p.signs}, {"kappa", kappa}, {"minimal_polynomial", polys}, {"weights", weights}});
             }
             classes.push_back({{"notation", c.notation},
                                {"representative", weights_json(c.representative)},
                                {"norms_squared", norms},
                                {"H", c.H.to_string()},
                                {"beta_polynomial", c.beta_polynomial.to_string("b")},
                                {"beta_positive_roots", positive},
                                {"beta", beta},
                                {"beta_minimal_polynomial", beta_poly},
                                {"points", points}});
           }
           nlohmann::json enclosed = nlohmann::json::array();
           for (const ClassScalesEnclosure& e : rec.enclosed) {
             nlohmann::json beta = nlohmann::json::array(), kappa = nlohmann::json::array();
             for (const Ball& b : e.beta) beta.push_back(certified_real_json(b, d));
             for (const Ball& b : e.abs_kappa) kappa.push_back(certified_real_json(b, d));
             enclosed.push_back({{"notation", e.notation}, {"beta", beta}, {"abs_kappa", kappa}});
           }
           print_json({{"architecture", arch.to_string()},
                       {"filter_sizes", arch.filters()},
                       {"weights", weights_json(init)},
                       {"limit", form_json(limit)},
                       {"delta", delta},
                       {"digits", d},
                       {"kappa", top_kappa},
                       {"minimal_polynomial", top_poly},
                       {"kappa_convention",
                        "w_l = kappa_l q_l with prod kappa_l = 1; top-level kappa is kappa_L, "
                        "the scale of the last filter (the paper's kappa for L = 2)"},
                       {"classes", classes},
                       {"enclosed_classes", enclosed}});
         } else {
           std::cout << "invariants delta_i = ||w_{i+1}||^2 - ||w_i||^2 of the initialization: (";
           for (std::size_t i = 0; i < rec.delta.size(); ++i) std::cout << (i ? ", " : "") << rec.delta[i];
           std::cout << ")\n";
           for (const ClassScales& c : rec.classes) {
             std::cout << "class " << c.notation << ": q = " << filters_text(c.representative) << ", H = " << c.H
                       << "\n  eq. (5.5): " << c.beta_polynomial.to_string("b")
                       << " = 0, admissible root beta_1 = " << decimal_text(c.beta[0], d) << "\n";
             for (const ScaledPoint& p : c.points) {
               std::cout << "  point:";
               for (std::size_t l = 0; l < p.kappa.size(); ++l)
                 std::cout << "  kappa_" << l + 1 << " = " << decimal_text(p.kappa[l], d) << " (root of "
                           << p.kappa[l].defining_polynomial().to_string("t") << ")";
               std::cout << '\n';
             }
           }
           for (const ClassScalesEnclosure& e : rec.enclosed) {
             std::cout << "class " << e.notation << " (irrational factors): |kappa| =";
             for (const Ball& b : e.abs_kappa) std::cout << ' ' << b.to_string(d);
             std::cout << "  (signs with product +1)\n";
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
