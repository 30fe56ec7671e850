#!/usr/bin/env bash
# CI's bounded fuzz step: builds the targets and runs each for FUZZ_SECONDS (default 90) on its corpus:
# eight targets, about 12 minutes in all (executions per target: see README.md).
# A toolchain that cannot build them (no libFuzzer) is skipped with a notice; a crash fails the step.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-90}"
if ! ./build.sh > .build-fuzz.log 2>&1; then
  # A toolchain without libFuzzer is skipped; a Swift compile error in the harness or the package is a
  # failure (the harness once stopped building and CI skipped fuzzing for several sessions unnoticed).
  if grep -qE '\.swift:[0-9]+:[0-9]+: error:' .build-fuzz.log; then
    echo "fuzz: FAILED: the fuzz targets do not compile:"; grep -E '\.swift:[0-9]+:[0-9]+: error:' .build-fuzz.log | sort -u | head -20
    exit 1
  fi
  echo "fuzz: skipped: the fuzz targets do not build here (see Fuzz/.build-fuzz.log)"
  tail -5 .build-fuzz.log
  exit 0
fi
status=0
for target in html html-direct markdown text docx tokenizer config roster; do
  # A generous per-input timeout: CI machines are shared, and a slow input is not a crash.
  if ./run.sh "$target" "$seconds" -timeout=60 > ".build-fuzz-$target.log" 2>&1; then
    echo "fuzz: $target: $(grep -E '^stat::number_of_executed_units' ".build-fuzz-$target.log" | awk '{print $2}') runs in ${seconds}s, no crash"
  else
    echo "fuzz: $target FOUND A CRASH:"; tail -40 ".build-fuzz-$target.log"; status=1
  fi
done
exit $status
