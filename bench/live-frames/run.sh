#!/usr/bin/env bash
# CPU per analysed frame of drawing and JPEG-encoding the live frame (what on-demand encoding saves
# while nobody watches) and of privacy mode's blur, on site-clip frames at 1280x720, as JSON.
# Arguments (all optional): frames (20), runs (5). Needs ../shared (site clip, stand-in model).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl hardhats-worker -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="$PWD/hardhats-worker/target/test-classes:$PWD/hardhats-worker/target/classes:$(cat hardhats-worker/target/bench.classpath)"
cd hardhats-worker
exec java -cp "$cp" io.hardhats.publish.LiveFrameCostBenchmark "$@"
