namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>A compiled expression with its static type and the slots it reads (for the values a result shows).</summary>
internal sealed record CelCompiled(CelProgram Program, CelType Type, IReadOnlyList<int> Slots);
