#!/usr/bin/env bash
# Builds the three binaries of a real Temporal cluster into <repo>/.tools/bin (git-ignored):
#   temporal-server     go.temporal.io/server/cmd/server      (frontend, history, matching, worker services)
#   temporal-sql-tool   go.temporal.io/server/cmd/tools/sql   (creates and upgrades the PostgreSQL schemas)
#   temporal-ui-server  github.com/temporalio/ui-server/v2    (the Temporal UI)
# The versions are the newest releases the Go module proxy serves that build here
# (issue 17; docs/maintenance.md "Temporal: the newest tags that build here" lists the
# tags refused and why).
# The dev server (Temporal CLI v1.5.1, infra/temporal/ensure-temporal-cli.sh) stays on
# the server inside that CLI (v1.29.1): no newer CLI installs with `go install`.
#
# Each binary is stamped with its version (temporal-server-v1.32.2, ...) and reached
# through a symlink of the plain name, which is what the cluster code runs
# (infra/cluster/cluster.ts: <binDir>/temporal-server). A machine that holds binaries of
# another version (or the unstamped files of the old script) builds the new ones and
# repoints the symlinks; a stamped binary already there is reused at once.
# GOFLAGS=-p=1 by default: the machine is shared.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN_DIR="$REPO_ROOT/.tools/bin"
SERVER_VERSION="${TEMPORAL_SERVER_VERSION:-v1.32.2}"
UI_VERSION="${TEMPORAL_UI_VERSION:-v2.56.4}"

# Server v1.32.2 and UI server v2.56.4 say `go 1.26.10` in their go.mod; the machines
# have Go 1.26.8 and the go command (GOTOOLCHAIN=local in its go.env) refuses them.
# GOTOOLCHAIN=go1.27.3 makes the go command fetch that toolchain from the Go module
# proxy like any module (76 MB, about 10 s once per machine) and build with it.
# Exported here only, for these builds: the rest of the project (the Temporal CLI
# build, Node) needs no newer Go. A caller may name another toolchain.
export GOTOOLCHAIN="${TEMPORAL_CLUSTER_GOTOOLCHAIN:-go1.27.3}"

log() { printf 'build-cluster-binaries: %s\n' "$*" >&2; }

# go install names a binary after its package folder (two of them are called "server"),
# so each goes through its own GOBIN and is renamed to <name>-<version>.
install_as() {
  local name="$1" version="$2" package="$3"
  local stamped="$BIN_DIR/$name-$version"
  if [[ ! -x "$stamped" ]]; then
    command -v go >/dev/null 2>&1 || {
      log "go not found: install Go 1.26+ to build $name (the go command then fetches $GOTOOLCHAIN)"
      exit 1
    }
    local tmp
    tmp="$(mktemp -d)"
    log "building $name $version from $package with $GOTOOLCHAIN (a few minutes, once)..."
    GOFLAGS="${GOFLAGS:--p=1}" GOBIN="$tmp" nice go install "$package@$version"
    mkdir -p "$BIN_DIR"
    mv "$tmp"/* "$stamped.partial"
    mv "$stamped.partial" "$stamped"
    rmdir "$tmp"
    log "installed $stamped"
  fi
  # -f replaces an old plain file or a symlink to another version; -n does not follow it.
  ln -sfn "$name-$version" "$BIN_DIR/$name"
}

install_as temporal-server "$SERVER_VERSION" go.temporal.io/server/cmd/server
install_as temporal-sql-tool "$SERVER_VERSION" go.temporal.io/server/cmd/tools/sql
install_as temporal-ui-server "$UI_VERSION" github.com/temporalio/ui-server/v2/cmd/server
printf '%s\n' "$BIN_DIR"
