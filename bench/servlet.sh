#!/usr/bin/env bash
# bench/servlet.sh: the adapter's servlet transport beside jsonrpc4j, both in Spring Boot 4.1.0
# MVC on the same Tomcat (Boot's defaults), in one run of the peers' run.sh: echo.lua and
# batch10.lua with wrk, one server at a time, identical JVM flags; prints the report and the
# echo ratios adapter / jsonrpc4j: the adapter's built-in echo (rpc-adapter-servlet, the command
# bench/run.sh measures on Reactor Netty) and an application's @JsonRpcCommand method
# (rpc-adapter-servlet-method: blocking by default, so it runs with a timeout on the request thread).
#
#   bench/servlet.sh                 # WARMUP=30s, DURATION=15s (about 4 minutes)
#   WARMUP=40s DURATION=20s bench/servlet.sh
#
# Builds bench/servlet-echo (this repository) and a copy of the jsonrpc4j peer (../shared/peers
# is read-only; the copy is built under the run's output folder; nothing of it enters the project).
# Environment: everything ../shared/peers/run.sh reads (WARMUP, DURATION, JVM_FLAGS, ...);
# PEERS_DIR names the peers' folder; OUT_DIR the output folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
export WARMUP="${WARMUP:-30s}"
[[ -x "$PEERS_DIR/run.sh" ]] || { echo "bench: peers not found at $PEERS_DIR (set PEERS_DIR)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }

OUT_DIR="${OUT_DIR:-$ROOT/bench/out/servlet-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT_DIR"
export OUT_DIR

echo "[bench] building bench/servlet-echo" >&2
(cd "$ROOT" && ./mvnw -B -q -Pfull -pl bench/servlet-echo -am package -DskipTests)
ADAPTER_JAR="$ROOT/bench/servlet-echo/target/servlet-echo.jar"

echo "[bench] building the jsonrpc4j peer (a copy in $OUT_DIR/jsonrpc4j)" >&2
rm -rf "$OUT_DIR/jsonrpc4j" && cp -r "$PEERS_DIR/jsonrpc4j" "$OUT_DIR/jsonrpc4j" && chmod -R u+w "$OUT_DIR/jsonrpc4j"
(cd "$ROOT" && ./mvnw -B -q -f "$OUT_DIR/jsonrpc4j/pom.xml" package -DskipTests)
PEER_JAR="$OUT_DIR/jsonrpc4j/target/jsonrpc4j-peer.jar"

echo "[bench] load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT_DIR/load.txt" >&2
PEERS=none "$PEERS_DIR/run.sh" \
  jsonrpc4j "java \$JVM_FLAGS -jar $PEER_JAR \$PORT --logging.level.root=WARN" 19201 \
  rpc-adapter-servlet "java \$JVM_FLAGS -jar $ADAPTER_JAR --server.port=\$PORT --server.address=127.0.0.1 --logging.level.root=WARN" 19202 \
  rpc-adapter-servlet-method "java \$JVM_FLAGS -jar $ADAPTER_JAR --server.port=\$PORT --server.address=127.0.0.1 --logging.level.root=WARN --bench.method-echo=true" 19203 \
  | tee "$OUT_DIR/report.md"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT_DIR/load.txt" >&2

# echo req/s is the second column of the first table
rps() { awk -F'|' -v name="$1" '$2 ~ "^ *" name " *$" { gsub(/ /, "", $3); print $3; exit }' "$OUT_DIR/report.md"; }
PEER_RPS="$(rps jsonrpc4j)"
for target in rpc-adapter-servlet rpc-adapter-servlet-method; do
  ADAPTER_RPS="$(rps "$target")"
  if [[ -n "$PEER_RPS" && -n "$ADAPTER_RPS" ]]; then
    echo "echo ratio $target / jsonrpc4j: $(awk -v a="$ADAPTER_RPS" -v p="$PEER_RPS" 'BEGIN { printf "%.2f", a / p }')x ($ADAPTER_RPS / $PEER_RPS req/s)" \
      | tee -a "$OUT_DIR/report.md"
  fi
done
