namespace AgentTrust.Domain.Trust;

/// <summary>The body of a <c>trust-change</c> evidence record: the signal that was applied.</summary>
public sealed record TrustChangeRecord(TrustSignal Signal);
