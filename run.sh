#!/usr/bin/env bash
# Starts Hard Hats in all-in-one mode on http://localhost:8123 (embedded PostgreSQL, in-process
# bus, demo camera). Builds the jar first when the sources are newer. PostgreSQL refuses to run
# as root, so a root caller is switched to the unprivileged user "hardhats".
set -euo pipefail
cd "$(dirname "$0")"

jar=hardhats-app/target/hardhats.jar
if [ ! -f "$jar" ] || [ -n "$(find . \( -path ./data -o -path '*/target' \) -prune -o \( -name '*.java' -o -name '*.sql' -o -name '*.yml' -o -name 'pom.xml' -o -path '*/static/*' \) -newer "$jar" -print -quit)" ]; then
  echo "Building Hard Hats (first run takes a few minutes)..."
  ./mvnw -B -q -DskipTests package
fi

export COOKIE_SECURE="${COOKIE_SECURE:-false}"
# Until the product's own model is trained (models/ppe-detector.onnx), use the development
# stand-in that sits beside the repository on development machines.
if [ -z "${MODEL_PATH:-}" ] && [ ! -f models/ppe-detector.onnx ] && [ -f ../shared/models/ppe-reference.onnx ]; then
  export MODEL_PATH="$(cd ../shared/models && pwd)/ppe-reference.onnx"
  echo "models/ppe-detector.onnx is not trained yet: using the development stand-in model."
fi
# glibc gives every thread that allocates its own arena; FFmpeg and OpenCV on dozens of camera
# threads then hold hundreds of MB of half-empty arenas. Two arenas cost nothing measurable.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
if [ "$(id -u)" = "0" ]; then
  id hardhats >/dev/null 2>&1 || useradd --system --create-home --shell /usr/sbin/nologin hardhats
  data="${HARDHATS_DATA_DIR:-data}"
  mkdir -p "$data" && chown -R hardhats: "$data" && chmod 700 "$data"
  chmod o+rx . hardhats-app hardhats-app/target && chmod o+r "$jar"
  if ! setpriv --reuid=hardhats --regid=hardhats --init-groups test -r "$jar"; then
    echo "The user 'hardhats' cannot read $PWD/$jar: a folder above this one is private to root." >&2
    echo "Clone Hard Hats into a folder other users can enter (e.g. /opt or /srv), or run it as an ordinary user." >&2
    exit 1
  fi
  echo "Running as the unprivileged user 'hardhats' (PostgreSQL refuses root)."
  # setpriv turns this very process into Java under the unprivileged user, so SIGTERM and Ctrl-C
  # reach Java itself, which stops the cameras and then PostgreSQL in order. runuser would stay
  # in between and kill Java 2 s after passing a SIGTERM on.
  exec setpriv --reuid=hardhats --regid=hardhats --init-groups \
    env HOME=/home/hardhats USER=hardhats LOGNAME=hardhats MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" java ${JAVA_OPTS:-} -jar "$jar" "$@"
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
