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
# The database's buffer pool decides whether the 1M-user and growing create tables are served from memory or disk;
# docs/benchmarks.md records runs with 1 GiB (SET GLOBAL innodb_buffer_pool_size = 1073741824) and the 128 MiB default.
echo "MariaDB: innodb_buffer_pool_size=$(mysql -uroot -N -e 'SELECT @@innodb_buffer_pool_size' 2>/dev/null || echo '?')," \
     "innodb_flush_log_at_trx_commit=$(mysql -uroot -N -e 'SELECT @@innodb_flush_log_at_trx_commit' 2>/dev/null || echo '?')"
exec java -Xmx2g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" io.rollcall.bench.ScimBench
