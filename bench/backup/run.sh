#!/bin/sh
# Backup and restore of a 2 GiB SQLite database against cp of the same file, in one run.
# Usage: bench/backup/run.sh [WORKDIR] [SIZE_MIB] [ROUNDS]   (defaults: target/bench-backup 2048 3)
# Needs about 4x SIZE free on WORKDIR's file system; deletes its files afterwards unless KEEP=1.
# The engine is compiled with the reactor (never installed); this file runs as a single-file
# source program on the engine's classes and runtime classpath.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$root/target/bench-backup}
size=${2:-2048}
rounds=${3:-3}
cd "$root"
mvn -q -o -pl godwit-engine compile dependency:build-classpath -Dmdep.outputFile="$root/target/bench-backup.classpath"
cp="godwit-engine/target/classes:$(cat target/bench-backup.classpath)"
df -h "$(dirname "$work")"
java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn bench/backup/BackupBench.java "$work" "$size" "$rounds"
if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; fi
