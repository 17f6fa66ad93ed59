using System.Threading.Channels;
using AgentTrust.Orchestrations.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.Tests.Hosting;

public sealed class PeriodicJobServiceTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExecuteAsync_ARoundFails_NextTickRunsAgain()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time, TimeSpan.FromMinutes(1), firstRunDelay: TimeSpan.Zero, failFirst: true);
        await job.StartAsync(CancellationToken.None);

        Assert.Equal(1, await job.Rounds.ReadAsync().AsTask().WaitAsync(Wait)); // at once, and it throws
        await AdvanceUntilAsync(time, TimeSpan.FromMinutes(1), () => job.Rounds.TryPeek(out _));
        Assert.Equal(2, await job.Rounds.ReadAsync().AsTask().WaitAsync(Wait)); // the failure did not stop the loop

        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_FirstRunDelay_NothingRunsBeforeIt()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time, TimeSpan.FromHours(1), firstRunDelay: TimeSpan.FromMinutes(5), failFirst: false);
        await job.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50);
        Assert.False(job.Rounds.TryPeek(out _));
        await AdvanceUntilAsync(time, TimeSpan.FromMinutes(1), () => job.Rounds.TryPeek(out _));
        Assert.Equal(1, await job.Rounds.ReadAsync().AsTask().WaitAsync(Wait));

        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_Disabled_NeverRuns()
    {
        var time = new FakeTimeProvider();
        using var job = new CountingJob(time, TimeSpan.FromMinutes(1), firstRunDelay: TimeSpan.Zero, failFirst: false, enabled: false);
        await job.StartAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(50);

        Assert.False(job.Rounds.TryPeek(out _));
        await job.StopAsync(CancellationToken.None);
    }

    /// <summary>Advances fake time in steps until the condition holds: the loop may not be waiting on the timer yet.</summary>
    static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        for (var i = 0; i < 200 && !done(); i++)
        {
            time.Advance(step);
            await Task.Delay(20);
        }
    }

    sealed class CountingJob(FakeTimeProvider time, TimeSpan interval, TimeSpan firstRunDelay, bool failFirst, bool enabled = true)
        : PeriodicJobService(NullLogger.Instance, time)
    {
        readonly Channel<int> rounds = Channel.CreateUnbounded<int>();
        int count;

        public ChannelReader<int> Rounds => rounds.Reader;

        protected override string JobName => "counting";

        protected override TimeSpan Interval => interval;

        protected override TimeSpan FirstRunDelay => firstRunDelay;

        protected override bool Enabled => enabled;

        protected override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            var round = Interlocked.Increment(ref count);
            rounds.Writer.TryWrite(round);
            return failFirst && round == 1 ? throw new InvalidOperationException("storage blip") : Task.CompletedTask;
        }
    }
}
