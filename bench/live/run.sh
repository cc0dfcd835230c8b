#!/usr/bin/env bash
# Live-delivery benchmarks against a running Hard Hats web (all-in-one jar) on localhost whose bus
# is Redis (REDIS_URL=redis://127.0.0.1:$REDIS_PORT): this script publishes frames and messages
# straight into Redis, as a worker would. Each benchmark prints one JSON document.
#
#   bench/live/run.sh [mjpeg|sse|events|all]
#
# The clients need a JDK 22 or later (BENCH_JAVA, see bench/common/bench-java.sh); the server runs on 17.
# Environment: PORT (web, 8124), REDIS_PORT (6391), DATA (the server's HARDHATS_DATA_DIR, /tmp/bench-data:
# the embedded PostgreSQL's port and password are read from it),
# MJPEG_LEVELS (100,250,500,1000,1500), SSE_CLIENTS (5000), EVENTS (1000000), RPS (200), LOAD_SECONDS (30), SETTLE (60: seconds to wait after the bulk insert).
# Start the server first, e.g. (as root; PostgreSQL refuses root):
#   redis-server --port 6391 --save '' --daemonize yes
#   runuser -u hardhats -- env HOME=/home/hardhats COOKIE_SECURE=false HARDHATS_DATA_DIR=/tmp/bench-data \
#     PORT=8124 REDIS_URL=redis://127.0.0.1:6391 MAX_STREAMS_PER_SESSION=100000 MAX_STREAMS_PER_ORG=100000 \
#     java -Xmx2g -jar hardhats-app/target/hardhats.jar
# (every client is one sign-in, so the stream limits are raised above the largest level).
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
PORT="${PORT:-8124}"
REDIS_PORT="${REDIS_PORT:-6391}"
DATA="${DATA:-/tmp/bench-data}"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
JAVA="$(bench/common/bench-java.sh)"

machine() {
  echo "# nproc=$(nproc) cpu=\"$(lscpu | grep 'Model name' | sed 's/.*: *//')\" java=\"$("$JAVA" -version 2>&1 | head -1)\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" >&2
}

if [ "$what" = mjpeg ] || [ "$what" = all ]; then
  machine
  "$JAVA" -Xmx1g bench/live/MjpegFanout.java "$PORT" "$REDIS_PORT" "${MJPEG_LEVELS:-100,250,500,1000,1500}" 2 20
  machine
fi
if [ "$what" = sse ] || [ "$what" = all ]; then
  machine
  "$JAVA" -Xmx1g bench/live/SseLatency.java "$PORT" "$REDIS_PORT" "${SSE_CLIENTS:-5000}" 30 2
  machine
fi
if [ "$what" = events ] || [ "$what" = all ]; then
  read -r cookie org cams < <("$JAVA" bench/live/EventsApiLoad.java setup "$PORT" 10)
  PGPASSWORD="$(sed -n 's/^database_password=//p' "$DATA/secrets.properties")" \
    psql -q -h 127.0.0.1 -p "$(sed -n 4p "$DATA/postgres/postmaster.pid")" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v org="$org" -v cams="$cams" -v n="${EVENTS:-1000000}" -f bench/live/insert-events.sql >&2
  sleep "${SETTLE:-60}" # let the bulk insert's checkpoint and writes finish before measuring
  machine
  "$JAVA" bench/live/EventsApiLoad.java load "$PORT" "$cookie" "${cams%%,*}" "${RPS:-200}" "${LOAD_SECONDS:-30}"
  machine
fi
