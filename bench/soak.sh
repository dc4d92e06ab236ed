#!/usr/bin/env bash
# bench/soak.sh: a soak of the secure example (mTLS + token both required, roles, CRL) — not part
# of the test suite. In one run it
#   1. measures the peak echo throughput (bench/loadgen, as fast as answered, PEAK_SECONDS),
#   2. drives MINUTES minutes of paced echo at PERCENT % of that peak (one driver, its connections
#      kept open, its numbers per minute), while
#      MixedLoad (bench/loadgen) sends JSON-RPC batches, queued jobs polled over HTTP and /ws
#      subscribers running queued jobs for the whole soak,
#   3. at the end of each minute, under load: a full GC (jcmd GC.run), the heap used after it
#      (GC.heap_info), the server's threads (/proc/<pid>/task) and file descriptors (/proc/<pid>/fd);
#      and that minute's echo throughput, p50 and p99,
# and checks: 0 errors; heap after full GC at the last minute within HEAP_TOLERANCE % of minute 2;
# threads and file descriptors at the last minute not above minute 2 (+ GROWTH_SLACK). Prints a
# markdown table (also in $OUT_DIR/soak.md); exit code 1 when a check fails.
#
#   bench/soak.sh                       # 10 minutes at 80 % of peak
#   MINUTES=1 PEAK_SECONDS=10 bench/soak.sh   # a smoke run of the script
#
# Environment: MINUTES (10), PERCENT (80), PEAK_SECONDS (30), WARMUP (20), CONNECTIONS (64),
# LOADGEN_THREADS (2), PORT (19443), JVM_FLAGS, LOADGEN_JVM_FLAGS, MIXED_JVM_FLAGS (e.g.
# -Dmixed.ws=8 -Dmixed.batch-every-ms=250 -Dmixed.job-every-ms=1000), HEAP_TOLERANCE (10),
# GROWTH_SLACK (2), SKIP_BUILD (unset), OUT_DIR, MVNW_FLAGS (default "-B -q").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINUTES="${MINUTES:-10}"
PERCENT="${PERCENT:-80}"
PEAK_SECONDS="${PEAK_SECONDS:-30}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
LOADGEN_THREADS="${LOADGEN_THREADS:-2}"
PORT="${PORT:-19443}"
# the server's TLS handshake timeout raised from Reactor Netty's 10 s: on 2 shared cores, 64+ mTLS
# handshakes at once at the start take longer (connections then stay open for the whole soak)
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC -Dreactor.netty.tcp.sslHandshakeTimeout=60000}"
LOADGEN_JVM_FLAGS="${LOADGEN_JVM_FLAGS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
MIXED_JVM_FLAGS="${MIXED_JVM_FLAGS:--Xms128m -Xmx128m}"
HEAP_TOLERANCE="${HEAP_TOLERANCE:-10}"
GROWTH_SLACK="${GROWTH_SLACK:-2}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q}"
OUT_DIR="${OUT_DIR:-$ROOT/bench/out/soak-$(date -u +%Y%m%dT%H%M%SZ)}"
JAR="$ROOT/examples/secure-server/target/secure-server.jar"
LOADGEN="$ROOT/bench/loadgen/target/loadgen.jar"
mkdir -p "$OUT_DIR"
log() { echo "[soak $(date -u +%H:%M:%S)] $*" >&2; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the secure example and the load drivers"
  (cd "$ROOT" && ./mvnw $MVNW_FLAGS -Pfull -pl examples/secure-server,adapter-ca,bench/loadgen -am package -DskipTests)
fi

log "certificates and the admin token in $OUT_DIR/certs (examples/secure-server/setup.sh)"
CERTS_DIR="$OUT_DIR/certs" "$ROOT/examples/secure-server/setup.sh" --force > "$OUT_DIR/setup.log"
CERTS="$OUT_DIR/certs"
TOKEN="$(cat "$CERTS/admin.token")"
URL="https://localhost:$PORT/api/jsonrpc"
tls=(--ca "$CERTS/ca.crt" --cert "$CERTS/alice.crt" --key "$CERTS/alice.key" --header "X-API-Key: $TOKEN")

# the example's own application.yml (certs/ relative to the working directory), plus: token AND
# certificate required, the admin client exempt from the 20 req/s rate limit (still checked per request)
(cd "$OUT_DIR" && exec java $JVM_FLAGS -Xlog:gc:file="$OUT_DIR/gc.log" -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
  --adapter.security.mtls.require-token=true --adapter.security.rate-limit.exempt-roles=admin) \
  > "$OUT_DIR/server.log" 2>&1 &
PID=$!
MIXED_PID=""
ECHO_PID=""
cleanup() {
  [[ -n "$MIXED_PID" ]] && kill "$MIXED_PID" 2>/dev/null || true
  [[ -n "$ECHO_PID" ]] && kill "$ECHO_PID" 2>/dev/null || true
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
}
trap cleanup EXIT

echo_status() {  # echo_status [curl args] -> HTTP status of one echo as alice
  curl -s -o /dev/null -w '%{http_code}' --cacert "$CERTS/ca.crt" --cert "$CERTS/alice.crt" --key "$CERTS/alice.key" \
    -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"echo","params":{"message":"hi"}}' \
    "$@" "$URL" || true
}
for _ in $(seq 600); do [[ "$(echo_status -H "X-API-Key: $TOKEN")" == 200 ]] && break; sleep 0.5; done
[[ "$(echo_status -H "X-API-Key: $TOKEN")" == 200 ]] || { log "the server does not answer; see $OUT_DIR/server.log"; exit 1; }
[[ "$(echo_status)" == 401 ]] || { log "an echo without the token was not refused with 401"; exit 1; }
log "server pid $PID; load average $(cut -d' ' -f1-3 /proc/loadavg)"

field() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<< "$1" | head -n1; }
loadgen() { java $LOADGEN_JVM_FLAGS -jar "$LOADGEN" --url "$URL" "${tls[@]}" --connections "$CONNECTIONS" \
  --threads "$LOADGEN_THREADS" "$@" 2>>"$OUT_DIR/loadgen.log" | grep '^RESULT' || true; }

log "peak: ${WARMUP}s warm-up, ${PEAK_SECONDS}s measured"
peak_line="$(loadgen --warmup "$WARMUP" --duration "$PEAK_SECONDS")"
peak="$(field "$peak_line" rps)"
rate="$(awk -v p="$peak" -v pc="$PERCENT" 'BEGIN { printf "%.0f", p * pc / 100 }')"
errors="$(field "$peak_line" errors)"
log "peak $peak req/s (p99 $(field "$peak_line" p99_ms) ms); soak at $rate req/s for $MINUTES min"

java $MIXED_JVM_FLAGS -cp "$LOADGEN" dev.rpcadapter.bench.loadgen.MixedLoad --url "$URL" "${tls[@]}" \
  --duration "$((MINUTES * 60))" > "$OUT_DIR/mixed.out" 2> "$OUT_DIR/mixed.log" &
MIXED_PID=$!

heap_after_gc() {  # KiB of Java heap live right after a full GC, from that GC's own log line (exact: no
  # allocation between the GC and a later heap query counts, which made jcmd GC.heap_info vary by ~100 MiB under load)
  jcmd "$PID" GC.run > /dev/null
  grep -E 'Pause Full \((Diagnostic Command|System.gc\(\))\)' "$OUT_DIR/gc.log" | tail -1 | grep -o -E '[0-9]+[KMG]->[0-9]+[KMG]' \
    | sed -E 's/.*->([0-9]+)([KMG])/\1 \2/' | awk '{ f = ($2 == "G") ? 1048576 : ($2 == "M") ? 1024 : 1; print $1 * f }'
}
# one echo driver for the whole soak (its connections stay open, as a real client's would), one
# INTERVAL line per minute; the samples are taken at the end of each of its minutes, under load
SOAK_WARMUP=10
java $LOADGEN_JVM_FLAGS -jar "$LOADGEN" --url "$URL" "${tls[@]}" --connections "$CONNECTIONS" \
  --threads "$LOADGEN_THREADS" --rate "$rate" --warmup "$SOAK_WARMUP" --duration "$((MINUTES * 60))" --interval 60 \
  > "$OUT_DIR/echo.out" 2>>"$OUT_DIR/loadgen.log" &
ECHO_PID=$!
started=$(date +%s)
declare -a HEAP THREADS FDS
for minute in $(seq "$MINUTES"); do
  # 5 s before the end of the driver's minute, so the last sample is taken under load too
  due=$(( started + SOAK_WARMUP + 60 * minute - 5 ))
  sleep $(( due > $(date +%s) ? due - $(date +%s) : 0 ))
  HEAP[$minute]="$(heap_after_gc)"
  THREADS[$minute]="$(ls /proc/$PID/task | wc -l)"
  FDS[$minute]="$(ls /proc/$PID/fd | wc -l)"
  log "minute $minute: heap after full GC ${HEAP[$minute]} KiB, threads ${THREADS[$minute]}, fds ${FDS[$minute]}" \
    "(load $(cut -d' ' -f1 /proc/loadavg))"
done
wait "$ECHO_PID" || true
wait "$MIXED_PID" || true
MIXED_PID=""
echo_result="$(grep '^RESULT' "$OUT_DIR/echo.out" || echo 'RESULT errors=1 (no result)')"
errors=$((errors + $(field "$echo_result" errors)))
mixed="$(grep '^MIXED' "$OUT_DIR/mixed.out" || echo 'MIXED errors=1 (no result)')"
errors=$((errors + $(field "$mixed" errors)))
table="| minute | echo req/s | p50 ms | p99 ms | errors | heap after full GC (MiB) | threads | fds |
|---:|---:|---:|---:|---:|---:|---:|---:|"
for minute in $(seq "$MINUTES"); do
  line="$(grep "^INTERVAL $minute " "$OUT_DIR/echo.out" || true)"
  table="$table
| $minute | $(field "$line" rps) | $(field "$line" p50_ms) | $(field "$line" p99_ms) | $(field "$line" errors) | $(awk -v k="${HEAP[$minute]}" 'BEGIN { printf "%.1f", k / 1024 }') | ${THREADS[$minute]} | ${FDS[$minute]} |"
done

base=$(( MINUTES >= 2 ? 2 : 1 ))
heap_change="$(awk -v a="${HEAP[$base]}" -v b="${HEAP[$MINUTES]}" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')"
verdict=()
[[ $errors == 0 ]] || verdict+=("errors: $errors")
awk -v c="$heap_change" -v t="$HEAP_TOLERANCE" 'BEGIN { exit !(c <= t && c >= -t) }' \
  || verdict+=("heap after full GC changed ${heap_change}% from minute $base")
(( THREADS[MINUTES] <= THREADS[base] + GROWTH_SLACK )) || verdict+=("threads grew: ${THREADS[$base]} -> ${THREADS[$MINUTES]}")
(( FDS[MINUTES] <= FDS[base] + GROWTH_SLACK )) || verdict+=("file descriptors grew: ${FDS[$base]} -> ${FDS[$MINUTES]}")

{
  echo "Peak: $peak_line"
  echo "Soak: $MINUTES min at $rate req/s ($PERCENT % of peak), $CONNECTIONS connections: $echo_result"
  echo "Beside it: $mixed"
  echo
  echo "$table"
  echo
  echo "Heap after full GC, minute $base -> $MINUTES: ${heap_change}% (tolerance ±$HEAP_TOLERANCE %);" \
    "threads ${THREADS[$base]} -> ${THREADS[$MINUTES]}; fds ${FDS[$base]} -> ${FDS[$MINUTES]}; errors $errors"
  if (( ${#verdict[@]} == 0 )); then echo "PASS"; else printf 'FAIL: %s\n' "${verdict[@]}"; fi
} | tee "$OUT_DIR/soak.md"
(( ${#verdict[@]} == 0 ))
