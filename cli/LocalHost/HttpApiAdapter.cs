using AgentTrust.Orchestrations.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AgentTrust.Cli.LocalHost;

/// <summary>Maps every row of the shared API table onto ASP.NET Core routes: the local host writes no endpoint logic.</summary>
internal static class HttpApiAdapter
{
    public static void MapAgentTrustApi(this IEndpointRouteBuilder endpoints, string? requireHost)
    {
        var api = endpoints.ServiceProvider.GetRequiredService<AgentTrustApi>();
        foreach (var endpoint in api.Endpoints)
        {
            var route = endpoints.MapMethods("/api/" + endpoint.Route, [endpoint.Method], (HttpContext context) => HandleAsync(context, endpoint))
                .WithName(endpoint.Name);
            if (requireHost is not null)
            {
                route.RequireHost(requireHost);
            }
        }
    }

    static async Task HandleAsync(HttpContext context, ApiEndpoint endpoint)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        var (body, tooLarge) = HttpMethods.IsGet(context.Request.Method)
            ? ([], false)
            : await RequestBody.ReadAsync(context.Request.Body, context.Request.ContentLength, limit, context.RequestAborted);
        var request = new ApiRequest
        {
            Method = context.Request.Method,
            Url = new Uri(context.Request.GetEncodedUrlSafe()),
            Route = context.Request.RouteValues.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            BodyTooLarge = tooLarge,
        };
        var client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        var response = await endpoint.Handle(request, client, context.RequestAborted);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    static string GetEncodedUrlSafe(this HttpRequest request) =>
        $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{request.Path.Value}{request.QueryString.Value}";
}
