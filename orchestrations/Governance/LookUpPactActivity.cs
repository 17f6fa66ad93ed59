using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Reads the pact that governs an agent in a lane (the current version, or a pinned one).</summary>
public sealed class LookUpPactActivity(IPactStore pacts) : TaskActivity<PactKey, StoredPact?>
{
    public override Task<StoredPact?> RunAsync(TaskActivityContext context, PactKey input) => pacts.GetAsync(input);
}
