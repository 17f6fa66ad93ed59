namespace AgentTrust.Domain.Performance;

/// <summary>
/// How many requests were in flight (started, not yet finished) at given instants, reconstructed afterwards from each
/// request's start and end. Measuring it this way costs the system under test nothing during the run, unlike polling.
/// </summary>
public static class InFlightTimeline
{
    /// <summary>
    /// The number in flight at each instant of <paramref name="at"/> (seconds from the run's start). A request is in
    /// flight over [start, end); one with no end (never finished) stays in flight from its start on.
    /// </summary>
    public static IReadOnlyList<int> Count(IReadOnlyList<(double Start, double? End)> requests, IReadOnlyList<double> at)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(at);
        var starts = requests.Select(r => r.Start).Order().ToArray();
        var ends = requests.Where(r => r.End is not null).Select(r => r.End!.Value).Order().ToArray();
        return [.. at.Select(t => UpTo(starts, t) - UpTo(ends, t))];
    }

    /// <summary>How many sorted values are at or before <paramref name="t"/>.</summary>
    static int UpTo(double[] sorted, double t)
    {
        var index = Array.BinarySearch(sorted, t);
        if (index < 0)
        {
            return ~index;
        }

        // Equal values: count all of them.
        while (index + 1 < sorted.Length && sorted[index + 1] <= t)
        {
            index++;
        }

        return index + 1;
    }
}
