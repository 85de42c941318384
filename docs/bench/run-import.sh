#!/bin/sh
# Times a bulk import of one million PDQ hashes (text format, "pdq <hex>" per line) over HTTP.
# Usage: docs/bench/run-import.sh   (needs a local PostgreSQL as postgres@127.0.0.1 and curl)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
db=redress_import_bench
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
port=${REDRESS_BENCH_PORT:-18081}

psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
data=$(mktemp -d)
key=$(REDRESS_DATA="$data" "$root/redress" admin create-user --username importer --role admin --api-key --db "$url" \
  | sed -n 's/^api-key: //p')
cp "$root/server/target/redress.jar" "$data/redress.jar"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$java" -jar "$data/redress.jar" serve --port "$port" --db "$url" --data "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do sleep 1; done

psql -q -At -h 127.0.0.1 -U postgres -d $db \
  -c "SELECT 'pdq ' || md5(random()::text) || md5(random()::text) FROM generate_series(1, 1000000)" >"$data/hashes.txt"
curl -fs -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"name":"imported","action":"BLOCK"}' "http://127.0.0.1:$port/api/v1/banks" >/dev/null
echo "lines: $(wc -l <"$data/hashes.txt")"
curl -fs -o "$data/import.json" -w 'import_seconds=%{time_total}\n' -H "Authorization: Bearer $key" \
  -H 'Content-Type: text/plain' --data-binary @"$data/hashes.txt" \
  "http://127.0.0.1:$port/api/v1/banks/imported/import?format=text"
cat "$data/import.json"; echo
