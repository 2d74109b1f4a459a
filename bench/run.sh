#!/usr/bin/env bash
# Godwit beside Flyway, Liquibase and the databases' own shells. Usage: bench/run.sh [--quick]
#   --quick   under 3 minutes: fewer iterations, no 100,000 row, slowest peer rows measured once
# PostgreSQL: an embedded server is started, or the one GODWIT_BENCH_PG_URL names
# (jdbc:postgresql://HOST:PORT/DB?user=U&password=P). Figures: bench/out/results-*.md; a full run
# also refreshes bench/RESULTS.md. GODWIT_BENCH_JVM_OPTS adds options to every measured JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }
command -v psql >/dev/null || echo "psql not found: the PostgreSQL shell rows will be n/a" >&2

echo "Building godwit-bench, the godwit command (bin/godwit's jar) and what they need..."
mvn -B -q -Dstyle.color=never -pl godwit-bench,godwit-cli -am package -DskipTests
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"

exec java -cp "$CP" -Dbench.out=bench/out -Dbench.command="bench/run.sh${*:+ $*}" io.godwit.bench.Bench "$@"
