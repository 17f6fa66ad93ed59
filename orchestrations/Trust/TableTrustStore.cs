using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>
/// Trust in Table storage, one partition per agent: a <c>state|{lane}</c> row with both scores' evidence, and one
/// <c>signal|{lane}|{inverted time}|{digest}</c> row per applied signal. Each update is one entity-group transaction
/// that adds the signal row and replaces the state row under its ETag: a signal already applied fails the add (so it
/// counts once), and a concurrent writer fails the ETag (so this one re-reads and folds again: no lost update).
/// </summary>
public sealed class TableTrustStore : ITrustStore
{
    const string StatePrefix = "state|";
    const string SignalPrefix = "signal|";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;
    readonly int maxRetries;

    public TableTrustStore(StorageClients clients, IOptions<TrustOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        maxRetries = options.Value.MaxConcurrencyRetries;
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<TrustApplyResult> ApplyAsync(TrustSignal signal, TrustParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(parameters);
        await ensureTable.Value.ConfigureAwait(false);
        var marker = new TableEntity(signal.AgentId, SignalRow(signal))
        {
            ["Signal"] = JsonSerializer.Serialize(signal, JsonDefaults.Options),
            ["OccurredAt"] = signal.OccurredAt,
        };
        for (var attempt = 0; ; attempt++)
        {
            var (current, etag) = await ReadAsync(signal.AgentId, signal.Lane, cancellationToken).ConfigureAwait(false);
            var next = TrustFold.Apply(current ?? TrustState.New(signal.AgentId, signal.Lane), signal, parameters);
            var row = StateEntity(next);
            TableTransactionAction write = etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, e)
                : new TableTransactionAction(TableTransactionActionType.Add, row);
            try
            {
                await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, marker), write], cancellationToken).ConfigureAwait(false);
                return new TrustApplyResult(true, next);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 0)
            {
                // The signal row exists: applied before (a retry or a redelivered outcome). Nothing changes.
                var (stored, _) = await ReadAsync(signal.AgentId, signal.Lane, cancellationToken).ConfigureAwait(false);
                return new TrustApplyResult(false, stored ?? next);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < maxRetries)
            {
                // Another writer got there first (ETag changed, or created the state row): read again and refold.
                await Task.Delay(Random.Shared.Next(5, 20 + (attempt * 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<TrustState?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        return (await ReadAsync(agentId, lane, cancellationToken).ConfigureAwait(false)).State;
    }

    public async Task<IReadOnlyList<TrustState>> ListAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var list = new List<TrustState>();
        const string end = "state}";
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == agentId && e.RowKey.CompareTo(StatePrefix) >= 0 && e.RowKey.CompareTo(end) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(Parse(e));
        }

        return [.. list.OrderBy(s => s.Lane, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TrustState>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var list = new List<TrustState>();
        const string end = "state}";
        // A scan across partitions: one state row per agent and lane, so this is as big as agents times lanes.
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.RowKey.CompareTo(StatePrefix) >= 0 && e.RowKey.CompareTo(end) < 0, select: ["PartitionKey", "RowKey", "State"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(Parse(e));
        }

        return [.. list.OrderBy(s => s.AgentId, StringComparer.Ordinal).ThenBy(s => s.Lane, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TrustSignal>> RecentSignalsAsync(string agentId, string lane, int take, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var start = $"{SignalPrefix}{lane}|";
        var end = $"{SignalPrefix}{lane}}}";
        var list = new List<TrustSignal>();
        // Row keys carry inverted ticks, so the partition scan returns the newest first and stops after `take`.
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == agentId && e.RowKey.CompareTo(start) >= 0 && e.RowKey.CompareTo(end) < 0, maxPerPage: take, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<TrustSignal>(e.GetString("Signal"), JsonDefaults.Options)
                ?? throw new InvalidDataException($"Signal row {e.PartitionKey}/{e.RowKey} is empty."));
            if (list.Count >= take)
            {
                break;
            }
        }

        return list;
    }

    public async Task PutAsync(TrustState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await ensureTable.Value.ConfigureAwait(false);
        await table.UpsertEntityAsync(StateEntity(state), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    async Task<(TrustState? State, ETag? ETag)> ReadAsync(string agentId, string lane, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(agentId, StatePrefix + lane, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? (Parse(entity), entity.ETag) : (null, null);
    }

    static TrustState Parse(TableEntity entity) =>
        JsonSerializer.Deserialize<TrustState>(entity.GetString("State"), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Trust row {entity.PartitionKey}/{entity.RowKey} is empty.");

    static TableEntity StateEntity(TrustState state) => new(state.AgentId, StatePrefix + state.Lane)
    {
        ["State"] = JsonSerializer.Serialize(state, JsonDefaults.Options),
        ["Events"] = state.Events,
        ["LastEventAt"] = state.LastEventAt,
    };

    /// <summary>Deterministic from the signal, so the same signal always lands on the same row.</summary>
    static string SignalRow(TrustSignal signal) => string.Create(
        CultureInfo.InvariantCulture,
        $"{SignalPrefix}{signal.Lane}|{DateTimeOffset.MaxValue.UtcTicks - signal.OccurredAt.UtcTicks:D19}|{Digest.Sha256Hex(signal.SignalId)[..32]}");
}
