#!/usr/bin/env bash
# Decode cost per analysed frame: keyframe-only vs decode-all on a 1920x1080 25 fps H.264 clip with
# a 2 s GOP at 0.5 fps (made with the ffmpeg CLI into hardhats-worker/target/ingest-media), as JSON.
# Arguments (all optional): clip seconds (20), runs per mode (3), target fps (0.5). Needs ffmpeg.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp=$(bench/common/worker-test-classpath.sh)
cd hardhats-worker
exec java -cp "$cp" io.hardhats.ingest.DecodeBenchmark "$@"
