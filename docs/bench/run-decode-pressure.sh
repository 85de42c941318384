#!/bin/sh
# Decode pressure: image checks of huge PNGs while JSON checks run at a fixed rate.
# Usage: docs/bench/run-decode-pressure.sh [seconds=60] [image-clients=16] [json-rate=500]
# Against one server on SQLite (its own data directory), from other processes over loopback:
#  - `redress bench uploads` runs `image-clients` clients in one process, each posting, one after
#    another for `seconds`, a 7071 x 7071 PNG (50 megapixels, about 400 KB of deflated zeros) to
#    POST /api/v1/checks: first the 16-bit RGBA one
#    (8 bytes a decoded pixel, 400 MB: refused before decoding by the decoded-byte budget), then
#    the 8-bit RGBA one (200 MB: within the budget, so it is decoded, one per core at a time);
#  - `redress bench checks` sends `json-rate` JSON checks per second and reports their latency from
#    each check's due time;
#  - twice a second, the server's resident memory (/proc) and the time /actuator/health takes.
# Prints, per phase: the answers the image clients got, the JSON checks' percentiles, the largest
# resident memory and the slowest health answer. Targets: memory under 1.5 GB, health within 1 s,
# JSON p99 under 100 ms. REDRESS_BENCH_JAVA_OPTS adds JVM options to the server (default -Xmx1g);
# REDRESS_BENCH_JAR names another server jar (a baseline); REDRESS_BENCH_CHECK_FLAGS adds flags to
# the JSON load (--timeline prints each second's percentiles); REDRESS_BENCH_UPLOAD_FLAGS adds flags to
# the image clients (--retry-after: each waits as a 503's Retry-After asks, as a platform would;
# without it they send again at once, as a client that ignores the answer would).
# Needs python3 (to write the PNGs) and curl (for the health samples).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
clients=${2:-16}
rate=${3:-500}
port=${REDRESS_BENCH_PORT:-18081}
data=$(mktemp -d)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

"$root/redress" --help >/dev/null 2>&1 || true
"$root/redress" bench --help >/dev/null 2>&1 || true
cp "${REDRESS_BENCH_JAR:-$root/server/target/redress.jar}" "$data/redress.jar"
cp "$root/benchmarks/target/redress-benchmarks.jar" "$data/load.jar"

# PNGs of zeros: a valid header, one IDAT of deflated rows, so the file is small and the raster is not.
python3 - "$data" <<'PY'
import struct, sys, zlib
def png(path, side, depth, channels):
    row = b"\0" * (1 + side * channels * depth // 8)
    z = zlib.compressobj(9)
    body = b"".join(z.compress(row) for _ in range(side)) + z.flush()
    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
    header = struct.pack(">IIBBBBB", side, side, depth, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
png(sys.argv[1] + "/rgba16.png", 7071, 16, 4)
png(sys.argv[1] + "/rgba8.png", 7071, 8, 4)
PY

key=$(REDRESS_DATA="$data" "$java" -jar "$data/redress.jar" admin create-api-key --name pressure --role platform \
  --data "$data" | sed -n 's/^api-key: //p')
"$java" ${REDRESS_BENCH_JAVA_OPTS:--Xmx1g} -jar "$data/redress.jar" serve --port "$port" --data "$data" \
  >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
  kill -0 $server 2>/dev/null || { echo "the server did not start:" >&2; tail -20 "$data/server.log" >&2; exit 1; }
  sleep 1
done
# A minute of JSON checks first, so the numbers are the warm service's.
REDRESS_KEY=$key "$java" -XX:+UseSerialGC -Xmx256m -jar "$data/load.jar" checks --rate "$rate" --seconds 30 \
  --url "http://127.0.0.1:$port" >/dev/null 2>&1 || true

for image in rgba16 rgba8; do
  echo "== $clients clients posting $image.png ($(wc -c <"$data/$image.png") bytes) for ${seconds} s, JSON checks at $rate/s"
  end=$(($(date +%s) + seconds))
  REDRESS_KEY=$key "$java" -XX:+UseSerialGC -Xmx512m -jar "$data/load.jar" uploads --image "$data/$image.png" \
    ${REDRESS_BENCH_UPLOAD_FLAGS:-} \
    --clients "$clients" --seconds "$seconds" --url "http://127.0.0.1:$port" >"$data/answers-$image.txt" 2>&1 &
  pids="$!"
  (while [ "$(date +%s)" -lt $end ]; do
     rss=$(awk '/VmRSS/ {print $2}' /proc/$server/status)
     health=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/actuator/health")
     echo "$rss $health"
     sleep 0.5
   done >"$data/samples-$image.txt") &
  pids="$pids $!"
  REDRESS_KEY=$key "$java" -XX:+UseSerialGC -Xmx256m -jar "$data/load.jar" checks --rate "$rate" ${REDRESS_BENCH_CHECK_FLAGS:-} \
    --seconds "$seconds" --url "http://127.0.0.1:$port" || true
  # A load process that saw refused connections exits 1; its tally is still the result.
  for pid in $pids; do wait "$pid" || true; done
  echo "image checks: $(tr '\n' ' ' <"$data/answers-$image.txt")"
  awk '{ if ($1 > rss) rss = $1; if ($2 > h) h = $2 } END { printf "largest resident memory %.0f MB, slowest health %.3f s (%d samples)\n", rss / 1024, h, NR }' \
    "$data/samples-$image.txt"
done
