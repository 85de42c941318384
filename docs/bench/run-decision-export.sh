#!/bin/sh
# Streams the per-decision CSV export of 1,000,000 decisions over HTTP from a server whose heap is
# capped at 256 MB, and prints the time, the rate, the rows received and the largest heap the GC
# log saw after a collection.
# Usage: docs/bench/run-decision-export.sh   (PostgreSQL as postgres@127.0.0.1, psql and curl)
#        REDRESS_BENCH_DB=sqlite docs/bench/run-decision-export.sh   (sqlite3 instead of psql)
# REDRESS_BENCH_ROWS (default 1000000) sets the number of decisions; REDRESS_BENCH_HEAP (256m) the cap.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
rows=${REDRESS_BENCH_ROWS:-1000000}
heap=${REDRESS_BENCH_HEAP:-256m}
port=${REDRESS_BENCH_PORT:-18082}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
data=$(mktemp -d)
"$root/redress" --help >/dev/null 2>&1 || true
jar="$root/server/target/redress.jar"

if [ "${REDRESS_BENCH_DB:-postgresql}" = sqlite ]; then
  url="jdbc:sqlite:$data/redress.db"
else
  db=redress_export_bench
  url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
fi
# Migrates the empty database and issues a compliance key.
key=$(REDRESS_DATA="$data" "$java" -jar "$jar" admin create-user --username bench-compliance --role compliance \
  --api-key --db "$url" | sed -n 's/^api-key: //p')
[ -n "$key" ] || { echo "no compliance key was issued" >&2; exit 1; }

# One report case per decision, two seconds apart from 2026-01-01 (a million fit in January),
# each removed an hour after receipt; written in SQL, as only the export's reading is measured.
if [ "${REDRESS_BENCH_DB:-postgresql}" = sqlite ]; then
  sqlite3 -bail "$data/redress.db" <<SQL
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $rows)
INSERT INTO review_case (case_ref, origin, severity, severity_rank, source, source_rank, state, received_at,
                         deadline, version)
SELECT 'RD-BENCH-' || n, 'REPORT', 'INTIMATE_IMAGE_ABUSE', 2, 'PERSON_DEPICTED', 3, 'REMOVED',
       1767225600000 + n * 2000, 1767225600000 + n * 2000 + 172800000, 1 FROM g;
INSERT INTO review_decision (id, case_ref, decided_by, outcome, basis, decided_at)
SELECT 'bench-' || substr(case_ref, 10), case_ref, 'bench', 'REMOVE', 'ILLEGAL_CONTENT', received_at + 3600000
  FROM review_case WHERE case_ref LIKE 'RD-BENCH-%';
SQL
else
  psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$db" <<SQL
INSERT INTO review_case (case_ref, origin, severity, severity_rank, source, source_rank, state, received_at,
                         deadline, version)
SELECT 'RD-BENCH-' || n, 'REPORT', 'INTIMATE_IMAGE_ABUSE', 2, 'PERSON_DEPICTED', 3, 'REMOVED',
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + n * INTERVAL '2 seconds',
       TIMESTAMPTZ '2026-01-03 00:00:00+00' + n * INTERVAL '2 seconds', 1
  FROM generate_series(1, $rows) AS n;
INSERT INTO review_decision (id, case_ref, decided_by, outcome, basis, decided_at)
SELECT 'bench-' || substr(case_ref, 10), case_ref, 'bench', 'REMOVE', 'ILLEGAL_CONTENT', received_at + INTERVAL '1 hour'
  FROM review_case WHERE case_ref LIKE 'RD-BENCH-%';
ANALYZE;
SQL
fi
echo "decisions seeded: $rows"

server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null; wait $server 2>/dev/null || true; fi' EXIT
REDRESS_PUBLIC_URL=https://redress.example \
  "$java" -Xmx"$heap" -Xlog:gc:file="$data/gc.log" -jar "$jar" serve --port "$port" --db "$url" --data "$data" \
  >"$data/server.log" 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
  if ! kill -0 $server 2>/dev/null; then
    echo "the server did not start:" >&2; tail -20 "$data/server.log" >&2; server=""; exit 1
  fi
  sleep 1
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fsS -o "$data/decisions.csv" -w 'export_seconds=%{time_total} bytes=%{size_download}\n' \
  -H "Authorization: Bearer $key" \
  "http://127.0.0.1:$port/api/v1/transparency/decisions?from=2026-01-01&to=2026-01-31" | tee "$data/curl.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
lines=$(($(wc -l <"$data/decisions.csv") - 1))
seconds=$(sed -n 's/^export_seconds=\([0-9.]*\).*/\1/p' "$data/curl.txt")
echo "rows=$lines rows_per_second=$(awk -v r="$lines" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
# Heap in use after each collection: "Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M)".
echo "max_heap_after_gc=$(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$data/gc.log" | sort -n | tail -1)M" \
  "max_heap_before_gc=$(sed -n 's/.* \([0-9]*\)M->[0-9]*M(.*/\1/p' "$data/gc.log" | sort -n | tail -1)M" \
  "committed=$(sed -n 's/.*M(\([0-9]*\)M).*/\1/p' "$data/gc.log" | sort -n | tail -1)M (cap $heap)"
kill $server; wait $server 2>/dev/null || true; server=""
rm -rf "$data"
