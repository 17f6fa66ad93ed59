using Azure;
using Azure.Data.Tables;
using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// The token ledger on Azure Tables (<c>AgentTrustApprovalTokens</c>): one row per used token (partition = action,
/// row = <c>used-{nonce}</c>, added with insert-if-absent so a second use conflicts) and one per refusal.
/// </summary>
public sealed class TableApprovalTokenLedger(StorageClients clients, IOptions<ApprovalOptions> options, TimeProvider time) : IApprovalTokenLedger
{
    readonly Lazy<Task<TableClient>> table = new(async () =>
    {
        var client = clients.Tables.GetTableClient(options.Value.TokenTable);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    });

    public async Task<bool> TryUseAsync(ApprovalTokenClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var client = await table.Value.ConfigureAwait(false);
        var row = new TableEntity(Key(claims.ActionId), "used-" + Key(claims.Nonce))
        {
            ["Approver"] = claims.Approver,
            ["Decision"] = claims.Decision,
            ["UsedAt"] = time.GetUtcNow(),
        };
        try
        {
            await client.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task RecordRefusalAsync(string actionId, ApprovalTokenRefusal reason, string? tokenId, CancellationToken cancellationToken)
    {
        var client = await table.Value.ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = new TableEntity(Key(actionId), $"refused-{now.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Reason"] = reason.ToString(),
            ["TokenId"] = tokenId,
            ["RefusedAt"] = now,
        };
        await client.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Table keys may not hold / \ # ? or control characters; ids are checked before, this is belt and braces.</summary>
    static string Key(string value) =>
        new([.. value.Take(200).Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c)]);
}
