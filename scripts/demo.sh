#!/usr/bin/env bash
# The main job: starts Azurite and the AgentTrust local host, and replays real ServiceNow incidents through its HTTP
# API as agent actions, printing each decision and where its evidence is. Extra arguments go to `agenttrust demo`,
# e.g. scripts/demo.sh --count 20. Azurite's data is kept in .azurite/ so you can look at it afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
state="$root/.azurite"
if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build cli/AgentTrust.Cli.csproj -c Release -nologo -v q
trap 'scripts/azurite.sh stop "$state"' EXIT
scripts/azurite.sh start "$state"
# shellcheck disable=SC1091
. "$state/azurite.env"
AzureWebJobsStorage="$AZURITE_CONNECTION_STRING" dotnet cli/bin/Release/net10.0/agenttrust.dll demo "$@"
echo "Azurite data is in $state/data (blob container 'evidence', tables AgentTrustPacts and agenttrustlocal*)."
