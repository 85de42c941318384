#!/bin/sh
# Load benchmark of JSON upload checks against a bank of one million entries.
# Usage: docs/bench/run-checks.sh [seconds=30] [connections=16] [rate=2000]
# Per build: a warm-up at full load (REDRESS_BENCH_WARMUP seconds, default 60: the JIT compiles the
# check path for well over ten seconds, and a service runs for days), then
#  1. closed loop: wrk over `connections` connections, each sending its next check when the answer
#     arrives (the most the service answers; latency is then set by how many wait);
#  2. open loop: `redress bench checks` (benchmarks/target/redress-benchmarks.jar) over as many
#     connections, sending `rate` checks per second whatever the answers do (after 10 s of the
#     same load on the same connections, not recorded), latency measured from each check's due
#     time (what a platform at that upload rate sees).
# REDRESS_BENCH_BATCH=N (say 100) then measures batches of N checks (POST /api/v1/checks/batch) on
# the same server, right after the single checks: closed loop with wrk (docs/bench/batch-checks.lua),
# then open loop at REDRESS_BENCH_BATCH_RATE checks/s (default 20000) in batches of N.
# REDRESS_BENCH_DB=sqlite runs on the embedded SQLite database instead of PostgreSQL; REDRESS_BENCH_PG_DB
# names the PostgreSQL database to drop and seed (default redress_bench), REDRESS_BENCH_PORT the port.
# REDRESS_BENCH_JARS="a.jar b.jar a.jar b.jar" runs those jars one after the other against the same
# seeded database instead of this checkout's jar, so a baseline and a change are measured back to
# back under the same machine load (alternate them: the load of a shared machine drifts);
# REDRESS_BENCH_JAVA_OPTS adds JVM options to the server (a heap size, a flight recording).
# Needs wrk (Debian package "wrk"), and for PostgreSQL a local server reachable as
# postgres@127.0.0.1, for SQLite the sqlite3 shell (Debian package "sqlite3") to seed the bank.
# The server runs in its own process; wrk and the open-loop generator drive it from other
# processes over loopback.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-30}
connections=${2:-16}
rate=${3:-2000}
warmup=${REDRESS_BENCH_WARMUP:-60}
database=${REDRESS_BENCH_DB:-postgresql}
port=${REDRESS_BENCH_PORT:-18080}
data=$(mktemp -d)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

# ./redress builds this checkout's jars when they are older than the sources; from here on private
# copies run, so edits to the sources during the run cannot trigger a rebuild under the server's
# feet. This checkout's benchmarks jar drives the open-loop load for every build measured.
"$root/redress" --help >/dev/null 2>&1 || true
"$root/redress" bench --help >/dev/null 2>&1 || true
cp "$root/benchmarks/target/redress-benchmarks.jar" "$data/load.jar"
jars=""
if [ -n "${REDRESS_BENCH_JARS:-}" ]; then
  n=0
  for jar in $REDRESS_BENCH_JARS; do
    n=$((n + 1)); cp "$jar" "$data/redress-$n.jar"; jars="$jars $data/redress-$n.jar"
  done
  cp "$data/redress-1.jar" "$data/redress.jar"
else
  cp "$root/server/target/redress.jar" "$data/redress.jar"
  jars="$data/redress.jar"
fi

case "$database" in
  postgresql)
    db=${REDRESS_BENCH_PG_DB:-redress_bench}
    url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    seed() { psql -q -h 127.0.0.1 -U postgres -d $db -f "$root/docs/bench/seed-bank.sql"; }
    ;;
  sqlite)
    url="jdbc:sqlite:$data/redress.db"
    seed() { sqlite3 "$data/redress.db" <"$root/docs/bench/seed-bank-sqlite.sql"; }
    ;;
  *)
    echo "REDRESS_BENCH_DB must be postgresql or sqlite" >&2; exit 2 ;;
esac

# The first start migrates the empty database; then the fixture is seeded and a key issued.
REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
seed
key=$(REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name bench --role platform --db "$url" | sed -n 's/^api-key: //p')

server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
for jar in $jars; do
  echo "== $(basename "$jar") (of: ${REDRESS_BENCH_JARS:-this checkout}) on $database"
  REDRESS_PUBLIC_URL="http://127.0.0.1:$port" "$java" ${REDRESS_BENCH_JAVA_OPTS:-} -jar "$jar" serve --port "$port" --db "$url" --data "$data" >"$data/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 $server 2>/dev/null; then
      echo "the server did not start:" >&2; tail -20 "$data/server.log" >&2; server=""; exit 1
    fi
    sleep 1
  done
  echo "index loaded: $(grep -o 'Matching index loaded.*' "$data/server.log")"
  REDRESS_KEY=$key wrk -t1 -c"$connections" -d"${warmup}s" -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" >/dev/null
  echo "-- closed loop, $connections connections, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  REDRESS_KEY=$key wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" \
    | grep -E 'Latency Distribution|%|Requests/sec|requests in|Non-2xx|Socket errors'
  echo "-- open loop, $rate checks/s due, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  REDRESS_KEY=$key "$java" -XX:+UseSerialGC -Xmx256m -jar "$data/load.jar" checks --rate "$rate" --warmup 10 \
    --connections "$connections" --seconds "$seconds" --url "http://127.0.0.1:$port" || true
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${REDRESS_BENCH_BATCH:-}" ]; then
    batch=$REDRESS_BENCH_BATCH
    batch_rate=${REDRESS_BENCH_BATCH_RATE:-20000}
    echo "-- batches of $batch, closed loop, $connections connections, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    REDRESS_KEY=$key REDRESS_BATCH=$batch wrk -t1 -c"$connections" -d"${seconds}s" --latency \
      -s "$root/docs/bench/batch-checks.lua" "http://127.0.0.1:$port" \
      | grep -E 'Latency Distribution|%|Requests/sec|requests in|Non-2xx|Socket errors'
    echo "(checks/s = batches/s above times $batch)"
    echo "-- batches of $batch, open loop, $batch_rate checks/s due, ${seconds} s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    REDRESS_KEY=$key "$java" -XX:+UseSerialGC -Xmx256m -jar "$data/load.jar" checks --rate "$batch_rate" \
      --batch "$batch" --warmup 10 --connections "$connections" --seconds "$seconds" \
      --url "http://127.0.0.1:$port" || true
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
  kill $server; wait $server 2>/dev/null || true; server=""
done
