#!/usr/bin/env bash
# INSTALL: `cmake --install` to a temporary prefix, then run the installed
# programs from an unrelated folder with no data variables set: `sofs lint`
# on the installed scenarios, `sofs play` recording and assessing an attempt
# (the guidance found under the prefix), and `sofs-sim --frames 2
# --screenshot` under Xvfb (exit 0: the installed scenarios loaded). The
# prefix is then moved and the application run again: nothing points back.
# Then the Debian package: `cpack -G DEB` builds it, its declared
# dependencies are resolved by apt against an empty package list (as on a
# clean Debian 12: every library must come from Debian's archive), and the
# programs unpacked from it run.
#   install_test.sh BUILD_DIR [with-ui]
set -euo pipefail
build=$1
ui=${2:-}
tmp=$(mktemp -d /tmp/sofs-install-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
unset SOFS_DATA_DIR SOFS_SCENARIOS_DIR SOFS_CONTENT_DIR SOFS_FONT_DIR
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null || fail "cmake --install failed"
share=$tmp/prefix/share/sofs-simulator
[[ -x $tmp/prefix/bin/sofs ]] || fail "bin/sofs was not installed"
[[ -f $share/scenarios/reference-case.yaml ]] || fail "the scenarios were not installed in $share"
[[ -d $share/content/lexicons ]] || fail "the guidance content was not installed in $share"
[[ -e $share/fonts ]] || fail "the fonts lookup was not installed in $share"
# The assessor's real-word list, when the build made it (hunspell-tools present).
if [[ -f $build/share/sofs-simulator/words/en_GB.words ]]; then
  [[ -s $share/words/en_GB.words ]] || fail "the real-word list was not installed in $share/words"
fi
cd "$tmp"

out=$("$tmp/prefix/bin/sofs" lint "$share/scenarios") || fail "sofs lint of the installed scenarios failed: $out"
echo "$out" | tail -1

"$tmp/prefix/bin/sofs" play "$share/scenarios/reference-case.yaml" --random --seed 3 --db "$tmp/p.db" --user alex \
    >/dev/null 2>"$tmp/play.err" || fail "installed sofs play failed: $(cat "$tmp/play.err")"
grep -q "guidance" "$tmp/play.err" && fail "installed sofs play did not find the guidance: $(cat "$tmp/play.err")"
pending=$("$tmp/prefix/bin/sofs" report assess-pending --db "$tmp/p.db") || fail "sofs report assess-pending failed"
[[ $pending == "assessed 0 attempt(s)"* ]] || fail "the played attempt was not assessed when it finished: $pending"
echo "sofs play: attempt recorded and assessed"

if [[ $ui == with-ui ]]; then
  [[ -x $tmp/prefix/bin/sofs-sim ]] || fail "bin/sofs-sim was not installed"
  shot() {  # program, picture
    xvfb-run -a -s "-screen 0 1280x800x24" "$1" --db "$tmp/ui.db" --frames 2 --screenshot "$2" \
      >"$tmp/sim.out" 2>&1 || fail "$1 --frames 2 --screenshot exited $?: $(cat "$tmp/sim.out")"
    [[ -s $2 ]] || fail "$1 wrote no picture"
  }
  shot "$tmp/prefix/bin/sofs-sim" "$tmp/first.png"
  mv "$tmp/prefix" "$tmp/moved"
  shot "$tmp/moved/bin/sofs-sim" "$tmp/moved.png"
  echo "sofs-sim: started from the prefix and from the moved prefix"
fi
# The .deb: built, its dependencies resolvable from nothing, its programs run.
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
  (cd "$build" && cpack -G DEB -B "$tmp/deb" >"$tmp/cpack.out" 2>&1) || fail "cpack -G DEB failed: $(tail -5 "$tmp/cpack.out")"
  deb=$(ls "$tmp"/deb/sofs-simulator_*.deb 2>/dev/null | head -1)
  [[ -n $deb ]] || fail "cpack made no .deb"
  depends=$(dpkg-deb -f "$deb" Depends)
  # (libcairo2 and libpq5 are opened when first needed, so named by hand: see CMakeLists.txt)
  for lib in libsqlite3-0 libyaml-cpp libsodium fonts-dejavu-core libcairo2 libpq5; do
    [[ $depends == *"$lib"* ]] || fail "the .deb does not declare $lib (Depends: $depends)"
  done
  if [[ $ui == with-ui ]]; then
    for lib in libglfw3 libsdl2-mixer libespeak-ng1; do
      [[ $depends == *"$lib"* ]] || fail "the .deb does not declare $lib (Depends: $depends)"
    done
  fi
  if [[ -n $(ls /var/lib/apt/lists/*Packages* 2>/dev/null | head -1) ]]; then
    : >"$tmp/empty-status"
    apt-get install -s -o Dir::State::status="$tmp/empty-status" "$deb" >"$tmp/apt.out" 2>&1 ||
      fail "apt cannot install the .deb on an empty system: $(grep -iE 'unmet|depends|E:' "$tmp/apt.out" | head -5)"
    echo "sofs-simulator .deb: apt resolves $(grep -c '^Inst' "$tmp/apt.out") packages from an empty system"
  else
    echo "sofs-simulator .deb: no apt package lists on this machine, dependency resolution not checked"
  fi
  dpkg-deb -x "$deb" "$tmp/root"
  "$tmp/root/usr/bin/sofs" lint "$tmp/root/usr/share/sofs-simulator/scenarios" >"$tmp/deb-lint.out" 2>&1 ||
    fail "sofs from the .deb could not lint its own scenarios: $(tail -3 "$tmp/deb-lint.out")"
  echo "sofs-simulator .deb: $(tail -1 "$tmp/deb-lint.out") (programs unpacked from the package)"
else
  echo "install: cpack or dpkg-deb missing, the .deb not checked"
fi
echo "install: passed"
