using AgentTrust.Orchestrations.RedTeam;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/redteam/runs/{id}</c>: a running run's progress (cases done and passed), or a finished run's result:
/// every case with its outcome, reasons and evidence record, the score per severity and whether the bar was passed.
/// </summary>
public sealed class GetRedTeamRunHandler(IRedTeamRunStore runs)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var id = request.RouteValue("id") ?? string.Empty;
        if (!id.StartsWith("rt-", StringComparison.Ordinal) || !Domain.Actions.ProposedActionValidator.IdentifierPattern().IsMatch(id))
        {
            return Problems.NotFound(request, $"There is no red-team run '{id}'.");
        }

        if (await runs.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } finished)
        {
            return ApiResponse.Json(200, new { status = finished.Status, passedBar = finished.PassedBar, run = finished });
        }

        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return Problems.NotFound(request, $"There is no red-team run '{id}'.");
        }

        if (metadata.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            return ApiResponse.Json(200, new { status = "failed", detail = metadata.FailureDetails?.ErrorMessage });
        }

        var progress = metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<RedTeamProgress>();
        return ApiResponse.Json(200, new { status = "running", progress });
    }
}
