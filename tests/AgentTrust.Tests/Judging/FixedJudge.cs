using AgentTrust.Domain.Judging;

namespace AgentTrust.Tests.Judging;

/// <summary>A judge with a fixed answer, or one that throws: for orchestration tests of the jury's wiring.</summary>
internal sealed class FixedJudge(string id, Verdict verdict, double score, bool throws = false) : IJudge
{
    public string Id => id;

    public string Version => "fixed-v1";

    public ValueTask<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken) =>
        throws
            ? throw new InvalidOperationException("judge outage")
            : ValueTask.FromResult(new JudgeVerdict(id, Version, request.ClauseId, verdict, score, $"fixed {verdict}"));
}
