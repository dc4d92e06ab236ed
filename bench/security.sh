#!/usr/bin/env bash
# bench/security.sh: what security costs on keep-alive connections. Runs the demo server several
# times in one session, one at a time, and drives the JSON-RPC echo with bench/loadgen (wrk cannot
# present a client certificate):
#
#   plain        plain HTTP, security off (the baseline)
#   mtls+token   HTTPS, client-auth need, mTLS + token both required (mtls.require-token), CRL, roles
#   token        plain HTTP, token + roles (the auth cost without TLS)
#   tls          HTTPS, client-auth need, security off (the TLS cost without auth)
#
# and prints a markdown table with each run's ratio to the first scenario ("plain") of its round.
# ROUNDS=2 repeats the whole sequence (interleaved, so a noisy neighbour hits every scenario alike).
#
#   bench/security.sh
#   WARMUP=5 DURATION=5 SCENARIOS="plain mtls+token" bench/security.sh    # a quick look
#
# Environment: WARMUP, DURATION (seconds, default 20 each), CONNECTIONS (64), LOADGEN_THREADS (2),
# ROUNDS (1), PORT (19400), JVM_FLAGS (server), LOADGEN_JVM_FLAGS, SCENARIOS, OUT_DIR, MVNW_FLAGS (default "-B -q").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
LOADGEN_THREADS="${LOADGEN_THREADS:-2}"
PORT="${PORT:-19400}"
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
LOADGEN_JVM_FLAGS="${LOADGEN_JVM_FLAGS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
SCENARIOS="${SCENARIOS:-plain mtls+token token tls}"
ROUNDS="${ROUNDS:-1}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q}"
OUT_DIR="${OUT_DIR:-$ROOT/bench/out/security-$(date -u +%Y%m%dT%H%M%SZ)}"
CERTS="$OUT_DIR/certs"
JAR="$ROOT/examples/demo-server/target/demo-server.jar"
LOADGEN="$ROOT/bench/loadgen/target/loadgen.jar"
mkdir -p "$CERTS"
log() { echo "[security] $*" >&2; }

log "building the demo server and the load driver"
(cd "$ROOT" && ./mvnw $MVNW_FLAGS -Pfull -pl examples/demo-server,bench/loadgen,adapter-ca -am package -DskipTests)

log "making a CA, a server certificate, a client certificate (role 'bench') and a CRL in $CERTS"
CA_CLI="$(ls "$ROOT"/adapter-ca/target/adapter-ca-*-cli.jar | head -n1)"
tool() { java -jar "$CA_CLI" "$@" >&2; }
tool ca     --out "$CERTS" --cn rpc-adapter-bench-CA
tool server --out "$CERTS" --dns localhost --ip 127.0.0.1
tool client --out "$CERTS" --cn bench-client --roles bench
tool crl    --out "$CERTS"
TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
TOKEN_SHA256="$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)"

common=(--server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN)
off_props=(--adapter.security.enabled=false)
tls_props=(--spring.ssl.bundle.pem.bench.keystore.certificate="file:$CERTS/server.crt"
  --spring.ssl.bundle.pem.bench.keystore.private-key="file:$CERTS/server.key"
  --spring.ssl.bundle.pem.bench.truststore.certificate="file:$CERTS/ca.crt"
  --server.ssl.bundle=bench --server.ssl.client-auth=need)
auth_props=(--adapter.security.enabled=true "--adapter.security.tokens[{sha256}$TOKEN_SHA256]=bench"
  --adapter.security.roles.bench=echo)
mtls_props=(--adapter.security.mtls.enabled=true --adapter.security.mtls.require-token=true
  --adapter.security.mtls.crl="file:$CERTS/ca.crl")
client_tls=(--ca "$CERTS/ca.crt" --cert "$CERTS/bench-client.crt" --key "$CERTS/bench-client.key")
curl_tls=(--cacert "$CERTS/ca.crt" --cert "$CERTS/bench-client.crt" --key "$CERTS/bench-client.key")
ECHO='{"jsonrpc":"2.0","method":"echo","params":{"message":"hello"},"id":1}'

# scenario name -> server properties, scheme, whether a token is sent
scenario() {
  case "$1" in
    plain)      server_props=("${off_props[@]}"); scheme=http; token=no ;;
    mtls+token) server_props=("${tls_props[@]}" "${auth_props[@]}" "${mtls_props[@]}"); scheme=https; token=yes ;;
    token)      server_props=("${auth_props[@]}"); scheme=http; token=yes ;;
    tls)        server_props=("${tls_props[@]}" "${off_props[@]}"); scheme=https; token=no ;;
    *) echo "unknown scenario '$1'" >&2; exit 2 ;;
  esac
  host=127.0.0.1; [[ $scheme == https ]] && host=localhost
  url="$scheme://$host:$PORT/api/jsonrpc"
}

call() {  # call [curl args...] -> HTTP status of an echo call
  local tls=(); [[ $scheme == https ]] && tls=("${curl_tls[@]}")
  curl -s -o /dev/null -w '%{http_code}' "${tls[@]}" -H 'Content-Type: application/json' -d "$ECHO" "$@" "$url" || true
}

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  SERVER_PID=""
}
trap stop_server EXIT

run() {
  local name="$1" result="$OUT_DIR/$1.$2.result"
  scenario "$name"
  log "[$name, round $2] starting the demo server ($url)"
  (cd "$OUT_DIR" && exec java $JVM_FLAGS -jar "$JAR" "${common[@]}" "${server_props[@]}") > "$OUT_DIR/$name.server.log" 2>&1 &
  SERVER_PID=$!
  local headers=()
  [[ $token == yes ]] && headers=(-H "X-API-Key: $TOKEN")
  for _ in $(seq 240); do [[ "$(call "${headers[@]}")" == 200 ]] && break; sleep 0.5; done
  [[ "$(call "${headers[@]}")" == 200 ]] || { log "[$name] the server does not answer; see $OUT_DIR/$name.server.log"; exit 1; }
  if [[ $token == yes ]]; then  # security really is on and the token required: without it, 401
    local refused; refused="$(call)"
    [[ $refused == 401 ]] || { log "[$name] an echo without the token got HTTP $refused, not 401"; exit 1; }
  fi
  local args=(--url "$url" --connections "$CONNECTIONS" --threads "$LOADGEN_THREADS" --warmup "$WARMUP" --duration "$DURATION")
  [[ $scheme == https ]] && args+=("${client_tls[@]}")
  [[ $token == yes ]] && args+=(--header "X-API-Key: $TOKEN")
  log "[$name] load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java $LOADGEN_JVM_FLAGS -jar "$LOADGEN" "${args[@]}" | tee "$result" >&2 || true
  echo "load=$(cut -d' ' -f1 /proc/loadavg)" >> "$result"
  stop_server
}

for round in $(seq "$ROUNDS"); do
  for name in $SCENARIOS; do run "$name" "$round"; done
done

field() { sed -n "s/.*\b$3=\([^ ]*\).*/\1/p" "$OUT_DIR/$1.$2.result" | head -n1; }
describe() {
  case "$1" in
    plain)      echo "(a) plain HTTP, security off" ;;
    mtls+token) echo "(b) HTTPS + mTLS (client-auth need, CRL) + token + roles" ;;
    token)      echo "(c) plain HTTP + token + roles" ;;
    tls)        echo "(d) HTTPS + mTLS handshake only, security off" ;;
  esac
}
base="$(echo "$SCENARIOS" | awk '{print $1}')"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
{
  echo "| round | run | req/s | req/s vs (a) | p50 ms | p50 vs (a) | p99 ms | p99 vs (a) | errors | connections | load after |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for round in $(seq "$ROUNDS"); do
    for name in $SCENARIOS; do
      f() { field "$1" "$round" "$2"; }
      rps=$(f "$name" rps); p50=$(f "$name" p50_ms); p99=$(f "$name" p99_ms)
      printf '| %s | %s | %.0f | %s | %.2f | %s | %.2f | %s | %s | %s | %s |\n' "$round" "$(describe "$name")" "$rps" \
        "$(ratio "$rps" "$(f "$base" rps)")" "$p50" "$(ratio "$p50" "$(f "$base" p50_ms)")" \
        "$p99" "$(ratio "$p99" "$(f "$base" p99_ms)")" "$(f "$name" errors)" "$(f "$name" connections)" "$(f "$name" load)"
    done
  done
} | tee "$OUT_DIR/report.md"
log "results in $OUT_DIR"
