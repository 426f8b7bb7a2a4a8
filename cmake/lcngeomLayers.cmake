# The library is built in layers (docs/architecture.md), each an OBJECT
# library that links only the layers below it:
#
#   arith -> forms -> rrmp -> lcn -> critical -> experiments
#
# A layer sees only its own headers and those of the layers it links: every
# layer gets a staging directory build/layers/<layer>/ holding symbolic links
# to its public headers (include/lcngeom/<name>.hpp, as listed in
# lib/CMakeLists.txt) and to its internal headers (lib/<layer>/detail/*.hpp,
# included as "lcngeom/detail/<name>.hpp").  Its include path is its own
# staging directory plus those of the layers below it, so an upward include
# -- a lib/forms source including a critical-layer header -- is
# "No such file or directory" at compile time, not a review comment.

set(LCNGEOM_LAYERS "" CACHE INTERNAL "")
set(LCNGEOM_LAYERED_HEADERS "" CACHE INTERNAL "")

function(lcngeom_stage_header stage source name)
  get_filename_component(dir ${stage}/lcngeom/${name} DIRECTORY)
  file(MAKE_DIRECTORY ${dir})
  file(CREATE_LINK ${source} ${stage}/lcngeom/${name} SYMBOLIC)
endfunction()

# lcngeom_layer(<name> [DEPENDS <lower layers>] HEADERS <public headers>)
# Sources are lib/<name>/*.cpp; internal headers lib/<name>/detail/*.hpp.
function(lcngeom_layer name)
  cmake_parse_arguments(L "" "" "DEPENDS;HEADERS" ${ARGN})
  set(dir ${PROJECT_SOURCE_DIR}/lib/${name})
  set(stage ${PROJECT_BINARY_DIR}/layers/${name})
  file(REMOVE_RECURSE ${stage})
  file(MAKE_DIRECTORY ${stage}/lcngeom)
  set(public_paths "")
  foreach(h ${L_HEADERS})
    if(NOT EXISTS ${PROJECT_SOURCE_DIR}/include/lcngeom/${h})
      message(FATAL_ERROR "layer ${name}: header include/lcngeom/${h} does not exist")
    endif()
    lcngeom_stage_header(${stage} ${PROJECT_SOURCE_DIR}/include/lcngeom/${h} ${h})
    list(APPEND public_paths ${PROJECT_SOURCE_DIR}/include/lcngeom/${h})
  endforeach()
  file(GLOB internal CONFIGURE_DEPENDS ${dir}/detail/*.hpp)
  foreach(h ${internal})
    get_filename_component(hn ${h} NAME)
    lcngeom_stage_header(${stage} ${h} detail/${hn})
  endforeach()
  file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  if(NOT sources)
    # A layer without sources yet still stages its headers.
    set(sources ${PROJECT_SOURCE_DIR}/cmake/empty_layer.cpp)
  endif()
  add_library(lcngeom_${name} OBJECT ${sources} ${internal} ${public_paths})
  target_include_directories(lcngeom_${name} PUBLIC $<BUILD_INTERFACE:${stage}>)
  target_compile_features(lcngeom_${name} PUBLIC cxx_std_20)
  set(deps "")
  foreach(d ${L_DEPENDS})
    list(APPEND deps lcngeom_${d})
  endforeach()
  target_link_libraries(lcngeom_${name}
    PUBLIC ${deps} lcngeom::deps::arb lcngeom::deps::flint lcngeom::deps::mpfr lcngeom::deps::gmp
    PRIVATE lcngeom_build_flags)
  set_target_properties(lcngeom_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  set(LCNGEOM_LAYERS ${LCNGEOM_LAYERS} ${name} CACHE INTERNAL "")
  set(LCNGEOM_LAYERED_HEADERS ${LCNGEOM_LAYERED_HEADERS} ${L_HEADERS} CACHE INTERNAL "")
endfunction()

# Every public header belongs to exactly one layer.
function(lcngeom_check_layered_headers)
  file(GLOB_RECURSE all RELATIVE ${PROJECT_SOURCE_DIR}/include/lcngeom CONFIGURE_DEPENDS
       ${PROJECT_SOURCE_DIR}/include/lcngeom/*.hpp)
  foreach(h ${all})
    list(FIND LCNGEOM_LAYERED_HEADERS ${h} at)
    if(at EQUAL -1)
      message(FATAL_ERROR "include/lcngeom/${h} belongs to no layer: list it in lib/CMakeLists.txt")
    endif()
  endforeach()
  set(seen "")
  foreach(h ${LCNGEOM_LAYERED_HEADERS})
    list(FIND seen ${h} at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "include/lcngeom/${h} is listed in two layers")
    endif()
    list(APPEND seen ${h})
  endforeach()
endfunction()
