#!/usr/bin/env bash
# Cases at a city's scale on PostgreSQL, over HTTP against the app started in-process: rates and the dashboard of a
# city of 300,000 cases (target < 1 s each), and an import of 10,000 12345 work orders as JSON (target < 30 s):
# bench/cases.sh [cases] [imported]
# DUDAO_DB_URL (default jdbc:postgresql://127.0.0.1:5432/dudao_cases_bench, created when missing), DUDAO_DB_USER,
# DUDAO_DB_PASSWORD; that database is cleaned first.
set -euo pipefail
cd "$(dirname "$0")/.."
# build in the reactor (no install: the app classes come from this checkout, not from ~/.m2)
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx512m -XX:+UseG1GC ${JAVA_OPTS:-} \
  -cp "bench/target/classes:app/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)" \
  org.dudao.bench.CasesBench "$@"
