using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentTrust.Orchestrations.Telemetry;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Collects the product's own stage timings (<c>agenttrust.stage.duration</c>, recorded by the activities as they
/// run) when the host runs in this process: how long each stage's work took, without the queueing around it.
/// </summary>
public sealed class StageTimingsListener : IDisposable
{
    /// <summary>
    /// The instrument's name as a literal: the listener is told about instruments while <see cref="AgentTrustTelemetry"/>'s
    /// static fields are still being created, so reading <c>AgentTrustTelemetry.StageDuration</c> there would see null.
    /// </summary>
    const string StageDurationName = "agenttrust.stage.duration";

    readonly MeterListener listener = new();
    ConcurrentDictionary<string, ConcurrentQueue<double>> stages = new(StringComparer.Ordinal);

    public StageTimingsListener()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AgentTrustTelemetry.Name && instrument.Name == StageDurationName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            string? stage = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "stage")
                {
                    stage = tag.Value as string;
                }
            }

            stages.GetOrAdd(stage ?? "unknown", _ => new ConcurrentQueue<double>()).Enqueue(value);
        });
        listener.Start();
    }

    /// <summary>The timings collected since the last call, by stage; collection starts afresh.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Take()
    {
        var taken = Interlocked.Exchange(ref stages, new ConcurrentDictionary<string, ConcurrentQueue<double>>(StringComparer.Ordinal));
        return taken.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)[.. p.Value], StringComparer.Ordinal);
    }

    public void Dispose() => listener.Dispose();
}
