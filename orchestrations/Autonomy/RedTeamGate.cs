using System.Globalization;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.RedTeam;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// Reads what the ladder's red-team gate needs: the agent's latest finished run in the lane (and, when the agent is
/// registered, whether that run was of its current version: a new model, prompt or tool version must prove itself
/// again). Fails closed: without a run store there is no run, so no promotion to autonomous under a gated pact.
/// </summary>
public sealed class RedTeamGate(IServiceProvider services)
{
    public async Task<RedTeamClearance> ClearanceAsync(string agentId, string lane, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        ArgumentNullException.ThrowIfNull(lane);
        if (services.GetService<IRedTeamRunStore>() is not { } runs)
        {
            return RedTeamClearance.NoRun;
        }

        var latest = (await runs.LatestAsync(agentId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => string.Equals(r.Lane, lane, StringComparison.Ordinal));
        if (latest is null)
        {
            return RedTeamClearance.NoRun;
        }

        var registered = services.GetService<IAgentRegistry>() is { } registry
            ? await registry.GetAsync(agentId, cancellationToken: cancellationToken).ConfigureAwait(false)
            : null;
        if (registered is not null && registered.Version != latest.AgentVersion)
        {
            return new RedTeamClearance(false, string.Create(
                CultureInfo.InvariantCulture, $"the latest run {latest.RunId} was of agent version {latest.AgentVersion}, the agent is now version {registered.Version}"));
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"agent version {latest.AgentVersion}");
        return latest.PassedBar
            ? new RedTeamClearance(true, $"run {latest.RunId} of {version} passed")
            : new RedTeamClearance(false, $"the latest run {latest.RunId} of {version} {(latest.Status == "completed" ? "did not pass" : "found " + latest.Status)}");
    }
}
