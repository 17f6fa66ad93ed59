namespace AgentTrust.Domain.Evaluation;

/// <summary>
/// Picks the confidence threshold (apply when confidence >= threshold) whose automation rate is closest to a target.
/// Candidates are the distinct confidences and "above all of them" (nothing automated). On a tie the higher threshold
/// wins: fewer automated actions and fewer wrong ones reaching tickets, so the baseline is never flattered down.
/// </summary>
public static class ThresholdSweep
{
    public static double Pick(IReadOnlyList<double> confidences, double targetAutomationRate)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        if (confidences.Count == 0)
        {
            return 1;
        }

        var sorted = confidences.OrderByDescending(c => c).ToArray();
        var best = double.PositiveInfinity;
        var bestGap = Math.Abs(targetAutomationRate);
        for (var i = 0; i < sorted.Length; i++)
        {
            // Threshold sorted[i] automates every action with confidence >= it: the run of equal values ends at j.
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i])
            {
                continue;
            }

            var gap = Math.Abs((double)(i + 1) / sorted.Length - targetAutomationRate);
            if (gap < bestGap - 1e-12)
            {
                best = sorted[i];
                bestGap = gap;
            }
        }

        return best;
    }
}
