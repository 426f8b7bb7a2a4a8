// lcngeom/version.hpp -- the library's version and process-wide housekeeping.
//
// The version macros are the single source of truth: CMakeLists.txt reads them
// for project(VERSION) and the installed package version file.
#ifndef LCNGEOM_VERSION_HPP
#define LCNGEOM_VERSION_HPP

#define LCNGEOM_VERSION_MAJOR 0  ///< major version
#define LCNGEOM_VERSION_MINOR 2  ///< minor version (find_package accepts the same major.minor)
#define LCNGEOM_VERSION_PATCH 0  ///< patch version

namespace lcngeom {

/// "MAJOR.MINOR.PATCH" of the library actually linked (which may differ from
/// the LCNGEOM_VERSION_* macros of the headers a program was compiled with).
const char* version() noexcept;

/// The versions of FLINT and Arb the library was built against ("2.9.0").
const char* flint_version() noexcept;
/// The version of Arb the library was built against ("2.23.0").
const char* arb_version() noexcept;

/// Frees FLINT's per-thread caches (call before exit so that leak checkers
/// report only real leaks).  Objects of lcngeom types stay valid.
void free_caches() noexcept;

/// Frees the FLINT/Arb caches of the calling thread only: a worker thread that
/// used lcngeom calls this before it ends (free_caches() is for the main
/// thread at exit).
void free_thread_caches() noexcept;

}  // namespace lcngeom

#endif
