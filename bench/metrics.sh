#!/usr/bin/env bash
# What watching the store costs: adds and queries with no listener, with Godwit's meters (per-collection
# series off and on) and with meters and OpenTelemetry spans, in the same run. Figures: bench/out/metrics-overhead.md.
# Usage: bench/metrics.sh [--calls=N] [--rounds=N]   (default 2,000 calls of each kind, 5 rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building godwit-bench and what it needs..."
# The build runs niced (it is not what is measured), so that it does not take the machine from the others.
nice -n 15 mvn -q -pl godwit-bench -am package -DskipTests
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"
exec java -cp "$CP" -Dbench.out=bench/out io.godwit.bench.metrics.MetricsOverheadBench "$@"
