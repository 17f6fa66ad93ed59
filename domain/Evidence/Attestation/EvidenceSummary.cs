namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>The fields of a record that place it: its log (agent), action, position, kind and chain link.</summary>
public readonly record struct EvidenceSummary(string AgentId, string ActionId, int Sequence, string Kind, string? PreviousDigest);
