# Locate the C libraries lcngeom is built on and expose them as imported
# targets.  Debian 12 ships FLINT 2.9 and Arb without CMake package files, so
# both the build tree and the installed lcngeomConfig.cmake use this module.
include_guard(GLOBAL)

function(_lcngeom_import_library target name header)
  if(TARGET ${target})
    return()
  endif()
  find_library(LCNGEOM_${name}_LIBRARY NAMES ${ARGN})
  find_path(LCNGEOM_${name}_INCLUDE_DIR NAMES ${header})
  if(NOT LCNGEOM_${name}_LIBRARY OR NOT LCNGEOM_${name}_INCLUDE_DIR)
    set(lcngeom_DEPENDENCIES_FOUND FALSE PARENT_SCOPE)
    message(WARNING "lcngeom: ${name} not found (library '${ARGN}', header '${header}')")
    return()
  endif()
  add_library(${target} UNKNOWN IMPORTED)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${LCNGEOM_${name}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LCNGEOM_${name}_INCLUDE_DIR}")
endfunction()

set(lcngeom_DEPENDENCIES_FOUND TRUE)
_lcngeom_import_library(lcngeom::deps::gmp  GMP  gmp.h gmp)
_lcngeom_import_library(lcngeom::deps::mpfr MPFR mpfr.h mpfr)
_lcngeom_import_library(lcngeom::deps::flint FLINT flint/flint.h flint)
_lcngeom_import_library(lcngeom::deps::arb  ARB  arb.h flint-arb arb)
if(TARGET lcngeom::deps::arb AND TARGET lcngeom::deps::flint)
  set_property(TARGET lcngeom::deps::arb APPEND PROPERTY INTERFACE_LINK_LIBRARIES lcngeom::deps::flint)
  set_property(TARGET lcngeom::deps::flint APPEND PROPERTY INTERFACE_LINK_LIBRARIES
    lcngeom::deps::mpfr lcngeom::deps::gmp)
endif()
