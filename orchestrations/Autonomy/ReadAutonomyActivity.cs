using AgentTrust.Domain.Autonomy;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// The agent's live autonomy in the lane at decision time (an activity: it reads storage, and a window that rolled or a
/// day that ended is written back as evidence). Null where no governor is configured: the decision then uses the
/// pact's tier; so does a pact whose autonomy cannot move, without touching storage.
/// </summary>
public sealed class ReadAutonomyActivity(IServiceProvider services) : TaskActivity<ReadAutonomyRequest, AutonomyStanding?>
{
    public override async Task<AutonomyStanding?> RunAsync(TaskActivityContext context, ReadAutonomyRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AutonomyLadder.Moves(input.Pact) && services.GetService<AutonomyGovernor>() is { } governor
            ? await governor.StandingAsync(input.Pact, input.At, input.TicketSystem, input.TicketId).ConfigureAwait(false)
            : null;
    }
}
