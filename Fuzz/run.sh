#!/usr/bin/env bash
# Runs one fuzz target: ./run.sh TARGET [SECONDS] [extra libFuzzer flags…]
# TARGET is html, html-direct, markdown, text, docx, tokenizer, config or roster. The working corpus grows in
# .corpus/TARGET (not committed), seeded from the Samples, Tests/Corpus and Fuzz/seeds; crashing
# inputs land in artifacts/ as TARGET-crash-…, to be turned into regression tests.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"; seconds="${2:-300}"; shift $(( $# >= 2 ? 2 : 1 ))
root=..
binary=".build/release/fuzz-$target"
[ -x "$binary" ] || { echo "fuzz: $binary is not built; run ./build.sh" >&2; exit 1; }
corpus=".corpus/$target"
mkdir -p "$corpus" artifacts
# Every seed under a name made from its path, so files with the same name in different folders all count.
seed() {
  find "$root/Samples" "$root/Tests/Corpus" "$root/Tests/HoldoutCorpus" "seeds/$target" "regressions/$target" "$@" -type f 2>/dev/null |
    while read -r f; do cp "$f" "$corpus/seed-$(printf '%s' "$f" | cksum | cut -d' ' -f1)-$(basename "$f")"; done || true
}
case "$target" in
  html|html-direct) seed -name '*.htm*'; dictionary=html ;;
  markdown) seed -name '*.md'; dictionary=markdown ;;
  text|tokenizer) seed \( -name '*.txt' -o -name '*.md' \); dictionary=text ;;
  docx) seed -name '*.docx'; dictionary=docx ;;
  config) seed -name '*postlint.y*ml'; dictionary=config ;;
  roster) seed -name '*.csv'; dictionary=roster ;;
  *) echo "fuzz: unknown target $target" >&2; exit 2 ;;
esac
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# Inputs up to 16 KB: long enough for every construct and its nesting, short enough for thousands of
# executions a second (at 200 KB each input cost milliseconds). Quadratic inputs are the growth test's.
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
  -dict="dictionaries/$dictionary.dict" -print_final_stats=1 -artifact_prefix="artifacts/$target-" "$@"
