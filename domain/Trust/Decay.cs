namespace AgentTrust.Domain.Trust;

/// <summary>Exponential decay by half-life.</summary>
public static class Decay
{
    /// <summary>2^(−elapsed / half-life): 1 for no time, 0.5 after one half-life.</summary>
    public static double Factor(TimeSpan elapsed, double halfLifeDays) =>
        halfLifeDays <= 0 ? 1 : Math.Exp(-Math.Log(2) * elapsed.TotalDays / halfLifeDays);
}
