using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>Stores a finished run and makes it the agent's latest in its lane (what promotion reads). Idempotent: a put.</summary>
public sealed class SaveRedTeamRunActivity(IRedTeamRunStore runs) : TaskActivity<RedTeamRun, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RedTeamRun input)
    {
        await runs.SaveAsync(input).ConfigureAwait(false);
        return true;
    }
}
