using AgentTrust.Domain.Actions;

namespace AgentTrust.Orchestrations.Api;

/// <summary>The problem responses of the API, each with a stable type URI.</summary>
public static class Problems
{
    const string ContentType = "application/problem+json; charset=utf-8";
    const string TypeBase = "https://agenttrust.dev/problems/";

    public static ApiResponse Validation(ApiRequest request, string detail, IReadOnlyList<FieldError> errors) =>
        Create(request, 400, "validation", "The request is not valid", detail, errors);

    public static ApiResponse MalformedJson(ApiRequest request, string detail, IReadOnlyList<FieldError>? errors = null) =>
        Create(request, 400, "malformed-json", "The body is not valid JSON", detail, errors);

    public static ApiResponse UnsupportedMediaType(ApiRequest request) =>
        Create(request, 415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.");

    public static ApiResponse TooLarge(ApiRequest request, int limit) =>
        Create(request, 413, "payload-too-large", "The body is too large", $"The body may be at most {limit} bytes.");

    public static ApiResponse NotFound(ApiRequest request, string detail) =>
        Create(request, 404, "not-found", "Not found", detail);

    public static ApiResponse Conflict(ApiRequest request, string kind, string title, string detail) =>
        Create(request, 409, kind, title, detail);

    public static ApiResponse Unprocessable(ApiRequest request, string kind, string title, string detail, IReadOnlyList<FieldError>? errors = null) =>
        Create(request, 422, kind, title, detail, errors);

    public static ApiResponse Create(ApiRequest request, int status, string kind, string title, string detail, IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = new ProblemDetails(TypeBase + kind, title, status, detail, request.Url.AbsolutePath, errors is { Count: > 0 } ? errors : null);
        var json = ApiResponse.Json(status, problem);
        return json with { ContentType = ContentType };
    }
}
