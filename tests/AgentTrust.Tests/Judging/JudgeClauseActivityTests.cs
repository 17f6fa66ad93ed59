using AgentTrust.Domain.Judging;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask;
using Moq;

namespace AgentTrust.Tests.Judging;

public sealed class JudgeClauseActivityTests
{
    static readonly JudgeRequest Request = JudgeSamples.Request("{\"category\":\"4\"}", "{\"body\":\"x\"}");

    static Task<JudgeVerdict> Run(IJudge judge, string judgeId, int timeoutMs = 2000) =>
        new JudgeClauseActivity([judge]).RunAsync(Mock.Of<TaskActivityContext>(), new JudgeClauseRequest(judgeId, Request, timeoutMs));

    static Mock<IJudge> Judge(Func<CancellationToken, ValueTask<JudgeVerdict>> behaviour)
    {
        var judge = new Mock<IJudge>();
        judge.SetupGet(j => j.Id).Returns("j1");
        judge.SetupGet(j => j.Version).Returns("v1");
        judge.Setup(j => j.JudgeAsync(It.IsAny<JudgeRequest>(), It.IsAny<CancellationToken>())).Returns((JudgeRequest _, CancellationToken ct) => behaviour(ct));
        return judge;
    }

    [Fact]
    public async Task RunAsync_JudgeThrows_AbstainsWithError()
    {
        var verdict = await Run(Judge(_ => throw new InvalidOperationException("model file torn")).Object, "j1");

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.Equal("error", verdict.Failure);
        Assert.Equal(Request.ClauseId, verdict.ClauseId);
    }

    [Fact]
    public async Task RunAsync_JudgeIgnoresItsTokenAndHangs_AbstainsWithTimeout()
    {
        var never = new TaskCompletionSource<JudgeVerdict>();
        var verdict = await Run(Judge(_ => new ValueTask<JudgeVerdict>(never.Task)).Object, "j1", timeoutMs: 50);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.Equal("timeout", verdict.Failure);
    }

    [Fact]
    public async Task RunAsync_UnknownJudge_Abstains()
    {
        var verdict = await Run(Judge(_ => ValueTask.FromResult(JudgeSamples.Verdict("j1", Verdict.Pass, 0.9))).Object, "nobody");

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.Equal("missing", verdict.Failure);
    }

    [Fact]
    public async Task RunAsync_JudgeAnswers_VerdictForTheAskedClause()
    {
        var verdict = await Run(Judge(_ => ValueTask.FromResult(JudgeSamples.Verdict("j1", Verdict.Fail, 0.2, clause: "other"))).Object, "j1");

        Assert.Equal(Verdict.Fail, verdict.Verdict);
        Assert.Equal(Request.ClauseId, verdict.ClauseId);
    }
}
