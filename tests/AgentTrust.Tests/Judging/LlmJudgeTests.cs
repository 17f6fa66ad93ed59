using System.Net;
using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Llm;
using Microsoft.Extensions.AI;
using static AgentTrust.Tests.Judging.ScriptedChatClient;

namespace AgentTrust.Tests.Judging;

public sealed class LlmJudgeTests
{
    const string PassAnswer = """{"verdict":"pass","score":0.82,"rationale":"category matches the hardware fault described"}""";

    static readonly JudgeRequest Request = JudgeSamples.Request("{\"category\":\"4\"}", "{\"title\":\"laptop broken\",\"body\":\"screen cracked\"}");

    static LlmJudge Judge(ScriptedChatClient client, JudgeResponseCache? cache = null, int timeoutSeconds = 5) =>
        new(client, new LlmJudgeOptions { Id = "llm-a", Model = "gpt-test", TimeoutSeconds = timeoutSeconds, MaxRetries = 2, RetryDelayMilliseconds = 1 }, cache ?? new JudgeResponseCache());

    [Fact]
    public async Task JudgeAsync_WellFormedAnswer_VerdictWithModelAndPromptHash()
    {
        var client = new ScriptedChatClient(Answer(PassAnswer));

        var verdict = await Judge(client).JudgeAsync(Request, default);

        Assert.Equal(Verdict.Pass, verdict.Verdict);
        Assert.Equal(0.82, verdict.Score, 6);
        Assert.Equal("gpt-test", verdict.ModelId);
        Assert.StartsWith("sha256:", verdict.PromptHash, StringComparison.Ordinal);
        Assert.Contains("hardware", verdict.Rationale, StringComparison.Ordinal);
        var options = Assert.Single(client.Options);
        Assert.Equal(0f, options!.Temperature);
        Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
    }

    [Fact]
    public async Task JudgeAsync_SameRequestTwice_AnsweredFromCacheWithSameVerdict()
    {
        var client = new ScriptedChatClient(Answer(PassAnswer), Answer("""{"verdict":"fail","score":0.1,"rationale":"changed its mind"}"""));
        var judge = Judge(client);

        var first = await judge.JudgeAsync(Request, default);
        var second = await judge.JudgeAsync(Request, default);

        Assert.Equal(1, client.Calls);
        Assert.Equal(first.Verdict, second.Verdict);
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.PromptHash, second.PromptHash);
    }

    [Theory]
    [InlineData("I think it passes")]
    [InlineData("""{"verdict":"maybe","score":0.5,"rationale":"?"}""")]
    [InlineData("""{"verdict":"pass","score":0.2,"rationale":"contradicts itself"}""")]
    [InlineData("""{"verdict":"pass","score":7,"rationale":"out of range"}""")]
    [InlineData("")]
    public async Task JudgeAsync_GarbageAnswer_AbstainsAndIsNotCached(string answer)
    {
        var client = new ScriptedChatClient(Answer(answer));
        var cache = new JudgeResponseCache();

        var verdict = await Judge(client, cache).JudgeAsync(Request, default);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.NotNull(verdict.Failure);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task JudgeAsync_TransientErrorThenAnswer_RetriesAndPasses()
    {
        var client = new ScriptedChatClient(Throw(new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable)), Answer(PassAnswer));

        var verdict = await Judge(client).JudgeAsync(Request, default);

        Assert.Equal(Verdict.Pass, verdict.Verdict);
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task JudgeAsync_PermanentError_AbstainsWithoutRetry()
    {
        var client = new ScriptedChatClient(Throw(new HttpRequestException("no", null, HttpStatusCode.Unauthorized)), Answer(PassAnswer));

        var verdict = await Judge(client).JudgeAsync(Request, default);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.Equal(1, client.Calls);
        Assert.Contains("HttpRequestException", verdict.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_ModelHangs_AbstainsAfterTimeout()
    {
        var client = new ScriptedChatClient(Hang());

        var verdict = await Judge(client, timeoutSeconds: 1).JudgeAsync(Request, default);

        Assert.Equal(Verdict.Abstain, verdict.Verdict);
        Assert.Contains("timed out", verdict.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_FencedJson_Accepted()
    {
        var client = new ScriptedChatClient(Answer("```json\n" + PassAnswer + "\n```"));

        Assert.Equal(Verdict.Pass, (await Judge(client).JudgeAsync(Request, default)).Verdict);
    }
}
