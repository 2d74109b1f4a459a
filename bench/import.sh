#!/usr/bin/env bash
# The import benchmark (by hand, never in CI): writes a Chroma 1.x persist directory with the real
# Chroma server (peer/, COUNT records of 384 dimensions; kept for later runs, since the peer takes
# 10 to 30 minutes for 200,000), builds a 0.3 one with DuckDB, then runs
# io.godwit.bench.importer.ImportBench: each imported into a new store, beside a plain JDBC batch
# insert of the same rows into the same tables, timed before and after the import, in the same run.
#   bench/import.sh [COUNT] [PORT]      (default 200000, 18703; needs `npm ci --prefix peer`)
# IMPORT_SOURCES=DIR keeps the source directories in DIR (default bench/out-import), e.g. under /tmp
# to reuse them from several worktrees; the stores are written to bench/out-import.
# Run it under the shared lock: flock /tmp/godwit-bench.lock bench/import.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-200000}
port=${2:-18703}
out=$root/bench/out-import
sources=${IMPORT_SOURCES:-$out}
dir=$sources/chroma-1x-$count
mkdir -p "$out" "$sources"
if [ ! -f "$dir/chroma.sqlite3" ] || [ -f "$dir/.chroma-config.yaml" ]; then
  # absent, or a writer that did not finish (the config is removed at the end): write, or go on
  "$root/peer/start.sh" "$port" "$dir" > "$sources/peer.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v2/heartbeat" > /dev/null && break; sleep 0.3; done
  node "$root/peer/import-bench.mjs" "$port" "$count" 384
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$dir/.chroma-config.yaml"
fi
cd "$root"
mvn -B -q -o -pl godwit-bench -am package -DskipTests

java -Xmx3g -cp "godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)" io.godwit.bench.importer.ImportBench \
  "$sources" "chroma-1x-$count" 100000 "$out"
