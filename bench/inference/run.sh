#!/usr/bin/env bash
# Detector latency on a 1920x1080 frame at 640/736/1088/1280 (square and 16:9 inputs), printed as
# JSON. Arguments (all optional): model path, intra-op threads (2), runs (20), warm-up runs (5).
# Needs ../shared (reference model, a validation image) beside the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Build in the reactor so the worker runs against this checkout's modules, not installed snapshots.
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="hardhats-worker/target/test-classes:hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
exec java -cp "$cp" io.hardhats.vision.InferenceBenchmark "$@"
