using AgentTrust.Domain.Disputes;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Input of <see cref="ApplyDisputeTrustActivity"/>.</summary>
public sealed record DisputeTrustRequest(string DisputeId, DisputedSubject Subject, DisputeVerdict Verdict, DateTimeOffset ResolvedAt);
