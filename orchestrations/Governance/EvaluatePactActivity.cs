using AgentTrust.Domain.Pacts;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>Runs the pact's deterministic checks. Compiled pacts are cached by content hash, so this is CPU only.</summary>
public sealed class EvaluatePactActivity(CelPactCompiler compiler) : TaskActivity<EvaluatePactRequest, PactEvaluation>
{
    public override Task<PactEvaluation> RunAsync(TaskActivityContext context, EvaluatePactRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var compiled = compiler.Compile(input.Pact.Pact);
        var evaluation = compiled.Evaluate(EvaluationInput.For(input.Action, input.Now));
        Telemetry.AgentTrustTelemetry.RecordStage("evaluate", started, input.Action.Lane);
        return Task.FromResult(evaluation);
    }
}
