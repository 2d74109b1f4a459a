#!/usr/bin/env bash
# The vector-index benchmark: Godwit's vector segment beside a real Chroma 1.0 server on the same
# seeded data, in the same run. Usage: bench/vector.sh [--quick]
#   --quick   a few minutes: 10,000 vectors of 384 dimensions in each space
#   full      10,000 and 100,000 (l2), 100,000 (cosine, ip), 10,000 x 3,072 (cosine)
#   --only=l2-100000-384   only the workloads whose name contains that
# Needs node and `npm ci --prefix peer`. The peer listens on port 18310 (-Dbench.peerPort=...
# in GODWIT_BENCH_JAVA_OPTS to change). Figures: bench/out/vector-quick.md or vector-full.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d peer/node_modules/chromadb-js-bindings-linux-x64-gnu ] || npm ci --prefix peer --no-audit --no-fund
echo "Building godwit-bench and what it needs..."
mvn -q -pl godwit-bench -am package -DskipTests
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"
exec java ${GODWIT_BENCH_JAVA_OPTS:-} -Xmx3g -cp "$CP" io.godwit.bench.vector.VectorBench "$@"
