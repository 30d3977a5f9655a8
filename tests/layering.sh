#!/usr/bin/env bash
# Fails when a layer includes headers it must never use (STYLE.md's table):
# engine/ no UI, SQL or YAML outside engine/load; assessment/rubric no UI or SQL;
# assessment/progress no UI; tools/ no UI.
set -u
top=${1:-.}
fail=0
check() {  # folder, pattern, what
  local hits
  hits=$(grep -rnE "#include *[<\"]($2)" "$top/$1" --include='*.hpp' --include='*.cpp' --include='*.h' 2>/dev/null)
  if [[ -n $hits ]]; then
    echo "layering: $1 must not include $3:"; echo "$hits"; fail=1
  fi
}
check engine/model 'imgui|GLFW|SDL|sqlite3|yaml-cpp|GL/' "UI, SQL or YAML headers"
check engine/runtime 'imgui|GLFW|SDL|sqlite3|yaml-cpp|GL/' "UI, SQL or YAML headers"
check engine/load 'imgui|GLFW|SDL|sqlite3|GL/' "UI or SQL headers"
check assessment/rubric 'imgui|GLFW|SDL|sqlite3|GL/' "UI or SQL headers"
check assessment/progress 'imgui|GLFW|SDL|GL/' "UI headers"
check assessment/xapi 'imgui|GLFW|SDL|sqlite3|libpq|GL/' "UI or SQL headers"
check assessment/pgstore 'imgui|GLFW|SDL|sqlite3|GL/' "UI or SQLite headers"
check tools 'imgui|GLFW|SDL|GL/|backends/' "UI headers"
# The store's callers see its interfaces only: no SQLite, no SQLite implementation.
check tools 'sqlite3|progress/sqlite' "SQLite or the store's SQLite implementation (use progress/store.hpp)"
check ui 'sqlite3|progress/sqlite' "SQLite or the store's SQLite implementation (use progress/store.hpp)"
if (( fail == 0 )); then echo "layering: 1 passed, 0 failed"; fi
exit $fail
