using AgentTrust.Domain.Agents;
using AgentTrust.Domain.RedTeam;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.Autonomy;
using AgentTrust.Orchestrations.RedTeam;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AgentTrust.Tests.Autonomy;

public sealed class RedTeamGateTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    static RedTeamRun Run(string lane, int version, bool passed, string runId = "rt-1") => new(
        runId, "classifier-01", lane, version, "recorded", "completed", T0, T0.AddMinutes(1), "sha256:p", 1, 1,
        new RedTeamScore(10, passed ? 10 : 7, [], passed), [], null);

    static RedTeamGate Gate(IReadOnlyList<RedTeamRun> runs, int? registeredVersion)
    {
        var store = new Mock<IRedTeamRunStore>();
        store.Setup(s => s.LatestAsync("classifier-01", It.IsAny<CancellationToken>())).ReturnsAsync(runs);
        var registry = new Mock<IAgentRegistry>();
        registry.Setup(r => r.GetAsync("classifier-01", null, It.IsAny<CancellationToken>())).ReturnsAsync(
            registeredVersion is { } v ? new AgentRegistration(null!, v, "fp", 1, T0, T0, T0) : null);
        var services = new ServiceCollection().AddSingleton(store.Object).AddSingleton(registry.Object).BuildServiceProvider();
        return new RedTeamGate(services);
    }

    [Fact]
    public async Task ClearanceAsync_PassingRunOfTheCurrentVersion_Passes()
    {
        var clearance = await Gate([Run("other-lane", 2, false, "rt-0"), Run("incident-classification", 2, true)], 2).ClearanceAsync("classifier-01", "incident-classification");

        Assert.True(clearance.Passed);
        Assert.Equal("run rt-1 of agent version 2 passed", clearance.Detail);
    }

    [Fact]
    public async Task ClearanceAsync_PassingRunOfAnOlderVersion_DoesNotPass()
    {
        var clearance = await Gate([Run("incident-classification", 1, true)], 2).ClearanceAsync("classifier-01", "incident-classification");

        Assert.False(clearance.Passed);
        Assert.Contains("was of agent version 1, the agent is now version 2", clearance.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearanceAsync_FailedRunOrNoRunInTheLane_DoesNotPass()
    {
        Assert.False((await Gate([Run("incident-classification", 1, false)], 1).ClearanceAsync("classifier-01", "incident-classification")).Passed);
        Assert.Equal(RedTeamClearanceNoRun, (await Gate([Run("other-lane", 1, true)], 1).ClearanceAsync("classifier-01", "incident-classification")).Detail);
    }

    [Fact]
    public async Task ClearanceAsync_NoRunStore_FailsClosed() =>
        Assert.False((await new RedTeamGate(new ServiceCollection().BuildServiceProvider()).ClearanceAsync("classifier-01", "incident-classification")).Passed);

    static string RedTeamClearanceNoRun => AgentTrust.Domain.Autonomy.RedTeamClearance.NoRun.Detail;
}
