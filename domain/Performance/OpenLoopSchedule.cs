namespace AgentTrust.Domain.Performance;

/// <summary>
/// An open-loop arrival schedule: request <c>i</c> is due at <c>i / rate</c> seconds after the start, whatever the
/// server is doing. A load generator that waits for answers before sending more (closed loop) slows down with the
/// server and hides the queueing it causes (coordinated omission); latencies are measured from these intended
/// times instead, so a late send counts against the system, not for it.
/// </summary>
public sealed record OpenLoopSchedule
{
    public OpenLoopSchedule(double ratePerSecond, TimeSpan duration)
    {
        if (!(ratePerSecond > 0) || double.IsInfinity(ratePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "the rate must be a positive number of requests per second");
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "the duration must be positive");
        }

        RatePerSecond = ratePerSecond;
        Duration = duration;
        // The small epsilon keeps 2.0/s over 3 s at 6 requests despite binary floating point (5.999...).
        Count = (int)Math.Floor((ratePerSecond * duration.TotalSeconds) + 1e-9);
    }

    public double RatePerSecond { get; }

    public TimeSpan Duration { get; }

    /// <summary>How many requests the schedule holds: one every 1/rate seconds inside the duration.</summary>
    public int Count { get; }

    /// <summary>When request <paramref name="index"/> is due, from the start of the run.</summary>
    public TimeSpan IntendedOffset(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return TimeSpan.FromTicks(Offset(index));
    }

    long Offset(int index) => (long)Math.Round(index * TimeSpan.TicksPerSecond / RatePerSecond);

    /// <summary>Reads a duration written as seconds (<c>60</c>, <c>60s</c>), minutes (<c>2m</c>) or milliseconds (<c>500ms</c>).</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') || text.EndsWith('S') ? (text[..^1], 1.0)
            : text.EndsWith('m') || text.EndsWith('M') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    /// <summary>
    /// How many requests are due once <paramref name="elapsed"/> has passed (request 0 is due at once). A sender that
    /// fell behind sends every due request at once: it never skips one and never waits for an answer.
    /// </summary>
    public int DueBy(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return 0;
        }

        // Estimate, then settle on exactly the requests whose (tick-rounded) intended time has come, so a request is
        // due at the very instant IntendedOffset names, whatever the floating point did.
        var due = (int)Math.Min(Math.Floor(elapsed.TotalSeconds * RatePerSecond) + 1, Count);
        while (due < Count && Offset(due) <= elapsed.Ticks)
        {
            due++;
        }

        while (due > 0 && Offset(due - 1) > elapsed.Ticks)
        {
            due--;
        }

        return due;
    }
}
