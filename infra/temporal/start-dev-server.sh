#!/usr/bin/env bash
# Starts the local Temporal dev server (state kept in .data/temporal/) until Ctrl-C.
# Same env overrides as start-dev-server.ts: TEMPORAL_CLI, TEMPORAL_PORT, TEMPORAL_UI_PORT,
# TEMPORAL_DB_FILE, TEMPORAL_LOG_FILE.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
# Compiled on demand into the git-ignored .tools/ so this works without `npm run build`.
OUT_DIR="$REPO_ROOT/.tools/temporal-dev-server"
ENTRY="$OUT_DIR/infra/temporal/start-dev-server.js"
SOURCES=("$HERE/start-dev-server.ts" "$HERE/dev-server.ts" "$REPO_ROOT/libs/contracts/src/participation/search-attributes.ts")

TEMPORAL_CLI="$("$HERE/ensure-temporal-cli.sh")"
export TEMPORAL_CLI

stale=false
[[ -f "$ENTRY" ]] || stale=true
for src in "${SOURCES[@]}"; do [[ "$src" -nt "$ENTRY" ]] && stale=true; done
if $stale; then
  echo "compiling the dev server launcher into $OUT_DIR ..." >&2
  # Files on the command line make tsc ignore tsconfig.json (and its path aliases, unused here).
  "$REPO_ROOT/node_modules/.bin/tsc" --outDir "$OUT_DIR" --rootDir "$REPO_ROOT" \
    --module commonjs --moduleResolution node --target ES2022 --strict \
    --esModuleInterop --skipLibCheck --types node "$HERE/start-dev-server.ts"
fi

exec node "$ENTRY"
