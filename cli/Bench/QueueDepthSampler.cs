using Azure.Storage.Queues;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Samples the Durable Task Azure Storage queues of one task hub (<c>{hub}-control-NN</c>, <c>{hub}-workitems</c>)
/// about once a second: a few cheap requests per second, so the sampling barely adds to the load it observes.
/// </summary>
public sealed class QueueDepthSampler(string connectionString, string taskHub)
{
    readonly QueueServiceClient service = new(connectionString);
    readonly string prefix = taskHub.ToLowerInvariant() + "-";
    readonly List<QueueDepthSample> samples = [];

    public IReadOnlyList<QueueDepthSample> Samples
    {
        get
        {
            lock (samples)
            {
                return [.. samples];
            }
        }
    }

    /// <summary>Samples until <paramref name="stop"/> is cancelled; <paramref name="clock"/> gives seconds since the run's start.</summary>
    public async Task RunAsync(Func<double> clock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var queues = new List<QueueClient>();
        await foreach (var item in service.GetQueuesAsync(prefix: prefix, cancellationToken: stop).ConfigureAwait(false))
        {
            queues.Add(service.GetQueueClient(item.Name));
        }

        while (!stop.IsCancellationRequested)
        {
            var at = clock();
            int control = 0, workItems = 0;
            try
            {
                var counts = await Task.WhenAll(queues.Select(async q => (q.Name, (await q.GetPropertiesAsync(stop).ConfigureAwait(false)).Value.ApproximateMessagesCount))).ConfigureAwait(false);
                foreach (var (name, count) in counts)
                {
                    if (name.EndsWith("-workitems", StringComparison.Ordinal))
                    {
                        workItems += count;
                    }
                    else
                    {
                        control += count;
                    }
                }

                lock (samples)
                {
                    samples.Add(new QueueDepthSample(at, control, workItems));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException)
            {
                // A sample lost to a busy Azurite is a gap in the series, not a failure of the run.
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
