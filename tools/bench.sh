#!/usr/bin/env bash
# Runs every benchmark program (tests/bench/bench_*.cpp) from a build and
# prints their figures. The UI ones run under Xvfb.
#   tools/bench.sh [BUILD_DIR]     (default: build)
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[[ $build == -h || $build == --help ]] && { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0; }
dir="$build/tests/bench"
[[ -d $dir ]] || { echo "bench: no benchmarks in $dir: build first (tools/quickstart.sh test)" >&2; exit 2; }
cmake --build "$build" --target all -j "$(nproc)" >/dev/null || exit 2
status=0
for b in "$dir"/bench_*; do
  [[ -x $b && -f $b ]] || continue
  name=$(basename "$b")
  echo "== $name"
  if [[ $name == bench_ui* ]]; then
    xvfb-run -a -s "-screen 0 1280x800x24" "$b" || status=1
  else
    "$b" || status=1
  fi
done
exit $status
