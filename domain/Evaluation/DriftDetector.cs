namespace AgentTrust.Domain.Evaluation;

/// <summary>
/// Where an agent's errors drift: the first position at which the error rate over the last <c>window</c> actions
/// reaches the drift line, the upper control limit of a p-chart around the agent's validation error rate
/// (p + 3 standard errors of a window's rate), and never less than two errors in the window.
/// Known only afterwards, from the records; the arms never see it.
/// </summary>
public static class DriftDetector
{
    public static double Line(double validationErrorRate, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var p = Math.Clamp(validationErrorRate, 0, 1);
        return Math.Max(p + (3 * Math.Sqrt(p * (1 - p) / window)), 2.0 / window);
    }

    public static int? Find(IReadOnlyList<bool> wrong, double validationErrorRate, int window)
    {
        ArgumentNullException.ThrowIfNull(wrong);
        var line = Line(validationErrorRate, window);
        var errors = 0;
        for (var i = 0; i < wrong.Count; i++)
        {
            errors += wrong[i] ? 1 : 0;
            if (i >= window)
            {
                errors -= wrong[i - window] ? 1 : 0;
            }

            // A hair of tolerance: 5 errors in 50 is 0.1 even when the line computes as 0.1000000001.
            if (i >= window - 1 && (double)errors / window >= line - 1e-12)
            {
                return i;
            }
        }

        return null;
    }
}
