#!/usr/bin/env bash
# The release archive as a user gets it: builds it with scripts/release.sh (a static release build:
# minutes; POSTLINT_RELEASE_ARCHIVE=PATH tests an archive already built), verifies its checksum,
# unpacks it into an empty folder and runs it from an empty working folder with an empty environment
# (`env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH=`), so the Swift toolchain is out of the loader's reach;
# `ldd` must resolve no library under the toolchain. Leaves the archive in dist/ for action.sh.
# Run by .ci/run. Linux x86_64 only (skips elsewhere).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "release integration: SKIPPED (the archive is for Linux x86_64; this is $(uname -s) $(uname -m))"
  exit 0
fi
failures=0
pass() { echo "  ok: $1"; }
fail() { echo "  FAILED: $1"; failures=$((failures + 1)); }
work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-release-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -n "${POSTLINT_RELEASE_ARCHIVE:-}" ]; then
  archive=$POSTLINT_RELEASE_ARCHIVE
else
  echo "release integration: building the archive (scripts/release.sh)"
  start=$(date +%s)
  archive=$(bash "$root/scripts/release.sh" "$root/dist" | tail -1)
  echo "  built in $(( $(date +%s) - start )) s"
fi
echo "release integration: $archive ($(du -h "$archive" | cut -f1))"

echo "1. the checksum file verifies the archive"
(cd "$(dirname "$archive")" && sha256sum --check --strict "$(basename "$archive").sha256") > "$work/sum" 2>&1 \
  && pass "sha256sum --check accepts it" || { fail "checksum"; cat "$work/sum"; }

echo "2. unpacked into an empty folder, run with the toolchain hidden from the loader"
mkdir "$work/install" "$work/empty"
tar -xzf "$archive" -C "$work/install"
binary=$(find "$work/install" -name postlint -type f)
[ "$(find "$work/install" -type f | wc -l)" -eq 2 ] && [ -f "$(dirname "$binary")/README.txt" ] \
  && pass "the archive holds postlint and README.txt" || fail "unexpected contents: $(find "$work/install" -type f)"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift || echo /opt/swift/usr/bin/swift)")")")
ldd "$binary" > "$work/ldd" 2>&1 || true
if grep -q -e "$toolchain" -e "not found" -e libswift -e libFoundation "$work/ldd"; then
  fail "ldd resolves toolchain libraries or misses some:"; sed 's/^/    | /' "$work/ldd"
else
  pass "ldd: nothing under $toolchain, nothing missing ($(awk '{print $1}' "$work/ldd" | grep -v -e vdso -e '^/' | tr '\n' ' '))"
fi
run() { (cd "$work/empty" && env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$binary" "$@"); }
version=$(run --version) && [ -n "$version" ] && pass "postlint --version: $version" || fail "--version did not run"
run rules > "$work/rules" && grep -q pupil-name "$work/rules" && pass "the embedded rule pack is there (postlint rules)" || fail "postlint rules"

echo "3. checks drafts from an empty environment"
printf 'I think the fair was great.\n\nMrs Ann Lee, Headteacher\n' > "$work/empty/post.txt"
cp "$root/Samples/news/sports-day.docx" "$work/empty/sports-day.docx"
printf '<p>Ring 07700 900123</p>\n' > "$work/empty/page.html"
status=0; run check post.txt page.html sports-day.docx > "$work/out" 2>&1 || status=$?
[ "$status" -eq 1 ] && pass "exit status 1 on findings" || fail "status $status"
grep -q "post.txt:1:1: warning:" "$work/out" && grep -q "page.html:1:9: error:" "$work/out" && grep -q "sports-day.docx: " "$work/out" \
  && pass "text, HTML (libxml2) and Word drafts are read" || { fail "findings"; sed 's/^/    | /' "$work/out"; }
status=0; run check post.txt --format sarif --output report.sarif > /dev/null 2>&1 || status=$?
[ "$status" -eq 0 ] && python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$work/empty/report.sarif" \
  && pass "SARIF is written" || fail "SARIF (status $status)"
mkdir "$work/empty/nothing"
status=0; run check nothing > /dev/null 2>&1 || status=$?
[ "$status" -eq 2 ] && pass "an empty folder is exit 2" || fail "empty folder: status $status"

echo "4. start-up time (the point of a release binary)"
start=$(date +%s%N)
for _ in 1 2 3 4 5; do run check post.txt > /dev/null 2>&1 || true; done
echo "  postlint check post.txt: $(( ($(date +%s%N) - start) / 5000000 )) ms on average over 5 runs"

if [ "$failures" -gt 0 ]; then
  echo "release integration: $failures check(s) FAILED"
  exit 1
fi
echo "release integration: all checks passed"
