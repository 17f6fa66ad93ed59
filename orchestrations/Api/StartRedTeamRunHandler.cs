using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.RedTeam;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.RedTeam;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/redteam/runs</c>: starts a red-team run of a registered agent in one of its lanes, against its
/// registered endpoint or (<c>answers</c>) against recorded answers by case id. 202 with the run's link; 400/422 problem
/// details when the body is wrong or there is nothing to run against (agent not registered or not in the lane, no
/// endpoint, no pact), and nothing is started.
/// </summary>
public sealed class StartRedTeamRunHandler(IAgentRegistry registry, IPactStore pacts, IOptions<ApiOptions> options, TimeProvider time)
{
    static readonly string[] Fields = ["agentId", "lane", "answers"];

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (JsonRequests.Refuse(request, options.Value.MaxBodyBytes * 4) is { } refused)
        {
            return refused;
        }

        string? agentId = null, lane = null;
        Dictionary<string, RedTeamReply>? answers = null;
        var errors = new List<FieldError>();
        try
        {
            using var document = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Validation(request, "The body must be a JSON object.", [new FieldError("$", "must be a JSON object")]);
            }

            errors.AddRange(root.EnumerateObject().Where(p => !Fields.Contains(p.Name, StringComparer.Ordinal)).Select(p => new FieldError(p.Name, "is not a known field")));
            agentId = root.TryGetProperty("agentId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            if (agentId is null || !ProposedActionValidator.IdentifierPattern().IsMatch(agentId))
            {
                errors.Add(new FieldError("agentId", "is required: a registered agent's id"));
            }

            lane = root.TryGetProperty("lane", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            if (!Domain.Lanes.Lanes.IsKnown(lane))
            {
                errors.Add(new FieldError("lane", "must be one of: " + string.Join(", ", Domain.Lanes.Lanes.All)));
            }

            if (root.TryGetProperty("answers", out var recorded) && recorded.ValueKind != JsonValueKind.Null)
            {
                try
                {
                    answers = recorded.Deserialize<Dictionary<string, RedTeamReply>>(JsonDefaults.Options);
                }
                catch (JsonException ex)
                {
                    errors.Add(new FieldError("answers" + (ex.Path ?? string.Empty).TrimStart('$'), "must map case ids to {type, fields, confidence, rationale} or {decline}"));
                }
            }
        }
        catch (JsonException ex)
        {
            return Problems.MalformedJson(request, $"The body is not valid JSON (line {ex.LineNumber + 1}).");
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The run request has errors; nothing was started.", errors);
        }

        var agent = await registry.GetAsync(agentId!, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (agent is null)
        {
            return Problems.Unprocessable(request, "agent-not-registered", "The agent is not registered", $"Register '{agentId}' (POST /api/agents) before running its red team.", [new FieldError("agentId", "is not registered")]);
        }

        if (!agent.Profile.Lanes.Contains(lane!, StringComparer.Ordinal))
        {
            return Problems.Unprocessable(request, "lane-not-registered", "The agent does not work in this lane", $"'{agentId}' is registered for: {string.Join(", ", agent.Profile.Lanes)}.", [new FieldError("lane", "is not one of the agent's lanes")]);
        }

        if (answers is null && agent.Profile.Endpoint is null)
        {
            return Problems.Unprocessable(request, "no-endpoint", "The agent has no endpoint", "Register the agent with an endpoint, or send recorded answers.", [new FieldError("answers", "is required when the agent has no endpoint")]);
        }

        if (await pacts.GetAsync(new PactKey(agentId!, lane!), cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.Unprocessable(request, "no-pact", "No pact governs the agent in this lane", $"Publish a pact (PUT /api/pacts/{agentId}/{lane}) first: the run is judged against it.");
        }

        var runId = "rt-" + Guid.NewGuid().ToString("N")[..24];
        var input = new RedTeamRunInput(runId, agentId!, lane!, agent.Version, agent.Profile.Endpoint, answers, time.GetUtcNow());
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(RedTeamRunOrchestrator), input, new StartOrchestrationOptions(runId), cancellationToken).ConfigureAwait(false);
        var self = $"/api/redteam/runs/{runId}";
        return ApiResponse.Json(202, new { runId, status = "running", agentId, lane, agentVersion = agent.Version, mode = input.Mode, links = new { self } }, new Dictionary<string, string> { ["Location"] = self });
    }
}
