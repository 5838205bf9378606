#!/usr/bin/env bash
# ctest explorer_in_browser: installs playwright-core (pinned in package-lock.json) into the
# build directory, never into the source tree, then drives the page in /usr/bin/chromium.
# usage: tests/explorer/run.sh RENKEI SOURCE_DIR OUT_DIR
set -euo pipefail
renkei="$1" src="$2" out="$3"
here="$src/tests/explorer"
mkdir -p "$out"
if ! cmp -s "$here/package-lock.json" "$out/package-lock.json" || [ ! -d "$out/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  npm ci --prefix "$out" --no-audit --no-fund --loglevel=error >/dev/null
fi
cp "$here/explorer.test.mjs" "$out/"
exec node "$out/explorer.test.mjs" "$renkei" "$src" "$out"
