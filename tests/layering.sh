#!/usr/bin/env bash
# Dependencies point one way (engine/ARCHITECTURE.md, "Layers"). Fails when a layer
# includes headers it must never use, a library links one above it, or a
# program has a source-tree path compiled in.
#   layering.sh SOURCE_DIR [PROGRAM...]
set -u
top=${1:-.}
shift || true
fail=0
checks=0
check() {  # folder, pattern, what
  local hits
  checks=$((checks + 1))
  hits=$(grep -rnE "#include *[<\"]($2)" "$top/$1" --include='*.hpp' --include='*.cpp' --include='*.h' 2>/dev/null)
  if [[ -n $hits ]]; then
    echo "layering: $1 must not include $3:"; echo "$hits"; fail=1
  fi
}
ui='imgui|GLFW|SDL|GL/|backends/|stb_'
check engine/model "$ui|sqlite3|yaml-cpp|nlohmann" "UI, SQL, YAML or JSON headers"
check engine/runtime "$ui|sqlite3|yaml-cpp|nlohmann" "UI, SQL, YAML or JSON headers"
check engine/util "$ui|sqlite3|yaml-cpp|nlohmann|model/|runtime/" "anything but the standard library"
check engine/codec "$ui|sqlite3|yaml-cpp" "UI, SQL or YAML headers"
check engine/load "$ui|sqlite3" "UI or SQL headers"
check assessment/rubric "$ui|sqlite3|progress/|play/" "UI or SQL headers, the store or the playthrough"
# The store records the verdicts it is given: it never runs the assessor.
check assessment/progress "$ui|rubric/|play/" "UI headers, the assessor or the playthrough"
check assessment/play "$ui|sqlite3|progress/sqlite" "UI or SQL headers (the store is reached through its interface)"
check assessment/xapi "$ui|sqlite3|libpq" "UI or SQL headers"
check assessment/pgstore "$ui|sqlite3" "UI or SQLite headers"
# A live session's logic and export: shared by sofs-sim and `sofs live export`, so no window.
check assessment/live "$ui|sqlite3" "UI or SQLite headers"
check tools "$ui" "UI headers"
# The store's callers see its interfaces only: no SQLite, no SQLite implementation.
check tools 'sqlite3|progress/sqlite' "SQLite or the store's SQLite implementation (use progress/store.hpp)"
check ui 'sqlite3|progress/sqlite' "SQLite or the store's SQLite implementation (use progress/store.hpp)"
# The application shares libraries with the command line, never its sources.
check ui '\.\./tools|sofs/|cmd_|progress_cli' "the command line's sources"

# Screens change the controller's state only through its methods (App::place_fact, ...).
checks=$((checks + 1))
writes=$(grep -nE '\bapp\.[a-z_]+(\(\))?(\.[a-z_]+|->[a-z_]+|\[[^]]*\])*\s*(=[^=]|\+=|-=|\.(push_back|erase|insert|clear|emplace)\()' \
         "$top"/ui/screens/*.cpp "$top"/ui/widgets.cpp 2>/dev/null)
if [[ -n $writes ]]; then
  echo "layering: a screen writes the controller's fields (call an App method instead):"; echo "$writes"; fail=1
fi

# CMake: which library may link which.
links() {  # cmake file, target, forbidden regex, what
  local line
  checks=$((checks + 1))
  line=$(tr '\n' ' ' < "$top/$1" | grep -oE "target_link_libraries\( *$2 [^)]*\)")
  if [[ -n $line ]] && grep -qE "$3" <<<"$line"; then
    echo "layering: $2 ($1) must not link $4:"; echo "  $line"; fail=1
  fi
}
links assessment/CMakeLists.txt sofs_progress 'sofs_rubric|sofs_play' "the assessor or the playthrough"
links assessment/CMakeLists.txt sofs_rubric 'sofs_progress|sofs_play' "the store or the playthrough"
links ui/CMakeLists.txt sofs_ui 'sofs_args|sofs_cli|tools' "anything from tools/"
links engine/CMakeLists.txt sofs_util 'sofs_|yaml|nlohmann|SQLite' "other libraries"

# No source-tree path is compiled into a program (only tests may have one).
checks=$((checks + 1))
defs=$(grep -nE 'SOURCE_DIR[^)]*"|SOFS_DEFAULT_SCENARIOS|SOFS_UI_FONT_DIR' \
       "$top"/engine/CMakeLists.txt "$top"/assessment/CMakeLists.txt "$top"/tools/CMakeLists.txt \
       "$top"/ui/CMakeLists.txt 2>/dev/null | grep target_compile_definitions)
if [[ -n $defs ]]; then
  echo "layering: a program has a path compiled in (find data at run time, engine/util/data_dir):"; echo "$defs"; fail=1
fi
src=$(cd "$top" && pwd)
for prog in "$@"; do
  checks=$((checks + 1))
  [[ -x $prog ]] || { echo "layering: no program '$prog'"; fail=1; continue; }
  # The data folders, not the bare source folder: a sanitizer build names
  # its source files in its own metadata, which finds no data.
  data=$(objdump -s -j .rodata "$prog" 2>/dev/null | cut -c44- | tr -d '\n')
  for folder in scenarios content share ui/fonts; do
    if grep -qF "$src/$folder" <<<"$data"; then
      echo "layering: $prog has the source folder '$src/$folder' in its data"; fail=1
    fi
  done
done

if (( fail == 0 )); then echo "layering: $checks passed, 0 failed"; fi
exit $fail
