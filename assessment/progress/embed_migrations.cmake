# Turns progress/migrations/NNNN_*.sql into a C++ header so that an installed
# `sofs` or `sofs-sim` carries its schema and needs no source tree.
# Run as: cmake -DOUT=<header> -DDIR=<migrations folder> -P embed_migrations.cmake
file(GLOB files "${DIR}/*.sql")
list(SORT files)
set(body "// Generated from assessment/progress/migrations/*.sql by embed_migrations.cmake: do not edit.\n#pragma once\n#include <array>\n#include <string_view>\nnamespace sofs::progress::generated {\nstruct Migration { int version; std::string_view name; std::string_view sql; };\ninline constexpr Migration kMigrations[] = {\n")
foreach(f ${files})
  get_filename_component(name "${f}" NAME)
  string(REGEX MATCH "^[0-9]+" num "${name}")
  math(EXPR version "${num}")
  file(READ "${f}" sql)
  string(APPEND body "  {${version}, \"${name}\", R\"sofs_sql(${sql})sofs_sql\"},\n")
endforeach()
string(APPEND body "};\n}  // namespace sofs::progress::generated\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
