#!/usr/bin/env bash
# The README's two quick-start commands in one script:
#   tools/quickstart.sh run    install what is needed, build, start sofs-sim
#   tools/quickstart.sh test   install what is needed, build, run every test,
#                              then again under AddressSanitizer and UBSan with a fuzz
# Works on a fresh Debian 12 machine; needs root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in
  run|test) ;;
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: tools/quickstart.sh run|test" >&2; exit 2 ;;
esac

packages=(cmake ninja-build g++ pkg-config
  libimgui-dev libglfw3-dev libfreetype-dev libstb-dev fonts-dejavu-core
  zlib1g-dev libsdl2-dev libsdl2-mixer-dev libyaml-cpp-dev libsqlite3-dev doctest-dev
  nlohmann-json3-dev libsodium-dev libstemmer-dev libhunspell-dev hunspell-en-gb hunspell-tools
  libespeak-ng-dev espeak-ng sox python3 xvfb xauth xdotool imagemagick
  libgl1-mesa-dri libglx-mesa0 dpkg-dev binutils
  postgresql-15 postgresql-client-15 libpq-dev libcurl4-openssl-dev libcpp-httplib-dev
  libcairo2-dev poppler-utils)
# npm fetches the xAPI statement validator the learning-record tests use;
# Debian's npm is installed only when no npm is on the PATH already.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing ${#missing[@]} Debian packages: ${missing[*]}"
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

build=${SOFS_BUILD_DIR:-build}
echo "== building in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$(nproc)"

if [[ $mode == test ]]; then
  # The PostgreSQL store's tests run against a throw-away cluster on loopback,
  # started here and removed however the tests end.
  echo "== starting a throw-away PostgreSQL cluster for the tests"
  pg_env=$(tools/pg-test-cluster.sh start)  # a failed start stops here (set -e)
  eval "$pg_env"
  trap 'tools/pg-test-cluster.sh stop "$SOFS_PG_DIR"' EXIT
  echo "== running every test"
  ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 900
  # Then the same libraries, `sofs`, the unit tests and a seeded fuzz of the
  # scenario loader, the condition parser and `sofs assess` input, built with
  # AddressSanitizer and UndefinedBehaviorSanitizer (any finding fails the
  # test). Leaks are suppressed only in the third-party libraries named in
  # tests/fuzz/lsan.supp. SOFS_SANITIZE_STAGE=0 skips this stage.
  if [[ ${SOFS_SANITIZE_STAGE:-1} != 0 ]]; then
    asan=${SOFS_ASAN_BUILD_DIR:-build-asan}
    started=$SECONDS
    echo "== building with AddressSanitizer and UndefinedBehaviorSanitizer in $asan"
    cmake -S . -B "$asan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOFS_SANITIZE=ON
    cmake --build "$asan" -j "$(nproc)"
    echo "== sanitizer build took $((SECONDS - started)) s; running the unit tests and the fuzz under the sanitizers"
    ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp:print_suppressions=0 \
      ctest --test-dir "$asan" --output-on-failure -j "$(nproc)" --timeout 900
  fi
else
  echo "== starting sofs-sim"
  exec "$build/ui/sofs-sim" --scenarios scenarios
fi
