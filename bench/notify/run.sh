#!/usr/bin/env bash
# Notifications under load: ORGS organisations, each with one webhook channel to a local receiver,
# and RATE violations per minute spread evenly over them. The violations are recorded by a
# second process, a worker of the split deployment without cameras or dispatcher
# (ViolationLoadBenchmark in the worker's tests), through the product's own EventRecorder: event,
# blobs, day's count and outbox rows in one transaction, as a camera's pipeline records them. The
# all-in-one process (web + worker + embedded PostgreSQL, no active camera) dispatches them, so its
# CPU is the dispatcher's. The receiver checks every signature and logs each request's delivery key
# and arrival time.
#
# Prints JSON lines on stdout: the idle server over IDLE seconds, the loaded one over DURATION
# seconds after WARM seconds of load (server JVM and PostgreSQL CPU, PostgreSQL split into the
# server's backends, the recorder's and the rest; pg_stat_database counters and WAL bytes; all also
# per delivery made in the window), the recorder's own summary, and the end-to-end report over every
# violation (commit-to-receipt latency, lost, duplicated, signatures). Run as root (the server runs
# as `hardhats`, PostgreSQL refuses root).
#
#   bench/notify/run.sh
#
# Environment: ORGS (100), RATE (1000 a minute), WARM (30), DURATION (180), IDLE (30), DRAIN (60 s
# at most after the last violation), RECORD_THREADS (8), PORT (8145), PG_PORT (54359),
# RECEIVER_PORT (8146), XMX (2g), DATA (/tmp/notify-data, emptied first), WORK (/tmp/notify-work:
# plan, commit and receipt logs, emptied first), STARTUP (300 s).
# The clients need a JDK 22 or later (BENCH_JAVA, see bench/common/bench-java.sh); the server and
# the recorder run on `java`; the jar must be built (./mvnw -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/../.."
ORGS="${ORGS:-100}"
RATE="${RATE:-1000}"
WARM="${WARM:-30}"
DURATION="${DURATION:-180}"
IDLE="${IDLE:-30}"
DRAIN="${DRAIN:-60}"
RECORD_THREADS="${RECORD_THREADS:-8}"
PORT="${PORT:-8145}"
PG_PORT="${PG_PORT:-54359}"
RECEIVER_PORT="${RECEIVER_PORT:-8146}"
STARTUP="${STARTUP:-300}"
DATA="${DATA:-/tmp/notify-data}"
WORK="${WORK:-/tmp/notify-work}"
MODEL="$(cd .. && pwd)/shared/models/ppe-reference.onnx"
JAR=hardhats-app/target/hardhats.jar
CLIENT="$(bench/common/bench-java.sh) bench/notify/NotifyClient.java"
TCK=$(getconf CLK_TCK)

[ "$(id -u)" = 0 ] || { echo "run as root: the server runs as the user hardhats" >&2; exit 1; }
[ -r "$JAR" ] || { echo "missing $JAR: build it with ./mvnw -B -DskipTests package" >&2; exit 1; }
cp=$(bench/common/worker-test-classpath.sh)
rm -rf "$DATA" "$WORK" && mkdir -p "$DATA" "$WORK"
id hardhats > /dev/null 2>&1 || useradd --create-home --shell /bin/bash hardhats
chown hardhats "$DATA"

# Registering ORGS organisations from one address needs more than the sign-up limit per address.
runuser -u hardhats -- env HOME=/home/hardhats MALLOC_ARENA_MAX=2 COOKIE_SECURE=false HARDHATS_DATA_DIR="$DATA" \
  PORT="$PORT" MODEL_PATH="$MODEL" DEMO_VIDEO=/nonexistent \
  java -Xmx"${XMX:-2g}" -Dhardhats.embedded-postgres.port="$PG_PORT" -Dhardhats.rate-limit.per-ip=$((ORGS * 2)) \
  -jar "$JAR" > "$DATA.log" 2>&1 &
launcher=$!
pid=
receiver=
recorder=
stop_all() {
  for p in ${recorder:-} ${receiver:-}; do kill "$p" 2>/dev/null || true; done
  local target="${pid:-$launcher}"
  if kill "$target" 2>/dev/null; then
    for _ in $(seq 1 60); do kill -0 "$target" 2>/dev/null || break; sleep 1; done
    kill -9 "$target" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap stop_all EXIT
for _ in $(seq 1 "$STARTUP"); do
  pid=$(pgrep -f -- "^java .*-Dhardhats.embedded-postgres.port=$PG_PORT " | head -1 || true)
  [ -n "$pid" ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready" || { echo "server did not start: see $DATA.log" >&2; exit 1; }

# The embedded database takes only its password, kept with the development secrets in the data folder.
sql() { PGPASSWORD="$(sed -n 's/^database_password=//p' "$DATA/secrets.properties")" \
  psql -qAt -F ' ' -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"; }
postmaster=$(head -1 "$(find "$DATA" -name postmaster.pid | head -1)")
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
sum_ticks() { local s=0; for p in "$@"; do s=$((s + $(ticks "$p"))); done; echo "$s"; }
# PostgreSQL's CPU: the postmaster with its reaped children, and its live children; of these, the
# backends of the server's pool and of the recorder's (by application name).
snapshot() {
  local children server_backends recorder_backends
  children=$(ps --ppid "$postmaster" -o pid= | tr '\n' ' ')
  server_backends=$(sql "SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend'
    AND application_name NOT IN ('hardhats-recorder', 'psql')" | tr '\n' ' ')
  recorder_backends=$(sql "SELECT pid FROM pg_stat_activity WHERE application_name = 'hardhats-recorder'" | tr '\n' ' ')
  {
    echo "wall_ms $(date +%s%3N)"
    echo "load1 $(cut -d' ' -f1 /proc/loadavg)"
    echo "server_java_ticks $(ticks "$pid")"
    echo "recorder_java_ticks $(if [ -n "$recorder" ]; then ticks "$recorder"; else echo 0; fi)"
    echo "pg_all_ticks $(( $(awk '{print $14+$15+$16+$17}' "/proc/$postmaster/stat") + $(sum_ticks $children) ))"
    # shellcheck disable=SC2086
    echo "pg_server_backends_ticks $(sum_ticks $server_backends)"
    # shellcheck disable=SC2086
    echo "pg_recorder_backends_ticks $(sum_ticks $recorder_backends)"
    sql "SELECT name, value FROM pg_stat_database d, LATERAL (VALUES ('xact_commit', d.xact_commit),
      ('xact_rollback', d.xact_rollback), ('tup_returned', d.tup_returned), ('tup_fetched', d.tup_fetched),
      ('tup_inserted', d.tup_inserted), ('tup_updated', d.tup_updated), ('tup_deleted', d.tup_deleted),
      ('blks_read', d.blks_read), ('blks_hit', d.blks_hit)) AS counters(name, value)
      WHERE datname = current_database()"
    echo "wal_bytes $(sql "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")"
    echo "events $(sql "SELECT count(*) FROM events")"
    echo "delivered $(sql "SELECT count(*) FROM notification_deliveries WHERE status = 'delivered'")"
  } > "$1"
}
echo "# nproc=$(nproc) cpu=\"$(lscpu | grep 'Model name' | sed 's/.*: *//')\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\"" \
  "server_java=\"$(java -version 2>&1 | head -1)\"" >&2

$CLIENT setup "$PORT" "$ORGS" "$RECEIVER_PORT" "$WORK/plan" > /dev/null
$CLIENT receive "$RECEIVER_PORT" "$WORK/plan" "$WORK/receipts" 2> "$WORK/receiver.log" &
receiver=$!

snapshot "$WORK/idle0"; sleep "$IDLE"; snapshot "$WORK/idle1"
echo "{\"phase\":\"idle\",\"organizations\":$ORGS,$($CLIENT window "$WORK/idle0" "$WORK/idle1" "$TCK" | cut -c2-)"

# The recorder runs well past the measured window (the snapshots take seconds each on a busy
# machine), so it and its backends are still there to be read at the window's end.
(cd hardhats-worker && MALLOC_ARENA_MAX=2 exec java -Xmx1g -cp "$cp" io.hardhats.pipeline.ViolationLoadBenchmark \
  "$DATA/secrets.properties" "$PG_PORT" "$WORK/plan" "$RATE" $((WARM + DURATION + 60)) "$WORK/commits" \
  "$RECORD_THREADS" > "$WORK/recorder.json" 2> "$WORK/recorder.log") &
recorder=$!
for _ in $(seq 1 300); do
  kill -0 "$recorder" 2>/dev/null || { echo "the recorder stopped: see $WORK/recorder.log" >&2; exit 1; }
  [ "$(sql "SELECT count(*) FROM events")" -gt 0 ] && break
  sleep 1
done
sleep "$WARM"; snapshot "$WORK/load0"; sleep "$DURATION"; snapshot "$WORK/load1"
echo "{\"phase\":\"load\",\"organizations\":$ORGS,\"violations_per_minute\":$RATE,$($CLIENT window "$WORK/load0" "$WORK/load1" "$TCK" | cut -c2-)"
wait "$recorder"
recorder=
echo "{\"phase\":\"recorder\",$(grep '^{' "$WORK/recorder.json" | tail -1 | cut -c2-)"

for _ in $(seq 1 "$DRAIN"); do
  [ "$(sql "SELECT count(*) FROM notification_deliveries WHERE status IN ('pending', 'retrying')")" = 0 ] && break
  sleep 1
done
sleep 2 # the last answers reach the receiver's log
sql "SELECT event_id, status, attempts, (extract(epoch FROM created_at) * 1000)::bigint,
  coalesce((extract(epoch FROM delivered_at) * 1000)::bigint, 0) FROM notification_deliveries
  WHERE purpose = 'alert'" > "$WORK/deliveries"
echo "{\"phase\":\"report\",$($CLIENT report "$WORK/commits" "$WORK/receipts" "$WORK/deliveries" | cut -c2-)"
