#!/usr/bin/env bash
# Makes sure axe-core (the accessibility checker the browser test runs in the report and diff pages) is in
# cli/src/test/browser/node_modules, at the version package-lock.json pins (checked by its integrity hash).
# Run by Maven before the CLI's tests (skipped with -DskipTests) and by .ci/run.
#   - node_modules/axe-core at the pinned version: nothing to do.
#   - Otherwise, with npm: `npm ci` here (a few seconds, once; needs the npm registry).
#   - Without npm, running as root with apt-get (Debian/Ubuntu, CI): installs Debian's npm package first.
#   - Otherwise: fails with the command to run.
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-false}" = "true" ]; then   # -Dmaven.test.skip=true: no tests, no checker needed
  exit 0
fi

want=$(sed -n 's/.*"axe-core": "\([^"]*\)".*/\1/p' package.json)
have=$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' node_modules/axe-core/package.json 2>/dev/null || true)
if [ -n "$want" ] && [ "$want" = "$have" ] && [ -f node_modules/axe-core/axe.min.js ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-axe: npm is missing; installing Debian's npm package (a minute or two, once)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends npm >&2
  else
    cat >&2 <<'MSG'
ensure-axe: the HTML report's browser test checks accessibility with axe-core, installed with npm, which is
not installed. Install Node.js and npm, then run the build again:
    sudo apt-get update && sudo apt-get install -y npm        (Debian/Ubuntu)
MSG
    exit 1
  fi
fi

echo "ensure-axe: installing axe-core $want into $(pwd)/node_modules (npm ci)" >&2
npm ci --ignore-scripts --no-audit --no-fund >&2
