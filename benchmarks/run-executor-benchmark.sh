#!/usr/bin/env bash
# Executor benchmarks (docs/benchmarks.md, "Executor"): builds the executor service and this module, then runs them.
# Usage: benchmarks/run-executor-benchmark.sh [throughput|latency|all]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am package -DskipTests
exec java -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.ocpha.benchmarks.ExecutorBenchmark "$(pwd)" "${1:-all}"
