using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace AgentTrust.Tests.Functions;

/// <summary>A Functions HTTP response that keeps what the trigger wrote.</summary>
internal sealed class TestHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException("AgentTrust sets no cookies.");

    public string BodyText => Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());
}
