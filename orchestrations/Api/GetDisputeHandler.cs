using AgentTrust.Orchestrations.Disputes;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary><c>GET /api/disputes/{id}</c>: where a dispute stands, the jury's view, and how it ended with its evidence.</summary>
public sealed class GetDisputeHandler
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var id = request.RouteValue("id");
        if (!DisputeIds.LooksValid(id))
        {
            return Problems.NotFound(request, $"There is no dispute '{id}'.");
        }

        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null || !string.Equals(metadata.Name, nameof(DisputeOrchestrator), StringComparison.Ordinal)
            ? Problems.NotFound(request, $"There is no dispute '{id}'.")
            : ApiResponse.Json(200, DisputeViews.From(metadata, request.Url));
    }
}
