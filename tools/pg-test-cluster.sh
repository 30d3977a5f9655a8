#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on loopback only:
#   tools/pg-test-cluster.sh start [DIR]   create and start one; prints `export` lines
#   tools/pg-test-cluster.sh env DIR       print the `export` lines of a running one again
#   tools/pg-test-cluster.sh stop DIR      stop it and remove DIR
# Use:  eval "$(tools/pg-test-cluster.sh start)"; trap 'tools/pg-test-cluster.sh stop "$SOFS_PG_DIR"' EXIT
#
# The server listens on 127.0.0.1 at a free port, with its socket inside the
# cluster folder, and refuses to run as root: when run by root the server runs
# as the system user `sofs-pgtest` (created if missing). Passwords are checked
# (scram-sha-256) even on loopback; the administrator's is random and kept in a
# 0600 password file that libpq reads through PGPASSFILE, never in the
# connection string. Exported:
#   SOFS_TEST_POSTGRES  a libpq URI for the administrator role `sofs_admin` on database `sofs_test`
#   PGPASSFILE          the password file for it
#   SOFS_PG_DIR         the cluster folder (give it to `stop`)
# PostgreSQL 15 is installed from Debian's packages when missing (needs root or sudo).
set -euo pipefail

server_user=sofs-pgtest
say() { echo "pg-test-cluster: $*" >&2; }
die() { say "error: $*"; exit 1; }

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $d && -x $d/initdb ]] && echo "$d"
}

ensure_server() {
  if [[ -z $(bindir) ]]; then
    say "PostgreSQL is not installed: installing postgresql-15 from Debian's packages"
    local sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update >&2
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
      postgresql-15 postgresql-client-15 >&2
  fi
  [[ -n $(bindir) ]] || die "initdb not found under /usr/lib/postgresql/*/bin after installing"
}

# Runs a command as the server's user (root may not run the server).
as_server() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$server_user" -- "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_env() {
  local dir=$1 port
  port=$(cat "$dir/port")
  printf 'export SOFS_PG_DIR=%q\n' "$dir"
  printf 'export PGPASSFILE=%q\n' "$dir/pgpass"
  printf 'export SOFS_TEST_POSTGRES=%q\n' "postgresql://sofs_admin@127.0.0.1:$port/sofs_test"
}

start() {
  ensure_server
  local bin dir
  bin=$(bindir)
  if [[ -n ${1:-} ]]; then dir=$1; mkdir -p "$dir"; else dir=$(mktemp -d "${TMPDIR:-/tmp}/sofs-pg.XXXXXX"); fi
  dir=$(cd "$dir" && pwd)
  [[ -e $dir/data ]] && die "$dir/data already exists: stop that cluster first (tools/pg-test-cluster.sh stop $dir)"
  if [[ $(id -u) -eq 0 ]]; then
    if ! id "$server_user" >/dev/null 2>&1; then
      say "creating system user $server_user to run the test server (PostgreSQL refuses to run as root)"
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
    fi
    # The server's user must reach its folders; nothing else in $dir is for it.
    chmod 711 "$dir"
    local parent=$dir
    while parent=$(dirname "$parent"); [[ $parent != / ]]; do
      runuser -u "$server_user" -- test -x "$parent" || die "$server_user cannot enter $parent: choose a cluster folder under /tmp"
    done
    install -d -m 700 -o "$server_user" "$dir/data" "$dir/socket"
  else
    install -d -m 700 "$dir/data" "$dir/socket"
  fi

  local password pwfile
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  pwfile=$(mktemp "$dir/socket/pw.XXXXXX")
  printf '%s\n' "$password" >"$pwfile"
  [[ $(id -u) -eq 0 ]] && chown "$server_user" "$pwfile"
  chmod 600 "$pwfile"
  as_server "$bin/initdb" -D "$dir/data" -U sofs_admin --pwfile="$pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { rm -f "$pwfile"; cat "$dir/initdb.log" >&2; die "initdb failed (log above)"; }
  rm -f "$pwfile"
  (umask 077; printf '127.0.0.1:*:*:sofs_admin:%s\n' "$password" >"$dir/pgpass")

  local port started=0 first=$((54330 + RANDOM % 500))
  for port in $(seq "$first" $((first + 40))); do
    port_in_use "$port" && continue
    if as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 30 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null 2>&1; then
      started=1; break
    fi
    grep -q 'could not bind' "$dir/data/server.log" 2>/dev/null || { cat "$dir/data/server.log" >&2 2>/dev/null || true; die "the server did not start (log above)"; }
  done
  ((started)) || die "no free port found near 54330"
  echo "$port" >"$dir/port"
  PGPASSFILE=$dir/pgpass "$bin/createdb" -h 127.0.0.1 -p "$port" -U sofs_admin sofs_test ||
    die "could not create database sofs_test"
  say "started on 127.0.0.1:$port (folder $dir)"
  print_env "$dir"
}

stop() {
  local dir=${1:-${SOFS_PG_DIR:-}}
  [[ -n $dir ]] || die "stop needs the cluster folder (SOFS_PG_DIR)"
  [[ -d $dir ]] || { say "$dir does not exist: nothing to stop"; return 0; }
  [[ -f $dir/port || -d $dir/data ]] || die "$dir does not look like a test cluster: not removing it"
  local bin; bin=$(bindir || true)
  if [[ -n $bin && -f $dir/data/postmaster.pid ]]; then
    as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || say "pg_ctl stop failed; removing the folder anyway"
  fi
  rm -rf "$dir"
  say "stopped and removed $dir"
}

case ${1:-} in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  env) [[ -n ${2:-} && -f $2/port ]] || die "env needs a running cluster's folder"; print_env "$2" ;;
  -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "usage: tools/pg-test-cluster.sh start [DIR] | env DIR | stop DIR" >&2; exit 2 ;;
esac
