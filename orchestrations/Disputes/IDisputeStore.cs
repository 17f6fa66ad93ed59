using AgentTrust.Domain.Disputes;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Resolved disputes, for reporting (the weekly metrics count overturned approvals from here).</summary>
public interface IDisputeStore
{
    /// <summary>Stores the resolution; storing the same dispute again replaces it with identical content.</summary>
    Task SaveAsync(DisputeResolutionRow resolution, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DisputeResolutionRow>> ListResolvedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
