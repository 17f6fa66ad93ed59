using System.Collections.Concurrent;
using Azure.Core;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>Issues a token that spells out the scopes it was asked for, so the fake vault can check the scope.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    public static string TokenFor(string scope) => "fake-token-for:" + scope;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scope = string.Join(" ", requestContext.Scopes);
        RequestedScopes.Enqueue(scope);
        return new AccessToken(TokenFor(scope), DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
