#!/usr/bin/env bash
# Makes sure PostgreSQL's server is there for PostgresStoreTest, which starts a cluster of its own
# (the package's service is not used). Run by Maven before the cycle module's tests (skipped with
# -DskipTests) and by .ci/run.
#   - Found (/usr/lib/postgresql/*/bin/initdb): nothing to do.
#   - Absent, running as root with apt-get (Debian/Ubuntu, CI): installs Debian's postgresql package.
#   - Absent otherwise: fails with the command to run.
set -euo pipefail

if [ "${1:-false}" = "true" ]; then   # -Dmaven.test.skip=true: no tests, no server needed
  exit 0
fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL's server is missing; installing Debian's postgresql package (once)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null
  exit 0
fi
echo "ensure-postgres: PostgreSQL's server is missing: run 'sudo apt-get install postgresql' (the tests start their own cluster)" >&2
exit 1
