#!/usr/bin/env bash
# write-docs.sh REPORT: prints the benchmark section for docs/benchmarks.md (command, machine, table).
set -euo pipefail
REPORT="$1"
cat <<MD
## Run of $(date -u +'%Y-%m-%d %H:%M UTC')

Command (from the project root): \`WARMUP=${WARMUP:-30s} PEERS="${PEERS:-all}" bench/run.sh\`

Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr); $(java -version 2>&1 | head -n1).

$(cat "$REPORT")
MD
