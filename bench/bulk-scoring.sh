#!/usr/bin/env bash
# Scores 20,000 schools of a city-wide project from stored values in one run (BulkScoring.scoreAll, what
# POST /api/projects/{project}/score-all does), in-process: a warm-up and 3 timed runs, median, files/s, grades,
# peak heap: bench/bulk-scoring.sh [h2|postgres] [schools]
# PostgreSQL: DUDAO_DB_URL (default jdbc:postgresql://127.0.0.1:5432/dudao_bench), DUDAO_DB_USER,
# DUDAO_DB_PASSWORD; that database is cleaned first. Add -Dbench.debug=1 to JAVA_OPTS for per-phase timings.
set -euo pipefail
cd "$(dirname "$0")/.."
# build in the reactor (no install: the app classes come from this checkout, not from ~/.m2)
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx512m -XX:+UseG1GC ${JAVA_OPTS:-} \
  -cp "bench/target/classes:app/target/classes:engine/target/classes:$(cat bench/target/classpath.txt)" \
  org.dudao.bench.BulkScoringBench "$@"
