#!/usr/bin/env bash
# Every example of the CommonMark specification, checked as a Markdown draft by the release binary:
# none may crash it (a status above 1) or make it report an unreadable draft. The specification is
# taken from the `commonmark` source package on PyPI at run time and never committed. Skips (exit 0,
# with a notice) when pip cannot download it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-commonmark.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! python3 -m pip download --quiet --no-deps --no-binary :all: commonmark==0.9.1 -d "$work/src" >/dev/null 2>&1; then
  echo "commonmark spec: SKIPPED (pip could not download the commonmark source package)"
  exit 0
fi
tar xzf "$work"/src/commonmark-0.9.1.tar.gz -C "$work" commonmark-0.9.1/spec.txt
python3 - "$work/commonmark-0.9.1/spec.txt" "$work/examples" <<'PY'
import os, re, sys
spec = open(sys.argv[1], encoding="utf-8").read()
examples = re.findall(r"^`{32} example\n(.*?)^\.\n", spec, flags=re.S | re.M)
os.makedirs(sys.argv[2])
for number, example in enumerate(examples, 1):
    with open(os.path.join(sys.argv[2], f"{number:04d}.md"), "w", encoding="utf-8") as file:
        file.write(example.replace("\u2192", "\t"))
print(f"commonmark spec: {len(examples)} examples")
PY
swift build -c release --package-path "$root" --product postlint >/dev/null
status=0
"$(swift build -c release --package-path "$root" --show-bin-path)/postlint" check "$work/examples" --format json --quiet \
  >"$work/report.json" || status=$?
if [ "$status" -gt 1 ]; then
  echo "commonmark spec: FAILED (postlint exited with status $status)"
  exit 1
fi
python3 - "$work/report.json" "$work/examples" <<'PY'
import json, os, sys
files = json.load(open(sys.argv[1]))["files"]
expected = len(os.listdir(sys.argv[2]))
# A warning is a reader's remark ("front matter is not a mapping"); an error would mean a draft not read.
problems = [f["path"] for f in files if any(p.get("severity") == "error" for p in f.get("problems", []))]
if len(files) != expected or problems:
    print(f"commonmark spec: FAILED ({len(files)} of {expected} examples reported; problems in {problems[:5]})")
    sys.exit(1)
print(f"commonmark spec: all {expected} examples checked without a crash")
PY
