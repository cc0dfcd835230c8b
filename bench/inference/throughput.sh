#!/usr/bin/env bash
# Detector frames per second with many camera threads calling at once, per way of sharing the
# cores, printed as JSON. Arguments (optional): seconds per case (15), camera threads (8).
# Needs ../shared (reference model, a validation image) beside the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="hardhats-worker/target/test-classes:hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
exec java -cp "$cp" io.hardhats.vision.InferenceThroughputBenchmark "$@"
