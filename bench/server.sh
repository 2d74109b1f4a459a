#!/usr/bin/env bash
# The server benchmark (io.godwit.bench.server.ServerLoad): godwit run beside the Chroma peer under the
# same mixed load, adds free-running then paced at one rate on both, then a SIGKILL-and-restart trial.
# Builds what it needs; needs `npm ci --prefix peer`.
#   bench/server.sh [SECONDS] [ADD_RATE]   (default 60; takes about 6 x SECONDS plus start-up)
# ADD_RATE: records/s of the paced runs (default: the peer's free-running rate; 0: no paced runs).
# GODWIT_BENCH_PORT: the first of the three ports used (default 18450).
# http.maxConnections=32: the client JVM keeps a kept-alive connection for each of the 16 client threads on
# both sides (HttpURLConnection keeps 5 per server by default; the others would reconnect for every call).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[ -d peer/node_modules/chromadb-js-bindings-linux-x64-gnu ] || npm ci --prefix peer --no-audit --no-fund --loglevel=error
mvn -B -q -o -pl godwit-cli,godwit-bench -am package -DskipTests >&2
exec java -Dhttp.maxConnections=32 -Dbench.port="${GODWIT_BENCH_PORT:-18450}" -cp "godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)" \
  io.godwit.bench.server.ServerLoad "$repo" "${1:-60}" ${2:+"$2"}
