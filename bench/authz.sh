#!/usr/bin/env bash
# Authorization-check and several-instances benchmarks of issue 11 (docs/benchmarks.md). Manual only; not part of
# `mvn verify`. Needs MariaDB on 127.0.0.1:3306 (root, no password; override with -Drollcall.it.mariadb.url/user/password)
# and wrk (Debian: apt-get install wrk).
#   bench/authz.sh                          # one instance: check vs /health/live vs SCIM GET; rate limiter on vs off
#   bench/authz.sh -Dbench.mode=instances   # A+B clustered, C standalone on one database
# knobs: -Dbench.seconds -Dbench.rounds -Dbench.warmupSeconds -Dbench.connections
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 2; }
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests -Dopenapi.client.skip=true package
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)," \
     "$(mysql --version 2>/dev/null || echo 'mysql client absent'), $(wrk --version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx512m "$@" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.rollcall.bench.AuthzBench
