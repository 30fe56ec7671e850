#!/usr/bin/env bash
# Runs one fuzz target: ./run.sh TARGET [SECONDS] [extra libFuzzer flags…]
# TARGET is html, markdown, text, docx, tokenizer, config or roster. The working corpus grows in
# .corpus/TARGET (not committed), seeded from the Samples, Tests/Corpus and Fuzz/seeds; crashing
# inputs land in artifacts/ as TARGET-crash-…, to be turned into regression tests.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"; seconds="${2:-300}"; shift $(( $# >= 2 ? 2 : 1 ))
root=..
binary=".build/debug/fuzz-$target"
[ -x "$binary" ] || { echo "fuzz: $binary is not built; run ./build.sh" >&2; exit 1; }
corpus=".corpus/$target"
mkdir -p "$corpus" artifacts
seed() { find "$root/Samples" "$root/Tests/Corpus" "seeds/$target" "$@" -type f 2>/dev/null | while read -r f; do cp "$f" "$corpus/seed-$(basename "$f")"; done || true; }
case "$target" in
  html) seed -name '*.htm*' ;;
  markdown) seed -name '*.md' ;;
  text|tokenizer) seed \( -name '*.txt' -o -name '*.md' \) ;;
  docx) seed -name '*.docx' ;;
  config) seed -name '.postlint.y*ml' ;;
  roster) seed -name '*.csv' ;;
  *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
esac
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=200000 \
  -print_final_stats=1 -artifact_prefix="artifacts/$target-" "$@"
