#!/usr/bin/env bash
# Starts a real Chroma 1.0 server on PORT persisting to DIR, with reset allowed (as Chroma's own
# client tests need), in the foreground: run it in the background and stop it by its pid.
#   peer/start.sh PORT DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${1:?port}; dir=${2:?dir}
[ -d "$here/node_modules/chromadb-js-bindings-linux-x64-gnu" ] || { echo "peer: run 'npm ci --prefix peer' first" >&2; exit 2; }
mkdir -p "$dir"
cfg="$dir/.chroma-config.yaml"
printf 'allow_reset: true\npersist_path: "%s"\nport: %s\n' "$dir" "$port" > "$cfg"
exec node -e "require('$here/node_modules/chromadb-js-bindings-linux-x64-gnu/chromadb-js-bindings.linux-x64-gnu.node').cli(['chroma','run','$cfg'])"
