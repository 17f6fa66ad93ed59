using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Approvals;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableApprovalTokenLedgerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TryUseAsync_SameNonceRacedAndRepeated_OnlyFirstUseWinsAndRefusalsAreKept()
    {
        var clients = TestStorage.Clients(azurite);
        var table = "Tokens" + Guid.NewGuid().ToString("N")[..10];
        var ledger = new TableApprovalTokenLedger(clients, Options.Create(new ApprovalOptions { TokenTable = table }), TimeProvider.System);
        var claims = new ApprovalTokenClaims("agt-1", "sha256:abc", "lead@example.com", ApprovalTokenClaims.Approve, 0, ApprovalTokens.NewNonce());

        var raced = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ledger.TryUseAsync(claims, default)));
        var again = await ledger.TryUseAsync(claims, default);
        var other = await ledger.TryUseAsync(claims with { Nonce = ApprovalTokens.NewNonce() }, default);
        await ledger.RecordRefusalAsync("agt-1", ApprovalTokenRefusal.Replayed, claims.Nonce, default);

        Assert.Single(raced, used => used);
        Assert.False(again);
        Assert.True(other);
        var rows = clients.Tables.GetTableClient(table).QueryAsync<TableEntity>(e => e.PartitionKey == "agt-1");
        var refusals = new List<TableEntity>();
        await foreach (var row in rows)
        {
            if (row.RowKey.StartsWith("refused-", StringComparison.Ordinal))
            {
                refusals.Add(row);
            }
        }

        var refusal = Assert.Single(refusals);
        Assert.Equal("Replayed", refusal.GetString("Reason"));
        Assert.Equal(claims.Nonce, refusal.GetString("TokenId"));
    }
}
