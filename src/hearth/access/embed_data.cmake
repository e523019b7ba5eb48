# Writes ${OUTPUT}: a C++ file holding data/common_passwords.txt as text.
file(READ ${SOURCE_DIR}/common_passwords.txt text)
set(body "// Generated from src/hearth/access/data by embed_data.cmake. Do not edit.\n#include <string_view>\nnamespace hearth::access::embedded {\nextern const std::string_view k_common_passwords;\nconst std::string_view k_common_passwords = R\"hearthlist(${text})hearthlist\";\n}  // namespace hearth::access::embedded\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
