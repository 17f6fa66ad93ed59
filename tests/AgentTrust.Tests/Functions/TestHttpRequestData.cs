using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace AgentTrust.Tests.Functions;

/// <summary>A Functions HTTP request with a given method, URL, headers and body.</summary>
internal sealed class TestHttpRequestData(FunctionContext context, string method, string url, string? body = null, string? contentType = "application/json")
    : HttpRequestData(context)
{
    public override Stream Body { get; } = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));

    public override HttpHeadersCollection Headers { get; } = contentType is null ? [] : new HttpHeadersCollection { { "Content-Type", contentType } };

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; } = new(url);

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; } = method;

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);
}
