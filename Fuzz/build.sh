#!/usr/bin/env bash
# Builds every fuzz target: address sanitizer and libFuzzer coverage instrumentation for PostLint and
# its dependencies; the fuzz executables also link libFuzzer's driver (see Package.swift).
set -euo pipefail
cd "$(dirname "$0")"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"   # the build runs an instrumented plugin tool
# Optimised: an unoptimised Swift build under ASan ran 50–100 inputs a second, far too few to matter.
swift build -c release --build-path .build \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp "$@"
