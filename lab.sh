#!/usr/bin/env bash
# The lab fleet CLI (docs/lab.md; named lab.sh because lab/ is the module): ./lab.sh up [--hosts 9 --azs 3 --idcs 6] | ./lab.sh fault <host> <fault> [args] | ./lab.sh down
# Builds the lab module when its sources changed, then runs dev.ocpha.lab.cli.LabCli.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classes="$root/lab/target/classes"
classpath="$root/lab/target/lab.classpath"
if [ ! -f "$classpath" ] || [ ! -d "$classes/dev/ocpha/lab/cli" ] \
   || [ -n "$(find "$root/lab/src/main" "$root/lab/pom.xml" -newer "$classpath" -print -quit)" ]; then
  "$root/mvnw" -B -q -f "$root/pom.xml" -pl lab compile dependency:build-classpath \
    -Dmdep.outputFile="$classpath" -Dmdep.includeScope=runtime >&2
fi
exec java -cp "$classes:$(cat "$classpath")" dev.ocpha.lab.cli.LabCli "$@"
