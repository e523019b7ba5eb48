# Writes ${OUTPUT}: a C++ file holding the synth reference CSV files as text.
set(body "// Generated from src/hearth/synth/data by embed_data.cmake. Do not edit.\n#include <string_view>\nnamespace hearth::synth::embedded {\n")
foreach(name local_authorities given_names family_names nicknames postcode_districts)
  file(READ ${SOURCE_DIR}/${name}.csv text)
  string(APPEND body "extern const std::string_view k_${name} = R\"hearthcsv(${text})hearthcsv\";\n")
endforeach()
string(APPEND body "}  // namespace hearth::synth::embedded\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
