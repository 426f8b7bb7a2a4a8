// lcngeom factor: factorization of a binary form into Q-irreducible forms and
// its square-free decomposition (Section 3).
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct FactorOptions {
  std::string form, form_option;
  bool json = false;
};

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

const bool registered = register_command(
    {320, "factor", "factorization into Q-irreducible forms and square-free decomposition",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<FactorOptions>();
       add_form_positional(app, o->form, o->form_option, "binary form");
       add_json_flag(app, o->json);
       return [o] {
         const BinaryForm p = parse_form(form_text(o->form, o->form_option, true));
         const FormFactorization f = factor(p);
         const FormFactorization s = squarefree_decomposition(p);
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

}  // namespace

}  // namespace lcngeom::cli
