#!/usr/bin/env bash
# What the ingest costs per camera: N cameras reading a 1920x1080 25 fps H.264 file (2 s GOP) in
# real time at 0.5 fps, keyframes only; process CPU per camera and RSS, as JSON. Run it against two
# checkouts with the same settings to compare them.
# Arguments (all optional): cameras (16), warm-up seconds (20), measured seconds (60). Needs ffmpeg.
export MALLOC_ARENA_MAX=2
exec "$(dirname "$0")/../common/worker-main.sh" -Xmx1g io.hardhats.ingest.IngestFootprintBenchmark "$@"
