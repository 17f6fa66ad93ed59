using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>PUT /api/pacts/{agent}/{lane}</c>: publishes a pact version. A pact that does not compile is refused with
/// every error and nothing is stored; a published version is immutable (409 if sent again with other content).
/// </summary>
public sealed class PublishPactHandler(IPactStore pacts, CelPactCompiler compiler, IOptions<ApiOptions> options, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (JsonRequests.Refuse(request, options.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var agent = request.RouteValue("agent");
        var lane = request.RouteValue("lane");
        Pact? pact;
        try
        {
            pact = JsonSerializer.Deserialize<Pact>(request.Body.Span, JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            return Problems.MalformedJson(request, "The pact could not be read; nothing was stored.",
                [new FieldError(ex.Path ?? "$", $"line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}")]);
        }

        var errors = new List<FieldError>();
        if (pact is null)
        {
            return Problems.Validation(request, "The pact is empty; nothing was stored.", [new FieldError("$", "a pact object is required")]);
        }

        if (!string.Equals(pact.AgentId, agent, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("agentId", $"must equal the agent in the URL ('{agent}')"));
        }

        if (!string.Equals(pact.Lane, lane, StringComparison.Ordinal) || !Domain.Lanes.Lanes.IsKnown(lane))
        {
            errors.Add(new FieldError("lane", $"must equal the lane in the URL and be one of: {string.Join(", ", Domain.Lanes.Lanes.All)}"));
        }

        if (pact.Version < 1)
        {
            errors.Add(new FieldError("version", "must be 1 or more"));
        }

        if (pact.Clauses is null || pact.AllowedActions is null || pact.Autonomy is null || pact.Approval is null)
        {
            errors.Add(new FieldError("$", "allowedActions, clauses, autonomy and approval are required"));
        }
        else
        {
            try
            {
                compiler.Compile(pact);
            }
            catch (PactCompilationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new FieldError(e.Split(':', 2)[0], e.Split(':', 2).ElementAtOrDefault(1)?.Trim() ?? e)));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The pact has errors; nothing was stored.", errors);
        }

        var (result, current) = await pacts.PublishAsync(pact, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var location = new Dictionary<string, string> { ["Location"] = $"/api/pacts/{agent}/{lane}?version={pact.Version}" };
        return result switch
        {
            PublishResult.Published => ApiResponse.Json(201, current, location),
            PublishResult.AlreadyPublished => ApiResponse.Json(200, current, location),
            _ => Problems.Conflict(request, "pact-version-conflict", "That pact version cannot be published",
                $"Version {pact.Version} already exists with other content, or a newer version ({current?.Pact.Version}) is current. Published versions are immutable: publish a new version."),
        };
    }
}
