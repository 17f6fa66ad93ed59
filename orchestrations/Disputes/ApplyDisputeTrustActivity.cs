using AgentTrust.Domain.Disputes;
using AgentTrust.Orchestrations.Trust;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>
/// Applies a resolved dispute to trust through the trust engine (<see cref="DisputeSignals"/> says what it weighs).
/// Idempotent: the signal id is the dispute's, so a retry counts once. Null when nothing changes or no engine is configured.
/// </summary>
public sealed class ApplyDisputeTrustActivity(IServiceProvider services) : TaskActivity<DisputeTrustRequest, TrustChange?>
{
    public override async Task<TrustChange?> RunAsync(TaskActivityContext context, DisputeTrustRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (services.GetService<TrustEngine>() is not { } engine
            || DisputeSignals.FromResolution(input.DisputeId, input.Subject, input.Verdict, input.ResolvedAt, engine.Parameters) is not { } signal)
        {
            return null;
        }

        return await engine.ApplyAsync(signal, input.Subject.TicketSystem, input.Subject.TicketId).ConfigureAwait(false);
    }
}
