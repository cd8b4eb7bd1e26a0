#!/usr/bin/env bash
# SCIM benchmarks of issue 3 (docs/benchmarks.md). Manual only; not part of `mvn verify`.
# Needs MariaDB on 127.0.0.1:3306 (root, no password; override with -Drollcall.it.mariadb.url/user/password).
# Options as system properties, e.g.  bench/run.sh -Dbench.users=200000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)," \
     "$(mysql --version 2>/dev/null || echo 'mysql client absent')"
exec java -Xmx2g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.rollcall.bench.ScimBench
