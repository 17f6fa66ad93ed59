using AgentTrust.Domain.Judging;
using Microsoft.DurableTask;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Runs one judge on one judged clause. A judge that is missing, throws, or outlasts its time abstains, with the
/// reason recorded: a jury member's failure is an expected outcome, so this activity never fails and never retries.
/// </summary>
public sealed class JudgeClauseActivity(IEnumerable<IJudge> judges) : TaskActivity<JudgeClauseRequest, JudgeVerdict>
{
    public override async Task<JudgeVerdict> RunAsync(TaskActivityContext context, JudgeClauseRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clauseId = input.Request.ClauseId;
        var judge = judges.FirstOrDefault(j => string.Equals(j.Id, input.JudgeId, StringComparison.Ordinal));
        if (judge is null)
        {
            return JudgeVerdict.Abstain(input.JudgeId, "unknown", clauseId, "this host has no such judge", failure: "missing");
        }

        using var timeout = new CancellationTokenSource();
        try
        {
            var judging = judge.JudgeAsync(input.Request, timeout.Token).AsTask();
            // A judge that ignores its token still cannot hold the jury: the delay wins and the judge abstains.
            var deadline = Task.Delay(Math.Max(1, input.TimeoutMilliseconds), timeout.Token);
            var first = await Task.WhenAny(judging, deadline).ConfigureAwait(false);
            if (first != judging)
            {
                await timeout.CancelAsync().ConfigureAwait(false);
                return JudgeVerdict.Abstain(judge.Id, judge.Version, clauseId, $"no verdict within {input.TimeoutMilliseconds} ms", failure: "timeout");
            }

            await timeout.CancelAsync().ConfigureAwait(false);
            var verdict = await judging.ConfigureAwait(false);
            // The judge answers for the clause it was asked about, under its own name, whatever it put in the record.
            return verdict with { JudgeId = judge.Id, ClauseId = clauseId };
        }
#pragma warning disable CA1031 // A judge's bug or outage is its abstention, recorded with the exception type, never the jury's failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return JudgeVerdict.Abstain(judge.Id, judge.Version, clauseId, $"the judge failed: {ex.GetType().Name}", failure: "error");
        }
    }
}
