#!/usr/bin/env bash
# Compiles the worker with its tests and prints the class path of its test classes (for the
# benchmarks that live among them, run with plain `java -cp`). Run from the repository root.
set -euo pipefail
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
echo "$PWD/hardhats-worker/target/test-classes:$PWD/hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
