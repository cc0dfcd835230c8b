#!/usr/bin/env bash
# Runs a main class of the worker's test code (a micro-benchmark) in hardhats-worker/, built in the
# reactor so it runs against this checkout's modules, not installed snapshots.
#   bench/common/worker-main.sh <main class> [arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="$PWD/hardhats-worker/target/test-classes:$PWD/hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
cd hardhats-worker
exec java -cp "$cp" "$@"
