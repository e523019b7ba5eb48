# Every fuzz target run over its seed corpus (tests/fuzz/corpus/<target>/) as an ordinary CTest
# test, with the project's normal compiler and without libFuzzer, so that `make check` exercises
# the fuzz targets' invariants on every build. The real fuzzers are built by tests/fuzz/
# CMakeLists.txt (HEARTH_FUZZ=ON, clang) and run by tests/fuzz/run.sh.
#
# Included from tests/CMakeLists.txt: include(${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regress.cmake)

set(hearth_fuzz_dir ${CMAKE_CURRENT_LIST_DIR})

function(hearth_fuzz_regress target)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  add_executable(${target}_regress ${hearth_fuzz_dir}/${target}.cpp ${hearth_fuzz_dir}/regress_main.cpp)
  target_include_directories(${target}_regress PRIVATE ${hearth_fuzz_dir})
  target_link_libraries(${target}_regress PRIVATE ${ARG_LIBS} hearth_warnings)
  add_test(NAME ${target}_corpus COMMAND ${target}_regress ${hearth_fuzz_dir}/corpus/${target})
  set_tests_properties(${target}_corpus PROPERTIES LABELS fuzz)
endfunction()

hearth_fuzz_regress(values_fuzz LIBS hearth_domain)
hearth_fuzz_regress(query_fuzz LIBS hearth_web)
hearth_fuzz_regress(form_fuzz LIBS hearth_web)
hearth_fuzz_regress(csv_fuzz LIBS hearth_returns)
hearth_fuzz_regress(cin_xml_fuzz LIBS hearth_returns)
hearth_fuzz_regress(record_fuzz LIBS hearth_store)
hearth_fuzz_regress(reference_fuzz LIBS hearth_returns)
