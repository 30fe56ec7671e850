#!/usr/bin/env bash
# Runs schemathesis against a running `postlint serve` and the OpenAPI document it serves: generated
# requests (valid and invalid) for every operation, checking that none gets a 5xx and that every
# answer has a documented status, content type, headers and body shape. Run by .ci/run; builds
# PostLint in release mode (minutes, or nothing if the action test built it). Installs schemathesis
# with pip and skips with a notice when it cannot.
#
# Two of schemathesis's checks are left out, for reasons no schema can express: a generated ".docx"
# is never a real Word file, so valid-looking uploads are rightly refused with 422
# (positive_data_acceptance); and multipart/form-data cannot carry the JSON nulls its invalid cases
# are made of, so those arrive as ordinary text fields (negative_data_rejection).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v schemathesis >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check schemathesis >/dev/null 2>&1 || true
  hash -r
fi
if ! command -v schemathesis >/dev/null 2>&1; then
  echo "serve integration: SKIPPED (schemathesis is not installed and pip could not install it)"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-serve.XXXXXX")
source "$root/scripts/serve-samples.sh"
trap 'stop_samples_server; rm -rf "$work"' EXIT
echo "serve integration: building postlint in release mode and starting it"
if ! start_samples_server "$work"; then
  echo "serve integration: FAILED (the server did not start)"
  exit 1
fi

status=0
# The document is fetched from the server (so the embedded copy is what is tested); schemathesis
# does not test the operation it was fetched from. Fuzzing repeats for --max-time seconds;
# `timeout` only guards against a hang.
NO_COLOR=1 timeout 600 schemathesis run "http://127.0.0.1:$port/api/v1/openapi.yaml" \
  --checks all --exclude-checks positive_data_acceptance,negative_data_rejection \
  --max-examples 100 --max-time 60 --workers 2 > "$work/schemathesis.log" 2>&1 || status=$?
tail -n 25 "$work/schemathesis.log"
if ! kill -0 "$server" 2>/dev/null; then
  echo "serve integration: FAILED (the server died)"
  tail -n 20 "$work/server.log"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "serve integration: FAILED (schemathesis found problems; full log above)"
  exit 1
fi
echo "serve integration: ok ($(grep -c ' /api/v1/check ' "$work/server.log") checks answered, no 5xx, all as documented)"
