namespace AgentTrust.Judges.Classification;

/// <summary>A classifier's probability for each label it knows.</summary>
internal sealed record LabelDistribution(IReadOnlyList<string> Labels, IReadOnlyList<double> Probabilities)
{
    public string Best => Labels[IndexOfBest];

    int IndexOfBest
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Probabilities.Count; i++)
            {
                if (Probabilities[i] > Probabilities[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }

    public bool Knows(string label) => Labels.Contains(label, StringComparer.Ordinal);

    public double Probability(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal))
            {
                return Probabilities[i];
            }
        }

        return 0;
    }
}
