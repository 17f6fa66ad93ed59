using System.Text;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>PUT /api/pacts/{agent}/{lane}</c>: publishes a pact version, sent as JSON (<c>application/json</c>) or YAML
/// (<c>application/yaml</c>). Both go through the same loader: JSON Schema validation, then every expression
/// compiled against the pact's schemas. A pact with any problem is refused with every problem (field, line,
/// column) as RFC 9457 problem details, and nothing is stored; a published version is immutable (409 if sent
/// again with other content).
/// </summary>
public sealed class PublishPactHandler(IPactStore pacts, CelPactCompiler compiler, IOptions<ApiOptions> options, TimeProvider time)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contentType = request.Header("Content-Type");
        var isYaml = IsYaml(contentType);
        if (request.BodyTooLarge || request.Body.Length > options.Value.MaxBodyBytes)
        {
            return Problems.TooLarge(request, options.Value.MaxBodyBytes);
        }

        if (!isYaml && !JsonRequests.IsJson(contentType))
        {
            return Problems.Create(request, 415, "unsupported-media-type", "Unsupported media type", "Send the pact as application/json or application/yaml.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(request.Body.Span);
        }
        catch (DecoderFallbackException)
        {
            return Problems.Validation(request, "The pact is not UTF-8 text; nothing was stored.", [new FieldError("$", "the body must be UTF-8")]);
        }

        var loaded = PactLoader.Load(text);
        if (!loaded.Succeeded)
        {
            var kind = loaded.Errors.Any(e => e.Message.StartsWith("the text is not valid YAML or JSON", StringComparison.Ordinal)) ? (isYaml ? "malformed-yaml" : "malformed-json") : "validation";
            var title = kind == "validation" ? "The request is not valid" : isYaml ? "The body is not valid YAML" : "The body is not valid JSON";
            return Problems.Create(request, 400, kind, title, "The pact has errors; nothing was stored.", [.. loaded.Errors.Select(ToFieldError)]);
        }

        var pact = loaded.Pact!;
        var agent = request.RouteValue("agent");
        var lane = request.RouteValue("lane");
        var errors = new List<FieldError>();
        if (!string.Equals(pact.AgentId, agent, StringComparison.Ordinal))
        {
            errors.Add(new FieldError("agentId", $"must equal the agent in the URL ('{agent}')"));
        }

        if (!string.Equals(pact.Lane, lane, StringComparison.Ordinal) || !Domain.Lanes.Lanes.IsKnown(lane))
        {
            errors.Add(new FieldError("lane", $"must equal the lane in the URL and be one of: {string.Join(", ", Domain.Lanes.Lanes.All)}"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The pact has errors; nothing was stored.", errors);
        }

        // Compiled (and cached by hash) before storing, so the first governed action finds it ready.
        compiler.Compile(pact);
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

    static FieldError ToFieldError(PactError error) =>
        new(error.Field, error.Line is null && error.ExpressionColumn is { } column ? $"{error.Message} (at column {column} of the expression)" : error.Message, error.Line, error.Column);

    public static bool IsYaml(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/yaml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-yaml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/yaml", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+yaml", StringComparison.OrdinalIgnoreCase));
    }
}
