using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// The verified watermark of each evidence log, kept between processes so a fresh verifier (the CLI, a cold Functions
/// instance) starts where the last verification ended instead of re-checking every record: one row per log (partition
/// key = log id) in the table <c>{evidence log table}Verified</c>, written with ETag concurrency so two verifiers never
/// move a watermark on a row they did not read. A watermark is a hint, not a proof: the verifier uses it only when it
/// names a signed checkpoint whose root it recomputes from the records' bytes (see docs/evidence.md, "Verified
/// watermarks", for what it may and may not skip).
/// </summary>
public sealed class TableVerifiedWatermarkStore
{
    const string Row = "verified";

    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableVerifiedWatermarkStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        table = clients.Tables.GetTableClient(TableNameFor(clients.Options.EvidenceLogTableName));
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public string TableName => table.Name;

    /// <summary>The watermark table of an evidence log table: its name plus <c>Verified</c>.</summary>
    public static string TableNameFor(string evidenceLogTableName) => evidenceLogTableName + "Verified";

    public async Task<IReadOnlyDictionary<string, StoredWatermark>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var result = new Dictionary<string, StoredWatermark>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {Row}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetInt64("TreeSize") is { } size && entity.GetString("RootHash") is { } root)
            {
                result[entity.PartitionKey] = new StoredWatermark(
                    new VerifiedWatermark(entity.PartitionKey, size, root), entity.GetDateTimeOffset("VerifiedAt") ?? DateTimeOffset.MinValue, entity.ETag);
            }
        }

        return result;
    }

    /// <summary>
    /// Replaces the rows read as <paramref name="before"/> with <paramref name="after"/>: new watermarks added, moved
    /// ones replaced under the ETag they were read with, logs that no longer have one (a problem was found) dropped.
    /// A row another verifier changed meanwhile is left as it is. Returns how many rows were written or dropped.
    /// </summary>
    public async Task<int> SaveAsync(
        IReadOnlyDictionary<string, StoredWatermark> before, IReadOnlyDictionary<string, VerifiedWatermark> after, DateTimeOffset verifiedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        await ensureTable.Value.ConfigureAwait(false);
        var changed = 0;
        foreach (var (logId, watermark) in after)
        {
            var entity = new TableEntity(logId, Row) { ["TreeSize"] = watermark.TreeSize, ["RootHash"] = watermark.RootHash, ["VerifiedAt"] = verifiedAt };
            try
            {
                if (before.TryGetValue(logId, out var old))
                {
                    if (old.Watermark == watermark)
                    {
                        continue;
                    }

                    await table.UpdateEntityAsync(entity, old.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                changed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another verifier wrote this log's watermark since it was read: its row stands.
            }
        }

        foreach (var (logId, old) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            try
            {
                await table.DeleteEntityAsync(logId, Row, old.ETag, cancellationToken).ConfigureAwait(false);
                changed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Gone or changed meanwhile.
            }
        }

        return changed;
    }
}
