#!/usr/bin/env bash
# Sets up a fresh Debian machine (or a developer's) for acct: system packages, npm packages,
# the build and the .vsix. Idempotent.
#
#   bash .ci/setup.sh            # npm ci, build, package dist/acct.vsix
#   bash .ci/setup.sh --tests    # also Chromium (browser tests) and code-server (real VS Code)
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
  # pdftoppm renders the pages of acct report --pdf as images (test/browser/report.test.ts)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  if [[ ${#need[@]} -gt 0 && "${ACCT_SKIP_APT:-}" != 1 ]]; then
    SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
    log "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >&2
    $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
  fi
fi

# npm ci installs exactly the lockfile; esbuild's binary comes as an optional package.
log "npm ci"
npm ci --no-audit --no-fund >&2

log "build and package the extension"
npm run package >&2

if $with_tests; then
  log "code-server (VS Code 1.100.3) for the integration tests"
  bash .ci/setup-code-server.sh >/dev/null
fi
log "done"
