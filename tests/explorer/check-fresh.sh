#!/usr/bin/env bash
# ctest explorer_is_fresh: graphs/explorer.html must be what the program makes now.
# usage: tests/explorer/check-fresh.sh RENKEI SOURCE_DIR
set -euo pipefail
renkei="$1" src="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$renkei" explorer -o "$tmp/explorer.html" >/dev/null
if ! cmp -s "$tmp/explorer.html" "$src/graphs/explorer.html"; then
  echo "graphs/explorer.html is stale: run scripts/run"
  exit 1
fi
echo "graphs/explorer.html matches the data"
