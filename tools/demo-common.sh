# Sourced by tools/live-demo.sh and tools/network-demo.sh: what both
# two-window demonstrations do the same way. Not a program of its own.
#
#   demo_start NAME BUILD-DIR OUT-DIR
#       sets build, out, src, sofs and sim (both programs must be built);
#       starts a throw-away PostgreSQL cluster unless SOFS_TEST_POSTGRES is
#       set; makes a work folder ($work), removed on exit with the cluster;
#       creates the database sofs_NAME_<pid> ($db; $admin is its URI as the
#       cluster's administrator).
#   add NAME ROLE PASSWORD      adds a person with `sofs user add`; prints their login role
#   uri ROLE PASSWORD           the database's URI for that login role
#   demo_two_windows LOG1 URI1 SCRIPT1 LOG2 URI2 SCRIPT2
#       runs two sofs-sim windows under one Xvfb display, each on its own
#       live script, their output in $out/LOG1 and $out/LOG2; fails when either does
#   demo_file_holds FILE PATTERN...
#       true when FILE is named and holds a line matching each PATTERN (grep)
#   demo_show_logs NAME LABEL1 LOG1 LABEL2 LOG2
#       prints both windows' logs and what is in $out

demo_start() {
  local name=$1 usage="usage: tools/$1-demo.sh BUILD-DIR OUT-DIR"
  build=$(cd "${2:?$usage}" && pwd)
  mkdir -p "${3:?$usage}"
  out=$(cd "$3" && pwd)
  src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  sofs=$build/tools/sofs
  sim=$build/ui/sofs-sim
  [[ -x $sofs && -x $sim ]] || { echo "$name-demo: build sofs and sofs-sim in $build first" >&2; exit 1; }
  own_cluster=
  if [[ -z ${SOFS_TEST_POSTGRES:-} ]]; then
    eval "$("$src/tools/pg-test-cluster.sh" start)"
    own_cluster=$SOFS_PG_DIR
  fi
  work=$(mktemp -d)
  trap demo_cleanup EXIT
  # A fresh database for the demonstration, made by the cluster's administrator.
  db=sofs_${name//-/_}_demo_$$
  base=${SOFS_TEST_POSTGRES%/*}
  psql -q "$SOFS_TEST_POSTGRES" -c "CREATE DATABASE $db" >/dev/null
  admin=$base/$db
  hostport=${base#*@}
}

demo_cleanup() {
  rm -rf "$work"
  [[ -n $own_cluster ]] && "$src/tools/pg-test-cluster.sh" stop "$own_cluster" || true
}

role_of() { sed -n "s/.*they sign in to PostgreSQL as '\(.*\)'.*/\1/p"; }
add() {  # NAME ROLE PASSWORD -> login role
  SOFS_PASSWORD=$3 "$sofs" user add "$1" --role "$2" --db "$admin" | role_of
}
uri() { echo "postgresql://$1:$2@$hostport/$db"; }

demo_two_windows() {
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$1" --scenarios "$2" --db "$3" --live-script "$4" --width 1280 --height 800 > "$6/$8" 2>&1 & t=$!
    "$1" --scenarios "$2" --db "$5" --live-script "$7" --width 1280 --height 800 > "$6/$9" 2>&1 & a=$!
    rc=0; wait $t || rc=$?; wait $a || rc=$?; exit $rc' _ \
    "$sim" "$src/scenarios" "$2" "$3" "$5" "$out" "$6" "$1" "$4"
}

demo_file_holds() {
  local file=$1 pattern
  shift
  [[ -n $file ]] || return 1
  for pattern in "$@"; do grep -q -- "$pattern" "$file" || return 1; done
}

demo_show_logs() {
  echo "$1-demo: $2's log:"; sed 's/^/  /' "$out/$3"
  echo "$1-demo: $4's log:"; sed 's/^/  /' "$out/$5"
  echo "$1-demo: pictures in $out:"; ls "$out"
}
