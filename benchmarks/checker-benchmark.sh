#!/usr/bin/env bash
# The checker's environment check vs Ansible (-f 50) and parallel-ssh (-p 50), same probe script, same 50 lab
# hosts. Not a test: prints wall times and ratios (results in docs/benchmarks.md, "Checker").
# Usage: benchmarks/checker-benchmark.sh [hosts=50] [runs=3]   (as root: installs ansible-core and pssh)
set -euo pipefail
cd "$(dirname "$0")/.."
hosts="${1:-50}"
runs="${2:-3}"

if ! command -v ansible >/dev/null || ! command -v parallel-ssh >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ansible-core pssh openssh-client >/dev/null
fi

# build the checker and the lab, and the classpath of the checker's tests (which holds the lab)
./mvnw -B -q -o -pl checker-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="checker-service/target/classes:$(cat checker-service/target/bench.classpath)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp" benchmarks/checker/CheckerBenchmark.java
java -Xmx1g -cp "$out:$cp" CheckerBenchmark "$hosts" "$runs"
