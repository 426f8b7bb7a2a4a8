// lcngeom verify-paper: the paper's claims checked one by one (the ledger of
// verify/section*.cpp); exit 1 if any fails.
#include <iostream>
#include <memory>

#include "command.hpp"
#include "lcngeom/error.hpp"
#include "options.hpp"
#include "verify/ledger.hpp"

namespace lcngeom::cli {

namespace {

struct VerifyOptions {
  bool json = false, quiet = false;
  std::string only;
};

const bool registered = register_command(
    {100, "verify-paper", "check the paper's claims one by one and print a ledger (exit 1 if any fails)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<VerifyOptions>();
       app.add_option("--only", o->only, "run only the sections whose title contains this text");
       add_quiet_flag(app, o->quiet, "print only failed claims and the summary");
       add_json_flag(app, o->json);
       return [o] {
         Ledger ledger(!o->json, o->quiet);
         int ran = 0;
         for (const LedgerSection& s : ledger_sections()) {
           if (!o->only.empty() && s.title.find(o->only) == std::string::npos) continue;
           ++ran;
           ledger.begin_section(s.title);
           s.run(ledger);
         }
         if (ran == 0) throw lcngeom::invalid_argument("no ledger section matches '" + o->only + "'");
         if (o->json) {
           print_json({{"passed", ledger.passed()}, {"failed", ledger.failed()}, {"claims", ledger.entries()}});
         } else {
           std::cout << (o->quiet ? "" : "\n") << "verify-paper: " << ledger.passed() << " of "
                     << ledger.passed() + ledger.failed() << " claims hold"
                     << (ledger.failed() ? ", " + std::to_string(ledger.failed()) + " FAIL" : "") << '\n';
         }
         return ledger.failed() == 0 ? 0 : 1;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
