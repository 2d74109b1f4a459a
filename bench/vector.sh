#!/usr/bin/env bash
# The vector-index benchmark: Godwit's store (in process, and over `godwit run`) beside a real
# Chroma 1.0 server on the same seeded data, in the same run. Usage: bench/vector.sh [--quick]
#   --quick   10,000 vectors of 384 dimensions in each space
#   full      10,000 and 100,000 x 384 in each space, 10,000 x 3,072 (cosine), and 1,000,000 x 384
#             (l2, Godwit alone unless -Dbench.peer1m=true)
#   --only=l2-100000-384   only the workloads whose folder name contains that (a full run takes
#             well over 15 minutes on 2 cores: run it in parts); GODWIT_BENCH_JAVA_OPTS=-Dbench.part=inprocess
#             runs only the in-process side, then -Dbench.part=servers the HTTP server and the peer on it
# Needs node and `npm ci --prefix peer`. The peer listens on port 18310 and `godwit run` on the
# next one (-Dbench.peerPort=... in GODWIT_BENCH_JAVA_OPTS to change). GODWIT_BENCH_JAVA: another
# java to run on. The in-process side runs with the JDK's Vector API (--add-modules
# jdk.incubator.vector, as `bin/godwit run` does: README "How a query is answered");
# GODWIT_VECTOR_API=off runs it without (plain loops). Figures: bench/out/vector-*.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d peer/node_modules/chromadb-js-bindings-linux-x64-gnu ] || npm ci --prefix peer --no-audit --no-fund
echo "Building godwit-bench and what it needs..."
nice -n 15 mvn -q -o -pl godwit-cli,godwit-bench -am package -DskipTests
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"
# shellcheck disable=SC2086 # GODWIT_BENCH_JAVA_OPTS is a list of options
simd=(--add-modules jdk.incubator.vector)
[ "${GODWIT_VECTOR_API:-on}" = off ] && simd=()
exec "${GODWIT_BENCH_JAVA:-java}" "${simd[@]}" ${GODWIT_BENCH_JAVA_OPTS:-} -Xmx6g -cp "$CP" io.godwit.bench.vector.VectorBench "$@"
