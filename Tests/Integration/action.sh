#!/usr/bin/env bash
# Runs the composite action's shell steps (action.yml) the way the Actions runner does: each `run:`
# with its `env:` (inputs substituted), GITHUB_OUTPUT and GITHUB_ACTION_PATH, in order. The `uses:`
# steps (cache, upload-sarif) need GitHub and are listed as skipped; the SARIF they would upload is
# checked instead. Builds PostLint in release mode once (minutes). Run by .ci/run; needs python3
# with PyYAML (pre-commit brings it) and skips with a notice without it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! python3 -c 'import yaml' 2> /dev/null; then
  echo "action integration: SKIPPED (python3 with PyYAML is not available)"
  exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/postlint-action.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "  ok: $1"; }
fail() { echo "  FAILED: $1"; failures=$((failures + 1)); }

# run_action WORKSPACE KEY=VALUE… : runs the steps with those inputs; prints the step log to
# $work/log and the outputs to $work/outputs; returns the first failing step's status.
run_action() {
  local workspace=$1; shift
  python3 - "$root/action.yml" "$workspace" "$work" "$@" <<'PY'
import os, re, subprocess, sys, yaml
action_file, workspace, work, *pairs = sys.argv[1:]
action = yaml.safe_load(open(action_file))
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
for pair in pairs:
    name, value = pair.split("=", 1)
    assert name in inputs, f"unknown input {name}"
    inputs[name] = value
outputs = {}
log = open(os.path.join(work, "log"), "w")
def expand(text, failed):
    def value(match):
        expr = match.group(1).strip()
        if m := re.fullmatch(r"inputs\.([\w-]+)", expr): return inputs[m.group(1)]
        if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr): return outputs.get(m.group(1), {}).get(m.group(2), "")
        if m := re.fullmatch(r"runner\.(os|arch)", expr): return {"os": "Linux", "arch": "X64"}[m.group(1)]
        if m := re.fullmatch(r"github\.(action_ref|action_repository)", expr):
            return os.environ.get({"action_ref": "ACTION_REF", "action_repository": "ACTION_REPOSITORY"}[m.group(1)], "")
        raise SystemExit(f"unsupported expression {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", value, text)
def condition(expr, failed):
    expr = expr.strip()
    if expr.startswith("${{"): expr = expr[3:-2]
    expr = expr.replace("!cancelled()", "True").replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"steps\.([\w-]+)\.outputs\.([\w-]+)", lambda m: repr(outputs.get(m.group(1), {}).get(m.group(2), "")), expr)
    expr = re.sub(r"inputs\.([\w-]+)", lambda m: repr(inputs[m.group(1)]), expr)
    return eval(expr) if not failed or "True" in expr else False
status = 0
for step in action["runs"]["steps"]:
    if "if" in step and not condition(step["if"], status != 0):
        log.write(f"## {step['name']}: condition false\n"); continue
    if status != 0 and "if" not in step:
        log.write(f"## {step['name']}: skipped after a failure\n"); continue
    if "uses" in step:
        log.write(f"## {step['name']}: skipped here (uses {step['uses']})\n"); continue
    env = dict(os.environ, GITHUB_ACTION_PATH=os.path.dirname(os.path.abspath(action_file)),
               GITHUB_WORKSPACE=workspace, RUNNER_OS="Linux", RUNNER_ARCH="X64", RUNNER_TEMP=work,
               GITHUB_OUTPUT=os.path.join(work, "step-output"))
    for name, value in step.get("env", {}).items(): env[name] = expand(str(value), status != 0)
    open(env["GITHUB_OUTPUT"], "w").close()
    log.write(f"## {step['name']}\n"); log.flush()
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env, stdout=log, stderr=subprocess.STDOUT)
    if step.get("id"):
        outputs[step["id"]] = dict(line.split("=", 1) for line in open(env["GITHUB_OUTPUT"]).read().splitlines() if "=" in line)
    if result.returncode != 0 and status == 0: status = result.returncode
with open(os.path.join(work, "outputs"), "w") as f:
    for step, values in outputs.items():
        for name, value in values.items(): f.write(f"{step}.{name}={value}\n")
sys.exit(status)
PY
}

school="$work/school repo"
mkdir -p "$school/news posts" "$school/letters"
printf 'rules:\n  personal-opinion: error\n' > "$school/.postlint.yml"
printf 'In my opinion the fair was great.\n\nMrs Ann Lee, Headteacher\n' > "$school/news posts/fair.md"
printf 'The letter is here.\n\nMrs Ann Lee, Headteacher\n' > "$school/letters/letter.txt"

echo "1. format sarif over a folder with an error (builds PostLint in release mode: minutes)"
status=0
run_action "$school" $'paths=news posts/\n' || status=$?
if [ "$status" -eq 1 ]; then pass "the action fails (status 1)"; else fail "status $status, expected 1"; cat "$work/log"; fi
grep -q '^check.exit-code=1$' "$work/outputs" && pass "exit-code output is 1" || fail "exit-code output: $(cat "$work/outputs")"
grep -q 'Upload SARIF to code scanning: skipped here' "$work/log" && pass "the upload step would run after the failed check" || fail "upload step not reached"
if python3 - "$school/postlint.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
results = log["runs"][0]["results"]
assert log["version"] == "2.1.0" and any(r["ruleId"] == "personal-opinion" and r["level"] == "error" for r in results), results
assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news%20posts/fair.md", results[0]["locations"]
PY
then pass "postlint.sarif holds the finding with its repository path"; else fail "SARIF content"; fi
binary=$(sed -n 's/^build.binary=//p' "$work/outputs")
[ -x "$binary" ] && pass "built $binary" || { fail "no binary built"; binary=""; }

if [ -n "$binary" ]; then
  echo "2. format github over two paths given one per line (prebuilt binary input)"
  status=0
  run_action "$school" "paths=news posts
letters" format=github "postlint=$binary" || status=$?
  [ "$status" -eq 1 ] && pass "fails (status 1)" || fail "status $status, expected 1"
  grep -q '^::error file=news posts/fair.md,line=1,col=1' "$work/log" && pass "an annotation for the finding" || { fail "no annotation"; cat "$work/log"; }
  grep -q 'Upload SARIF to code scanning: condition false' "$work/log" && pass "no upload in github format" || fail "upload not skipped"

  echo "3. a clean path passes"
  status=0
  run_action "$school" paths=letters "postlint=$binary" || status=$?
  [ "$status" -eq 0 ] && pass "passes (status 0)" || { fail "status $status, expected 0"; cat "$work/log"; }

  echo "4. fail-level warning with the opinion configured as a warning"
  printf 'rules:\n  personal-opinion: warning\n' > "$school/.postlint.yml"
  status=0; run_action "$school" $'paths=news posts\n' "postlint=$binary" || status=$?
  [ "$status" -eq 0 ] && pass "a warning passes at fail-level error" || fail "status $status, expected 0"
  status=0; run_action "$school" $'paths=news posts\n' fail-level=warning "postlint=$binary" || status=$?
  [ "$status" -eq 1 ] && pass "a warning fails at fail-level warning" || fail "status $status, expected 1"

  echo "5. a sealed roster opens with the roster-key input, and not without it"
  printf 'Forename,Surname\nOliver,Whitfield\n' > "$work/pupils.csv"
  printf 'an action test key, long enough' > "$work/roster.key"
  (cd "$school" && "$binary" roster seal "$work/pupils.csv" --output pupils.sealed --key-file "$work/roster.key" > /dev/null)
  printf 'roster: [pupils.sealed]\n' > "$school/.postlint.yml"
  printf 'Well done to Oliver Whitfield.\n\nMrs Ann Lee, Headteacher\n' > "$school/letters/award.txt"
  status=0; run_action "$school" paths=letters format=github "postlint=$binary" "roster-key=$(cat "$work/roster.key")" || status=$?
  [ "$status" -eq 1 ] && grep -q 'is a pupil.s full name' "$work/log" && pass "the pupil's name is found through the sealed roster" \
    || { fail "status $status, expected 1 with the name"; cat "$work/log"; }
  grep -q 'an action test key' "$work/log" && fail "the key appears in the log" || pass "the key is not in the log"
  status=0; run_action "$school" paths=letters format=github "postlint=$binary" || status=$?
  [ "$status" -eq 2 ] && grep -q 'cannot open the sealed roster' "$work/log" && pass "without the key: status 2 naming the sealed roster" \
    || { fail "status $status without the key, expected 2"; cat "$work/log"; }
  rm "$school/letters/award.txt" "$school/pupils.sealed"

  echo "6. a wrong input is refused before anything runs"
  status=0; run_action "$school" format=html "postlint=$binary" || status=$?
  [ "$status" -eq 2 ] && grep -q '::error::postlint: format must be sarif or github' "$work/log" && pass "format html is refused" || fail "status $status"

  echo "6. redact: annotations and SARIF place the pupil's name without naming the pupil"
  printf 'Legal Surname,Legal Forename,Year,Reg\nWhitfield,Oliver,3,3W\n' > "$school/pupils.csv"
  printf 'roster: [pupils.csv]\n' > "$school/.postlint.yml"
  printf 'Well done to Oliver Whitfield.\n\nMrs Ann Lee, Headteacher\n' > "$school/letters/award.txt"
  status=0; run_action "$school" paths=letters format=github redact=true "postlint=$binary" || status=$?
  [ "$status" -eq 1 ] && grep -q '^::error file=letters/award.txt,line=1,col=14,endLine=1,endColumn=30,title=postlint pupil-name::' "$work/log" \
    && pass "the annotation is at the name" || { fail "status $status, no annotation at the name"; cat "$work/log"; }
  ! grep -qi -e oliver -e whitfield "$work/log" && pass "the log holds no name" || fail "the log names the pupil"
  status=0; run_action "$school" paths=letters redact=true "postlint=$binary" || status=$?
  ! grep -qi whitfield "$school/postlint.sarif" && pass "the SARIF holds no surname (the rule's own text names an Oliver)" || fail "the SARIF names the pupil"
  status=0; run_action "$school" paths=letters redact=yes "postlint=$binary" || status=$?
  [ "$status" -eq 2 ] && grep -q '::error::postlint: redact must be true or false' "$work/log" && pass "redact yes is refused" || fail "status $status"
fi

# The release binary: run after Tests/Integration/release.sh has built the archive into dist/ (.ci/run
# does), served over local HTTP as a GitHub release would be, and a local bare clone standing in for
# the action's repository on GitHub (its tags say which commit is the release).
version=$(sed -n 's/.*static let version = "\(.*\)"/\1/p' "$root/Sources/PostLint/Checks/PostLintInfo.swift")
archive="$root/dist/postlint-$version-linux-x86_64.tar.gz"
if [ ! -f "$archive" ] || [ ! -f "$archive.sha256" ]; then
  echo "6. release binary: SKIPPED (no $archive; run Tests/Integration/release.sh first)"
else
  echo "6. a release ref downloads the release archive, checks its checksum and uses it"
  mkdir -p "$work/releases/v$version" "$work/server/OWNER"
  cp "$archive" "$archive.sha256" "$work/releases/v$version/"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/releases" > /dev/null 2>&1 &
  server=$!
  trap 'kill $server 2> /dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" > /dev/null && break; sleep 0.1; done
  export POSTLINT_RELEASE_BASE_URL="http://127.0.0.1:$port" ACTION_REPOSITORY=OWNER/postlint
  printf 'rules:\n  personal-opinion: error\n' > "$school/.postlint.yml"

  status=0; ACTION_REF="v$version" run_action "$school" $'paths=news posts\n' || status=$?
  [ "$status" -eq 1 ] && pass "the check runs and fails on the finding (status 1)" || { fail "status $status, expected 1"; cat "$work/log"; }
  grep -q "using the release binary of PostLint $version" "$work/log" && pass "the release binary is used" || { fail "release binary not used"; cat "$work/log"; }
  grep -q '^## Prepare the build: condition false' "$work/log" && pass "nothing is built" || fail "the build was prepared"
  grep -q "^build.binary=$work/postlint-release-$version/" "$work/outputs" && pass "the binary is the downloaded one" || fail "$(cat "$work/outputs")"

  git clone --quiet --bare --no-local "$root" "$work/server/OWNER/postlint"
  commit=$(git -C "$root" rev-parse HEAD)
  git -C "$work/server/OWNER/postlint" -c user.name=Test -c user.email=test@example.com tag -a -m "release" "v$version" "$commit"
  status=0; GITHUB_SERVER_URL="$work/server" ACTION_REF="$commit" run_action "$school" $'paths=news posts\n' || status=$?
  grep -q "using the release binary" "$work/log" && pass "a full commit id that the release tag points at uses it too" || { fail "commit id pin"; cat "$work/log"; }

  echo "7. a checksum that does not match: the archive is refused and PostLint is built instead"
  echo "0000000000000000000000000000000000000000000000000000000000000000  postlint-$version-linux-x86_64.tar.gz" \
    > "$work/releases/v$version/postlint-$version-linux-x86_64.tar.gz.sha256"
  status=0; ACTION_REF="v$version" run_action "$school" $'paths=news posts\n' || status=$?
  grep -q "does not match its SHA-256 checksum; building PostLint from source instead" "$work/log" && pass "the mismatch is refused" || { fail "mismatch not refused"; cat "$work/log"; }
  [ "$status" -eq 1 ] && grep -q "^build.binary=$school/.postlint-build/" "$work/outputs" && pass "the built binary checks instead" || fail "status $status: $(cat "$work/outputs")"
  unset POSTLINT_RELEASE_BASE_URL ACTION_REPOSITORY
fi

if [ "$failures" -gt 0 ]; then
  echo "action integration: $failures check(s) FAILED"
  exit 1
fi
echo "action integration: all checks passed"
