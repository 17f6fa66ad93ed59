using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>
/// Reads every stored ticket outcome since a moment, across tickets (the outcome store itself answers per ticket).
/// It reads the rows <see cref="TableOutcomeStore"/> writes: the <c>OccurredAt</c> column and the <c>Outcome</c> JSON.
/// </summary>
public sealed class OutcomeTableReader
{
    readonly TableClient table;

    public OutcomeTableReader(StorageClients clients, IOptions<OutcomeStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
    }

    public async Task<IReadOnlyList<TicketOutcome>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<TicketOutcome>();
        var filter = TableClient.CreateQueryFilter($"OccurredAt ge {since}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Outcome"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<TicketOutcome>(e.GetString("Outcome"), JsonDefaults.Options)
                ?? throw new InvalidDataException($"Outcome row {e.PartitionKey}/{e.RowKey} is empty."));
        }

        return list;
    }
}
