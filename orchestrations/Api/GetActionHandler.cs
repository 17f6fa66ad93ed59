using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary><c>GET /api/actions/{id}</c>: where a governed action stands, its decision with reasons, and its evidence.</summary>
public sealed class GetActionHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var id = request.RouteValue("id");
        if (!ActionIds.LooksValid(id))
        {
            return Problems.NotFound(request, $"There is no action '{id}'.");
        }

        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null
            ? Problems.NotFound(request, $"There is no action '{id}'.")
            : ApiResponse.Json(200, ActionViews.From(metadata, request.Url));
    }
}
