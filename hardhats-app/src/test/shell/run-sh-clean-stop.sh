#!/usr/bin/env bash
# ./run.sh started as root, as a user would start it, then stopped with SIGTERM (what a service
# manager or Ctrl-C sends): the signal must reach Java through the switch to the unprivileged
# user, the cameras must stop, the embedded PostgreSQL must stop cleanly, and the next start
# must find no crash to recover from. Needs root and a built jar (./test.sh runs it after Maven).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
[ "$(id -u)" = 0 ] || { echo "run-sh-clean-stop: needs root (run.sh's root path is what it checks)" >&2; exit 1; }

out=hardhats-app/target/run-sh-clean-stop
rm -rf "$out" && mkdir -p "$out"
data="$(mktemp -d)/data"
chmod 755 "$(dirname "$data")" # run.sh hands data/ itself to the unprivileged user, who must reach it
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fail() { echo "run-sh-clean-stop: FAILED: $*" >&2; exit 1; }

# Without a model: this checks how run.sh hands a stop to Java, not a stop that lands while a
# worker is still loading its detector.
start() {
  HARDHATS_DATA_DIR="$data" PORT="$port" DEMO_VIDEO=/nonexistent MODEL_PATH=/nonexistent/model.onnx \
    ./run.sh > "$out/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "$1 exited early: $(tail -20 "$out/$1.log")"
    sleep 1
  done
  fail "$1 did not become ready"
}

stop() {
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  fail "$1 still running 2 minutes after SIGTERM"
}

start first
curl -sf -c "$out/cookies" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/auth/register" \
  -d '{"organization_name":"Clean Stop","email":"ann@clean.example","password":"Str0ng-Passw0rd","full_name":"Ann"}' > /dev/null
curl -sf -b "$out/cookies" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/v1/cameras" \
  -d '{"name":"Gate","source_type":"file"}' > /dev/null
stop first
grep -q "left the fleet and released its cameras" "$out/first.log" || fail "the cameras were not stopped: $(tail -20 "$out/first.log")"
grep -q "Embedded PostgreSQL stopped" "$out/first.log" || fail "PostgreSQL was not stopped: $(tail -20 "$out/first.log")"
if grep -q "Session terminated" "$out/first.log"; then fail "Java was killed instead of stopped"; fi

start second
stop second
cp "$data/postgres.log" "$out/postgres.log"
if grep -q "database system was not properly shut down" "$data/postgres.log"; then
  fail "the next start recovered from a crash"
fi
rm -rf "$(dirname "$data")"
echo "run-sh-clean-stop: passed (logs in $out)"
