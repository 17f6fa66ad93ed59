namespace AgentTrust.Domain.Evidence.Attestation;

/// <summary>What a statement is about: a name and its digests (algorithm to lower-case hex).</summary>
public sealed record InTotoSubject(string Name, IReadOnlyDictionary<string, string> Digest);
