#!/usr/bin/env bash
# The import benchmark (by hand, never in CI): writes a Chroma 1.x persist directory with the real
# Chroma server (peer/, COUNT records of 384 dimensions; kept for later runs), builds a 0.3 one with
# DuckDB, then runs io.godwit.bench.importer.ImportBench: each imported into a new store, beside a
# plain JDBC batch insert of the same rows into the same tables, in the same run.
#   bench/import.sh [COUNT] [PORT]      (default 200000, 18703; needs `npm ci --prefix peer`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-200000}
port=${2:-18703}
out=$root/bench/out-import
dir=$out/chroma-1x-$count
mkdir -p "$out"
if [ ! -f "$dir/chroma.sqlite3" ]; then
  "$root/peer/start.sh" "$port" "$dir" > "$out/peer.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v2/heartbeat" > /dev/null && break; sleep 0.3; done
  node "$root/peer/import-bench.mjs" "$port" "$count" 384
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$dir/.chroma-config.yaml"
fi
cd "$root"
mvn -B -q -o -pl godwit-bench -am package -DskipTests

java -Xmx3g -cp "godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)" io.godwit.bench.importer.ImportBench "$out" "chroma-1x-$count" 100000
