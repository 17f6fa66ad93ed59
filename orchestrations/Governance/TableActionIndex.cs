using System.Globalization;
using AgentTrust.Orchestrations.Storage;
using Azure.Data.Tables;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// The action index in Table storage: one partition per agent and lane, one row per action keyed by its time and id,
/// so the count of a window is one range query on the row key.
/// </summary>
public sealed class TableActionIndex : IActionIndex
{
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableActionIndex(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        table = clients.Tables.GetTableClient(clients.Options.ActionIndexTableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<int> RecordAndCountAsync(RecentActionsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await ensureTable.Value.ConfigureAwait(false);
        var partition = $"{query.AgentId}|{query.Lane}";
        await table.UpsertEntityAsync(new TableEntity(partition, Key(query.At, query.ActionId)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        var from = Key(query.At.AddMinutes(-query.WindowMinutes), string.Empty);
        var to = Key(query.At, "~");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to}");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!row.RowKey.EndsWith(query.ActionId, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    static string Key(DateTimeOffset at, string actionId) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + actionId;
}
