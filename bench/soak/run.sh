#!/usr/bin/env bash
# Soak of one all-in-one Hard Hats process (web + embedded worker + embedded PostgreSQL): RTSP
# cameras on GStreamer's test RTSP server (hardhats-media's, basic auth) and file cameras playing an
# uploaded placeholder, for DURATION seconds, with MJPEG viewers joining and leaving, SSE clients
# reconnecting with Last-Event-ID, and the RTSP server restarted every RESTART_EVERY seconds. Samples
# the JVM's RSS, heap (used, and live data after GC), file descriptors and threads every SAMPLE_EVERY
# seconds, times every RTSP camera's recovery after each restart (until a frame captured after the
# server is back is its latest), and ends with the least-squares slopes after WARMUP seconds.
# Set up through the HTTP API only. Prints JSON lines on stdout (see bench/soak/SoakClient.java).
#
#   bench/soak/run.sh
#
# Environment: DURATION (1800), RESTART_EVERY (300), WARMUP (300), SAMPLE_EVERY (30),
# RTSP_CAMERAS (10), FILE_CAMERAS (10), VIEWERS (10 at a time), SSE_CLIENTS (10), PORT (8135),
# PG_PORT (54349), RTSP_PORT (8664), XMX (2g), DATA (/tmp/soak-data, emptied first), MEDIA (the
# placeholder and the RTSP source: ../shared/media/site-helmets-wide.mp4), CLIP (what the RTSP server
# plays, longer than RESTART_EVERY since it does not loop; made from MEDIA with ffmpeg when missing),
# FULL_GC (1: a full collection, jcmd GC.run, before each sample, so the heap figures are live data;
# 0: none), STARTUP (300: seconds the server may take to be ready).
# The client needs a JDK 22 or later (BENCH_JAVA, see bench/common/bench-java.sh); the server runs on
# `java`. As root, the server runs as the user `hardhats` (PostgreSQL refuses root), created if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${DURATION:-1800}"
RESTART_EVERY="${RESTART_EVERY:-300}"
WARMUP="${WARMUP:-300}"
SAMPLE_EVERY="${SAMPLE_EVERY:-30}"
RTSP_CAMERAS="${RTSP_CAMERAS:-10}"
FILE_CAMERAS="${FILE_CAMERAS:-10}"
VIEWERS="${VIEWERS:-10}"
SSE_CLIENTS="${SSE_CLIENTS:-10}"
FULL_GC="${FULL_GC:-1}"
STARTUP="${STARTUP:-300}"
PORT="${PORT:-8135}"
PG_PORT="${PG_PORT:-54349}"
RTSP_PORT="${RTSP_PORT:-8664}"
DATA="${DATA:-/tmp/soak-data}"
MEDIA="${MEDIA:-$(cd .. && pwd)/shared/media/site-helmets-wide.mp4}"
CLIP="${CLIP:-/tmp/soak-rtsp-${RESTART_EVERY}s.mp4}"
MODEL="$(cd .. && pwd)/shared/models/ppe-reference.onnx"
JAR=hardhats-app/target/hardhats.jar
JAVA="$(bench/common/bench-java.sh)"

[ -r "$JAR" ] || { echo "missing $JAR: build it with ./mvnw -B -DskipTests package" >&2; exit 1; }
[ -r "$MEDIA" ] || { echo "missing $MEDIA" >&2; exit 1; }
if [ ! -r "$CLIP" ]; then
  command -v ffmpeg > /dev/null || { echo "ffmpeg is needed to make $CLIP (or set CLIP)" >&2; exit 1; }
  seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$MEDIA")
  loops=$(awk -v d="$seconds" -v want="$((RESTART_EVERY + 120))" 'BEGIN{print int(want / d)}')
  ffmpeg -v error -y -stream_loop "$loops" -i "$MEDIA" -c copy "$CLIP"
fi

rm -rf "$DATA" && mkdir -p "$DATA"
as=()
home="${HOME:-/tmp}"
if [ "$(id -u)" = 0 ]; then
  id hardhats > /dev/null 2>&1 || useradd --create-home --shell /bin/bash hardhats
  chown hardhats "$DATA"
  as=(runuser -u hardhats --)
  home=/home/hardhats
fi
"${as[@]}" env HOME="$home" MALLOC_ARENA_MAX=2 COOKIE_SECURE=false HARDHATS_DATA_DIR="$DATA" PORT="$PORT" \
  MODEL_PATH="$MODEL" WORKER_CAPACITY=100 DEMO_VIDEO=/nonexistent \
  MAX_STREAMS_PER_SESSION=100000 MAX_STREAMS_PER_ORG=100000 \
  java -Xmx"${XMX:-2g}" -Dhardhats.embedded-postgres.port="$PG_PORT" -jar "$JAR" > "$DATA.log" 2>&1 &
launcher=$!
pid=
stop_server() {
  local target="${pid:-$launcher}"
  kill "$target" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$target" 2>/dev/null || break; sleep 1; done
  kill -9 "$target" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 "$STARTUP"); do
  pid=$(pgrep -f -- "^java .*-Dhardhats.embedded-postgres.port=$PG_PORT -jar" | head -1 || true)
  [ -n "$pid" ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" || { echo "server did not start: see $DATA.log" >&2; exit 1; }
echo "# nproc=$(nproc) load=\"$(cut -d' ' -f1-3 /proc/loadavg)\" server_java=\"$(java -version 2>&1 | head -1)\"" >&2

"$JAVA" bench/soak/SoakClient.java port="$PORT" pid="$pid" rtsp_port="$RTSP_PORT" python=/usr/bin/python3 \
  rtsp_script=hardhats-media/src/test/resources/rtsp_server.py clip="$CLIP" placeholder="$MEDIA" \
  rtsp_cameras="$RTSP_CAMERAS" file_cameras="$FILE_CAMERAS" duration="$DURATION" restart_every="$RESTART_EVERY" \
  warmup="$WARMUP" sample_every="$SAMPLE_EVERY" viewers="$VIEWERS" sse_clients="$SSE_CLIENTS" \
  full_gc="$FULL_GC"
