#!/usr/bin/env bash
# bench/observation-http.sh: echo over HTTP with wrk, the demo server with Actuator's metrics on its
# class path, once without an ObservationRegistry (ObservationAutoConfiguration excluded: the
# dispatcher's no-op path) and once with Boot's (rpc.adapter.call timers), alternating ROUNDS times.
#   ROUNDS=2 WARMUP=20s DURATION=15s bench/observation-http.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-2}"; WARMUP="${WARMUP:-20s}"; DURATION="${DURATION:-15s}"; PORT="${PORT:-19281}"
OUT="$ROOT/bench/out/observation-http"; mkdir -p "$OUT"
(cd "$ROOT" && ./mvnw -B -q -pl examples/demo-server -am compile)
# the demo server's classes on the starter's class path with its optional Actuator/Micrometer, no tracing
(cd "$ROOT" && ./mvnw -B -q -pl adapter-starter dependency:build-classpath -Dmdep.includeScope=compile \
	-Dmdep.outputFile="$OUT/starter.cp")
MODULES="examples/demo-server adapter-starter adapter-core adapter-queue adapter-security adapter-mcp"
CP="$(for m in $MODULES; do printf '%s:' "$ROOT/$m/target/classes"; done)$(tr ':' '\n' < "$OUT/starter.cp" \
	| grep -v -e tracing -e brave -e '/dev/rpcadapter/' | paste -sd: -)"
cat > "$OUT/echo.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jsonrpc":"2.0","method":"echo","params":{"message":"hello"},"id":1}'
LUA
run() { # name, extra args
	java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$CP" dev.rpcadapter.demo.DemoServerApplication \
		--server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN "${@:2}" > "$OUT/$1.log" 2>&1 &
	local pid=$!
	for _ in $(seq 60); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 1; done
	wrk -t1 -c64 -d"$WARMUP" -s "$OUT/echo.lua" "http://127.0.0.1:$PORT/api/jsonrpc" > /dev/null
	local timers; timers=$(curl -s "http://127.0.0.1:$PORT/actuator/metrics/rpc.adapter.call" | head -c 120 || true)
	echo "== $1 (load $(cut -d' ' -f1-3 /proc/loadavg)) rpc.adapter.call meter: ${timers:-none}"
	wrk -t1 -c64 -d"$DURATION" --latency -s "$OUT/echo.lua" "http://127.0.0.1:$PORT/api/jsonrpc" \
		| grep -E "Requests/sec|^ +50%|^ +99%"
	kill "$pid"; wait "$pid" 2>/dev/null || true
}
for round in $(seq "$ROUNDS"); do
	run "no-registry-$round" \
		--spring.autoconfigure.exclude=org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration,org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration \
		--management.endpoints.web.exposure.include=metrics
	run "boot-registry-$round" --management.endpoints.web.exposure.include=metrics
done
