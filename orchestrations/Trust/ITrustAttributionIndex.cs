namespace AgentTrust.Orchestrations.Trust;

/// <summary>Ticket to the decisions that touched it.</summary>
public interface ITrustAttributionIndex
{
    /// <summary>Idempotent: recording the same action again changes nothing.</summary>
    Task RecordAsync(TrustAttribution attribution, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrustAttribution>> ListAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default);
}
