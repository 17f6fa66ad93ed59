using AgentTrust.Domain.Decisions;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Turns the evaluation into a decision. An activity, not orchestrator code, because the decision will read the
/// agent's trust and budgets (I/O) as they are at decision time; the rule itself is the pure <see cref="DecisionPolicy"/>.
/// </summary>
public sealed class DecideActivity : TaskActivity<DecideRequest, Decision>
{
    public override Task<Decision> RunAsync(TaskActivityContext context, DecideRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var decision = DecisionPolicy.Decide(input.Pact, input.Evaluation, input.Action, input.Juries, input.Standing);
        Telemetry.AgentTrustTelemetry.Decisions.Add(1, new("outcome", decision.Kind.ToString()), new("lane", input.Action.Lane));
        Telemetry.AgentTrustTelemetry.RecordStage("decide", started, input.Action.Lane);
        return Task.FromResult(decision);
    }
}
