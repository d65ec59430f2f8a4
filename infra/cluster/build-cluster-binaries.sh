#!/usr/bin/env bash
# Builds the three binaries of a real Temporal cluster into <repo>/.tools/bin (git-ignored):
#   temporal-server     go.temporal.io/server/cmd/server      (frontend, history, matching, worker services)
#   temporal-sql-tool   go.temporal.io/server/cmd/tools/sql   (creates and upgrades the PostgreSQL schemas)
#   temporal-ui-server  github.com/temporalio/ui-server/v2    (the Temporal UI)
# The versions are the ones inside the Temporal CLI v1.5.1 the dev-server path uses
# (its go.mod), so the dev server and the cluster run the same server code.
# Instant when the binaries are there. GOFLAGS=-p=1 by default: the machine is shared.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="$REPO_ROOT/.tools/bin"
SERVER_VERSION="${TEMPORAL_SERVER_VERSION:-v1.29.1}"
UI_VERSION="${TEMPORAL_UI_VERSION:-v2.42.1}"

log() { printf 'build-cluster-binaries: %s\n' "$*" >&2; }

# go install names a binary after its package folder (two of them are called "server"),
# so each goes through its own GOBIN and is renamed.
install_as() {
  local name="$1" module="$2"
  if [[ -x "$BIN_DIR/$name" ]]; then return 0; fi
  command -v go >/dev/null 2>&1 || { log "go not found: install Go 1.24+ to build $name"; exit 1; }
  local tmp
  tmp="$(mktemp -d)"
  log "building $name from $module (a few minutes, once)..."
  GOFLAGS="${GOFLAGS:--p=1}" GOBIN="$tmp" nice go install "$module"
  mkdir -p "$BIN_DIR"
  mv "$tmp"/* "$BIN_DIR/$name"
  rmdir "$tmp"
  log "installed $BIN_DIR/$name"
}

install_as temporal-server "go.temporal.io/server/cmd/server@$SERVER_VERSION"
install_as temporal-sql-tool "go.temporal.io/server/cmd/tools/sql@$SERVER_VERSION"
install_as temporal-ui-server "github.com/temporalio/ui-server/v2/cmd/server@$UI_VERSION"
printf '%s\n' "$BIN_DIR"
