namespace AgentTrust.Domain.Reports;

/// <summary>
/// One agent's trust in one lane over the report's trend window, one point a day, folded from its trust-change
/// evidence records (the same fold the trust store runs), and how many signals fell inside the report week.
/// </summary>
public sealed record TrustSeries(string AgentId, string Lane, IReadOnlyList<TrustPoint> Points, int SignalsInWeek);
