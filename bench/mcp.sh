#!/usr/bin/env bash
# bench/mcp.sh: tools/call of the built-in `echo` over /mcp (JSON answer mode) beside the same echo over
# /api/jsonrpc, in one run against one demo server, with wrk and a Lua script per endpoint. Three
# scenarios, interleaved per round so a noisy neighbour hits each alike:
#
#   jsonrpc        POST /api/jsonrpc {"method":"echo"}                      (the baseline)
#   mcp-session    POST /mcp tools/call echo with Mcp-Session-Id + MCP-Protocol-Version
#   mcp-stateless  POST /mcp tools/call echo on a server with adapter.mcp.stateless=true
#   spring-ai      the peer: POST /mcp tools/call echo on Spring AI's MCP server (WebFlux, stateless
#                  protocol, one @McpTool echo; bench/spring-ai-mcp, built here)
#
# and prints a markdown table with each run's ratio to "jsonrpc" of its round (target: MCP >= 0.6x); the
# round's jsonrpc figure is the higher of one run before and one after the mcp-session run.
#
#   bench/mcp.sh
#   WARMUP=5 DURATION=10 ROUNDS=1 bench/mcp.sh        # a quick look
#
# Environment: WARMUP (seconds, default 30: the JIT needs it), DURATION (default 15), CONNECTIONS (64), THREADS (2), ROUNDS (2),
# PORT (19500), PEER_PORT (19501), JVM_FLAGS (both servers), OUT_DIR, MVNW_FLAGS (default "-B -q"; add
# -o offline), REBUILD (set: rebuild both jars), SKIP_PEER (set: no Spring AI run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WARMUP="${WARMUP:-30}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"
PORT="${PORT:-19500}"
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q}"
OUT_DIR="${OUT_DIR:-$ROOT/bench/out/mcp-$(date -u +%Y%m%dT%H%M%SZ)}"
JAR="$ROOT/examples/demo-server/target/demo-server.jar"
PEER_JAR="$ROOT/bench/spring-ai-mcp/target/spring-ai-mcp.jar"
PEER_PORT="${PEER_PORT:-19501}"
mkdir -p "$OUT_DIR"
log() { echo "[mcp] $*" >&2; }

if [[ ! -f "$JAR" || -n "${REBUILD:-}" ]]; then
  log "building the demo server"
  (cd "$ROOT" && ./mvnw $MVNW_FLAGS -pl examples/demo-server -am package -DskipTests)
fi
if [[ -z "${SKIP_PEER:-}" && ( ! -f "$PEER_JAR" || -n "${REBUILD:-}" ) ]]; then
  log "building the Spring AI peer"
  (cd "$ROOT" && ./mvnw $MVNW_FLAGS -f bench/spring-ai-mcp/pom.xml package -DskipTests)
fi

cat > "$OUT_DIR/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
local session = os.getenv("SESSION")
if session ~= nil and session ~= "" then
  wrk.headers["Mcp-Session-Id"] = session
  wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
end
function response(status, headers, body)
  if status ~= 200 then error("HTTP " .. status .. ": " .. body) end
end
LUA

JSONRPC_BODY='{"jsonrpc":"2.0","method":"echo","params":{"message":"hello"},"id":1}'
MCP_BODY='{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello"}}}'
INIT='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}'
URL="http://127.0.0.1:$PORT"
PEER_URL="http://127.0.0.1:$PEER_PORT"
server_pid=""

start() {
  java $JVM_FLAGS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN "$@" \
    > "$OUT_DIR/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$URL/health" && return; sleep 1; done
  log "server did not start"; exit 1
}
start_peer() {
  java $JVM_FLAGS -jar "$PEER_JAR" --server.port="$PEER_PORT" --server.address=127.0.0.1 \
    > "$OUT_DIR/peer.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$PEER_URL/mcp" -H 'Content-Type: application/json' \
      -H 'Accept: application/json, text/event-stream' -d "$MCP_BODY")" == 200 ]] && return
    sleep 1
  done
  log "peer did not start"; exit 1
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true' EXIT

# one wrk run: prints requests/s
drive() { # path body session seconds [base url]
  BODY="$2" SESSION="$3" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4s" -s "$OUT_DIR/post.lua" "${5:-$URL}$1" \
    | awk '/Requests\/sec/ {print $2}'
}

run() { # scenario -> requests/s
  case "$1" in
    jsonrpc) drive /api/jsonrpc "$JSONRPC_BODY" "" "$2" ;;
    mcp-session)
      local session
      session=$(curl -si "$URL/mcp" -H 'Content-Type: application/json' -H 'Accept: application/json' -d "$INIT" \
        | awk -F': ' 'tolower($1)=="mcp-session-id" {print $2}' | tr -d '\r')
      drive /mcp "$MCP_BODY" "$session" "$2" ;;
    mcp-stateless) drive /mcp "$MCP_BODY" "" "$2" ;;
    spring-ai) drive /mcp "$MCP_BODY" "" "$2" "$PEER_URL" ;;
  esac
}

echo "| round | scenario | requests/s | ratio to jsonrpc |" > "$OUT_DIR/results.md"
echo "|---|---|---|---|" >> "$OUT_DIR/results.md"
for round in $(seq 1 "$ROUNDS"); do
  start
  run jsonrpc "$WARMUP" > /dev/null; run mcp-session "$WARMUP" > /dev/null
  # the baseline is measured before and after the session run and the higher one counts: the JIT keeps
  # warming for a while on a busy machine, and measuring JSON-RPC only first would favour MCP
  base1=$(run jsonrpc "$DURATION")
  rps=$(run mcp-session "$DURATION")
  base2=$(run jsonrpc "$DURATION")
  base=$(awk -v a="$base1" -v b="$base2" 'BEGIN {print (a > b) ? a : b}')
  echo "| $round | jsonrpc | $base (of $base1, $base2) | 1.00 |" >> "$OUT_DIR/results.md"
  echo "| $round | mcp-session | $rps | $(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.2f", a/b}') |" >> "$OUT_DIR/results.md"
  stop
  start --adapter.mcp.stateless=true
  run mcp-stateless "$WARMUP" > /dev/null
  rps=$(run mcp-stateless "$DURATION")
  echo "| $round | mcp-stateless | $rps | $(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.2f", a/b}') |" >> "$OUT_DIR/results.md"
  stop
  if [[ -z "${SKIP_PEER:-}" ]]; then
    start_peer
    run spring-ai "$WARMUP" > /dev/null
    rps=$(run spring-ai "$DURATION")
    echo "| $round | spring-ai | $rps | $(awk -v a="$rps" -v b="$base" 'BEGIN {printf "%.2f", a/b}') |" >> "$OUT_DIR/results.md"
    stop
  fi
done
cat "$OUT_DIR/results.md"
