#!/usr/bin/env bash
# Imports 100,000 values (5,000 units x 20 items) through the app's services in-process, as an Excel workbook
# and as a JSON batch, and prints time and peak heap: bench/collection-import.sh [h2|postgres] [units] [items]
# PostgreSQL: DUDAO_DB_URL (default jdbc:postgresql://127.0.0.1:5432/dudao_collection), DUDAO_DB_USER,
# DUDAO_DB_PASSWORD; that database is cleaned first. Add -Dbench.debug=1 to JAVA_OPTS for per-phase timings.
set -euo pipefail
cd "$(dirname "$0")/.."
# build in the reactor (no install: the app classes come from this checkout, not from ~/.m2)
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx512m -XX:+UseG1GC ${JAVA_OPTS:-} \
  -cp "bench/target/classes:app/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)" \
  org.dudao.bench.CollectionImportBench "$@"
