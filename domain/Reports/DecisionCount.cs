using AgentTrust.Domain.Decisions;

namespace AgentTrust.Domain.Reports;

/// <summary>How many decisions of one kind the loop made in one lane during the week (from decision evidence).</summary>
public sealed record DecisionCount(string Lane, DecisionKind Kind, int Count);
