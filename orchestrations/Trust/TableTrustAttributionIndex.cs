using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>One partition per ticket (system plus a digest of its id, which comes from outside), one row per action.</summary>
public sealed class TableTrustAttributionIndex : ITrustAttributionIndex
{
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableTrustAttributionIndex(StorageClients clients, IOptions<TrustOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.AttributionTableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task RecordAsync(TrustAttribution attribution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        await ensureTable.Value.ConfigureAwait(false);
        var entity = new TableEntity(Partition(attribution.TicketSystem, attribution.TicketId), attribution.ActionId)
        {
            ["TicketId"] = attribution.TicketId,
            ["AgentId"] = attribution.AgentId,
            ["Lane"] = attribution.Lane,
            ["DecidedAt"] = attribution.DecidedAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TrustAttribution>> ListAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var partition = Partition(ticketSystem, ticketId);
        var list = new List<TrustAttribution>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new TrustAttribution(ticketSystem, ticketId, e.GetString("AgentId"), e.GetString("Lane"), e.RowKey, e.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue));
        }

        return list;
    }

    static string Partition(string system, string ticketId) => $"{system}|{Digest.Sha256Hex(ticketId)[..32]}";
}
