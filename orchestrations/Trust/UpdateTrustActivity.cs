using AgentTrust.Domain.Trust;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// The incremental trust update of the governed loop: conduct after a decision (and the ticket remembered for later
/// outcomes), outcome after a human's answer. Idempotent: the signal id is derived from the action, so a retry
/// counts once. Returns null where no trust engine is configured.
/// </summary>
public sealed class UpdateTrustActivity(IServiceProvider services) : TaskActivity<UpdateTrustRequest, TrustChange?>
{
    public override async Task<TrustChange?> RunAsync(TaskActivityContext context, UpdateTrustRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (services.GetService<TrustEngine>() is not { } engine)
        {
            return null;
        }

        TrustSignal signal;
        if (input.Evaluation is { } evaluation)
        {
            await engine.RememberDecisionAsync(new TrustAttribution(input.TicketSystem, input.TicketId, input.AgentId, input.Lane, input.ActionId, input.At)).ConfigureAwait(false);
            signal = TrustSignals.FromDecision(input.ActionId, input.AgentId, input.Lane, evaluation, input.Juries, input.At, engine.Parameters);
            if (services.GetService<Agents.IAgentRegistry>() is { } registry && signal.Version is { } pactVersion)
            {
                // A registered agent's version is part of the version its conduct is earned under (docs/registry.md).
                var agent = await registry.GetAsync(input.AgentId).ConfigureAwait(false);
                signal = signal with { Version = Domain.Agents.AgentTrustVersion.Compose(pactVersion, agent?.Version ?? 0) };
            }
        }
        else if (input.Approved is { } approved)
        {
            signal = TrustSignals.FromApproval(input.ActionId, input.AgentId, input.Lane, approved, input.At, engine.Parameters);
        }
        else
        {
            throw new ArgumentException("A trust update needs an evaluation or a human's answer.", nameof(input));
        }

        var change = await engine.ApplyAsync(signal, input.TicketSystem, input.TicketId).ConfigureAwait(false);
        Telemetry.AgentTrustTelemetry.RecordStage("trust-update", started, input.Lane);
        return change;
    }
}
