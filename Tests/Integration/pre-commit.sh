#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit framework: a temporary school
# repository whose .pre-commit-config.yaml points at a temporary clone of this repository at HEAD.
# pre-commit clones it, builds PostLint with `swift build -c release` (language: swift) in its own
# cache, and runs the `postlint` hook on the staged drafts. (The `postlint-system` hook has its own,
# quick script: pre-commit-system.sh.) Takes minutes (a release build), so it
# is run by .ci/run, not by `swift test`. Skips (exit 0, with a notice) when pre-commit is neither
# installed nor installable with pip. Tests committed HEAD: commit before running it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit integration: installing pre-commit with pip"
  if ! python3 -m pip install --quiet pre-commit >/dev/null 2>&1 || ! command -v pre-commit >/dev/null 2>&1; then
    echo "pre-commit integration: SKIPPED (pre-commit is not installed and pip could not install it)"
    exit 0
  fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${POSTLINT_PRE_COMMIT_HOME:-$work/cache}"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.com

failures=0
pass() { echo "  ok: $1"; }
fail() { echo "  FAILED: $1"; failures=$((failures + 1)); }
expect_status() {  # expect_status WANT GOT WHAT
  if [ "$2" -eq "$1" ]; then pass "$3 (status $2)"; else fail "$3: status $2, expected $1"; fi
}
expect_output() {  # expect_output FILE TEXT WHAT
  if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: no '$2' in:"; sed 's/^/    | /' "$1"; fi
}
expect_no_output() {
  if grep -qF -- "$2" "$1"; then fail "$3: unexpected '$2' in:"; sed 's/^/    | /' "$1"; else pass "$3"; fi
}

pre-commit validate-manifest "$root/.pre-commit-hooks.yaml" && pass "pre-commit validate-manifest accepts .pre-commit-hooks.yaml" \
  || fail "pre-commit validate-manifest rejects .pre-commit-hooks.yaml"

# A plain clone of this repository at HEAD (this may be a linked worktree).
git clone --quiet --no-local "$root" "$work/postlint"
rev=$(git -C "$work/postlint" rev-parse HEAD)
echo "pre-commit integration: $(pre-commit --version), PostLint at $rev"

school="$work/school site"
git init --quiet "$school"
cd "$school"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/postlint
    rev: $rev
    hooks:
      - id: postlint
YAML
printf 'rules:\n  personal-opinion: error\n' > .postlint.yml
mkdir -p news
bad='I think the fair was great.\n\nMrs Ann Lee, Headteacher\n'
clean='The fair was great.\n\nMrs Ann Lee, Headteacher\n'
printf "$bad" > "news/fair day.md"
printf 'I think, so,\n' > notes.csv
git add .pre-commit-config.yaml .postlint.yml "news/fair day.md" notes.csv

echo "1. a staged draft with an error (the first run builds PostLint in release mode: minutes)"
start=$(date +%s)
status=0
pre-commit run > "$work/out1" 2>&1 || status=$?
echo "   pre-commit install and run took $(( $(date +%s) - start )) s"
expect_status 1 "$status" "pre-commit run fails"
expect_output "$work/out1" "news/fair day.md:1:1: error:" "the finding is printed with its repository path"
expect_output "$work/out1" "[personal-opinion]" "the rule is named"
expect_no_output "$work/out1" "notes.csv" "files of other kinds are not passed"

echo "2. the draft fixed in the working copy only: pre-commit stashes it, the staged content still fails"
printf "$clean" > "news/fair day.md"
status=0
pre-commit run > "$work/out2" 2>&1 || status=$?
expect_status 1 "$status" "still fails on the staged content"
expect_output "$work/out2" "news/fair day.md:1:1: error:" "the staged finding is printed"

echo "3. the fix staged: passes"
git add "news/fair day.md"
status=0
pre-commit run > "$work/out3" 2>&1 || status=$?
expect_status 0 "$status" "pre-commit run passes"
expect_output "$work/out3" "Passed" "the hook reports Passed"

echo "4. as a git hook: pre-commit install, then git commit"
pre-commit install > /dev/null
status=0
git commit --quiet -m "clean post" > "$work/out4" 2>&1 || status=$?
expect_status 0 "$status" "a clean commit goes through"
printf '<p><img src="logo.png" alt="School logo"></p>\n<p>In my opinion it was the best day.</p>\n<p>Mrs Ann Lee, Headteacher</p>\n' > "news/sports day.html"
git add "news/sports day.html"
status=0
git commit --quiet -m "opinion" > "$work/out5" 2>&1 || status=$?
expect_status 1 "$status" "a commit with an error is blocked"
expect_output "$work/out5" "news/sports day.html:2:4: error:" "the HTML finding is printed"

echo "5. one staged post: wall time of a pre-commit run with the environment built"
start=$(date +%s%N)
pre-commit run > /dev/null 2>&1 || true
echo "   pre-commit run on one staged post: $(( ($(date +%s%N) - start) / 1000000 )) ms"

echo "6. a staged Word draft is passed to the hook too (identify tags it binary)"
cp "$root/Samples/news/sports-day.docx" "news/sports day.docx"
git add "news/sports day.docx"
status=0
pre-commit run > "$work/out6" 2>&1 || status=$?
expect_status 1 "$status" "pre-commit run fails"
expect_output "$work/out6" "news/sports day.docx: footer 1, paragraph 1" "the Word draft's finding is printed"

if [ "$failures" -gt 0 ]; then
  echo "pre-commit integration: $failures check(s) FAILED"
  exit 1
fi
echo "pre-commit integration: all checks passed"
