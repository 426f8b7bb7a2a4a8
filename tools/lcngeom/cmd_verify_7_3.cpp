// lcngeom verify-7.3: the exact certificate of Section 7.3; exit 1 if a claim fails.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "lcngeom/error.hpp"
#include "options.hpp"
#include "section7_3.hpp"

namespace lcngeom::cli {

namespace {

struct Verify73Options {
  int digits = kDefaultDigits;
  bool json = false, quiet = false;
};

const bool registered = register_command(
    {730, "verify-7.3",
     "exact certificate of Section 7.3 (critical points for u = [2,0,5,0,2]); exit 1 if a claim fails",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<Verify73Options>();
       add_digits_option(app, o->digits);
       add_quiet_flag(app, o->quiet, "print only the claims (no certificate text)");
       add_json_flag(app, o->json);
       return [o] {
         Certificate7_3 c = certify_section_7_3(o->digits);
         if (o->json) {
           nlohmann::json claims = nlohmann::json::array();
           for (const auto& cl : c.claims)
             claims.push_back({{"claim", cl.claim}, {"compared", cl.compared}, {"ok", cl.ok}});
           nlohmann::json j = c.data;
           j["claims"] = claims;
           j["ok"] = c.ok();
           print_json(j);
         } else {
           if (!o->quiet) std::cout << c.text << '\n';
           std::cout << "Claims of Section 7.3:\n";
           int passed = 0;
           for (const auto& cl : c.claims) {
             std::cout << (cl.ok ? "\u2713 " : "\u2717 ") << cl.claim << "  [" << cl.compared << "]\n";
             passed += cl.ok;
           }
           std::cout << "verify-7.3: " << passed << " of " << c.claims.size() << " claims hold\n";
         }
         return c.ok() ? 0 : 1;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
