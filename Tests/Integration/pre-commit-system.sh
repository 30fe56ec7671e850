#!/usr/bin/env bash
# The `postlint-system` pre-commit hook with the real pre-commit framework: the release archive's
# `postlint` (dist/, built by release.sh) on PATH, a fresh pre-commit cache, and a school repository
# whose .pre-commit-config.yaml points at a clone of this repository at HEAD. Nothing is built, so it
# takes seconds; it prints how long the first run with the fresh cache took. Checks that only the
# lines the commit changes are reported and that a missing postlint fails the hook. Skips with a
# notice without pre-commit or without the archive. Tests committed HEAD: commit before running it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(sed -n 's/.*static let version = "\(.*\)"/\1/p' "$root/Sources/PostLint/Checks/PostLintInfo.swift")
archive=${POSTLINT_RELEASE_ARCHIVE:-$root/dist/postlint-$version-linux-x86_64.tar.gz}
if ! command -v pre-commit > /dev/null 2>&1; then
  python3 -m pip install --quiet pre-commit > /dev/null 2>&1 || true
  hash -r
fi
if ! command -v pre-commit > /dev/null 2>&1; then
  echo "pre-commit-system integration: SKIPPED (pre-commit is not installed and pip could not install it)"
  exit 0
fi
if [ ! -f "$archive" ]; then
  echo "pre-commit-system integration: SKIPPED (no $archive: run Tests/Integration/release.sh first)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-pre-commit-system.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com
failures=0
pass() { echo "  ok: $1"; }
fail() { echo "  FAILED: $1"; failures=$((failures + 1)); }
expect_status() { if [ "$2" -eq "$1" ]; then pass "$3 (status $2)"; else fail "$3: status $2, expected $1"; fi; }
expect_output() { if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: no '$2' in:"; sed 's/^/    | /' "$1"; fi; }
expect_no_output() { if grep -qF -- "$2" "$1"; then fail "$3: unexpected '$2' in:"; sed 's/^/    | /' "$1"; else pass "$3"; fi; }

mkdir -p "$work/bin"
tar -xzf "$archive" -C "$work/bin" --strip-components=1
git clone --quiet --no-local "$root" "$work/postlint"
rev=$(git -C "$work/postlint" rev-parse HEAD)
echo "pre-commit-system integration: $(pre-commit --version), PostLint at $rev, $(basename "$archive")"

school="$work/school site"
git init --quiet "$school"
cd "$school"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/postlint
    rev: $rev
    hooks:
      - id: postlint-system
YAML
printf 'rules:\n  personal-opinion: error\n' > .postlint.yml
bad='I think the fair was great.\n\nMrs Ann Lee, Headteacher\n'
printf "$bad" > "old post.md"
git add .pre-commit-config.yaml .postlint.yml "old post.md"
git commit --quiet --no-verify -m "an old post with a finding"

echo "1. a fresh pre-commit cache: a new draft with an error and an edit beside an old error"
printf "$bad"'More news.\n' > "old post.md"
printf "$bad" > "new post.md"
git add "old post.md" "new post.md"
status=0
start=$(date +%s%N)
PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" pre-commit run > "$work/out1" 2>&1 || status=$?
echo "   the first pre-commit run with a fresh cache took $(( ($(date +%s%N) - start) / 1000000 )) ms"
expect_status 1 "$status" "the new draft's error fails the run"
expect_output "$work/out1" "new post.md:1:1: error:" "the new draft's finding is printed"
expect_no_output "$work/out1" "old post.md:1:1" "the old post's untouched line is not reported"

echo "2. only the edit beside the old error: passes"
git rm --quiet --cached "new post.md"
status=0
start=$(date +%s%N)
PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" pre-commit run > "$work/out2" 2>&1 || status=$?
echo "   a second run took $(( ($(date +%s%N) - start) / 1000000 )) ms"
expect_status 0 "$status" "a change beside an old finding passes"

echo "3. as a git hook: pre-commit install, then git commit"
PRE_COMMIT_HOME="$work/cache" pre-commit install > /dev/null
printf 'In my opinion it was the best day.\n\nMrs Ann Lee, Headteacher\n' > "day.md"
git add day.md
status=0
PATH="$work/bin:$PATH" PRE_COMMIT_HOME="$work/cache" git commit --quiet -m "opinion" > "$work/out3" 2>&1 || status=$?
expect_status 1 "$status" "the commit is blocked"
expect_output "$work/out3" "day.md:1:1: error:" "the finding is printed"

echo "4. without postlint on PATH the hook fails rather than passing"
status=0
PATH="/usr/bin:/bin" PRE_COMMIT_HOME="$work/cache" pre-commit run > "$work/out4" 2>&1 || status=$?
[ "$status" -ne 0 ] && pass "it fails (status $status)" || { fail "it passed without postlint"; sed 's/^/    | /' "$work/out4"; }

if [ "$failures" -gt 0 ]; then
  echo "pre-commit-system integration: $failures check(s) FAILED"
  exit 1
fi
echo "pre-commit-system integration: all checks passed"
