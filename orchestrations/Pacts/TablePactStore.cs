using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;

namespace AgentTrust.Orchestrations.Pacts;

/// <summary>
/// The pact registry in Table storage. One partition per agent and lane; one row per published version (never
/// replaced) and a <c>current</c> row that moves forward under ETag concurrency, so two publishers cannot both win.
/// </summary>
public sealed class TablePactStore : IPactStore
{
    const string CurrentRow = "current";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TablePactStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        table = clients.Tables.GetTableClient(clients.Options.PactTableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<StoredPact?> GetAsync(PactKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await ensureTable.Value.ConfigureAwait(false);
        var row = key.Version is { } version ? VersionRow(version) : CurrentRow;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition(key.AgentId, key.Lane), row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToStored(response.Value!) : null;
    }

    public async Task<(PublishResult Result, StoredPact? Current)> PublishAsync(Pact pact, DateTimeOffset publishedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pact);
        await ensureTable.Value.ConfigureAwait(false);
        var partition = Partition(pact.AgentId, pact.Lane);
        var hash = PactHash.Compute(pact);
        var stored = new StoredPact(pact, hash, publishedAt);

        // 1. The version row: added once, never updated. An existing row decides the answer by its hash.
        try
        {
            await table.AddEntityAsync(ToEntity(partition, VersionRow(pact.Version), stored), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(new PactKey(pact.AgentId, pact.Lane, pact.Version), cancellationToken).ConfigureAwait(false);
            if (existing is null || !string.Equals(existing.Hash, hash, StringComparison.Ordinal))
            {
                return (PublishResult.Conflict, existing);
            }

            stored = existing;
        }

        // 2. Move "current" forward, never backward; ETags make concurrent publishers retry on fresh state.
        while (true)
        {
            var currentResponse = await table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = ToEntity(partition, CurrentRow, stored);
            try
            {
                if (!currentResponse.HasValue)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return (PublishResult.Published, stored);
                }

                var current = ToStored(currentResponse.Value!);
                if (current.Pact.Version > pact.Version)
                {
                    return (PublishResult.Conflict, current);
                }

                if (current.Pact.Version == pact.Version)
                {
                    return string.Equals(current.Hash, hash, StringComparison.Ordinal)
                        ? (PublishResult.AlreadyPublished, current)
                        : (PublishResult.Conflict, current);
                }

                await table.UpdateEntityAsync(entity, currentResponse.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return (PublishResult.Published, stored);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another publisher moved "current" between our read and write: read again and decide again.
            }
        }
    }

    public async Task<IReadOnlyList<StoredPact>> ListCurrentAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var list = new List<StoredPact>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == CurrentRow, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToStored(entity));
        }

        return [.. list.OrderBy(p => p.Pact.AgentId, StringComparer.Ordinal).ThenBy(p => p.Pact.Lane, StringComparer.Ordinal)];
    }

    static string Partition(string agentId, string lane) => $"{agentId}|{lane}";

    static string VersionRow(int version) => "v" + version.ToString("D10", CultureInfo.InvariantCulture);

    static TableEntity ToEntity(string partition, string row, StoredPact stored) => new(partition, row)
    {
        ["Version"] = stored.Pact.Version,
        ["Hash"] = stored.Hash,
        ["PublishedAt"] = stored.PublishedAt,
        // Binary keeps pacts up to 64 KiB in one property (strings stop at 32 K characters).
        ["Pact"] = JsonSerializer.SerializeToUtf8Bytes(stored.Pact, JsonDefaults.Options),
    };

    static StoredPact ToStored(TableEntity entity)
    {
        var pact = JsonSerializer.Deserialize<Pact>(entity.GetBinary("Pact"), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Pact row {entity.PartitionKey}/{entity.RowKey} holds no pact.");
        return new StoredPact(pact, entity.GetString("Hash"), entity.GetDateTimeOffset("PublishedAt") ?? DateTimeOffset.MinValue);
    }
}
