using AgentTrust.Domain.Agents;
using AgentTrust.Orchestrations.Agents;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>POST /api/agents</c>: registers an agent or changes its registration. 201 for a new agent, 200 otherwise, with
/// <c>change</c> saying what happened (<c>created</c>, <c>new-version</c>, <c>updated</c>, <c>unchanged</c>); a new
/// model, prompt or tool version is a new agent version whose trust starts discounted. Bad input: 400 problem
/// details naming every field, and nothing stored.
/// </summary>
public sealed class RegisterAgentHandler(AgentRegistrar registrar, IOptions<ApiOptions> options)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (JsonRequests.Refuse(request, options.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var (profile, errors) = AgentProfileReader.Read(request.Body);
        if (profile is null)
        {
            return Problems.Validation(request, "The registration has errors; nothing was stored.", errors);
        }

        var result = await registrar.RegisterAsync(profile, cancellationToken).ConfigureAwait(false);
        var created = result.Change == AgentRegistrationChange.Created;
        var headers = new Dictionary<string, string> { ["Location"] = $"/api/agents/{profile.AgentId}" };
        return ApiResponse.Json(created ? 201 : 200, new
        {
            change = result.Change,
            agent = AgentViews.Of(result.Registration),
            evidence = result.EvidenceLocation,
            trustDiscounts = result.TrustDiscounts.Select(d => new
            {
                lane = d.Signal.Lane,
                applied = d.Applied,
                version = d.Signal.Version,
                conduct = d.After.Conduct,
                outcome = d.After.Outcome,
                evidence = d.EvidenceLocation,
            }),
        }, headers);
    }
}
