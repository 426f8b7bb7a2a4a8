# cmake -P script: link the shared-library probe of a static build (see
# tests/CMakeLists.txt) and run the consumer programs against it.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} --target lcngeom_shared_probes
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "linking the shared probe failed (${rc}):\n${out}\n${err}")
endif()
string(REPLACE "," ";" programs "${PROGRAMS}")
foreach(program ${programs})
  execute_process(COMMAND ${program} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${program} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${program}: ${out}")
endforeach()
