#include "lcngeom/version.hpp"

#include <arb.h>
#include <flint/flint.h>

namespace lcngeom {

#define LCNGEOM_STR2(x) #x
#define LCNGEOM_STR(x) LCNGEOM_STR2(x)

const char* version() noexcept {
  return LCNGEOM_STR(LCNGEOM_VERSION_MAJOR) "." LCNGEOM_STR(LCNGEOM_VERSION_MINOR) "." LCNGEOM_STR(
      LCNGEOM_VERSION_PATCH);
}

const char* flint_version() noexcept { return FLINT_VERSION; }
const char* arb_version() noexcept { return ::arb_version; }

void free_caches() noexcept { flint_cleanup_master(); }

void free_thread_caches() noexcept { flint_cleanup(); }

}  // namespace lcngeom
