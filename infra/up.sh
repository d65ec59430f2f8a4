#!/usr/bin/env bash
# One command on a fresh machine: installs the dependencies and the Temporal
# CLI, builds, then runs the whole stack (Temporal dev server with its UI,
# PostgreSQL, migrations, API, worker) until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[up] installing npm dependencies…" >&2
  npm ci --no-audit --no-fund
fi

echo "[up] locating the Temporal CLI…" >&2
TEMPORAL_CLI="$(bash infra/temporal/ensure-temporal-cli.sh)"
export TEMPORAL_CLI

echo "[up] building…" >&2
npm run --silent build

exec node dist/infra/scripts/stack.js
