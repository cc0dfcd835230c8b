#!/usr/bin/env bash
# Decode cost per analysed frame: keyframe-only vs decode-all on a 1920x1080 25 fps H.264 clip with
# a 2 s GOP at 0.5 fps (made with the ffmpeg CLI into hardhats-worker/target/ingest-media), through
# the ingest's own read path (demuxer, packet copy, VideoDecoder, BGR at 1280 wide), as JSON.
# Arguments (all optional): clip seconds (20), runs per mode (3), target fps (0.5), max width (1280).
# Needs ffmpeg.
exec "$(dirname "$0")/../common/worker-main.sh" io.hardhats.ingest.DecodeBenchmark "$@"
