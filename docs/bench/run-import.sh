#!/bin/sh
# Times a bulk import of one million PDQ hashes (text format, "pdq <hex>" per line) over HTTP.
# Usage: docs/bench/run-import.sh   (needs a local PostgreSQL as postgres@127.0.0.1 and curl)
# REDRESS_BENCH_JARS="a.jar b.jar" times those jars one after the other, each on a fresh database
# and the same hash list, instead of this checkout's jar.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
db=redress_import_bench
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
port=${REDRESS_BENCH_PORT:-18081}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
data=$(mktemp -d)
if [ -n "${REDRESS_BENCH_JARS:-}" ]; then
  jars=$REDRESS_BENCH_JARS
else
  "$root/redress" --help >/dev/null 2>&1 || true
  jars="$root/server/target/redress.jar"
fi
psql -q -At -h 127.0.0.1 -U postgres -d postgres \
  -c "SELECT 'pdq ' || md5(random()::text) || md5(random()::text) FROM generate_series(1, 1000000)" >"$data/hashes.txt"
echo "lines: $(wc -l <"$data/hashes.txt")"

server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
n=0
for jar in $jars; do
  n=$((n + 1)); run="$data/run-$n"; mkdir -p "$run"; cp "$jar" "$run/redress.jar"
  echo "== $jar"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  key=$(REDRESS_DATA="$run" "$java" -jar "$run/redress.jar" admin create-user --username importer --role admin --api-key --db "$url" \
    | sed -n 's/^api-key: //p')
  platform=$(REDRESS_DATA="$run" "$java" -jar "$run/redress.jar" admin create-api-key --name platform --role platform --db "$url" \
    | sed -n 's/^api-key: //p')
  "$java" -jar "$run/redress.jar" serve --port "$port" --db "$url" --data "$run" >"$run/server.log" 2>&1 &
  server=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 $server 2>/dev/null; then
      echo "the server did not start:" >&2; tail -20 "$run/server.log" >&2; server=""; exit 1
    fi
    sleep 1
  done
  curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"name":"imported","action":"BLOCK"}' "http://127.0.0.1:$port/api/v1/banks" >/dev/null
  # Content checked before the import, so that the retroactive scan has a registry to search.
  for i in 1 2 3; do
    curl -fs -o /dev/null -H "Authorization: Bearer $platform" -H 'Content-Type: application/json' \
      -d "{\"contentId\":\"before-$i\",\"uploaderId\":\"u\",\"pdq\":\"$(sed -n "${i}p" "$data/hashes.txt" | cut -c5-)\"}" \
      "http://127.0.0.1:$port/api/v1/checks"
  done
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  curl -fs -o "$run/import.json" -w 'import_seconds=%{time_total}\n' -H "Authorization: Bearer $key" \
    -H 'Content-Type: text/plain' --data-binary @"$data/hashes.txt" \
    "http://127.0.0.1:$port/api/v1/banks/imported/import?format=text"
  cat "$run/import.json"; echo
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill $server; wait $server 2>/dev/null || true; server=""
done
