using System.Globalization;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// The append-only Merkle log of each agent, in one table partition per agent (partition key = agent id):
/// a <c>head</c> entity holding the tree size, one <c>leaf-{first index}</c> entity per commit holding the leaves it
/// appended (<see cref="LogLeafSpan"/>; the earlier layout's one-leaf entities are still read), and one
/// <c>rec-{hash}</c> entity per record name (the idempotency key). Leaves are assigned in an entity-group
/// transaction that inserts the record entities and the leaf span and replaces the head under its ETag, so
/// concurrent writers (other instances) never get the same index: the loser's transaction fails with 412 (or 409
/// on the span) and retries on the new head. In one process, appends to an agent's log are group-committed (up to
/// <see cref="MaxRecordsPerTransaction"/> records per transaction) so the log is not limited to one storage round
/// trip per record. A record written in a batch blob has its <see cref="RecordLocation"/> (batch, offset, length)
/// on both its leaf and its record entity.
/// </summary>
public sealed class TableEvidenceLog
{
    /// <summary>A transaction holds at most 100 operations: one record entity per record, the leaf span and the head.</summary>
    public const int MaxRecordsPerTransaction = 98;
    const string HeadRow = "head";

    readonly TableClient table;
    readonly Lazy<Task> ensureTable;
    readonly GroupCommit<Append> pendingAppends;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Size, ETag ETag)> heads = new(StringComparer.Ordinal);

    public TableEvidenceLog(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        table = clients.Tables.GetTableClient(clients.Options.EvidenceLogTableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
        pendingAppends = new GroupCommit<Append>(MaxRecordsPerTransaction, CommitAsync, (append, ex) => append.Completion.TrySetException(ex));
    }

    public string TableName => table.Name;

    /// <summary>Appends a record to the agent's log, or returns the index it already has (a retried write).</summary>
    public async Task<long> AppendAsync(string logId, string recordName, byte[] leafHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordName);
        ArgumentNullException.ThrowIfNull(leafHash);
        var results = await AppendBatchAsync(logId, [new LogAppend(recordName, leafHash, null)], cancellationToken).ConfigureAwait(false);
        return results[0].Index;
    }

    /// <summary>
    /// Appends records to the agent's log in their order (group-committed with other appends to the same log), each
    /// either getting the next leaf or, when logged before (a retried write), the leaf and location it already has.
    /// </summary>
    public async Task<IReadOnlyList<LogAppendResult>> AppendBatchAsync(string logId, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(logId);
        ArgumentNullException.ThrowIfNull(appends);
        await ensureTable.Value.ConfigureAwait(false);
        var items = appends.Select(a => new Append(a.Record, Convert.ToHexStringLower(a.LeafHash), a.Location)).ToList();
        pendingAppends.Enqueue(logId, items);
        return await Task.WhenAll(items.Select(i => i.Completion.Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The leaves of one agent's log whose record names start with <paramref name="recordPrefix"/>, in index order.</summary>
    public async Task<IReadOnlyList<LogEntry>> FindAsync(string logId, string recordPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordPrefix);
        await ensureTable.Value.ConfigureAwait(false);
        // The first name after every name with the prefix: the prefix with its last character incremented.
        var upper = recordPrefix[..^1] + (char)(recordPrefix[^1] + 1);
        var entries = new List<LogEntry>();
        // A scan of the agent's partition (the record name is not a key): for reading one action's records, not for bulk reads.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {logId} and RowKey ge {"leaf-"} and RowKey lt {"leaf."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.AddRange(LogLeafSpan.Read(entity).Where(e => string.CompareOrdinal(e.Record, recordPrefix) >= 0 && string.CompareOrdinal(e.Record, upper) < 0));
        }

        return entries;
    }

    /// <summary>The log's entries in index order, from <paramref name="fromIndex"/> on.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(string logId, long fromIndex = 0, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var entries = new List<LogEntry>();
        // A span starts at most MaxRecordsPerTransaction - 1 leaves before the first one wanted.
        var from = LeafRow(Math.Max(0, fromIndex - (MaxRecordsPerTransaction - 1)));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {logId} and RowKey ge {from} and RowKey lt {"leaf."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.AddRange(LogLeafSpan.Read(entity).Where(e => e.Index >= fromIndex));
        }

        return entries;
    }

    /// <summary>Every log in the table: agent id to its entries, in index order.</summary>
    public async Task<IReadOnlyDictionary<string, List<LogEntry>>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var logs = new SortedDictionary<string, List<LogEntry>>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"leaf-"} and RowKey lt {"leaf."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!logs.TryGetValue(entity.PartitionKey, out var list))
            {
                list = [];
                logs[entity.PartitionKey] = list;
            }

            list.AddRange(LogLeafSpan.Read(entity));
        }

        return logs;
    }

    /// <summary>The leaf index of a record in its agent's log; null while it is not logged (in flight, or never).</summary>
    public async Task<long?> IndexOfAsync(string logId, string recordName, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(logId, RecordRow(recordName), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt64("Index") : null;
    }

    /// <summary>The committed tree size of a log (0 when it has none).</summary>
    public async Task<long> SizeAsync(string logId, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var head = await table.GetEntityIfExistsAsync<TableEntity>(logId, HeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue ? head.Value!.GetInt64("Size") ?? 0 : 0;
    }

    /// <summary>The ids of every log that has a head.</summary>
    public async Task<IReadOnlyList<string>> LogIdsAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {HeadRow}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(entity.PartitionKey);
        }

        return ids;
    }

    public static string LeafRow(long index) => "leaf-" + index.ToString("D12", CultureInfo.InvariantCulture);

    static string RecordRow(string recordName) => "rec-" + Digest.Sha256Hex(recordName);

    static RecordLocation? LocationOf(TableEntity entity) =>
        entity.GetString("Batch") is { Length: > 0 } batch
            ? new RecordLocation(batch, entity.GetInt64("Offset") ?? 0, entity.GetInt32("Length") ?? 0)
            : null;

    static TableEntity Located(TableEntity entity, RecordLocation? location)
    {
        if (location is not null)
        {
            entity["Batch"] = location.Batch;
            entity["Offset"] = location.Offset;
            entity["Length"] = location.Length;
        }

        return entity;
    }

    async Task CommitAsync(string logId, List<Append> batch)
    {
        // The same record appended twice at once (a retry racing its first attempt) gets one leaf.
        var all = batch.GroupBy(a => a.Record, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        // Long record or batch names could overflow the span's string property: such a commit is split.
        for (var start = 0; start < all.Count;)
        {
            var count = all.Count - start;
            while (count > 1 && LogLeafSpan.Chars([.. all.Skip(start).Take(count).Select(g => new LogEntry(0, g[0].Record, g[0].LeafHash, g[0].Location))]) > LogLeafSpan.MaxChars)
            {
                count /= 2;
            }

            await CommitGroupsAsync(logId, all.GetRange(start, count)).ConfigureAwait(false);
            start += count;
        }
    }

    async Task CommitGroupsAsync(string logId, List<List<Append>> groups)
    {
        for (var attempt = 0; groups.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, 5 * attempt))).ConfigureAwait(false);
            }

            // The head this process wrote last is usually still the head: skip reading it (one round trip per
            // batch instead of two). If another writer moved it, the transaction fails and the head is re-read.
            long size;
            ETag? etag;
            if (attempt == 0 && heads.TryGetValue(logId, out var known))
            {
                (size, etag) = (known.Size, known.ETag);
            }
            else
            {
                var head = await table.GetEntityIfExistsAsync<TableEntity>(logId, HeadRow).ConfigureAwait(false);
                size = head.HasValue ? head.Value!.GetInt64("Size") ?? 0 : 0;
                etag = head.HasValue ? head.Value!.ETag : null;
            }

            var actions = new List<TableTransactionAction>(groups.Count + 2);
            var leaves = new List<LogEntry>(groups.Count);
            for (var i = 0; i < groups.Count; i++)
            {
                var first = groups[i][0];
                var index = size + i;
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, Located(new TableEntity(logId, RecordRow(first.Record)) { ["Index"] = index, ["Record"] = first.Record }, first.Location)));
                leaves.Add(new LogEntry(index, first.Record, first.LeafHash, first.Location));
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, LogLeafSpan.Write(logId, leaves)));

            var newHead = new TableEntity(logId, HeadRow) { ["Size"] = size + groups.Count };
            actions.Add(etag is { } current
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, current)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead));
            try
            {
                var responses = await table.SubmitTransactionAsync(actions).ConfigureAwait(false);
                var headETag = responses.Value.Count == actions.Count ? responses.Value[^1].Headers.ETag : null;
                if (headETag is { } written)
                {
                    heads[logId] = (size + groups.Count, written);
                }
                else
                {
                    heads.TryRemove(logId, out _);
                }

                for (var i = 0; i < groups.Count; i++)
                {
                    var first = groups[i][0];
                    foreach (var item in groups[i])
                    {
                        // A duplicate in the same batch was not written: it gets the first one's leaf, as a retry would.
                        item.Completion.TrySetResult(new LogAppendResult(size + i, !ReferenceEquals(item, first), first.Location));
                    }
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex is { } failed && failed >= groups.Count)
            {
                heads.TryRemove(logId, out _);
                // The leaf span or the head failed: another writer moved the head. Try again on the current head (a
                // record already logged would fail its own rec- insert on the next attempt and be looked up then).
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                heads.TryRemove(logId, out _);
                // Some record is already logged (a retried activity): those get the index they have, the rest
                // try again on the current head.
                groups = await ResolveAlreadyLoggedAsync(logId, groups).ConfigureAwait(false);
            }
        }
    }

    async Task<List<List<Append>>> ResolveAlreadyLoggedAsync(string logId, List<List<Append>> groups)
    {
        var remaining = new List<List<Append>>(groups.Count);
        foreach (var group in groups)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(logId, RecordRow(group[0].Record)).ConfigureAwait(false);
            if (existing.HasValue)
            {
                var index = existing.Value!.GetInt64("Index") ?? throw new InvalidOperationException($"Log entry for '{group[0].Record}' has no index.");
                var result = new LogAppendResult(index, AlreadyLogged: true, LocationOf(existing.Value));
                foreach (var item in group)
                {
                    item.Completion.TrySetResult(result);
                }
            }
            else
            {
                remaining.Add(group);
            }
        }

        return remaining;
    }

    sealed record Append(string Record, string LeafHash, RecordLocation? Location)
    {
        public TaskCompletionSource<LogAppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
