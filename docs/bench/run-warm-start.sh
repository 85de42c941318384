#!/bin/sh
# Start-up and warm-up of a new replica, without and with the JDK's ahead-of-time cache (ADR 0025).
# Usage: docs/bench/run-warm-start.sh [windows=12] [connections=16]
# Per start, alternately without the cache (java -jar redress.jar) and with it (the extracted jar and
# server/target/aot/redress.aot, as ./redress runs them after ./redress aot; REDRESS_BENCH_ROUNDS
# pairs, default 1): the time from the process's start to GET /actuator/health answering UP, then
# JSON upload checks from wrk (docs/bench/checks.lua, closed loop) in back-to-back windows of 5 s,
# each printed with its checks/s and when it began, counted from the process's start. The last three
# windows stand for the steady state. SQLite, a BLOCK bank of one entry (the issue's set-up).
# Needs a JDK 25 (JAVA_HOME), wrk and sqlite3; builds the cache first if there is none.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
windows=${1:-12}
connections=${2:-16}
rounds=${REDRESS_BENCH_ROUNDS:-1}
port=${REDRESS_BENCH_PORT:-18080}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
data=$(mktemp -d)

"$root/redress" --help >/dev/null 2>&1 || true
aot="$root/server/target/aot"
if [ ! -f "$aot/redress.aot" ] || [ "$root/server/target/redress.jar" -nt "$aot/redress.aot" ]; then
  "$root/redress" aot
fi
cp "$root/server/target/redress.jar" "$data/redress.jar"
url="jdbc:sqlite:$data/redress.db"
"$java" -jar "$data/redress.jar" admin create-api-key --name migrate --role platform --db "$url" >/dev/null
sed 's/i < 1000000/i < 1/' "$root/docs/bench/seed-bank-sqlite.sql" | sqlite3 "$data/redress.db"
key=$("$java" -jar "$data/redress.jar" admin create-api-key --name bench --role platform --db "$url" \
  | sed -n 's/^api-key: //p')

now_ms() { date +%s%3N; }
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
round=0
while [ $round -lt "$rounds" ]; do
  round=$((round + 1))
  for mode in plain aot; do
    if [ $mode = plain ]; then
      set -- -jar "$data/redress.jar"
    else
      set -- -XX:AOTCache="$aot/redress.aot" -Xlog:aot*=off -Xlog:cds*=off -jar "$aot/app/redress.jar"
    fi
    echo "== $mode, round $round (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    start=$(now_ms)
    "$java" "$@" serve --port "$port" --db "$url" --data "$data" >"$data/server-$mode.log" 2>&1 &
    server=$!
    until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
      if ! kill -0 $server 2>/dev/null; then
        echo "the server did not start:" >&2; tail -20 "$data/server-$mode.log" >&2; server=""; exit 1
      fi
      sleep 0.1
    done
    echo "health UP after $(( $(now_ms) - start )) ms"
    w=0
    while [ $w -lt "$windows" ]; do
      began=$(( $(now_ms) - start ))
      rate=$(REDRESS_KEY=$key wrk -t1 -c"$connections" -d5s -s "$root/docs/bench/checks.lua" "http://127.0.0.1:$port" \
        | sed -n 's/^Requests\/sec: *//p')
      echo "window $w from $began ms: $rate checks/s"
      w=$((w + 1))
    done
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    kill $server; wait $server 2>/dev/null || true; server=""
  done
done
