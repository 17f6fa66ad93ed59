namespace AgentTrust.Domain.Reports;

/// <summary>Both trust scores of one agent in one lane at one instant, as the report charts them.</summary>
public sealed record TrustPoint(DateTimeOffset At, double Conduct, double ConductLowerBound, double Outcome, double OutcomeLowerBound, long Events);
