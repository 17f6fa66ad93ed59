using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Pacts;

/// <summary>A published pact version with its content hash and when it was published.</summary>
public sealed record StoredPact(Pact Pact, string Hash, DateTimeOffset PublishedAt);
