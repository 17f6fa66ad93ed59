namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>Finished red-team runs, and each agent's latest run per lane: whether it passed the promotion bar there.</summary>
public interface IRedTeamRunStore
{
    Task SaveAsync(RedTeamRun run, CancellationToken cancellationToken = default);

    Task<RedTeamRun?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The newest finished run of the agent in each lane it was run in.</summary>
    Task<IReadOnlyList<RedTeamRun>> LatestAsync(string agentId, CancellationToken cancellationToken = default);
}
