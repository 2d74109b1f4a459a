#!/usr/bin/env bash
# The default embedding function beside transformers.js on the same model file and texts.
# Usage: bench/embeddings.sh [--no-build] [--texts=N] [--threads=N] [--peer-first]
#   (default 10,000 WordNet glosses, one thread per core; --peer-first: transformers.js takes the first turn)
# Needs wordnet-base (apt-get install -y wordnet-base) and node. Figures: bench/out/embeddings.md.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -r /usr/share/wordnet/data.noun ] || { echo "WordNet is needed: apt-get install -y wordnet-base" >&2; exit 1; }
command -v node >/dev/null || { echo "node is needed for the transformers.js side" >&2; exit 1; }

if [ "${1:-}" = "--no-build" ]; then
  shift   # built beforehand, so that a run under the shared bench lock does not hold it while building
else
  echo "Building godwit-bench and what it needs..."
  # The build runs niced (it is not what is measured), so that it does not take the machine from the others.
  nice -n 15 mvn -q -pl godwit-bench -am package -DskipTests
fi
# No install scripts: onnxruntime-node's CPU binaries are in its npm package.
[ -d godwit-embeddings-minilm/golden/node_modules ] || ONNXRUNTIME_NODE_INSTALL=skip npm ci --prefix godwit-embeddings-minilm/golden --no-audit --no-fund --ignore-scripts
CP="godwit-bench/target/classes:$(cat godwit-bench/target/classpath.txt)"

exec java -cp "$CP" -Dbench.out=bench/out io.godwit.bench.embed.EmbeddingBench "$@"
