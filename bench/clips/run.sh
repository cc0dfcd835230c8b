#!/usr/bin/env bash
# Resident memory of the evidence-clip rings: N RTSP cameras (1920x1080 25 fps H.264 at a constant
# bit rate, 2 s GOP, from GStreamer's RTSP server) at 0.5 fps, once without rings and once with, each
# in its own JVM, as JSON. Arguments (all optional): cameras (8), seconds (40), kbit/s (4000).
# Needs ffmpeg and GStreamer's RTSP server.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp=$(bench/common/worker-test-classpath.sh)
cd hardhats-worker
for mode in none clips; do
  MALLOC_ARENA_MAX=2 java -Xmx1g -cp "$cp" io.hardhats.ingest.ClipRingBenchmark "$mode" "${1:-8}" "${2:-40}" "${3:-4000}"
done
