#!/usr/bin/env bash
# Runs every test (unit, integration against real PostgreSQL, Redis, browser...). PostgreSQL
# refuses to run as root, so a root caller runs Maven as the unprivileged user "builder", then
# checks that ./run.sh, started as root, stops cleanly. The dashboard test refreshes the README's
# screenshots in docs/screenshots when run with -Dhardhats.docs-screenshots=true.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = "0" ]; then
  id builder >/dev/null 2>&1 || useradd --create-home --shell /bin/bash builder
  for dir in target hardhats-common/target hardhats-media/target hardhats-web/target hardhats-worker/target hardhats-app/target docs/screenshots; do
    mkdir -p "$dir" && chown -R builder: "$dir"
  done
  runuser -u builder -- env HOME=/home/builder "$0" "$@"
  # Only a root caller can check run.sh's own root path (the switch to its unprivileged user);
  # a full run does, after Maven has built the jar.
  if [ "$#" -eq 0 ]; then
    hardhats-app/src/test/shell/run-sh-clean-stop.sh
  fi
  exit 0
fi
exec ./mvnw -B verify "$@"
