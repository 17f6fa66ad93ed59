using System.Text.Json;
using AgentTrust.Domain.Evaluation;
using AgentTrust.IntegrationTests.LocalHost;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.Replay;

/// <summary>
/// <c>agenttrust replay</c> as a process against the local host on Azurite: real records, real ML.NET agents, real
/// pacts, real decisions. The report's numbers must be exactly what the API recorded.
/// </summary>
public sealed class ReplayCommandTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    const int PerLane = 40;

    /// <summary>
    /// 40 records per lane: long enough for wrong proposals, people's reviews and outcomes on both lanes, short enough for
    /// a shared two-core machine where Azurite serves a few governed actions per second at best.
    /// </summary>
    [Fact]
    public async Task Replay_ShortRunThroughLocalHost_EveryActionDecidedAndReportMatchesApi()
    {
        var output = Path.Combine(Path.GetTempPath(), "replay-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, log) = await RunReplayAsync("--url", fixture.Host.BaseUrl.ToString(), "--limit", PerLane.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output);
        Assert.True(exit == 0, log);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "replay-report.json")));
        var report = document.RootElement;
        var actions = report.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(2 * PerLane, actions.Count);
        Assert.True(File.Exists(Path.Combine(output, "replay-report.md")));
        Assert.True(report.GetProperty("outcomesPosted").GetInt32() >= PerLane, "every incident posts at least its opened outcome");

        // Every action got a decision, and its status in the report is the one the API holds.
        var byLane = new Dictionary<string, List<ReplayedAction>>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var view = await fixture.Api.GetAsync(action.GetProperty("actionId").GetString()!);
            var status = view.GetProperty("status").GetString()!;
            Assert.Equal(action.GetProperty("status").GetString(), status);
            Assert.Equal(JsonValueKind.Object, view.GetProperty("decision").ValueKind);
            var reasons = view.GetProperty("decision").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.NotEmpty(reasons);
            var route = status switch
            {
                "applied" => GovernedRoute.Applied,
                "blocked" => GovernedRoute.Blocked,
                "shadowed" => GovernedRoute.Shadowed,
                "approved" or "rejected" or "expired" => GovernedRoute.Human,
                _ => throw new Xunit.Sdk.XunitException($"action {action.GetProperty("actionId")} is not final: {status}"),
            };
            var constrained = reasons.Any(r => r.Contains("supervised in this lane", StringComparison.Ordinal)
                || r.Contains("shadow mode in this lane", StringComparison.Ordinal) || r.Contains("suspended in this lane", StringComparison.Ordinal));
            var lane = action.GetProperty("lane").GetString()!;
            (byLane.TryGetValue(lane, out var list) ? list : byLane[lane] = []).Add(new ReplayedAction(
                action.GetProperty("confidence").GetDouble(),
                action.GetProperty("wrong").GetBoolean(),
                action.GetProperty("downside").GetString() == "high" ? Downside.High : Downside.Low,
                route,
                constrained));
        }

        // The comparison recomputed from the API's own records equals the report's, number for number.
        var setup = report.GetProperty("setup").EnumerateArray().ToDictionary(s => s.GetProperty("lane").GetString()!, s => s.GetProperty("validationErrorRate").GetDouble());
        var lanes = report.GetProperty("lanes").EnumerateArray().ToList();
        Assert.Equal(["change-risk-warning", "incident-classification"], lanes.Select(l => l.GetProperty("lane").GetString()).Order(StringComparer.Ordinal));
        foreach (var reported in lanes)
        {
            var lane = reported.GetProperty("lane").GetString()!;
            var expected = GovernanceComparison.Compare(lane, byLane[lane], setup[lane]);
            Assert.Equal(PerLane, expected.Actions);
            Assert.Equal(expected.WrongActions, reported.GetProperty("wrongActions").GetInt32());
            Assert.Equal(expected.WrongHighDownside, reported.GetProperty("wrongHighDownside").GetInt32());
            Assert.Equal(expected.GoalMet, reported.GetProperty("goalMet").GetBoolean());
            foreach (var (name, arm) in new[] { ("none", expected.None), ("threshold", expected.Threshold), ("agentTrust", expected.AgentTrust) })
            {
                var got = reported.GetProperty(name);
                Assert.Equal(arm.Automated, got.GetProperty("automated").GetInt32());
                Assert.Equal(arm.HumanReviews, got.GetProperty("humanReviews").GetInt32());
                Assert.Equal(arm.Blocked, got.GetProperty("blocked").GetInt32());
                Assert.Equal(arm.WrongReached, got.GetProperty("wrongReached").GetInt32());
                Assert.Equal(arm.WrongHighReached, got.GetProperty("wrongHighReached").GetInt32());
                Assert.Equal(arm.WrongLowReached, got.GetProperty("wrongLowReached").GetInt32());
                Assert.Equal(arm.HumanWorkload, got.GetProperty("humanWorkload").GetInt32());
            }

            // The baseline's threshold was swept to AgentTrust's automation rate: no other threshold comes closer.
            var rates = byLane[lane].Select(a => a.Confidence).Distinct()
                .Select(t => Math.Abs(GovernanceComparison.AtThreshold(byLane[lane], t, null).AutomationRate - expected.AgentTrust.AutomationRate));
            Assert.True(Math.Abs(expected.Threshold.AutomationRate - expected.AgentTrust.AutomationRate) <= rates.Min() + 1e-12);
        }

        // The outcomes reached the trust engine: both agents have scores in their lanes.
        foreach (var agent in new[] { "replay-priority-model", "replay-change-risk" })
        {
            Assert.True(report.GetProperty("trust").GetProperty(agent).ValueKind == JsonValueKind.Object, $"no trust for {agent}");
        }
    }

    static async Task<(int Exit, string Log)> RunReplayAsync(params string[] arguments)
    {
        var result = await AgentTrustCli.RunAsync(["replay", .. arguments], TimeSpan.FromMinutes(40));
        return (result.ExitCode, result.Log);
    }
}
