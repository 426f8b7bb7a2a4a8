// Catch2 main for the lcngeom test suite.  Random tests draw from a seed
// printed once and overridable with LCNGEOM_TEST_SEED, so a failure can be
// replayed exactly.  FLINT's caches are released at exit for LeakSanitizer.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "lcngeom/version.hpp"

int main(int argc, char* argv[]) {
  int result = Catch::Session().run(argc, argv);
  lcngeom::free_caches();
  return result;
}
