#!/usr/bin/env bash
# End-to-end test of the staff page (GET / of `postlint serve`) in a real headless browser: starts
# the release `postlint serve` on a free loopback port in Samples/ (its configuration and roster,
# with scripts/serve-samples.sh), and lets browser_test.py paste drafts, press Check, apply a fix and
# check keyboard access, contrast and privacy in Chromium, then opens the HTML report of
# `postlint check Samples --format html` and checks its summary, folded drafts and print layout (over the DevTools protocol on a pipe;
# Python's standard library only). Rebuilds the release binary first (incremental), since the page
# is compiled into it. Run by .ci/run, not by `swift test`. Skips (exit 0, with a notice) when
# Chromium or python3 is missing.
# Screenshots go to $POSTLINT_SCREENSHOT_DIR (default: a new temporary folder, printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

chromium=""
for candidate in ${CHROMIUM:-} chromium chromium-browser google-chrome; do
  # Ubuntu's chromium-browser may be a stub asking for snap: only a browser that runs counts.
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" --version >/dev/null 2>&1; then
    chromium=$(command -v "$candidate")
    break
  fi
done
if [ -z "$chromium" ]; then
  echo "browser integration: SKIPPED (no working chromium; install Debian's chromium or set CHROMIUM)"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "browser integration: SKIPPED (python3 is not installed)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-browser.XXXXXX")
# shellcheck source=../../scripts/serve-samples.sh
source "$root/scripts/serve-samples.sh"
trap 'stop_samples_server; rm -rf "$work"' EXIT

echo "browser integration: building the release postlint (the page is compiled into it) and serving Samples/"
start_samples_server "$work"
url="http://127.0.0.1:$port/"
echo "browser integration: $("$chromium" --version 2>/dev/null), server at $url"

# The HTML report of the same samples, opened from disk by the last test (exit 1: the samples have errors).
bin=$(cd "$root" && swift build -c release --show-bin-path)/postlint
check_status=0
(cd "$root/Samples" && "$bin" check . --format html --output "$work/report.html" 2> "$work/check.log") || check_status=$?
if [ "$check_status" -ne 1 ]; then
  echo "browser integration: postlint check Samples exited $check_status, expected 1:"; cat "$work/check.log"
  exit 1
fi

status=0
POSTLINT_REPORT="$work/report.html" CHROMIUM="$chromium" python3 "$root/Tests/Integration/browser_test.py" "$url" || status=$?
if [ "$status" -ne 0 ]; then
  echo "server log:"; sed 's/^/    | /' "$work/server.log"
fi
exit "$status"
