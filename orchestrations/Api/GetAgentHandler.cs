using System.Globalization;
using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Agents;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/agents/{agent}</c>: the current registration, every version's start, and per lane the latest red-team run
/// and whether it passed the promotion bar (<c>?version=N</c>: the
/// registration version N started with).
/// </summary>
public sealed class GetAgentHandler(IAgentRegistry registry, RedTeam.IRedTeamRunStore? redTeam = null)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.RouteValue("agent") ?? string.Empty;
        if (!ProposedActionValidator.IdentifierPattern().IsMatch(agent))
        {
            return Problems.NotFound(request, $"There is no agent '{agent}'.");
        }

        int? version = null;
        if (request.Query("version") is { } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return Problems.Validation(request, "The query has errors.", [new FieldError("version", "must be a whole number from 1")]);
            }

            version = parsed;
        }

        var registration = await registry.GetAsync(agent, version, cancellationToken).ConfigureAwait(false);
        if (registration is null)
        {
            return Problems.NotFound(request, version is null ? $"There is no agent '{agent}'." : $"Agent '{agent}' has no version {version}.");
        }

        var versions = await registry.VersionsAsync(agent, cancellationToken).ConfigureAwait(false);
        var runs = redTeam is null ? [] : await redTeam.LatestAsync(agent, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(200, new
        {
            agent = AgentViews.Of(registration),
            versions = versions.Select(v => new
            {
                version = v.Version,
                fingerprint = v.Fingerprint,
                since = v.VersionSince,
                model = v.Profile.Model,
                promptVersion = v.Profile.PromptVersion,
                toolVersions = v.Profile.ToolVersions,
            }),
            // Per lane, the latest red-team run and whether it passed the pact's promotion bar (what promotion reads).
            redTeam = runs.OrderBy(r => r.Lane, StringComparer.Ordinal).Select(r => new
            {
                lane = r.Lane,
                runId = r.RunId,
                agentVersion = r.AgentVersion,
                passedBar = r.PassedBar,
                currentVersion = r.AgentVersion == registration.Version,
                completedAt = r.CompletedAt,
                link = $"/api/redteam/runs/{r.RunId}",
            }),
        });
    }
}
