using AgentTrust.Domain.Disputes;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>
/// Input of <see cref="DisputeOrchestrator"/>: the dispute, what it is about, when it was filed, until when the
/// adjudicator may answer, and the digest every record of the dispute is bound to.
/// </summary>
public sealed record DisputeInput(
    string DisputeId,
    DisputeRequest Request,
    DisputedSubject Subject,
    DateTimeOffset FiledAt,
    DateTimeOffset Deadline,
    string Digest,
    IReadOnlyList<string> AdjudicatorGroups);
