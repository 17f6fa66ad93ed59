namespace AgentTrust.Domain.Autonomy;

/// <summary>One hour of an error budget's rolling window: good and bad events, and how many of the bad were violations.</summary>
public sealed record BudgetBucket(DateTimeOffset Hour, int Good, int Bad, int Violations);
