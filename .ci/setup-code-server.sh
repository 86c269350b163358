#!/usr/bin/env bash
# Installs code-server (a real VS Code, 1.100.3, served to a browser) for the
# extension's integration tests, without any download other than the npm
# registry and Debian's apt repositories.
#
#   bash .ci/setup-code-server.sh          # prints the path of the code-server binary
#
# Idempotent: reuses an existing install in the cache folder. Everything goes to
# ${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}/code-server, never into the repo.
# Progress goes to stderr; the last (only) line on stdout is the binary's path.
# Env:
#   ACCT_CI_CACHE          cache root (default $HOME/.cache/acct-ci)
#   ACCT_SKIP_APT=1        don't touch apt (packages must already be there)
#   ACCT_NO_CHROMIUM=1     don't install chromium (only needed for the browser)
set -euo pipefail

CS_VERSION=4.100.3          # code-server 4.100.3 == VS Code 1.100.3
RG_PKG_VERSION=1.15.11      # @vscode/ripgrep used by VS Code 1.100.3
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

CACHE_ROOT="${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}"
PREFIX="$CACHE_ROOT/code-server"
BIN="$PREFIX/node_modules/.bin/code-server"
START=$(date +%s)

log() { printf '[setup-code-server] %s\n' "$*" >&2; }

installed_version() {
  [ -x "$BIN" ] || return 1
  node -e 'process.stdout.write(require(process.argv[1]).version)' \
    "$PREFIX/node_modules/code-server/package.json" 2>/dev/null
}

# ---------------------------------------------------------------- apt packages
need_pkgs=()
want=(libkrb5-dev ripgrep)
[ "${ACCT_NO_CHROMIUM:-}" = 1 ] || want+=(chromium)
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "${ACCT_SKIP_APT:-}" = 1 ]; then
    log "missing apt packages: ${need_pkgs[*]} (ACCT_SKIP_APT=1, not installing)"; exit 1
  fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # update once per run; install retries once after an update if lists are stale
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need_pkgs[@]}" >&2
fi

# ------------------------------------------------------------- already there?
if v=$(installed_version) && [ "$v" = "$CS_VERSION" ]; then
  log "code-server $v already installed in $PREFIX ($(( $(date +%s) - START ))s)"
  echo "$BIN"
  exit 0
fi

# ------------------------------------------------------- ripgrep cache seeding
# @vscode/ripgrep's postinstall downloads a release asset from GitHub; it first
# looks in $TMPDIR/vscode-ripgrep-cache-<version>/<asset>. Seed it with Debian's rg.
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
  log "seeding $RG_CACHE/$RG_ASSET with $(command -v rg)"
  mkdir -p "$RG_CACHE"
  tmpd=$(mktemp -d)
  cp "$(command -v rg)" "$tmpd/rg"
  tar -C "$tmpd" -czf "$RG_CACHE/$RG_ASSET.part" rg
  mv "$RG_CACHE/$RG_ASSET.part" "$RG_CACHE/$RG_ASSET"
  rm -rf "$tmpd"
fi

# ---------------------------------------------------------------- npm install
# Install into a staging folder, then swap it in, so an interrupted install is
# never mistaken for a good one.
mkdir -p "$CACHE_ROOT"
STAGE=$(mktemp -d "$CACHE_ROOT/code-server.stage.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
printf '{"name":"acct-ci-code-server","private":true}\n' > "$STAGE/package.json"

export npm_config_unsafe_perm=true npm_config_yes=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# native modules (node-pty, kerberos, ...) must build against the local Node
# headers instead of downloading them
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
# keep code-server's postinstall from reaching out for anything optional
export VSCODE_SKIP_NODE_VERSION_CHECK=1

log "npm install code-server@$CS_VERSION into $STAGE (takes a few minutes)"
( cd "$STAGE" && npm install --no-save --no-package-lock --loglevel=error "code-server@$CS_VERSION" ) >&2

[ -x "$STAGE/node_modules/.bin/code-server" ] || { log "install produced no code-server binary"; exit 1; }
# the ripgrep binary VS Code's search uses must be there too
[ -x "$STAGE/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
  || log "warning: @vscode/ripgrep binary not found (search in files may not work)"

rm -rf "$PREFIX.old"
[ -e "$PREFIX" ] && mv "$PREFIX" "$PREFIX.old"
mv "$STAGE" "$PREFIX"
trap - EXIT
rm -rf "$PREFIX.old"

v=$(installed_version) || { log "installed code-server does not report a version"; exit 1; }
log "code-server $v installed in $PREFIX in $(( $(date +%s) - START ))s"
echo "$BIN"
