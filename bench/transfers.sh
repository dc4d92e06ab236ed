#!/usr/bin/env bash
# bench/transfers.sh: upload and download of one big file through the transfer endpoints of the demo
# server, against curl to and from a plain static file server on the same machine (bench/transfer_baseline.py:
# stdlib Python, PUT streamed to disk in 1 MiB reads, GET with sendfile). Not part of the test suite.
#
#   ours, upload     one curl process PUTs every chunk (curl --next, one keep-alive connection) to
#                    /api/transfers/{id}/chunks/{i}; then transfer_upload_complete (server-side SHA-256 of
#                    the whole file) is timed separately
#   ours, download   curl GET /api/transfers/{id} (zero-copy file transfer)
#   baseline         curl -T file to the static server, curl GET of it back
#
# The server's RSS is sampled every 200 ms during each phase (min and max are printed), so a
# memory that grows with the file shows. Prints a markdown table.
#
#   bench/transfers.sh                      # 1 GiB, 8 MiB chunks
#   SIZE_MB=256 ROUNDS=1 bench/transfers.sh # a quick look
#
# Environment: SIZE_MB (1024), CHUNK_MB (8), ROUNDS (3), PORT (19500), BASE_PORT (19501), JVM_FLAGS,
# WORK (a scratch directory, default /tmp/rpc-adapter-transfer-bench; needs 4 x SIZE free), MVNW_FLAGS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE_MB="${SIZE_MB:-1024}"
CHUNK_MB="${CHUNK_MB:-8}"
ROUNDS="${ROUNDS:-3}"
PORT="${PORT:-19500}"
BASE_PORT="${BASE_PORT:-19501}"
JVM_FLAGS="${JVM_FLAGS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
WORK="${WORK:-/tmp/rpc-adapter-transfer-bench}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q -o}"
JAR="$ROOT/examples/demo-server/target/demo-server.jar"
log() { echo "[transfers] $*" >&2; }

if [[ ! -f "$JAR" || -n "${BUILD:-}" ]]; then
  log "building the demo server"
  (cd "$ROOT" && ./mvnw $MVNW_FLAGS -pl examples/demo-server -am package -DskipTests)
fi
rm -rf "$WORK" && mkdir -p "$WORK/store" "$WORK/static" "$WORK/parts"
SRC="$WORK/source.bin"
log "writing a ${SIZE_MB} MiB file of random bytes"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$SRC"
SHA=$(sha256sum "$SRC" | cut -d' ' -f1)
SIZE=$(stat -c %s "$SRC")
split -b "${CHUNK_MB}M" -d -a 5 "$SRC" "$WORK/parts/p."

java $JVM_FLAGS -jar "$JAR" --server.port="$PORT" --adapter.transfers.dir="$WORK/store" \
  --adapter.transfers.max-size=8GB --adapter.transfers.max-chunk-size=64MB --logging.level.root=WARN \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
python3 "$ROOT/bench/transfer_baseline.py" "$WORK/static" "$BASE_PORT" > "$WORK/baseline.log" 2>&1 &
BASELINE=$!
trap 'kill $SERVER $BASELINE 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" > /dev/null; do sleep 0.5; done
B="http://127.0.0.1:$PORT"
rpc() { curl -sf "$B/api/jsonrpc" -H 'Content-Type: application/json' \
  -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}"; }

# samples the RSS (KiB) of a pid into a file until the file .stop appears
sample() { while [[ ! -f "$2.stop" ]]; do awk '/VmRSS/ {print $2}' "/proc/$1/status" >> "$2"; sleep 0.2; done; }
# times a command (seconds, 3 decimals) while sampling RSS of pid $1; prints "seconds min_mib max_mib"
timed() {
  local pid=$1; shift
  local samples="$WORK/rss.$RANDOM"; rm -f "$samples" "$samples.stop"
  sample "$pid" "$samples" & local sampler=$!
  local start=$(date +%s.%N)
  "$@" > /dev/null
  local end=$(date +%s.%N)
  touch "$samples.stop"; wait $sampler
  echo "$(echo "$end - $start" | bc -l | xargs printf '%.3f') $(sort -n "$samples" | head -1 | xargs -I{} echo '{} / 1024' | bc) $(sort -n "$samples" | tail -1 | xargs -I{} echo '{} / 1024' | bc)"
}
upload_ours() {
  local config="$WORK/curl.cfg" i=0; : > "$config"
  for part in "$WORK"/parts/p.*; do
    [[ $i -gt 0 ]] && echo "next" >> "$config"
    printf 'url = "%s/api/transfers/%s/chunks/%d"\nupload-file = "%s"\noutput = "/dev/null"\nfail\n' "$B" "$1" "$i" "$part" >> "$config"
    i=$((i + 1))
  done
  curl -s -K "$config"
}
mibs() { echo "scale=1; $SIZE / 1048576 / $1" | bc -l; }

echo "| round | what | ours s (MiB/s) | baseline s (MiB/s) | ratio | server RSS MiB min-max (ours) |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  ID=$(rpc transfer_upload_begin "{\"name\":\"source.bin\",\"size\":$SIZE,\"sha256\":\"$SHA\",\"chunk_size\":$((CHUNK_MB * 1048576))}" | jq -r .result.transfer_id)
  read -r up_s up_min up_max <<< "$(timed $SERVER upload_ours "$ID")"
  read -r done_s _ done_max <<< "$(timed $SERVER rpc transfer_upload_complete "{\"transfer_id\":\"$ID\"}")"
  read -r bup_s _ _ <<< "$(timed $BASELINE curl -sf -T "$SRC" "http://127.0.0.1:$BASE_PORT/copy.bin")"
  read -r down_s down_min down_max <<< "$(timed $SERVER curl -sf -o "$WORK/down.bin" "$B/api/transfers/$ID")"
  cmp -s "$WORK/down.bin" "$SRC" || { log "download differs"; exit 1; }
  read -r bdown_s _ _ <<< "$(timed $BASELINE curl -sf -o "$WORK/bdown.bin" "http://127.0.0.1:$BASE_PORT/copy.bin")"
  up_total=$(echo "$up_s + $done_s" | bc -l)
  echo "| $round | upload (chunks) | $up_s ($(mibs $up_s)) | $bup_s ($(mibs $bup_s)) | $(echo "scale=2; $bup_s / $up_s" | bc -l) | $up_min-$up_max |"
  echo "| $round | upload + complete (SHA-256) | $up_total ($(mibs $up_total)) | $bup_s ($(mibs $bup_s)) | $(echo "scale=2; $bup_s / $up_total" | bc -l) | -$done_max |"
  echo "| $round | download | $down_s ($(mibs $down_s)) | $bdown_s ($(mibs $bdown_s)) | $(echo "scale=2; $bdown_s / $down_s" | bc -l) | $down_min-$down_max |"
  rm -f "$WORK/down.bin" "$WORK/bdown.bin" "$WORK/static/copy.bin" "$WORK/store/$ID"
done
rm -rf "$WORK"
