#!/usr/bin/env bash
# Capacity of one all-in-one Hard Hats process (web + embedded worker + embedded PostgreSQL): N file
# cameras looping one 1080p H.264 clip in real time, analysed at 0.5 fps. For each level N it waits
# WARM seconds, then for WINDOW seconds subscribes to every camera's MJPEG stream and counts the
# annotated frames each one publishes, reads daily_stats.frames_processed deltas, the JVM's CPU time
# and RSS (of the JVM only: the embedded PostgreSQL runs in its own processes). CPU and the
# daily_stats rate are divided by the measured wall time between the two snapshots.
# Prints one JSON line per level on stdout. Run as root (it starts the server as `hardhats`).
#
#   bench/capacity/run.sh [levels]        e.g. bench/capacity/run.sh 10,20,30,40
#
# Environment: CLIP (/tmp/cap1080.mp4, made as in docs/benchmarks.md), PORT (8125), PG_PORT (54339),
# WARM (60), WINDOW (120), XMX (3g), DATA (/tmp/cap-data, emptied first), WATCH (how many cameras the
# MJPEG client watches, default all: fewer leaves the rest unwatched, so on-demand encoding applies to
# them; every camera's rate is still read from daily_stats). The server is stopped at the end.
# The organization keeps the product's default privacy mode (on) unless PRIVACY=off.
# SOURCE=rtsp serves CLIP from GStreamer's RTSP server (hardhats-media's test server, basic auth, on
# RTSP_PORT 8654, one pipeline per camera, no re-encoding) and makes every camera an RTSP camera;
# the clip should then be long (the server does not loop it), e.g. `ffmpeg -stream_loop 19 -i CLIP -c copy`.
set -euo pipefail
cd "$(dirname "$0")/../.."
LEVELS="${1:-10,20,30,40}"
CLIP="${CLIP:-/tmp/cap1080.mp4}"
PORT="${PORT:-8125}"
PG_PORT="${PG_PORT:-54339}"
WARM="${WARM:-60}"
WINDOW="${WINDOW:-120}"
DATA="${DATA:-/tmp/cap-data}"
MODEL="$(cd .. && pwd)/shared/models/ppe-reference.onnx"
CLIENT="$(bench/common/bench-java.sh) bench/capacity/CapacityClient.java"
TCK=$(getconf CLK_TCK)

[ -r "$CLIP" ] || { echo "missing $CLIP" >&2; exit 1; }
chmod a+r "$CLIP"
rm -rf "$DATA" && mkdir -p "$DATA" && chown hardhats "$DATA"
SOURCE="${SOURCE:-file}"
RTSP_PORT="${RTSP_PORT:-8654}"
rtsp_args=()
if [ "$SOURCE" = rtsp ]; then
  /usr/bin/python3 hardhats-media/src/test/resources/rtsp_server.py "$RTSP_PORT" "$CLIP" bench bench-secret > /tmp/cap-rtsp.log 2>&1 &
  rtsp_pid=$!
  for _ in $(seq 1 30); do grep -q READY /tmp/cap-rtsp.log && break; sleep 1; done
  grep -q READY /tmp/cap-rtsp.log || { echo "RTSP server did not start: $(cat /tmp/cap-rtsp.log)" >&2; exit 1; }
  rtsp_args=("rtsp://127.0.0.1:$RTSP_PORT/cam1" bench bench-secret)
fi
# The embedded database takes only its password, kept with the development secrets in the data folder.
sql() { PGPASSWORD="$(sed -n 's/^database_password=//p' "$DATA/secrets.properties")" \
  psql -qAt -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
machine() { echo "# nproc=$(nproc) cpu=\"$(lscpu | grep 'Model name' | sed 's/.*: *//')\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" >&2; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

runuser -u hardhats -- env HOME=/home/hardhats MALLOC_ARENA_MAX=2 COOKIE_SECURE=false HARDHATS_DATA_DIR="$DATA" PORT="$PORT" \
  MODEL_PATH="$MODEL" WORKER_CAPACITY=100 DEMO_VIDEO=/nonexistent \
  MAX_STREAMS_PER_SESSION=100000 MAX_STREAMS_PER_ORG=100000 \
  java -Xmx"${XMX:-3g}" -Dhardhats.embedded-postgres.port="$PG_PORT" -jar hardhats-app/target/hardhats.jar \
  > /tmp/cap-server.log 2>&1 &
for _ in $(seq 1 120); do
  pid=$(pgrep -u hardhats -f "embedded-postgres.port=$PG_PORT" | head -1 || true)
  [ -n "$pid" ] && curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 1
done
trap 'kill "$pid" ${rtsp_pid:-} 2>/dev/null || true; wait 2>/dev/null || true' EXIT
sleep 10
rss0=$(rss_kb "$pid")
machine
echo "{\"level\":0,\"java_pid\":$pid,\"rss_mb\":$((rss0 / 1024))}"

cookie=$($CLIENT register "$PORT")
[ "${PRIVACY:-on}" = off ] && sql "UPDATE organizations SET privacy_mode = false"
# Frames processed per camera (camera id and count per line), to find the slowest camera, watched or not.
per_camera() { sql "SELECT camera_id || ' ' || frames_processed FROM daily_stats WHERE date = (SELECT max(date) FROM daily_stats)"; }
have=0
IFS=, read -ra levels <<< "$LEVELS"
for n in "${levels[@]}"; do
  $CLIENT cameras "$PORT" "$cookie" $((have + 1)) "$n" "${rtsp_args[@]}" > /dev/null
  if [ "$SOURCE" = file ]; then
    if [ "$have" = 0 ]; then
      id1=$(sql "SELECT id FROM cameras WHERE name='cam-1'")
      $CLIENT upload "$PORT" "$cookie" "$id1" "$CLIP" >&2
    fi
    sql "UPDATE cameras SET placeholder_video = (SELECT placeholder_video FROM cameras WHERE name='cam-1') WHERE placeholder_video IS NULL AND name LIKE 'cam-%'"
  fi
  have=$n
  sleep "$WARM"
  ids=$(sql "SELECT id FROM cameras WHERE name LIKE 'cam-%' ORDER BY id LIMIT ${WATCH:-ALL}" | tr '\n' ' ')
  fp0=$(sql "SELECT coalesce(sum(frames_processed),0) FROM daily_stats"); per_camera > /tmp/cap-pc0
  t0=$(cpu_ticks "$pid"); w0=$(date +%s.%N); l0=$(cut -d' ' -f1 /proc/loadavg)
  (rmax=0; for _ in $(seq 1 $((WINDOW / 5))); do r=$(rss_kb "$pid"); [ "$r" -gt "$rmax" ] && rmax=$r; echo "$rmax" > /tmp/cap-rssmax; sleep 5; done) &
  watch=$($CLIENT watch "$PORT" "$cookie" "$WINDOW" $ids)
  wait $!
  t1=$(cpu_ticks "$pid"); w1=$(date +%s.%N); l1=$(cut -d' ' -f1 /proc/loadavg)
  fp1=$(sql "SELECT coalesce(sum(frames_processed),0) FROM daily_stats"); per_camera > /tmp/cap-pc1
  slowest=$(awk -v w="$(awk -v a="$w0" -v b="$w1" 'BEGIN{print b-a}')" 'NR==FNR{a[$1]=$2;next}{d=($2-a[$1])/w; if(m==""||d<m)m=d}END{printf "%.3f",m}' /tmp/cap-pc0 /tmp/cap-pc1)
  clips=$(sql "SELECT count(*) || ',' || coalesce(round(avg(size_bytes)),0) FROM blobs WHERE kind = 'clip_blob'")
  rss=$(rss_kb "$pid"); rmax=$(cat /tmp/cap-rssmax)
  machine
  echo "{\"level\":$n,\"warm_s\":$WARM,\"window_s\":$WINDOW,\"rss_mb\":$((rss / 1024)),\"rss_max_mb\":$((rmax / 1024)),\"rss_per_camera_mb\":$(( (rss - rss0) / 1024 / n )),\"java_cpu_cores\":$(awk -v a="$t0" -v b="$t1" -v t="$TCK" -v w="$(awk -v a="$w0" -v b="$w1" 'BEGIN{printf "%.1f",b-a}')" 'BEGIN{printf "%.2f",(b-a)/t/w}'),\"measured_s\":$(awk -v a="$w0" -v b="$w1" 'BEGIN{printf "%.1f",b-a}'),\"load1\":[$l0,$l1],\"watched\":$(echo $ids | wc -w),\"privacy\":\"${PRIVACY:-on}\",\"clips\":${clips%%,*},\"clip_bytes_mean\":${clips##*,},\"daily_stats_fps_slowest_camera\":$slowest,\"daily_stats_fps_per_camera\":$(awk -v a="$fp0" -v b="$fp1" -v w="$(awk -v a="$w0" -v b="$w1" 'BEGIN{printf "%.1f",b-a}')" -v n="$n" 'BEGIN{printf "%.3f",(b-a)/w/n}'),\"mjpeg\":$watch}"
done
