using System.Net;
using AgentTrust.Orchestrations.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Functions.Http;

/// <summary>Turns Functions HTTP requests into the shared handlers' <see cref="ApiRequest"/> and their responses back.</summary>
public static class FunctionsHttp
{
    public static async Task<ApiRequest> ToApiRequestAsync(HttpRequestData request, IReadOnlyDictionary<string, string> route)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.FunctionContext.InstanceServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        var declared = request.Headers.TryGetValues("Content-Length", out var lengths) && long.TryParse(lengths.FirstOrDefault(), out var n) ? n : (long?)null;
        var (body, tooLarge) = string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase)
            ? ([], false)
            : await RequestBody.ReadAsync(request.Body, declared, limit, request.FunctionContext.CancellationToken).ConfigureAwait(false);
        return new ApiRequest
        {
            Method = request.Method,
            Url = request.Url,
            Route = route,
            Headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            Body = body,
            BodyTooLarge = tooLarge,
        };
    }

    public static async Task<HttpResponseData> ToResponseAsync(HttpRequestData request, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var result = request.CreateResponse((HttpStatusCode)response.Status);
        foreach (var (name, value) in response.Headers)
        {
            result.Headers.Add(name, value);
        }

        if (response.ContentType is not null)
        {
            result.Headers.Add("Content-Type", response.ContentType);
        }

        await result.Body.WriteAsync(response.Body).ConfigureAwait(false);
        return result;
    }
}
