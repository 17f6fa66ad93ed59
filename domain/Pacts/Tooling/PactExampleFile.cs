namespace AgentTrust.Domain.Pacts.Tooling;

/// <summary>An examples file: the pact it tests (a path relative to the file), the time examples run at, the examples.</summary>
public sealed record PactExampleFile(string Pact, DateTimeOffset Now, IReadOnlyList<PactExample> Examples);
