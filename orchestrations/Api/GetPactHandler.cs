using System.Globalization;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary><c>GET /api/pacts/{agent}/{lane}[?version=N]</c>: the current pact, or a given version.</summary>
public sealed class GetPactHandler(IPactStore pacts)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = request.RouteValue("agent") ?? string.Empty;
        var lane = request.RouteValue("lane") ?? string.Empty;
        int? version = null;
        if (request.Query("version") is { } v)
        {
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return Problems.Validation(request, "version must be a positive whole number.", [new("version", "must be a positive whole number")]);
            }

            version = parsed;
        }

        if (!Domain.Actions.ProposedActionValidator.IdentifierPattern().IsMatch(agent) || !Domain.Lanes.Lanes.IsKnown(lane))
        {
            return Problems.NotFound(request, $"There is no pact for '{agent}' in '{lane}'.");
        }

        var stored = await pacts.GetAsync(new PactKey(agent, lane, version), cancellationToken).ConfigureAwait(false);
        return stored is null
            ? Problems.NotFound(request, $"There is no pact for '{agent}' in '{lane}'{(version is null ? string.Empty : $" at version {version}")}.")
            : ApiResponse.Json(200, stored);
    }
}
