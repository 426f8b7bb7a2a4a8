// verify-paper, Section 7.3: the exact certificate (see `lcngeom verify-7.3`).
#include "section7_3.hpp"
#include "verify/ledger.hpp"

namespace lcngeom::cli {

namespace {

const bool registered = register_ledger_section({7.3, "Section 7.3: symbolic computations", [](Ledger& L) {
                                                   Certificate7_3 c = certify_section_7_3(12);
                                                   for (const Claim7_3& cl : c.claims)
                                                     L.record(cl.claim, cl.compared, cl.ok);
                                                 }});

}  // namespace

}  // namespace lcngeom::cli
