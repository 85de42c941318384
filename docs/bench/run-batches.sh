#!/bin/sh
# Batch checks (POST /api/v1/checks/batch) against a bank of 1,000,000 random hashes, for one or
# more builds on the same seeded database (issue 19's "50,000 checks/s, p99 per batch of 100 under
# 50 ms").
# Usage: docs/bench/run-batches.sh [batch=100] [connections=8] [seconds=20] [warmup=25]
# Seeds one SQLite file (seed-bank-sqlite.sql) and a platform key with the first jar, then for each
# jar of REDRESS_BENCH_JARS (default: this checkout's redress.jar; alternate a baseline and a
# change) starts `redress serve` on a copy of it, sends `warmup` seconds of batches unrecorded, then
# `seconds` measured with wrk --latency (batch-checks.lua, closed loop), and prints batches/s,
# checks/s and the p50/p99 per batch. Needs wrk and sqlite3; JAVA_HOME a JDK 21 or newer.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
batch=${1:-100}
connections=${2:-8}
seconds=${3:-20}
warmup=${4:-25}
port=${REDRESS_BENCH_PORT:-18080}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$root/redress" --help >/dev/null 2>&1 || true
jars=${REDRESS_BENCH_JARS:-$root/server/target/redress.jar}
seed=$(mktemp -d)
first=$(echo $jars | cut -d' ' -f1)
url="jdbc:sqlite:$seed/redress.db"
REDRESS_DATA="$seed" "$java" -jar "$first" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
sqlite3 "$seed/redress.db" <"$root/docs/bench/seed-bank-sqlite.sql"
key=$(REDRESS_DATA="$seed" "$java" -jar "$first" admin create-api-key --name bench --role platform --db "$url" \
  | sed -n 's/^api-key: //p')
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi; rm -rf "$seed"' EXIT
for jar in $jars; do
  data=$(mktemp -d)
  cp -r "$seed/." "$data/"
  "$java" -Xmx3g -jar "$jar" serve --port "$port" --db "jdbc:sqlite:$data/redress.db" --data "$data" >"$data/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    if ! kill -0 $server 2>/dev/null; then echo "the server did not start" >&2; server=""; exit 1; fi
    sleep 0.5
  done
  export REDRESS_KEY=$key REDRESS_BATCH=$batch
  wrk -t1 -c"$connections" -d"${warmup}s" -s "$root/docs/bench/batch-checks.lua" "http://127.0.0.1:$port" >/dev/null
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$root/docs/bench/batch-checks.lua" "http://127.0.0.1:$port")
  rate=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
  echo "$jar: batches of $batch, $connections connections: $rate batches/s = $(echo "$rate * $batch" | bc) checks/s," \
    "p50 $(echo "$out" | awk '$1=="50%"{print $2}') p99 $(echo "$out" | awk '$1=="99%"{print $2}') per batch" \
    "$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ')(load $(cut -d' ' -f1 /proc/loadavg))"
  kill $server; wait $server 2>/dev/null || true; server=""
  rm -rf "$data"
done
