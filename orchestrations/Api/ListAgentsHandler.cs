using AgentTrust.Domain.Actions;
using AgentTrust.Orchestrations.Agents;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary><c>GET /api/agents</c>: every registered agent, by id; <c>?lane=L</c> keeps those working in lane L.</summary>
public sealed class ListAgentsHandler(IAgentRegistry registry)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lane = request.Query("lane");
        if (lane is not null && !Domain.Lanes.Lanes.IsKnown(lane))
        {
            return Problems.Validation(request, "The query has errors.", [new FieldError("lane", "must be one of: " + string.Join(", ", Domain.Lanes.Lanes.All))]);
        }

        var agents = await registry.ListAsync(lane, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(200, new { agents = agents.Select(AgentViews.Of) });
    }
}
