#!/usr/bin/env bash
# The 差异系数 of a province (20,000 schools, 8 indicators, both stages, counties ranked) from stored values
# (Balances.balance, what GET /api/balance?unit= does), in-process: a warm-up and 3 timed runs, median:
# bench/balance.sh [postgres|h2] [schools]
# PostgreSQL: DUDAO_DB_URL (default jdbc:postgresql://127.0.0.1:5432/dudao_bench), DUDAO_DB_USER,
# DUDAO_DB_PASSWORD; that database is cleaned first.
set -euo pipefail
cd "$(dirname "$0")/.."
# build in the reactor (no install: the app classes come from this checkout, not from ~/.m2)
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx512m -XX:+UseG1GC ${JAVA_OPTS:-} \
  -cp "bench/target/classes:app/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)" \
  org.dudao.bench.BalanceBench "${@:-postgres}"
