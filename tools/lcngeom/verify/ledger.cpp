#include "verify/ledger.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include "command.hpp"
#include "lcngeom/error.hpp"

namespace lcngeom::cli {

namespace {
std::vector<LedgerSection>& sections() {
  static std::vector<LedgerSection> s;
  return s;
}
}  // namespace

bool register_ledger_section(LedgerSection section) {
  sections().push_back(std::move(section));
  return true;
}

const std::vector<LedgerSection>& ledger_sections() {
  std::stable_sort(sections().begin(), sections().end(),
                   [](const LedgerSection& a, const LedgerSection& b) { return a.order < b.order; });
  return sections();
}

void Ledger::begin_section(const std::string& title) {
  section_ = title;
  if (print_) std::cout << "\n== " << title << " ==\n";
}

void Ledger::record(const std::string& claim, const std::string& compared, bool ok) {
  (ok ? passed_ : failed_)++;
  entries_.push_back({{"section", section_}, {"claim", claim}, {"compared", compared}, {"ok", ok}});
  if (print_) std::cout << (ok ? "\u2713 " : "\u2717 ") << claim << "  [" << compared << "]\n" << std::flush;
}

void Ledger::record_unchecked(const std::string& claim, const std::string& why) {
  ++unchecked_;
  entries_.push_back(
      {{"section", section_}, {"claim", claim}, {"compared", why}, {"ok", nullptr}, {"status", "unchecked"}});
  if (print_) std::cout << "? " << claim << "  [NOT CHECKED: " << why << "]\n" << std::flush;
}

void Ledger::check(const std::string& claim, const std::function<std::pair<bool, std::string>()>& fn) {
  try {
    auto [ok, compared] = fn();
    record(claim, compared, ok);
  } catch (const std::exception& e) {
    record(claim, std::string("exception: ") + e.what(), false);
  }
}

namespace {

struct VerifyOptions {
  bool json = false;
  std::string only;
};

const bool registered = register_command(
    {100, "verify-paper", "check the paper's claims one by one and print a ledger (exit 1 if any fails)",
     [](CLI::App& app) -> std::function<int()> {
       auto o = std::make_shared<VerifyOptions>();
       app.add_flag("--json", o->json, "print one JSON object on stdout");
       app.add_option("--only", o->only, "run only the sections whose title contains this text");
       return [o] {
         Ledger ledger(!o->json);
         int ran = 0;
         for (const LedgerSection& s : ledger_sections()) {
           if (!o->only.empty() && s.title.find(o->only) == std::string::npos) continue;
           ++ran;
           ledger.begin_section(s.title);
           s.run(ledger);
         }
         if (ran == 0) throw lcngeom::invalid_argument("no ledger section matches '" + o->only + "'");
         if (o->json) {
           print_json({{"passed", ledger.passed()},
                       {"failed", ledger.failed()},
                       {"unchecked", ledger.unchecked()},
                       {"claims", ledger.entries()}});
         } else {
           std::cout << "\nverify-paper: " << ledger.passed() << " of " << ledger.passed() + ledger.failed()
                     << " claims hold" << (ledger.failed() ? ", " + std::to_string(ledger.failed()) + " FAIL" : "")
                     << (ledger.unchecked() ? ", " + std::to_string(ledger.unchecked()) + " not checked" : "") << '\n';
         }
         return ledger.failed() == 0 ? 0 : 1;
       };
     }});

}  // namespace

}  // namespace lcngeom::cli
