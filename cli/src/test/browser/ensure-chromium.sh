#!/usr/bin/env bash
# Makes sure headless Chromium is there for the browser test of the HTML report (HtmlReportBrowserTest).
# Run by Maven before the CLI's tests (skipped with -DskipTests) and by .ci/run.
#   - Chromium found (CHROMIUM, /usr/bin/chromium, or chromium/chromium-browser/google-chrome on PATH): nothing to do.
#   - Absent, running as root with apt-get (Debian/Ubuntu, CI): installs Debian's "chromium" package.
#   - Absent otherwise: fails with the command to run.
set -euo pipefail

if [ "${1:-false}" = "true" ]; then   # -Dmaven.test.skip=true: no tests, no browser needed
  exit 0
fi

for c in "${CHROMIUM:-}" /usr/bin/chromium chromium chromium-browser google-chrome; do
  if [ -n "$c" ] && command -v "$c" >/dev/null 2>&1; then
    exit 0
  fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: headless Chromium is missing; installing Debian's chromium package (a minute or two, once)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
  exit 0
fi

cat >&2 <<'MSG'
ensure-chromium: the HTML report's browser test needs headless Chromium, which is not installed.
Install it, then run the build again:
    sudo apt-get update && sudo apt-get install -y chromium        (Debian/Ubuntu)
or point the test at a Chrome/Chromium binary:
    CHROMIUM=/path/to/chrome mvn -B -ntp verify
MSG
exit 1
