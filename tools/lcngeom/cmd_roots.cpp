// lcngeom roots: the real roots of a binary form in P^1, certified (isolating
// intervals with rational endpoints), with multiplicities.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "json_forms.hpp"
#include "options.hpp"

namespace lcngeom::cli {

namespace {

struct RootsOptions {
  std::string form, form_option;
  int digits = kDefaultDigits;
  bool json = false;
};

const bool registered = register_command(
    {330, "roots", "certified real roots in P^1: isolating intervals with rational endpoints",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<RootsOptions>();
       add_form_positional(app, o->form, o->form_option, "binary form");
       add_digits_option(app, o->digits);
       add_json_flag(app, o->json);
       return [o] {
         const BinaryForm p = parse_form(form_text(o->form, o->form_option, true));
         const std::vector<RealRoot> roots = real_roots(p);
         if (o->json) {
           nlohmann::json a = nlohmann::json::array();
           int count = 0;
           for (const RealRoot& r : roots) {
             count += r.multiplicity();
             a.push_back({{"t", r.at_infinity() ? nlohmann::json(nullptr) : certified_real_json(r, o->digits)},
                          {"point", r.at_infinity() ? "(1:0)" : "(t:1)"},
                          {"at_infinity", r.at_infinity()},
                          {"exact", r.is_exact()},
                          {"multiplicity", r.multiplicity()}});
           }
           nlohmann::json j = form_json(p);
           j["real_roots"] = a;
           j["real_root_count"] = count;
           j["distinct_real_root_count"] = roots.size();
           j["digits"] = o->digits;
           j["certified"] =
               "each [lo, hi] contains exactly one root of the square-free part, and every point of it rounds to "
               "the decimal (digits correct significant digits)";
           print_json(j);
         } else {
           if (roots.empty()) std::cout << "no real roots\n";
           for (const RealRoot& r : roots) {
             if (r.at_infinity()) {
               std::cout << "(1:0)";
             } else if (r.is_exact()) {
               std::cout << "t = " << r.lo() << " (exact)";
             } else {
               const AlgebraicReal a(r);
               const std::string d = a.to_decimal(o->digits);  // refines [lo, hi] until it certifies d
               std::cout << "t = " << d << "  in [" << a.lo() << ", " << a.hi() << "]";
             }
             std::cout << "  multiplicity " << r.multiplicity() << '\n';
           }
         }
         return 0;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
