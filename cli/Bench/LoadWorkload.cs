using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Pacts.Tooling;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// What the load mode sends: for each lane, the real pact from <c>pacts/</c> (published once per load agent, so
/// every agent has its own trust, autonomy and evidence log) and the lane's own examples the pact allows (<c>allow</c>,
/// or <c>shadow</c> in a shadow lane; an example without a type takes the pact's first allowed action, as <c>pact test</c>
/// does), sent round-robin over agents and lanes, each on a ticket of its own. Examples the pact blocks are left out on
/// purpose: their critical violations slash the agent's bond, so later actions would be blocked early and the mix of
/// paths would drift within a run. Judged clauses still go to the real jury, which sends some actions to a person.
/// </summary>
public sealed class LoadWorkload
{
    readonly IReadOnlyList<LaneWork> lanes;
    readonly string run;

    LoadWorkload(IReadOnlyList<LaneWork> lanes, string run, int agentsPerLane)
    {
        this.lanes = lanes;
        this.run = run;
        AgentsPerLane = agentsPerLane;
    }

    public int AgentsPerLane { get; }

    public IReadOnlyList<string> Lanes => [.. lanes.Select(l => l.Pact.Lane)];

    /// <summary>
    /// Every (agent, pact) of generation <paramref name="generation"/>. Each step of a sweep uses agents of its own, so
    /// no step inherits the trust, autonomy tier or rate-limit counts the previous step's load left behind.
    /// </summary>
    public IEnumerable<Pact> Pacts(int generation) =>
        lanes.SelectMany(lane => Enumerable.Range(0, AgentsPerLane).Select(a => lane.Pact with { AgentId = AgentId(lane, generation, a) }));

    /// <summary>
    /// Reads each lane's pact and examples from <paramref name="pactsDirectory"/>. <paramref name="agents"/> load agents
    /// are spread over the lanes (at least one per lane).
    /// </summary>
    public static LoadWorkload Load(string pactsDirectory, IReadOnlyList<string> laneNames, int agents, string run)
    {
        ArgumentNullException.ThrowIfNull(laneNames);
        var lanes = new List<LaneWork>();
        foreach (var lane in laneNames)
        {
            var pactFile = Path.Combine(pactsDirectory, lane + ".pact.yaml");
            var loaded = PactLoader.LoadFile(pactFile);
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException($"{pactFile}: {string.Join("; ", loaded.Errors.Select(e => e.ToString()))}");
            }

            var examples = PactExampleRunner.ReadFile(Path.Combine(pactsDirectory, lane + ".examples.yaml")).Examples
                .Where(e => e.Expect is "allow" or "shadow" && e.Fields is not null)
                .ToList();
            if (examples.Count == 0)
            {
                throw new InvalidOperationException($"{lane}: its examples file has no example the pact allows");
            }

            lanes.Add(new LaneWork(loaded.Pact!, examples));
        }

        return new LoadWorkload(lanes, run, Math.Max(1, (int)Math.Ceiling(agents / (double)Math.Max(1, lanes.Count))));
    }

    /// <summary>The body of request <paramref name="index"/> by an agent of <paramref name="generation"/>: lanes round-robin, then agents, then the lane's examples.</summary>
    public LoadRequest Request(int index, int generation = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var lane = lanes[index % lanes.Count];
        var round = index / lanes.Count;
        var agent = AgentId(lane, generation, round % AgentsPerLane);
        var example = lane.Examples[(round / AgentsPerLane) % lane.Examples.Count];
        var ticketId = string.Create(CultureInfo.InvariantCulture, $"LOAD-{run}-{index:D7}");
        var body = new JsonObject
        {
            ["agentId"] = agent,
            ["lane"] = lane.Pact.Lane,
            ["ticket"] = new JsonObject
            {
                ["system"] = example.Ticket?.System ?? "servicenow",
                ["id"] = ticketId,
                ["fields"] = example.Ticket?.Fields is { } fields ? JsonNode.Parse(fields.GetRawText()) : null,
            },
            ["action"] = new JsonObject { ["type"] = example.Type ?? lane.Pact.AllowedActions[0], ["fields"] = JsonNode.Parse(example.Fields!.Value.GetRawText()) },
            ["confidence"] = example.Confidence,
            ["idempotencyKey"] = $"{run}-{index}",
        };
        if (body["ticket"]!["fields"] is null)
        {
            body["ticket"]!.AsObject().Remove("fields");
        }

        return new LoadRequest(index, agent, lane.Pact.Lane, ticketId, body.ToJsonString(JsonDefaults.Options));
    }

    string AgentId(LaneWork lane, int generation, int index) => string.Create(CultureInfo.InvariantCulture, $"load-{run}-g{generation}-{lane.Pact.Lane}-{index}");

    sealed record LaneWork(Pact Pact, IReadOnlyList<PactExample> Examples);
}
