#!/usr/bin/env bash
# The one test command. On a fresh Debian machine with the .NET SDK, as root: installs what the tests need
# (PostgreSQL, Chromium, fonts), starts a throwaway PostgreSQL cluster on a free local port, runs every test on
# SQLite and PostgreSQL, stops the cluster, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }

install_missing() {
  local need=()
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    [ "$(id -u)" = 0 ] || { echo "test.sh: installing ${need[*]} needs root" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "test.sh: no free port for PostgreSQL" >&2; exit 1
}

# PostgreSQL refuses to run as root; the throwaway cluster runs as the postgres system user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_postgres() {
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

start_postgres() {
  local owner
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/partnerhub-pg.XXXXXX)
  PG_PORT=$(free_port)
  owner=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
  chown "$owner" "$PG_DIR"
  as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000" start >/dev/null
  trap stop_postgres EXIT
  export PARTNERHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  say "PostgreSQL on 127.0.0.1:$PG_PORT"
}

install_missing
start_postgres
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say "build"
dotnet build PartnerHub.slnx -c Release -warnaserror --nologo -v quiet
say "tests (SQLite and PostgreSQL)"
# The hosts' console output follows each test module's summary and can push a failure out of a CI log's tail, so on
# failure the failed tests are printed again, last. The log goes with the throwaway cluster's directory at exit.
TEST_LOG="$PG_DIR/tests.log"
dotnet test --solution PartnerHub.slnx -c Release --no-build 2>&1 | tee "$TEST_LOG" || {
  say "failed tests"
  awk '/^failed /{n=40} n&&n--' "$TEST_LOG"
  exit 1
}
