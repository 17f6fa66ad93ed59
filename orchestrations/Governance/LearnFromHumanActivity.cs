using AgentTrust.Domain.Judging;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Turns a human's answer into labels for the clauses the jury was uncertain about, and updates the judges' reliability
/// with them: an approval says each such clause holds, a rejection says it does not (the uncertain clauses were why a
/// human was asked). Clauses the jury decided are not relabelled, and an expired wait teaches nothing.
/// </summary>
public sealed class LearnFromHumanActivity(IServiceProvider services) : TaskActivity<JudgeLabelsRequest, IReadOnlyList<JudgeLabel>>
{
    public override async Task<IReadOnlyList<JudgeLabel>> RunAsync(TaskActivityContext context, JudgeLabelsRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The labels are recorded even where no store keeps reliability; the store, when there is one, learns from them.
        var reliability = services.GetService<IJudgeReliabilityStore>();
        var labels = new List<JudgeLabel>();
        foreach (var jury in input.Juries.Where(j => j.Outcome == JuryOutcome.Uncertain))
        {
            var voted = jury.Verdicts.Where(v => v.Verdict != Verdict.Abstain).ToList();
            if (reliability is not null)
            {
                await reliability.LearnAsync(voted, input.Approved).ConfigureAwait(false);
            }

            labels.Add(new JudgeLabel(
                jury.ClauseId,
                input.Approved,
                input.Approver,
                [.. voted.Where(v => (v.Verdict == Verdict.Pass) == input.Approved).Select(v => v.JudgeId)],
                [.. voted.Where(v => (v.Verdict == Verdict.Pass) != input.Approved).Select(v => v.JudgeId)]));
        }

        return labels;
    }
}
