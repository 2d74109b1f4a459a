#!/usr/bin/env bash
# The record-store benchmark: Godwit's persistent client in process, and `godwit run` beside a real
# Chroma 1.0 server both reached by Chroma's npm client; same workload, same run. Usage:
#   bench/store.sh [--quick] [--parts=inprocess,server,peer]
#   (--quick: 20,000 records of 384 dimensions; full: 100,000. --parts: only those; the table is made
#   from each part's last result in bench/out, so a full run can be split into holds of the bench lock)
# Needs node and `npm ci --prefix peer`. The server is started as a user starts it, `bin/godwit run`.
# Ports: the peer 18150, godwit run 18151 (change with -Dbench.peerPort=... -Dbench.serverPort=...
# in GODWIT_BENCH_JAVA_OPTS). Figures: bench/out/store-quick.md
# or store-full.md; the machine's load average is in the report (run it when the machine is quiet).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d peer/node_modules/chromadb-js-bindings-linux-x64-gnu ] || npm ci --prefix peer --no-audit --no-fund
echo "Building godwit-bench and what it needs..."
mvn -B -q -pl godwit-cli,godwit-bench -am package -DskipTests
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"
exec java ${GODWIT_BENCH_JAVA_OPTS:-} -Xmx2g -cp "$CP" io.godwit.bench.store.StoreBench "$@"
