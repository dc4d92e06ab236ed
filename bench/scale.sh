#!/usr/bin/env bash
# bench/scale.sh: what the queue's calls cost as retained work grows. Runs the demo server on the JDBC
# store (PostgreSQL) with 1 000 and with 1 000 000 retained jobs in one session (one server per size, both
# up at once; each call is measured on one size right after the other), with wrk (bench/scale.lua), the
# p50/p99 of:
#
#   submit              a queued command (chunk) as a non-admin caller (token:alice)
#   status              queue_get_job_status of a random seeded job of alice
#   list_owner          queue_list_jobs first page as alice: no filter (100), status_filter failed (20),
#                       command long_task (20); 20, not 100, so that the page is full with 1 000 jobs too
#                       (alice has 25 failed and 50 long_task jobs there) and both sizes answer as much
#   list_admin          as the admin (role queue_admin: every owner's jobs): no filter, failed + stopped,
#                       long_task + completed (100 each)
#   health              GET /health (its queue component counts the jobs per state)
#
# then prints one table per round with the 1M / 1k ratio of each figure (target: every ratio <= 2). The
# submits go last: the jobs they make run on the servers' workers after them.
#
#   bench/scale.sh
#   SIZES="1000 100000" WARMUP=3 DURATION=5 bench/scale.sh      # a quick look
#
# The seeded jobs are in the store's real row format (bench/scale-seed.sql, generate_series): 4 owners
# (alice owns a quarter), 5 commands, 80 % completed / 10 % failed / 5 % stopped / 5 % deleted,
# params ~250 B, results ~600 B, created over the last 30 days. They are all finished: a pending or
# running row without a Quartz job would be failed by the recovery check while the run measures.
#
# Uses schemas of its own (<SCHEMA>_<size>, default bench_scale_1000 and bench_scale_1000000, dropped and
# made again at the start, left in place at the end for a look) and its own table names (scale_jobs,
# SCALE_QRTZ_), so tests and other runs on the same database are not disturbed. Needs wrk and psql.
#
# Environment: SIZES ("1000 1000000"), ROUNDS (1), WARMUP (5 s), DURATION (15 s), CONNECTIONS (2),
# THREADS (1), PORT (19600: the first size's server; the next sizes take the next ports), PGHOST (127.0.0.1), PGPORT (5432), PGDATABASE (test), PGUSER (postgres),
# SCHEMA (bench_scale), CLEANUP (unset; a number: also time the trim to that many jobs, see below), JVM_FLAGS, OUT_DIR, JAR (the demo server jar), REBUILD=1 to rebuild it,
# MVNW_FLAGS (default "-B -q"; add -o offline).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${SIZES:-1000 1000000}"
ROUNDS="${ROUNDS:-1}"
WARMUP="${WARMUP:-5}"
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-2}"
THREADS="${THREADS:-1}"
PORT="${PORT:-19600}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGDATABASE="${PGDATABASE:-test}" PGUSER="${PGUSER:-postgres}"
SCHEMA="${SCHEMA:-bench_scale}"
JVM_FLAGS="${JVM_FLAGS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
MVNW_FLAGS="${MVNW_FLAGS:--B -q}"
OUT_DIR="${OUT_DIR:-$ROOT/bench/out/scale-$(date -u +%Y%m%dT%H%M%SZ)}"
JAR="${JAR:-$ROOT/examples/demo-server/target/demo-server.jar}"
TABLE=scale_jobs
mkdir -p "$OUT_DIR"
log() { echo "[scale] $(date -u +%H:%M:%S) $*" >&2; }
psqlq() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$@"; }

if [[ ! -f "$JAR" || -n "${REBUILD:-}" ]]; then
  log "building the demo server"
  (cd "$ROOT" && ./mvnw $MVNW_FLAGS -pl examples/demo-server -am package -DskipTests)
fi

cat > "$OUT_DIR/scale.yml" <<YAML
spring:
  datasource:
    username: $PGUSER
adapter:
  security:
    enabled: true
    token-list:
      - name: alice
        value: alice-token
        roles: [user]
      - name: admin
        value: admin-token
        roles: [queue_admin]
    roles:
      user: [chunk, "queue_*"]
      queue_admin: ["*"]
  queue:
    jdbc:
      table: $TABLE
      quartz-table-prefix: SCALE_QRTZ_
    retention: 3650d              # keep every seeded job: the run measures retained work
    max-finished-jobs: 100000000
    max-pending: 1000000
YAML

declare -A server_pid=()
port_of() { # size -> the port of its server
  local i=0 size
  for size in $SIZES; do [[ "$size" == "$1" ]] && { echo $((PORT + i)); return; }; i=$((i + 1)); done
}
start() { # size [more server arguments]
  local size="$1" port; port=$(port_of "$1"); shift
  java $JVM_FLAGS -jar "$JAR" --spring.profiles.active=postgres --server.port="$port" --server.address=127.0.0.1 \
    --logging.level.root=WARN --spring.config.additional-location="file:$OUT_DIR/scale.yml" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=${SCHEMA}_$size" "$@" \
    >> "$OUT_DIR/server-$size.log" 2>&1 &
  server_pid[$size]=$!
  for _ in $(seq 1 180); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && return; sleep 1; done
  log "server did not start (see $OUT_DIR/server-$size.log)"; exit 1
}
stop_all() { local pid; for pid in "${server_pid[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; server_pid=(); }
trap stop_all EXIT

seed() { # size
  log "seeding $1 jobs"
  psqlq -v table="${SCHEMA}_$1.$TABLE" -v jobs="$1" -f "$ROOT/bench/scale-seed.sql"
  psqlq -c "VACUUM ANALYZE ${SCHEMA}_$1.$TABLE"
}

# one wrk run against the server of one size: prints "p50 p99 requests rps errors"
drive() { # size seconds target body token
  TARGET="$3" BODY="$4" TOKEN="$5" JOBS="$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s "$ROOT/bench/scale.lua" \
    "http://127.0.0.1:$(port_of "$1")" 2>>"$OUT_DIR/wrk.err" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

rpc() { # method params-json
  printf '{"jsonrpc":"2.0","method":"%s","params":%s,"id":1}' "$1" "$2"
}

SCENARIOS="status list_owner list_owner_status list_owner_command list_admin list_admin_status list_admin_command health submit"
scenario() { # name -> target|body|token
  case "$1" in
    submit) echo "/api/jsonrpc|$(rpc chunk '{"text":"One. Two. Three. Four.","window":2}')|alice-token" ;;
    status) echo "/api/jsonrpc|$(rpc queue_get_job_status '{"job_id":"%ID%"}')|alice-token" ;;
    list_owner) echo "/api/jsonrpc|$(rpc queue_list_jobs '{}')|alice-token" ;;
    list_owner_status) echo "/api/jsonrpc|$(rpc queue_list_jobs '{"status_filter":"failed","limit":20}')|alice-token" ;;
    list_owner_command) echo "/api/jsonrpc|$(rpc queue_list_jobs '{"command":"long_task","limit":20}')|alice-token" ;;
    list_admin) echo "/api/jsonrpc|$(rpc queue_list_jobs '{}')|admin-token" ;;
    list_admin_status) echo "/api/jsonrpc|$(rpc queue_list_jobs '{"status_filter":["failed","stopped"]}')|admin-token" ;;
    list_admin_command) echo "/api/jsonrpc|$(rpc queue_list_jobs '{"command":"long_task","status_filter":"completed"}')|admin-token" ;;
    health) echo "/health||" ;;
  esac
}

# every size has its own schema and server, all up at once; each call is measured on every size in
# turn (the order reversed every other round), so a change of the machine's load hits the sizes alike
for size in $SIZES; do
  psqlq -c "DROP SCHEMA IF EXISTS ${SCHEMA}_$size CASCADE" -c "CREATE SCHEMA ${SCHEMA}_$size"
  start "$size"
  seed "$size"
done
RESULTS="$OUT_DIR/results.tsv"
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  order="$SIZES"; (( round % 2 == 0 )) && order="$(echo "$SIZES" | tr ' ' '\n' | tac | tr '\n' ' ')"
  echo "$round $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/load.txt"
  for name in $SCENARIOS; do
    IFS='|' read -r target body token <<< "$(scenario "$name")"
    for size in $order; do
      drive "$size" "$WARMUP" "$target" "$body" "$token" > /dev/null
      read -r p50 p99 requests rps errors <<< "$(drive "$size" "$DURATION" "$target" "$body" "$token")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$size" "$name" "$p50" "$p99" "$requests" "$rps" "$errors" \
        | tee -a "$RESULTS" >&2
    done
  done
  echo "$round $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT_DIR/load.txt"
done
for size in $SIZES; do
  psqlq -At -c "SELECT status, count(*) FROM ${SCHEMA}_$size.$TABLE GROUP BY 1 ORDER BY 1" > "$OUT_DIR/rows-$size.txt"
done
stop_all
small="${SIZES%% *}"; large="${SIZES##* }"

# CLEANUP=<keep>: restart the largest size's server with max-finished-jobs=<keep>; its first retention
# cleanup (at startup) trims the rest in batches. Reports how long until the table holds <keep> finished
# jobs, and list_owner's figures measured meanwhile.
if [[ -n "${CLEANUP:-}" ]]; then
  terminal() { psqlq -At -c "SELECT count(*) FROM ${SCHEMA}_$large.$TABLE WHERE status IN ('completed','failed','stopped','deleted')"; }
  before=$(terminal)
  # jobs still open (the submits') may finish after the trim: they are not the trim's to remove
  open=$(psqlq -At -c "SELECT count(*) FROM ${SCHEMA}_$large.$TABLE WHERE status IN ('pending','running')")
  log "cleanup: $before finished jobs, keeping $CLEANUP"
  t0=$(date +%s.%N)
  start "$large" --adapter.queue.max-finished-jobs="$CLEANUP"
  IFS='|' read -r target body token <<< "$(scenario list_owner)"
  drive "$large" "$DURATION" "$target" "$body" "$token" > "$OUT_DIR/cleanup-list.txt" &
  driver=$!
  while (( $(terminal) > CLEANUP + open )); do sleep 0.5; done
  t1=$(date +%s.%N)
  wait "$driver"
  after=$(terminal)
  echo "cleanup: $before -> $after finished jobs in $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}') s from the server's start; list_owner meanwhile (p50 p99 requests req/s errors): $(cat "$OUT_DIR/cleanup-list.txt")" \
    | tee "$OUT_DIR/cleanup.txt" >&2
  stop_all
fi

# one table per round: each call's figures at the smallest and the largest size, and their ratio
{
  for round in $(seq 1 "$ROUNDS"); do
    echo
    echo "Round $round (load average 1/5/15 min at its start and end: $(grep "^$round " "$OUT_DIR/load.txt" | awk '{printf "%s%s/%s/%s", sep, $2, $3, $4; sep=" → "}'))"
    echo
    echo "| call | p50 ms $small | p50 ms $large | ratio | p99 ms $small | p99 ms $large | ratio | req/s $small | req/s $large | errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name in $SCENARIOS; do
      awk -F'\t' -v r="$round" -v n="$name" -v s="$small" -v l="$large" '
        $1 == r && $3 == n && $2 == s { sp50 = $4; sp99 = $5; srps = $7; serr = $8 }
        $1 == r && $3 == n && $2 == l { lp50 = $4; lp99 = $5; lrps = $7; lerr = $8 }
        END { printf "| %s | %s | %s | %.2f | %s | %s | %.2f | %s | %s | %d |\n", n, sp50, lp50, lp50 / sp50, sp99, lp99,
              lp99 / sp99, srps, lrps, serr + lerr }' "$RESULTS"
    done
  done
} | tee "$OUT_DIR/report.md"
log "results in $OUT_DIR"
