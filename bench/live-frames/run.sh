#!/usr/bin/env bash
# CPU per analysed frame of drawing and JPEG-encoding the live frame (what on-demand encoding saves
# while nobody watches) and of privacy mode's blur, on site-clip frames at 1280x720, as JSON.
# Arguments (all optional): frames (20), runs (5). Needs ../shared (site clip, stand-in model).
exec "$(dirname "$0")/../common/worker-main.sh" io.hardhats.publish.LiveFrameCostBenchmark "$@"
