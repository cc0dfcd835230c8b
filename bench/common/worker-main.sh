#!/usr/bin/env bash
# Runs a main class of the worker's test code (a micro-benchmark) in hardhats-worker/, built in the
# reactor so it runs against this checkout's modules, not installed snapshots.
#   bench/common/worker-main.sh <main class> [arguments]
set -euo pipefail
cd "$(dirname "$0")/../.."
cp=$(bench/common/worker-test-classpath.sh)
cd hardhats-worker
exec java -cp "$cp" "$@"
