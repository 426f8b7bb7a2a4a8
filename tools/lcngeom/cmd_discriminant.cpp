// lcngeom discriminant: the exact discriminant of a binary form (Section 3).
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct DiscriminantOptions {
  std::string form, form_option;
  bool json = false;
};

const bool registered = register_command(
    {310, "discriminant", "exact discriminant of a binary form (formal degree; roots at (1:0) included)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<DiscriminantOptions>();
       add_form_positional(app, o->form, o->form_option, "binary form");
       add_json_flag(app, o->json);
       return [o] {
         const BinaryForm p = parse_form(form_text(o->form, o->form_option, true));
         const Rational d = discriminant(p);
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

}  // namespace

}  // namespace lcngeom::cli
