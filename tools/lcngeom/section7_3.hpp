// The exact certificate of Section 7.3 (shared by `lcngeom verify-7.3` and
// the verify-paper ledger): critical points of ||w - u||^2 on Delta_lambda for
// u = (2,0,5,0,2), lambda in {(2,1,1), (3,1), (2,2), (4)}, and which of them
// are images of critical parameters of each quartic architecture.
#ifndef LCNGEOM_TOOLS_SECTION7_3_HPP
#define LCNGEOM_TOOLS_SECTION7_3_HPP

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lcngeom::cli {

struct Claim7_3 {
  std::string claim;     ///< what the paper states
  std::string compared;  ///< what was computed and compared
  bool ok;
};

struct Certificate7_3 {
  std::vector<Claim7_3> claims;
  nlohmann::json data;  ///< structured results (loci, points, architectures)
  std::string text;     ///< the readable certificate (without the claim lines)
  bool ok() const {
    for (const auto& c : claims)
      if (!c.ok) return false;
    return true;
  }
};

/// Computes everything from scratch (nothing is taken from the paper except
/// the reference values the claims are compared with).
Certificate7_3 certify_section_7_3(int digits);

}  // namespace lcngeom::cli

#endif
