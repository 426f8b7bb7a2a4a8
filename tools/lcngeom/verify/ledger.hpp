// The verify-paper ledger: one line per claim of the paper that was checked,
// what was compared, and whether it held.  Each section of the paper
// registers its checks from its own file (verify/section*.cpp).
#ifndef LCNGEOM_TOOLS_LEDGER_HPP
#define LCNGEOM_TOOLS_LEDGER_HPP

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace lcngeom::cli {

class Ledger {
 public:
  /// `print` writes each line to stdout as it is checked (off for --json);
  /// `failures_only` prints only the failed claims (--quiet).
  explicit Ledger(bool print, bool failures_only = false) : print_(print), failures_only_(failures_only) {}

  void begin_section(const std::string& title);
  /// Records `claim` (what the paper states) with `compared` (what was
  /// computed and against what) and the verdict.
  void record(const std::string& claim, const std::string& compared, bool ok);
  /// Runs a check returning (ok, compared); an exception is a failed claim.
  void check(const std::string& claim, const std::function<std::pair<bool, std::string>()>& fn);

  int passed() const noexcept { return passed_; }
  int failed() const noexcept { return failed_; }
  const nlohmann::json& entries() const noexcept { return entries_; }

 private:
  bool print_, failures_only_;
  std::string section_;
  int passed_ = 0, failed_ = 0;
  nlohmann::json entries_ = nlohmann::json::array();
};

struct LedgerSection {
  double order;  ///< paper position, e.g. 3.0 for Section 3, 7.3 for Section 7.3
  std::string title;
  std::function<void(Ledger&)> run;
};

bool register_ledger_section(LedgerSection section);
const std::vector<LedgerSection>& ledger_sections();

}  // namespace lcngeom::cli

#endif
