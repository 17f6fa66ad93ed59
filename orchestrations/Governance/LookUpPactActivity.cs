using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Reads the pact that governs an agent in a lane (the current version, or a pinned one).</summary>
public sealed class LookUpPactActivity(IPactStore pacts) : TaskActivity<PactKey, StoredPact?>
{
    public override async Task<StoredPact?> RunAsync(TaskActivityContext context, PactKey input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pact = await pacts.GetAsync(input).ConfigureAwait(false);
        Telemetry.AgentTrustTelemetry.RecordStage("pact-lookup", started, input.Lane);
        return pact;
    }
}
