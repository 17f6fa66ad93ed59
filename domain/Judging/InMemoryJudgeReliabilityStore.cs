namespace AgentTrust.Domain.Judging;

/// <summary>
/// Reliability kept in process, seeded with each judge's measured held-out reliability the first time it is read.
/// Human labels update it for the life of the process; a durable store can replace it behind the same port.
/// </summary>
public sealed class InMemoryJudgeReliabilityStore(IEnumerable<IJudge> judges) : IJudgeReliabilityStore
{
    readonly Lock gate = new();
    ReliabilityBook? book;

    public Task<ReliabilityBook> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current());

    public Task<ReliabilityBook> LearnAsync(IReadOnlyList<JudgeVerdict> verdicts, bool clauseHolds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var seeded = Current();
        lock (gate)
        {
            book = (book ?? seeded).Learn(verdicts, clauseHolds);
            return Task.FromResult(book);
        }
    }

    ReliabilityBook Current()
    {
        lock (gate)
        {
            if (book is not null)
            {
                return book;
            }
        }

        // Reading a judge's measured reliability may train its model: done outside the lock, first writer wins.
        var seeded = ReliabilityBook.Empty;
        foreach (var judge in judges)
        {
            if (judge.MeasuredReliability is { } measured)
            {
                seeded = seeded.With(measured);
            }
        }

        lock (gate)
        {
            book ??= seeded;
            return book;
        }
    }
}
