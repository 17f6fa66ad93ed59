#!/usr/bin/env bash
# The long chaos run on demand (docs/reliability.md, "Faults: chaos"): builds the CLI and runs `agenttrust chaos`, which
# starts its own Azurite (data on disk) and SIGKILLs/restarts the local host under a stream of actions, approvals and
# outcomes, then checks nothing accepted was lost or applied twice.
#
#   scripts/chaos.sh                         100 kills, Azurite restarted every 10 kills
#   scripts/chaos.sh --kills 20 --json       any `agenttrust chaos` option
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$root/node_modules/.bin/azurite" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
dotnet build "$root/cli/AgentTrust.Cli.csproj" -c Release -nologo -v q >/dev/null
exec dotnet "$root/cli/bin/Release/net10.0/agenttrust.dll" chaos --azurite "$root/node_modules/.bin/azurite" "$@"
