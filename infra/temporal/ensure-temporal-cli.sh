#!/usr/bin/env bash
# Prints the absolute path of a usable `temporal` CLI on stdout, installing one
# under <repo>/.tools if needed. stdout carries ONLY that path so callers can do
# TEMPORAL_CLI="$(infra/temporal/ensure-temporal-cli.sh)"; everything else goes to stderr.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
LOCAL_BIN="$TOOLS_DIR/bin/temporal"
GO_MODULE="github.com/temporalio/cli/cmd/temporal"
# Newest first; older ones only help when a newer one fails to build with the local Go.
# v1.9.1, the only newer tag served, was refused on 2026-12-01 (issue 17): its go.mod has a
# replace directive, which `go install pkg@version` rejects whatever the Go version
# (docs/maintenance.md). The cluster runs a newer server (infra/cluster/build-cluster-binaries.sh).
GO_VERSIONS=(v1.5.1 v1.5.0 v1.4.1)

log() { printf 'ensure-temporal-cli: %s\n' "$*" >&2; }

absolute() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
  esac
}

# "Usable" = executable and able to run here (catches a wrong-architecture or truncated binary).
usable() { [[ -f "$1" && -x "$1" ]] && "$1" --version >/dev/null 2>&1; }

found() { absolute "$1"; exit 0; }

if [[ -n "${TEMPORAL_CLI:-}" ]]; then
  if usable "$TEMPORAL_CLI"; then found "$TEMPORAL_CLI"; fi
  log "TEMPORAL_CLI=$TEMPORAL_CLI is not a usable executable; looking elsewhere"
fi

if on_path="$(command -v temporal 2>/dev/null)" && usable "$on_path"; then found "$on_path"; fi

if usable "$LOCAL_BIN"; then found "$LOCAL_BIN"; fi

if command -v go >/dev/null 2>&1; then
  mkdir -p "$TOOLS_DIR/bin"
  for version in "${GO_VERSIONS[@]}"; do
    log "building the Temporal CLI with Go ($GO_MODULE@$version), this takes a few minutes..."
    if GOBIN="$TOOLS_DIR/bin" go install "$GO_MODULE@$version" >&2 && usable "$LOCAL_BIN"; then
      log "installed $LOCAL_BIN"
      found "$LOCAL_BIN"
    fi
    log "go install $GO_MODULE@$version failed"
  done
else
  log "go not found; skipping the build from source"
fi

if command -v curl >/dev/null 2>&1; then
  log "downloading the Temporal CLI with the official installer into $TOOLS_DIR/bin ..."
  # The installer puts the binary in <dir>/bin/temporal and talks on stdout: keep our stdout clean.
  if curl -sSf https://temporal.download/cli.sh | sh -s -- --dir "$TOOLS_DIR" >&2 && usable "$LOCAL_BIN"; then
    found "$LOCAL_BIN"
  fi
  log "the official installer (https://temporal.download/cli.sh) failed"
else
  log "curl not found; skipping the official installer"
fi

log "no usable Temporal CLI. Fix one of:"
log "  - set TEMPORAL_CLI to the path of a temporal binary, or put temporal on PATH"
log "  - install Go and run: GOBIN=$TOOLS_DIR/bin go install $GO_MODULE@${GO_VERSIONS[0]}"
log "  - with internet access: curl -sSf https://temporal.download/cli.sh | sh -s -- --dir $TOOLS_DIR"
exit 1
