namespace AgentTrust.Judges.Precedent;

/// <summary>What the nearest past incidents say: how their weight spreads over final priorities and how often they were reopened.</summary>
internal sealed record PrecedentNeighbours(int Count, double Distance, IReadOnlyDictionary<int, double> PriorityWeight, double ReopenRate, double SlaRate)
{
    public const int PriorityLevels = 4;

    public double TotalWeight => PriorityWeight.Values.Sum();

    /// <summary>Laplace-smoothed share of precedent weight on this priority: the judge's probability that it is right.</summary>
    public double Probability(int priority) => (PriorityWeight.GetValueOrDefault(priority) + 1) / (TotalWeight + PriorityLevels);

    public int MostLikely => Enumerable.Range(1, PriorityLevels).OrderByDescending(Probability).ThenBy(p => p).First();
}
