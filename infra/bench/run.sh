#!/usr/bin/env bash
# npm run bench (and npm run soak, BENCH_ENTRY=soak/main.js): the same set-up as infra/up.sh (dependencies, Temporal CLI,
# build), then the benchmark, which starts its own stack from dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[bench] installing npm dependencies…" >&2
  npm ci --no-audit --no-fund
fi
TEMPORAL_CLI="$(bash infra/temporal/ensure-temporal-cli.sh)"
export TEMPORAL_CLI
echo "[bench] building…" >&2
npm run --silent build >&2
exec node "dist/infra/${BENCH_ENTRY:-bench/main.js}" "$@"
