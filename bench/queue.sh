#!/usr/bin/env bash
# bench/queue.sh [-Dprop=value ...]: the job queue vs plain Quartz, in memory and on PostgreSQL.
#   bench/queue.sh                                  # both stores, 200 submits/s for 10 s, 20000 / 2000 jobs
#   bench/queue.sh -Dstores=memory -Dseconds=5      # see QueueBenchmark's javadoc for every property
# PostgreSQL: ADAPTER_TEST_JDBC_URL (default jdbc:postgresql://127.0.0.1:5432/test, user postgres, trust auth);
# the benchmark creates and drops schemas bench_*.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$ROOT" && ./mvnw -B -q -o -Pfull -pl bench/queue -am package -DskipTests)
exec java -Xms512m -Xmx512m "$@" -jar "$ROOT/bench/queue/target/queue-benchmark.jar"
