#!/usr/bin/env bash
# Runs every test of AgentTrust: builds the solution, starts Azurite on free ports (unless AGENTTRUST_TEST_STORAGE
# already names one), runs all test projects, stops Azurite by its process id, and prints "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
state="$(mktemp -d "${TMPDIR:-/tmp}/agenttrust-test.XXXXXX")"
cleanup() {
  [ -f "$state/azurite.env" ] && scripts/azurite.sh stop "$state"
  rm -rf "$state"
}
trap cleanup EXIT

# Headless Chromium (Debian's package) for the browser test of the approval page; the test skips without it.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" = "0" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >"$state/apt.log" 2>&1 \
    || echo "note: chromium could not be installed; the browser test will be skipped (see $state/apt.log)"
fi
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error || exit 1
fi
if [ -z "${AGENTTRUST_TEST_STORAGE:-}" ]; then
  scripts/azurite.sh start "$state" || exit 1
  # shellcheck disable=SC1091
  . "$state/azurite.env"
  export AGENTTRUST_TEST_STORAGE="$AZURITE_CONNECTION_STRING"
fi

dotnet build AgentTrust.sln -c "$configuration" -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet test AgentTrust.sln -c "$configuration" --no-build -nologo 2>&1 | tee "$state/test.log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly; add them up into the plain line CI reads.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1) + 0
      if ($i == "Passed:") p += $(i + 1) + 0
      if ($i == "Skipped:") s += $(i + 1) + 0
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$state/test.log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run failed before or outside a test (build, crash, host abort)
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
