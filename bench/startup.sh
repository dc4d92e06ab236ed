#!/usr/bin/env bash
# bench/startup.sh: how long until the demo server answers its first request, beside a plain Spring
# Boot WebFlux hello app (bench/startup-hello) measured in the same session, with hyperfine.
# Each run starts the jar, polls GET /health every 10 ms until it answers, then kills the JVM
# (SIGKILL, so no graceful shutdown is timed).
#
#   bench/startup.sh                 # demo as shipped, demo with CDS, hello, hello with CDS
#   RUNS=5 bench/startup.sh
#
# CDS: Boot's `-Djarmode=tools extract` layout plus a training run that writes a dynamic archive
# (-XX:ArchiveClassesAtExit, JDK 13+), then started with -XX:SharedArchiveFile (docs/operations.md).
# Environment: RUNS (10), WARMUP (2), PORT (19500), OUT_DIR, MVNW_FLAGS (default "-B -q").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
PORT="${PORT:-19500}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q}"
OUT_DIR="${OUT_DIR:-$ROOT/bench/out/startup-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT_DIR"
log() { echo "[startup] $*" >&2; }
command -v hyperfine >/dev/null || { log "hyperfine missing: apt-get install -y hyperfine"; exit 1; }

log "building the demo server and the hello baseline"
(cd "$ROOT" && ./mvnw $MVNW_FLAGS -pl examples/demo-server -am package -DskipTests)
(cd "$ROOT" && ./mvnw $MVNW_FLAGS -f bench/startup-hello/pom.xml package -DskipTests)

# ready.sh <port> <java args...>: start, wait for /health, stop
cat > "$OUT_DIR/ready.sh" <<'SH'
#!/usr/bin/env bash
port=$1; shift
java "$@" --server.port="$port" >/dev/null 2>&1 &
pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 $pid 2>/dev/null || { echo "server exited" >&2; exit 1; }
  sleep 0.01
done
# SIGKILL: the measured time ends at the first answer, not after a graceful shutdown
kill -9 $pid; wait $pid 2>/dev/null || true
SH
chmod +x "$OUT_DIR/ready.sh"

# cds <jar> <dir>: extract with Boot's jarmode and train a dynamic CDS archive
cds() {
  local jar=$1 dir=$2
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  local app; app="$dir/$(basename "$jar")"
  # Boot's training mode: refresh the context (creating every bean), then exit, writing the archive
  java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" >/dev/null 2>&1
  echo "$app"
}
DEMO="$ROOT/examples/demo-server/target/demo-server.jar"
HELLO="$ROOT/bench/startup-hello/target/startup-hello.jar"
log "training CDS archives"
DEMO_CDS=$(cds "$DEMO" "$OUT_DIR/demo-cds")
HELLO_CDS=$(cds "$HELLO" "$OUT_DIR/hello-cds")

hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-markdown "$OUT_DIR/startup.md" \
  -n hello "$OUT_DIR/ready.sh $PORT -jar $HELLO" \
  -n demo "$OUT_DIR/ready.sh $PORT -jar $DEMO" \
  -n hello-cds "$OUT_DIR/ready.sh $PORT -XX:SharedArchiveFile=$OUT_DIR/hello-cds/app.jsa -jar $HELLO_CDS" \
  -n demo-cds "$OUT_DIR/ready.sh $PORT -XX:SharedArchiveFile=$OUT_DIR/demo-cds/app.jsa -jar $DEMO_CDS"
cat "$OUT_DIR/startup.md"
