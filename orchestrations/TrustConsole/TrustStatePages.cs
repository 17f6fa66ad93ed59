using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Storage;
using AgentTrust.Orchestrations.Trust;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Every agent and lane's trust state, a page at a time, read from the trust table's <c>state|{lane}</c> rows (the
/// layout <see cref="TableTrustStore"/> writes): the console's overview without a call per agent.
/// </summary>
public sealed class TrustStatePages
{
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TrustStatePages(StorageClients clients, IOptions<TrustOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<(IReadOnlyList<TrustState> States, string? ContinuationToken)> PageAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"state|"} and RowKey lt {"state}"}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["State"], cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            var states = page.Values
                .Select(e => JsonSerializer.Deserialize<TrustState>(e.GetString("State"), JsonDefaults.Options))
                .OfType<TrustState>()
                .ToList();
            return (states, page.ContinuationToken);
        }

        return ([], null);
    }
}
