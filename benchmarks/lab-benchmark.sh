#!/usr/bin/env bash
# Lab benchmark (docs/benchmarks.md "Lab"): 50 hosts, 10 commands each over SSH in parallel, latency percentiles.
# Usage: benchmarks/lab-benchmark.sh [hosts] [commands per host]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classpath="$root/benchmarks/target/benchmarks.classpath"
"$root/mvnw" -B -q -f "$root/pom.xml" -pl benchmarks -am compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=runtime >&2
exec java -cp "$root/benchmarks/target/classes:$root/lab/target/classes:$(cat "$classpath")" dev.ocpha.benchmarks.LabBenchmark "$@"
