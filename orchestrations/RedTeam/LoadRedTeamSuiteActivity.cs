using AgentTrust.Domain.RedTeam;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>The lane's shipped suite (embedded in the domain assembly); an activity so its content is recorded in history.</summary>
public sealed class LoadRedTeamSuiteActivity : TaskActivity<string, RedTeamSuite?>
{
    public override Task<RedTeamSuite?> RunAsync(TaskActivityContext context, string input) => Task.FromResult(RedTeamSuites.For(input));
}
