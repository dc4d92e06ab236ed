#!/usr/bin/env bash
# bench/observation.sh [JMH args]: what observing a JSON-RPC call costs, dispatcher alone (no network).
#   1. this tree's jar: ObservationBenchmark (registry = noop | no-handlers | empty-handler | meters)
#      and DispatcherBenchmark.singleByName, in one JMH run (ratios between them are within one run);
#   2. right after, the same DispatcherBenchmark.singleByName built from BASE_REF (default 3cdba6e,
#      the last commit with the old DispatchListener and no observation) as the old code path.
#   BASE_REF=<commit> bench/observation.sh -wi 3 -i 5
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_REF="${BASE_REF:-3cdba6e}"
OUT="$ROOT/bench/jmh/target/observation"
BASE_SRC="$(mktemp -d)"
trap 'rm -rf "$BASE_SRC"' EXIT
mkdir -p "$OUT"
(cd "$ROOT" && ./mvnw -B -q -Pfull -pl bench/jmh -am package -DskipTests)
git -C "$ROOT" archive "$BASE_REF" | tar -x -C "$BASE_SRC"
(cd "$BASE_SRC" && ./mvnw -B -q -pl bench/jmh -am package -DskipTests)
echo "load before: $(cat /proc/loadavg)  cores: $(nproc)"
java -jar "$ROOT/bench/jmh/target/benchmarks.jar" 'ObservationBenchmark|DispatcherBenchmark.singleByName' \
	-rf json -rff "$OUT/current.json" "$@"
java -jar "$BASE_SRC/bench/jmh/target/benchmarks.jar" 'DispatcherBenchmark.singleByName' \
	-rf json -rff "$OUT/base.json" "$@"
echo "load after: $(cat /proc/loadavg)"
python3 - "$OUT/current.json" "$OUT/base.json" "$BASE_REF" <<'PY'
import json, sys
rows = []
for path, label in ((sys.argv[1], "this tree"), (sys.argv[2], "base " + sys.argv[3])):
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]
        param = r.get("params", {}).get("registry", "")
        m = r["primaryMetric"]
        rows.append((label, name + (f" [{param}]" if param else ""), m["score"], m["scoreError"]))
ref = next(s for l, n, s, e in rows if n == "ObservationBenchmark.singleCall [noop]")
print(f"| jar | benchmark | ops/ms | ± | vs noop |")
print(f"|---|---|---:|---:|---:|")
for label, name, score, err in rows:
    print(f"| {label} | {name} | {score:,.1f} | {err:,.1f} | {score / ref:.2f} |")
PY
