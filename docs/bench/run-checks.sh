#!/bin/sh
# Load benchmark of JSON upload checks against a bank of one million entries.
# Usage: docs/bench/run-checks.sh [seconds] [connections]
# REDRESS_BENCH_JARS="a.jar b.jar a.jar b.jar" runs those jars one after the other against the same
# seeded database instead of this checkout's jar, so a baseline and a change are measured back to
# back under the same machine load (alternate them: the load of a shared machine drifts);
# REDRESS_BENCH_JAVA_OPTS adds JVM options to the server (a heap size, a flight recording).
# Needs a local PostgreSQL reachable as postgres@127.0.0.1 and wrk (Debian package "wrk").
# The server runs in its own process; wrk drives it from a second process over loopback.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
connections=${2:-16}
db=redress_bench
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
port=${REDRESS_BENCH_PORT:-18080}

psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
data=$(mktemp -d)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jars=""
if [ -n "${REDRESS_BENCH_JARS:-}" ]; then
  n=0
  for jar in $REDRESS_BENCH_JARS; do
    n=$((n + 1)); cp "$jar" "$data/redress-$n.jar"; jars="$jars $data/redress-$n.jar"
  done
  cp "$data/redress-1.jar" "$data/redress.jar"
else
  # ./redress builds the jar when it is older than the sources; from here on a private copy runs,
  # so edits to the sources during the run cannot trigger a rebuild under the server's feet.
  "$root/redress" --help >/dev/null 2>&1 || true
  cp "$root/server/target/redress.jar" "$data/redress.jar"
  jars="$data/redress.jar"
fi
# The first start migrates the empty database; then the fixture is seeded and a key issued.
REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d $db -f "$root/docs/bench/seed-bank.sql"
key=$(REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name bench --role platform --db "$url" | sed -n 's/^api-key: //p')

server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
for jar in $jars; do
  echo "== $(basename "$jar") (of: ${REDRESS_BENCH_JARS:-this checkout})"
  "$java" ${REDRESS_BENCH_JAVA_OPTS:-} -jar "$jar" serve --port "$port" --db "$url" --data "$data" >"$data/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do sleep 1; done
  echo "index loaded: $(grep -o 'Matching index loaded.*' "$data/server.log")"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Warm-up, then the measured run.
  REDRESS_KEY=$key wrk -t1 -c"$connections" -d10s -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" >/dev/null
  REDRESS_KEY=$key wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $server; wait $server 2>/dev/null || true; server=""
done
