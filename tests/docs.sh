#!/usr/bin/env bash
# The repository explains itself: every diagnostic code used in the sources
# has its page and its row in scenarios/codes/README.md; every `sofs` command
# and `sofs report` action is in the README's command table; engine/ARCHITECTURE.md
# names every library folder; nothing cites documents the repository does
# not contain.
#   docs.sh SOURCE_DIR
set -u
top=${1:-.}
cd "$top" || exit 1
fail=0
checks=0
problem() { echo "docs: $*"; fail=1; }

for code in $(grep -rhoE '"[A-Z]{3}[0-9]{3}"' engine assessment tools ui --include='*.cpp' --include='*.hpp' | tr -d '"' | sort -u); do
  checks=$((checks + 1))
  [[ -f scenarios/codes/$code.md ]] || problem "code $code has no page scenarios/codes/$code.md"
  grep -q "\[$code\]($code.md)" scenarios/codes/README.md || problem "code $code has no row in scenarios/codes/README.md"
done

for cmd in $(grep -oE '^\s*\{"[a-z-]+", sofs::cli::cmd_' tools/sofs/main.cpp | grep -oE '"[a-z-]+"' | tr -d '"'); do
  checks=$((checks + 1))
  grep -qE "^\| \`sofs $cmd( |\`)" README.md || problem "the README's command table has no row for 'sofs $cmd'"
done
for action in $(grep -oE 'action == "[a-z-]+"' tools/sofs/cmd_report.cpp | grep -oE '"[a-z-]+"' | tr -d '"' | sort -u); do
  checks=$((checks + 1))
  grep -qE "^\| \`sofs report $action( |\`)" README.md || problem "the README's command table has no row for 'sofs report $action'"
done

for folder in engine/model engine/runtime engine/load engine/codec engine/util assessment/rubric assessment/progress assessment/play; do
  checks=$((checks + 1))
  grep -q "\`$folder\`" engine/ARCHITECTURE.md || problem "engine/ARCHITECTURE.md does not describe $folder"
done

checks=$((checks + 1))
cites=$(git ls-files 2>/dev/null | grep -v '^tests/docs.sh$' | xargs grep -nE 'STYLE\.md|assessment-criteria\.md|/work/shared|\.\./shared' 2>/dev/null)
[[ -z $cites ]] || problem "documents outside the repository are cited:"$'\n'"$cites"

if (( fail == 0 )); then echo "docs: $checks passed, 0 failed"; fi
exit $fail
