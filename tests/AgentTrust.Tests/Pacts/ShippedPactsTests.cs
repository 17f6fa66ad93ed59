using AgentTrust.Domain.Lanes;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Pacts.Tooling;

namespace AgentTrust.Tests.Pacts;

/// <summary>The ten shipped pacts: valid, one per lane, and every example behaves as it says.</summary>
public sealed class ShippedPactsTests
{
    public static TheoryData<string> LaneIds() => [.. Lanes.All];

    [Theory]
    [MemberData(nameof(LaneIds))]
    public void Load_ShippedPactForLane_IsValidAndGovernsThatLane(string lane)
    {
        var result = PactLoader.LoadFile(PactFiles.PathOf($"{lane}.pact.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(lane, result.Pact!.Lane);
        Assert.True(result.Pact.Clauses.Count >= 5, "a shipped pact states at least five clauses");
    }

    [Theory]
    [MemberData(nameof(LaneIds))]
    public void Run_ShippedExamplesForLane_AllBehaveAsExpectedAndCoverPassAndFail(string lane)
    {
        var examples = PactExampleRunner.ReadFile(PactFiles.PathOf($"{lane}.examples.yaml"));
        var compiled = CelPactCompiler.CompileUncached(PactLoader.LoadFile(PactFiles.PathOf(examples.Pact)).Pact!);

        var results = PactExampleRunner.Run(compiled, examples);

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Example.Name}: {string.Join("; ", r.Mismatches)}"));
        Assert.Contains(results, r => r.Outcome is "allow" or "shadow");
        Assert.Contains(results, r => r.Outcome == "block");
    }

    [Fact]
    public async Task PactLint_ShippedDirectory_ExitsZero()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactLintCommand.RunAsync([PactFiles.Directory], stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains("10 of 10 pact(s) valid", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PactTest_ShippedDirectory_ExitsZero()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await PactTestCommand.RunAsync([PactFiles.Directory], stdout, stderr);

        Assert.True(exit == 0, stdout.ToString() + stderr);
        Assert.DoesNotContain("FAIL", stdout.ToString(), StringComparison.Ordinal);
    }
}
