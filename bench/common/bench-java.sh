#!/usr/bin/env bash
# Prints the java command for the bench clients, which are multi-file source programs sharing
# bench/common and so need a JDK of version 22 or later: BENCH_JAVA if set, else `java` on the PATH.
# Exits non-zero with a message on stderr when that java is older.
set -euo pipefail
java="${BENCH_JAVA:-java}"
version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)
if [ -z "$version" ] || [ "$version" -lt 22 ]; then
  echo "bench clients need a JDK 22 or later (they share bench/common as multi-file source programs);" \
    "$java is version ${version:-unknown}: set BENCH_JAVA to such a java" >&2
  exit 1
fi
command -v "$java"
