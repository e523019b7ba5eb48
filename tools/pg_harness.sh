#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL server for tests and benchmarks: Debian's packages, a
# private data folder and a private port on 127.0.0.1, trust authentication for the local user.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
#
#   tools/pg_harness.sh start STATE_DIR   # prints the URL and writes it to STATE_DIR/url
#   tools/pg_harness.sh stop STATE_DIR    # stops the server and removes its data
set -euo pipefail

command=${1:-}
state=${2:-}
if [[ -z "$command" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "pg_harness: PostgreSQL server binaries not found under /usr/lib/postgresql (run scripts/install-deps)" >&2
  exit 1
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

stop() {
  if [[ -f "$state/datadir" ]]; then
    datadir=$(cat "$state/datadir")
    if [[ -f "$datadir/postmaster.pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$(dirname "$datadir")"
  fi
  rm -rf "$state"
}

case "$command" in
  start)
    stop
    mkdir -p "$state"
    # The data folder lives under /tmp so that the postgres user can reach it whatever the
    # permissions of the checkout's folders.
    root=$(mktemp -d /tmp/hearth-pg.XXXXXX)
    datadir="$root/data"
    echo "$datadir" >"$state/datadir"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$root"; fi
    user=$([[ $(id -u) -eq 0 ]] && echo postgres || id -un)
    as_owner "$bindir/initdb" -D "$datadir" -U "$user" --auth=trust --encoding=UTF8 \
      --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || {
      cat "$root/initdb.log" >&2
      exit 1
    }
    # Try ports until one is free; each try is a real start, so there is no race with a check.
    for attempt in $(seq 1 20); do
      port=$((20000 + (RANDOM % 20000)))
      if as_owner "$bindir/pg_ctl" -D "$datadir" -l "$root/server.log" -w -t 60 \
        -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100" \
        start >/dev/null 2>&1; then
        url="postgresql://$user@127.0.0.1:$port/postgres"
        echo "$url" >"$state/url"
        echo "$url"
        exit 0
      fi
    done
    echo "pg_harness: could not start PostgreSQL; last log:" >&2
    tail -n 20 "$root/server.log" >&2 || true
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
