#!/usr/bin/env bash
# Installs what the end-to-end test needs to run Zongjie in a real VS Code:
# code-server (VS Code's own server and web workbench, from npm), Debian's
# Chromium (driven by playwright-core, a devDependency of the project), CJK
# fonts for readable screenshots, ripgrep, and Xvfb.
#
# Only the npm registry and Debian packages are used: code-server's postinstall
# and some native modules would download from GitHub or nodejs.org, so scripts
# are turned off and the native modules are built here with the local g++
# against the Node headers in /usr/include/node.
#
# Idempotent: a finished install leaves a stamp and a second run returns at once.
# Everything goes under $ZONGJIE_E2E_HOME (default: <repo>/.e2e, git-ignored),
# nothing into the home directory.
set -euo pipefail

CS_VERSION=4.99.4
REPO=$(cd "$(dirname "$0")/../.." && pwd)
E2E_HOME=${ZONGJIE_E2E_HOME:-$REPO/.e2e}
PREFIX="$E2E_HOME/code-server-$CS_VERSION"
CS="$PREFIX/node_modules/code-server"
STAMP="$PREFIX/.ready"
export CI=true
export npm_config_nodedir=${npm_config_nodedir:-/usr}
export npm_config_cache=${npm_config_cache:-$E2E_HOME/npm-cache}
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log() { echo "[setup-code-server] $*" >&2; }
timed() { local s=$SECONDS; "$@"; log "  ${*:1:4} … $((SECONDS - s))s"; }

# --- 1. Debian packages: browser, fonts, ripgrep, and the toolchain and headers
# the native modules of VS Code's server need (kerberos, node-pty, spdlog …).
# xvfb gives desktop VS Code a display for test/e2e/electron.test.ts where
# @vscode/test-electron can download one (it cannot without internet access).
APT_PACKAGES=(chromium fonts-noto-cjk ripgrep xvfb g++ make python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    log "missing Debian packages: ${missing[*]}"
    log "install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  timed "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timed "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$npm_config_nodedir/include/node/node.h" ]; then
  log "no Node headers in $npm_config_nodedir/include/node: native modules cannot be built offline."
  log "set npm_config_nodedir to a directory holding include/node for $(node -v)."
  exit 1
fi

if [ -f "$STAMP" ] && [ -f "$CS/out/node/entry.js" ]; then
  log "code-server $CS_VERSION already installed in $PREFIX"
  exit 0
fi

# --- 2. code-server itself, scripts off: its postinstall would run npm install
# in lib/vscode, which builds or downloads native modules from GitHub.
rm -rf "$PREFIX" && mkdir -p "$PREFIX" && cd "$PREFIX"
printf '{ "name": "zongjie-e2e-code-server", "private": true }\n' > package.json
timed npm install "code-server@$CS_VERSION" --ignore-scripts --no-save </dev/null
# argon2 (password hashing, loaded at start even with --auth none): node-pre-gyp
# would try GitHub first; build it from source instead.
timed npm rebuild argon2 --build-from-source </dev/null

# --- 3. VS Code's own runtime dependencies, scripts off (4.99.x has no git deps).
cd "$CS/lib/vscode"
timed npm install --omit=dev --ignore-scripts </dev/null
NODE_GYP=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
for m in @vscode/spdlog @vscode/deviceid native-watchdog node-pty kerberos; do
  ( cd "node_modules/$m" && timed node "$NODE_GYP" rebuild --nodedir="$npm_config_nodedir" >/dev/null 2>&1 ) \
    || { log "building the native module $m failed"; exit 1; }
done
# @vscode/ripgrep's postinstall downloads rg from GitHub: Debian's rg takes its place.
mkdir -p node_modules/@vscode/ripgrep/bin && cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# The rest of what code-server's postinstall.sh does besides npm install.
ln -sfn node_modules node_modules.asar
( cd bin/remote-cli && ln -sfn code-linux.sh code-server )
( cd bin/helpers && ln -sfn browser-linux.sh browser.sh )
# Built-in extensions share a node_modules (typescript); their postinstall only trims files.
( cd extensions && timed npm install --omit=dev --ignore-scripts </dev/null )

# --- 4. Sanity: every native module loads in this Node.
node -e "for (const m of ['@vscode/spdlog','native-watchdog','node-pty','kerberos','@parcel/watcher']) require('$CS/lib/vscode/node_modules/'+m)"
node -e "require('$PREFIX/node_modules/argon2')"
mkdir -p "$E2E_HOME/home"
HOME="$E2E_HOME/home" XDG_CONFIG_HOME="$E2E_HOME/home/.config" XDG_DATA_HOME="$E2E_HOME/home/.local/share" \
  node "$CS/out/node/entry.js" --version </dev/null | head -1 >&2
date -u +%FT%TZ > "$STAMP"
log "code-server $CS_VERSION ready in $PREFIX"
