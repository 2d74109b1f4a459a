#!/usr/bin/env bash
# The server benchmark (io.godwit.bench.server.ServerLoad): godwit run beside the Chroma peer under the
# same mixed load, then a SIGKILL-and-restart trial. Builds what it needs; needs `npm ci --prefix peer`.
#   bench/server.sh [SECONDS]      (default 60; takes about 4 x SECONDS plus start-up)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[ -d peer/node_modules/chromadb-js-bindings-linux-x64-gnu ] || npm ci --prefix peer --no-audit --no-fund --loglevel=error
mvn -B -q -o -pl godwit-cli,godwit-bench -am package -DskipTests >&2
exec java -cp "godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)" \
  io.godwit.bench.server.ServerLoad "$repo" "${1:-60}"
