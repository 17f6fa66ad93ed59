using System.Collections.Concurrent;
using AgentTrust.Orchestrations.Approvals;

namespace AgentTrust.Tests.Support;

/// <summary>The token ledger in memory (the Table one is tested against Azurite).</summary>
internal sealed class InMemoryApprovalTokenLedger : IApprovalTokenLedger
{
    readonly ConcurrentDictionary<string, bool> used = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<(string ActionId, ApprovalTokenRefusal Reason, string? TokenId)> refusals = new();

    public IReadOnlyList<(string ActionId, ApprovalTokenRefusal Reason, string? TokenId)> Refusals => [.. refusals];

    public Task<bool> TryUseAsync(ApprovalTokenClaims claims, CancellationToken cancellationToken) =>
        Task.FromResult(used.TryAdd(claims.ActionId + "/" + claims.Nonce, true));

    public Task RecordRefusalAsync(string actionId, ApprovalTokenRefusal reason, string? tokenId, CancellationToken cancellationToken)
    {
        refusals.Enqueue((actionId, reason, tokenId));
        return Task.CompletedTask;
    }
}
