#!/usr/bin/env bash
# bench/run.sh: build the demo server and measure it beside the peer JSON-RPC servers
# (../shared/peers: bare WebFlux, bare Reactor Netty, jsonrpc4j, Node, FastAPI) in one run,
# then write the report, the exact command and the machine to docs/benchmarks.md.
#
#   bench/run.sh                    # every peer + the adapter (about 8 minutes with WARMUP=30s)
#   PEERS="reactor-netty jsonrpc4j" bench/run.sh
#   PEERS=none bench/run.sh         # only the adapter
#
# Environment: everything ../shared/peers/run.sh reads (PEERS, WARMUP, DURATION, JVM_FLAGS, ...);
# WARMUP defaults to 30s here (the Spring JVMs need it on 2 cores). NO_DOCS=1 skips docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/../shared/peers}"
export WARMUP="${WARMUP:-30s}"
[[ -x "$PEERS_DIR/run.sh" ]] || { echo "bench: peers not found at $PEERS_DIR (set PEERS_DIR)" >&2; exit 1; }

echo "[bench] building the demo server" >&2
(cd "$ROOT" && ./mvnw -B -q -pl examples/demo-server -am package -DskipTests)
JAR="$ROOT/examples/demo-server/target/demo-server.jar"

echo "[bench] building the peers (idempotent)" >&2
"$PEERS_DIR/build.sh" >&2

OUT_DIR="${OUT_DIR:-$ROOT/bench/out/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT_DIR"
export OUT_DIR
CMD="java \$JVM_FLAGS -jar $JAR --server.port=\$PORT --server.address=127.0.0.1 --logging.level.root=WARN"
echo "[bench] running the peers and rpc-adapter (results in $OUT_DIR)" >&2
"$PEERS_DIR/run.sh" rpc-adapter "$CMD" 19200 | tee "$OUT_DIR/report.md"

if [[ -z "${NO_DOCS:-}" ]]; then
  "$ROOT/bench/write-docs.sh" "$OUT_DIR/report.md" > "$ROOT/docs/benchmarks.generated.md"
  echo "[bench] wrote docs/benchmarks.generated.md; fold it into docs/benchmarks.md with the reading" >&2
fi
