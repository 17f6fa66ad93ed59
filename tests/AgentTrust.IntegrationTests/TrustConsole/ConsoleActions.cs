using System.Net;
using AgentTrust.IntegrationTests.Support;

namespace AgentTrust.IntegrationTests.TrustConsole;

/// <summary>Governed actions in each state the console shows, for one fresh agent.</summary>
internal sealed record ConsoleActions(string Agent, string Applied, string Blocked, string Waiting)
{
    public static async Task<ConsoleActions> ProposeAsync(ApiClient api, int waiting = 1)
    {
        var agent = "console-" + Guid.NewGuid().ToString("N")[..8];
        using (var published = await api.PublishAsync(Actions.Pact(agent)))
        {
            Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        }

        var applied = await ProposeAsync(api, agent, priority: 3, confidence: 0.95, "applied", "INC0000101");
        var blocked = await ProposeAsync(api, agent, priority: 1, confidence: 0.95, "blocked", "INC0000102");
        string? first = null;
        for (var i = 0; i < waiting; i++)
        {
            var id = await ProposeAsync(api, agent, priority: 3, confidence: 0.4, "awaiting-approval", $"INC00002{i:D2}");
            first ??= id;
        }

        return new ConsoleActions(agent, applied, blocked, first!);
    }

    static async Task<string> ProposeAsync(ApiClient api, string agent, int priority, double confidence, string expected, string ticket)
    {
        var (response, body) = await api.ProposeAsync(Actions.Classify(agent, Guid.NewGuid().ToString("N"), priority, confidence, ticket));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted, body.ToString());
        var id = body.GetProperty("id").GetString()!;
        await api.WaitForStatusAsync(id, TimeSpan.FromSeconds(60), expected);
        return id;
    }
}
