# cmake -P script: install lcngeom from LCNGEOM_BINARY_DIR into a scratch
# prefix, then configure, build and run the consumer project against it; with
# PKG_CONFIG set, also compile main.cpp by hand with
# `pkg-config --cflags --libs lcngeom` (PKG_CONFIG_PATH = <prefix>/PC_DIR) and
# run it: the link line of a user without CMake.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  message(STATUS "${out}")
endfunction()
run(${CMAKE_COMMAND} --install ${LCNGEOM_BINARY_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${CONSUMER_SOURCE_DIR} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release -DEXPECT_TYPE=${EXPECT_TYPE})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
run(${WORK_DIR}/build/hygiene)

if(PKG_CONFIG)
  set(pc_env ${CMAKE_COMMAND} -E env --unset=PKG_CONFIG_LIBDIR PKG_CONFIG_PATH=${prefix}/${PC_DIR})
  foreach(query --modversion "--cflags;--libs")
    execute_process(COMMAND ${pc_env} ${PKG_CONFIG} ${query} lcngeom RESULT_VARIABLE rc
                    OUTPUT_VARIABLE pc_out ERROR_VARIABLE err OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "pkg-config ${query} lcngeom failed (${rc}): ${err}")
    endif()
    string(REPLACE ";" " " shown "${query}")
    message(STATUS "pkg-config ${shown} lcngeom: ${pc_out}")
  endforeach()
  if(NOT pc_out MATCHES "-llcngeom")
    message(FATAL_ERROR "pkg-config --libs lcngeom lacks -llcngeom: ${pc_out}")
  endif()
  separate_arguments(pc_flags UNIX_COMMAND "${pc_out}")
  run(${CXX} -std=c++20 ${CONSUMER_SOURCE_DIR}/main.cpp ${pc_flags} -o ${WORK_DIR}/consumer_pkgconfig)
  run(${WORK_DIR}/consumer_pkgconfig)
endif()
