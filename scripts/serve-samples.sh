# Sourced by scripts/load-test.sh, Tests/Integration/serve.sh and browser.sh: builds postlint in release mode
# and runs `postlint serve` in Samples/ (its .postlint.yml and roster) on a free loopback port.
#   start_samples_server WORK   sets `server` (the pid) and `port`; the log goes to WORK/server.log
#   stop_samples_server         stops it (SIGTERM) if it runs
start_samples_server() {
  local work=$1 root bin
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  (cd "$root" && swift build -c release --product postlint >/dev/null)
  bin=$(cd "$root" && swift build -c release --show-bin-path)/postlint
  : > "$work/server.log"
  (cd "$root/Samples" && exec "$bin" serve --port 0 2> "$work/server.log") &
  server=$!
  port=""
  for _ in $(seq 1 300); do
    port=$(sed -n 's|^postlint: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.log")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "postlint serve did not start:"
  cat "$work/server.log"
  return 1
}

stop_samples_server() {
  if [ -n "${server:-}" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=""
  fi
}
