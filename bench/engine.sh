#!/usr/bin/env bash
# Builds the engine and runs its benchmark on one thread: bench/engine.sh [schools] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests
exec java -Xms1g -Xmx1g -XX:+UseParallelGC -XX:ActiveProcessorCount=1 \
  -cp engine/target/classes:bench/target/classes org.dudao.bench.EngineBench "$@"
