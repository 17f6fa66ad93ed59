using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Outcomes;

/// <summary>
/// Ticket outcomes in Table storage: one partition per ticket, one row per event id (hashed, because event ids come
/// from outside and may hold characters a row key cannot). Rows are added, never replaced: the first copy wins.
/// </summary>
public sealed class TableOutcomeStore : IOutcomeStore
{
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableOutcomeStore(StorageClients clients, IOptions<OutcomeStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<bool> AddAsync(TicketOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await ensureTable.Value.ConfigureAwait(false);
        var entity = new TableEntity(Partition(outcome.TicketSystem, outcome.TicketId), Digest.Sha256Hex(outcome.EventId))
        {
            ["EventId"] = outcome.EventId,
            ["Kind"] = outcome.Kind.ToString(),
            ["OccurredAt"] = outcome.OccurredAt,
            ["Outcome"] = JsonSerializer.Serialize(outcome, JsonDefaults.Options),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<TicketOutcome>> ListForTicketAsync(string ticketSystem, string ticketId, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var partition = Partition(ticketSystem, ticketId);
        var list = new List<TicketOutcome>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<TicketOutcome>(e.GetString("Outcome"), JsonDefaults.Options)
                ?? throw new InvalidDataException($"Outcome row {e.PartitionKey}/{e.RowKey} is empty."));
        }

        return [.. list.OrderBy(o => o.OccurredAt).ThenBy(o => o.EventId, StringComparer.Ordinal)];
    }

    /// <summary>Ticket ids are outside input too: the partition is the system plus a digest of the id.</summary>
    static string Partition(string system, string ticketId) => $"{system}|{Digest.Sha256Hex(ticketId)[..32]}";
}
