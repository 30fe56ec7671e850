#!/usr/bin/env bash
# Load test of `postlint serve` (not a unit test: numbers depend on the machine and its load).
# Builds release, starts the server on a free loopback port in Samples/ (so the samples'
# .postlint.yml and roster are used), then:
#   1. wrk POSTs a typical post (Samples/news/year-3-trip.html) as JSON for DURATION with
#      THREADS threads and CONNECTIONS connections, and prints requests/s and latency percentiles;
#   2. times single requests at the body-size limit (the worst case one request can cost, since
#      checking is CPU-bound and not interrupted): a draft of many copies of the sample, near 4 MiB;
#   3. times /healthz and a quick check while three drafts at the size limit are being checked (the
#      server's promise: answered within a second however busy the workers are);
#   4. prints the server's resident memory (VmRSS) and its peak (VmHWM) after each of those.
# Usage: scripts/load-test.sh [DURATION] [THREADS] [CONNECTIONS]    (defaults: 20s 2 16)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-20s}
threads=${2:-2}
connections=${3:-16}
command -v wrk >/dev/null || { echo "load-test: wrk is not installed (apt-get install wrk)"; exit 1; }
command -v curl >/dev/null || { echo "load-test: curl is not installed"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-load.XXXXXX")
source "$root/scripts/serve-samples.sh"
trap 'stop_samples_server; rm -rf "$work"' EXIT
start_samples_server "$work"
url="http://127.0.0.1:$port/api/v1/check"

python3 - "$root/Samples/news/year-3-trip.html" "$work" <<'PY'
import json, sys
sample, work = sys.argv[1], sys.argv[2]
text = open(sample, encoding="utf-8").read()
body = json.dumps({"content": text, "format": "html", "filename": "year-3-trip.html"})
with open(f"{work}/post.lua", "w") as lua:
    lua.write('wrk.method = "POST"\n')
    lua.write('wrk.headers["Content-Type"] = "application/json"\n')
    lua.write('wrk.headers["Accept"] = "application/json"\n')
    lua.write("wrk.body = " + json.dumps(body) + "\n")
    lua.write("done = function(summary, latency, requests)\n")
    lua.write('  io.write(string.format("non-2xx or errors: %d\\n", summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))\n')
    lua.write("end\n")
open(f"{work}/post.json", "w").write(body)
# The largest draft the default limit (4 MiB) lets through: copies of the sample, as JSON.
copies = (4 * 1024 * 1024 - 200) // len(json.dumps(text))
big = json.dumps({"content": text * copies, "format": "html", "filename": "big.html"})
open(f"{work}/big.json", "w").write(big)
print(f"load-test: typical post {len(body)} bytes of JSON; largest post {len(big)} bytes ({copies} copies)")
PY

echo "load-test: $(nproc) cores; other work on the machine skews these numbers"
curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/post.json" "$url" || true  # warm-up
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/post.lua" "$url"
memory() { grep -E '^(VmRSS|VmHWM)' "/proc/$server/status" | tr -s ' \t' ' ' | tr '\n' ' '; }
echo "load-test: server memory after wrk: $(memory)"

echo "load-test: single requests at the size limit (seconds, total per request):"
for _ in 1 2 3; do
  curl -s -o "$work/big-reply.json" -w '  status %{http_code}, %{time_total} s, reply %{size_download} bytes\n' \
    -H 'Content-Type: application/json' --data-binary @"$work/big.json" "$url"
done

echo "load-test: server memory after the largest requests: $(memory)"

echo "load-test: /healthz and a quick check while three drafts at the size limit are checked:"
printf '{"content":"<p>Ring 07700 900123.</p>","format":"html","filename":"quick.html"}' >"$work/quick.json"
heavy=()
for _ in 1 2 3; do
  curl -s -o /dev/null -H 'Content-Type: application/json' --data-binary @"$work/big.json" "$url" & heavy+=($!)
done
sleep 0.3
for _ in 1 2 3 4 5; do
  curl -s -o /dev/null -w '  /healthz %{http_code}, %{time_total} s' "http://127.0.0.1:$port/healthz"
  curl -s -o /dev/null -w ';  quick check %{http_code}, %{time_total} s\n' \
    -H 'Content-Type: application/json' --data-binary @"$work/quick.json" "$url"
  sleep 0.2
done
wait "${heavy[@]}"
