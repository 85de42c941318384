#!/bin/sh
# JSON upload checks beside the authenticated no-op on the same server (issue 19's "single JSON
# checks at least 60 % of the no-op rate"), for one or more builds.
# Usage: docs/bench/run-noop-ratio.sh [seconds=15] [rounds=2] [warmup=40]
# For each jar of REDRESS_BENCH_JARS (default: this checkout's redress.jar; name a baseline and a
# change alternately, "a.jar b.jar a.jar b.jar", since one machine's figures drift between starts):
# a fresh SQLite database with a BLOCK bank of one entry, `redress serve`, `warmup` seconds of checks
# and 10 s of no-ops unrecorded, then `rounds` times: `seconds` of GET /api/v1/me (noop.lua) and
# `seconds` of JSON checks (checks.lua), wrk -t1 -c16 --latency, each printed with its rate and
# p50/p99. Needs wrk and sqlite3; JAVA_HOME a JDK 21 or newer.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-15}
rounds=${2:-2}
warmup=${3:-40}
port=${REDRESS_BENCH_PORT:-18080}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$root/redress" --help >/dev/null 2>&1 || true
jars=${REDRESS_BENCH_JARS:-$root/server/target/redress.jar}
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
for jar in $jars; do
  data=$(mktemp -d)
  cp "$jar" "$data/redress.jar"
  url="jdbc:sqlite:$data/redress.db"
  REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
  sed 's/i < 1000000/i < 1/' "$root/docs/bench/seed-bank-sqlite.sql" | sqlite3 "$data/redress.db"
  key=$(REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name bench --role platform --db "$url" \
    | sed -n 's/^api-key: //p')
  echo "== $jar"
  "$java" -jar "$data/redress.jar" serve --port "$port" --db "$url" --data "$data" >"$data/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    if ! kill -0 $server 2>/dev/null; then echo "the server did not start" >&2; server=""; exit 1; fi
    sleep 0.5
  done
  export REDRESS_KEY=$key
  wrk -t1 -c16 -d"${warmup}s" -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" >/dev/null
  wrk -t1 -c16 -d10s -s "$root/docs/bench/noop.lua" "http://127.0.0.1:$port" >/dev/null
  r=1
  while [ $r -le "$rounds" ]; do
    for what in noop checks; do
      out=$(wrk -t1 -c16 -d"${seconds}s" --latency -s "$root/docs/bench/$what.lua" "http://127.0.0.1:$port")
      echo "$what round $r: $(echo "$out" | sed -n 's/^Requests\/sec: *//p') requests/s," \
        "p50 $(echo "$out" | awk '$1=="50%"{print $2}') p99 $(echo "$out" | awk '$1=="99%"{print $2}')" \
        "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')(load $(cut -d' ' -f1 /proc/loadavg))"
    done
    r=$((r + 1))
  done
  kill $server; wait $server 2>/dev/null || true; server=""
  rm -rf "$data"
done
