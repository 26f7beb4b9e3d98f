#!/usr/bin/env bash
# Installs the pinned Claude Code CLI (native linux-x64 binary) from the npm registry, once.
# Usage: install-claude-cli.sh VERSION DIR
set -euo pipefail
version="$1"
dir="$2"
binary="$dir/node_modules/@anthropic-ai/claude-code-linux-x64/claude"
if [ -x "$binary" ] && "$binary" --version 2>/dev/null | grep -qF "$version"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-claude-cli: npm is needed to install @anthropic-ai/claude-code-linux-x64@$version" >&2
  exit 1
fi
echo "install-claude-cli: installing Claude Code CLI $version into $dir"
mkdir -p "$dir"
npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
  --prefix "$dir" "@anthropic-ai/claude-code-linux-x64@$version" >&2
"$binary" --version
