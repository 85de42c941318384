#!/bin/sh
# Load benchmark of JSON upload checks against a bank of one million entries.
# Usage: docs/bench/run-checks.sh [seconds] [connections]
# REDRESS_BENCH_JAR=path/to/redress.jar runs that jar instead of building this checkout's, so a
# baseline and a change can be measured back to back under the same machine load.
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
if [ -n "${REDRESS_BENCH_JAR:-}" ]; then
  cp "$REDRESS_BENCH_JAR" "$data/redress.jar"
else
  # ./redress builds the jar when it is older than the sources; from here on a private copy runs,
  # so edits to the sources during the run cannot trigger a rebuild under the server's feet.
  "$root/redress" --help >/dev/null 2>&1 || true
  cp "$root/server/target/redress.jar" "$data/redress.jar"
fi
# The first start migrates the empty database; then the fixture is seeded and a key issued.
REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d $db -f "$root/docs/bench/seed-bank.sql"
key=$(REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name bench --role platform --db "$url" | sed -n 's/^api-key: //p')

"$java" -jar "$data/redress.jar" serve --port "$port" --db "$url" --data "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do sleep 1; done
echo "index loaded: $(grep -o 'Matching index loaded.*' "$data/server.log")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up, then the measured run.
REDRESS_KEY=$key wrk -t1 -c"$connections" -d10s -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" >/dev/null
REDRESS_KEY=$key wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
