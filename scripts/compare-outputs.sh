#!/usr/bin/env bash
# Compares two postlint binaries' SARIF and JSON reports, byte for byte, on Samples and on every school folder
# of the corpora; a refactoring that claims "no behaviour change" is checked with it.
# Usage: scripts/compare-outputs.sh BEFORE_BIN AFTER_BIN   (exit 1 on any difference)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 BEFORE_BIN AFTER_BIN" >&2
    exit 2
fi
before=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
after=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each folder is checked from inside it, so its .postlint.yml applies and paths in the reports are relative.
folders=("$root/Samples")
for folder in "$root"/Tests/Corpus/*/ "$root"/Tests/HoldoutCorpus/*/; do
    [ -f "$folder/.postlint.yml" ] && folders+=("${folder%/}")
done

differences=0
compared=0
for folder in "${folders[@]}"; do
    name=${folder#"$root"/}
    for format in sarif json; do
        for side in before after; do
            binary=$before
            [ "$side" = after ] && binary=$after
            status=0
            (cd "$folder" && "$binary" check --quiet --format "$format" .) >"$work/$side.out" 2>/dev/null || status=$?
            echo "exit status $status" >>"$work/$side.out"
        done
        compared=$((compared + 1))
        if ! cmp -s "$work/before.out" "$work/after.out"; then
            differences=$((differences + 1))
            echo "DIFFERENT: $name ($format)"
            diff "$work/before.out" "$work/after.out" | head -20 || true
        fi
    done
done

if [ "$differences" -ne 0 ]; then
    echo "$differences of $compared reports differ" >&2
    exit 1
fi
echo "$compared reports byte-identical (SARIF and JSON, exit status included)"
