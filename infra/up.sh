#!/usr/bin/env bash
# One command on a fresh machine: installs the dependencies and the Temporal
# CLI, builds, then runs the whole stack (Temporal dev server with its UI,
# PostgreSQL, migrations, the identity provider, API, worker) until Ctrl-C.
# Each long step says how long it has been running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node_version="$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)"
IFS=. read -r node_major node_minor _ <<<"$node_version"
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "Node.js 24 (or 20.19 and newer) is required (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

# Runs one long step in the background and shows its elapsed time: a counter on
# one line in a terminal, a line every 15 s in a log. Fails as the step fails.
step() {
  local label="$1" start=$SECONDS pid elapsed next=15
  shift
  echo "[up] $label…" >&2
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    elapsed=$((SECONDS - start))
    if [ -t 2 ]; then
      printf '\r[up] %s… %d s ' "$label" "$elapsed" >&2
    elif ((elapsed >= next)); then
      echo "[up] $label… $elapsed s" >&2
      next=$((next + 15))
    fi
  done
  if [ -t 2 ]; then printf '\r' >&2; fi
  wait "$pid"
  echo "[up] $label: done in $((SECONDS - start)) s" >&2
}

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm dependencies (npm ci)" npm ci --no-audit --no-fund --loglevel=error
fi

TEMPORAL_CLI="$(step "locating the Temporal CLI (built with Go the first time: a few minutes)" bash infra/temporal/ensure-temporal-cli.sh)"
export TEMPORAL_CLI

step "building (TypeScript, the workflow bundle, the console)" npm run --silent build >/dev/null

exec node dist/infra/scripts/stack.js
