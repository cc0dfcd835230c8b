#!/usr/bin/env bash
# Detector benchmarks, printed as JSON. Needs ../shared (reference model, a validation image) beside
# the repository root.
#   bench/inference/run.sh [model] [threads] [runs] [warm-up]
#       latency on a 1920x1080 frame at 640/736/1088/1280, square and 16:9 inputs; defaults: the
#       reference model, 2 intra-op threads, 20 runs, 5 warm-up runs
#   bench/inference/run.sh throughput [seconds] [camera threads]
#       frames per second with many camera threads calling at once, per way of sharing the cores;
#       defaults: 15 s per case, 8 camera threads
set -euo pipefail
cd "$(dirname "$0")/../.."
main=io.hardhats.vision.InferenceBenchmark
if [ "${1:-}" = throughput ]; then
  main=io.hardhats.vision.InferenceThroughputBenchmark
  shift
fi
# Build in the reactor so the worker runs against this checkout's modules, not installed snapshots.
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="hardhats-worker/target/test-classes:hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
exec java -cp "$cp" "$main" "$@"
