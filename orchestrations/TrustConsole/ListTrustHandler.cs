using AgentTrust.Domain.Pacts;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.Trust;
using Azure;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// <c>GET /api/trust?pageSize=&amp;continuationToken=</c>: every agent x lane with its pact's autonomy tier and both trust
/// scores (mean and lower bound) decayed to now, paged server-side. Changes nothing.
/// </summary>
public sealed class ListTrustHandler(TrustStatePages states, IPactStore pacts, TrustEngine trust, ConsoleSignIn signIn, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signIn.RefuseAnonymousRead(request) is { } refused)
        {
            return refused;
        }

        var (page, errors) = PageQuery.Read(request);
        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The query has errors.", errors);
        }

        IReadOnlyList<TrustState> found;
        string? next;
        try
        {
            (found, next) = await states.PageAsync(page!.PageSize, page.StorageToken, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 400 } or FormatException or ArgumentException)
        {
            return Problems.Validation(request, "The query has errors.", [new Domain.Actions.FieldError("continuationToken", "is not a token this API returned")]);
        }

        var now = time.GetUtcNow();
        // One pact read per row of the page (at most 200), in parallel: the tier is the pact's, the pact store's cost.
        var tiers = await Task.WhenAll(found.Select(async s =>
            (await pacts.GetAsync(new PactKey(s.AgentId, s.Lane), cancellationToken).ConfigureAwait(false))?.Pact.Autonomy.Tier)).ConfigureAwait(false);
        return ApiResponse.Json(200, new
        {
            asOf = now,
            items = found.Select((s, i) =>
            {
                var score = TrustScoring.Score(s, now, trust.Parameters);
                return new
                {
                    agentId = s.AgentId,
                    lane = s.Lane,
                    tier = tiers[i] is { } tier ? Tier(tier) : null,
                    conduct = score.Conduct,
                    outcome = score.Outcome,
                    divergence = score.Divergence,
                    version = score.Version,
                    lastEventAt = score.LastEventAt,
                    links = new
                    {
                        trust = $"/api/agents/{s.AgentId}/trust",
                        history = $"/api/agents/{s.AgentId}/trust/history?lane={Uri.EscapeDataString(s.Lane)}",
                        pact = $"/api/pacts/{s.AgentId}/{s.Lane}",
                    },
                };
            }),
            continuationToken = ContinuationTokens.Encode(next),
            links = new { next = PageQuery.NextLink(request, next) },
        });
    }

    static string Tier(AutonomyTier tier) => System.Text.Json.JsonSerializer.Serialize(tier, Domain.Hashing.JsonDefaults.Options).Trim('"');
}
