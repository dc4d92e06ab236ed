#!/usr/bin/env bash
# bench/jmh.sh [JMH args]: build and run the JMH micro benchmarks (dispatcher without network).
#   bench/jmh.sh                      # all benchmarks, 1 fork, 3x2s warm-up, 5x2s measurement
#   bench/jmh.sh DispatcherBenchmark.batchOfTen -wi 2 -i 3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$ROOT" && ./mvnw -B -q -Pfull -pl bench/jmh -am package -DskipTests)
exec java -jar "$ROOT/bench/jmh/target/benchmarks.jar" "$@"
