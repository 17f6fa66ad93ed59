using System.Text.Json.Serialization;
using AgentTrust.Domain.Actions;

namespace AgentTrust.Orchestrations.Api;

/// <summary>An RFC 9457 problem: what went wrong, for which request, and every field at fault.</summary>
public sealed record ProblemDetails(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("instance")] string? Instance = null,
    [property: JsonPropertyName("errors")] IReadOnlyList<FieldError>? Errors = null);
