#include "verify/ledger.hpp"

#include <algorithm>
#include <iostream>

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
  if (print_ && !failures_only_) std::cout << "\n== " << title << " ==\n";
}

void Ledger::record(const std::string& claim, const std::string& compared, bool ok) {
  (ok ? passed_ : failed_)++;
  entries_.push_back({{"section", section_}, {"claim", claim}, {"compared", compared}, {"ok", ok}});
  if (print_ && (!failures_only_ || !ok))
    std::cout << (ok ? "\u2713 " : "\u2717 ") << (failures_only_ ? section_ + ": " : std::string()) << claim << "  ["
              << compared << "]\n"
              << std::flush;
}

void Ledger::check(const std::string& claim, const std::function<std::pair<bool, std::string>()>& fn) {
  try {
    auto [ok, compared] = fn();
    record(claim, compared, ok);
  } catch (const std::exception& e) {
    record(claim, std::string("exception: ") + e.what(), false);
  }
}

}  // namespace lcngeom::cli
