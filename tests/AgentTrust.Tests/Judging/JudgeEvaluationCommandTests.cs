using AgentTrust.Judges.Evaluation;

namespace AgentTrust.Tests.Judging;

[Collection(LocalModelsCollection.Name)]
public sealed class JudgeEvaluationCommandTests(LocalModelsFixture fixture)
{
    [Fact]
    public async Task RunAsync_CachedModels_PrintsMetricsForEveryLocalJudge()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await JudgeEvaluationCommand.RunAsync(["--cache", fixture.CachePath], stdout, stderr);

        Assert.Equal(0, exit);
        var text = stdout.ToString();
        Assert.Contains("ticket text → category", text, StringComparison.Ordinal);
        Assert.Contains("| ticket-text-classifier |", text, StringComparison.Ordinal);
        Assert.Contains("| precedent-knn |", text, StringComparison.Ordinal);
        Assert.Contains("| rules (priority matrix", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownArgument_ExitsTwo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, await JudgeEvaluationCommand.RunAsync(["--nope"], stdout, stderr));
        Assert.Contains("usage", stderr.ToString(), StringComparison.Ordinal);
    }
}
