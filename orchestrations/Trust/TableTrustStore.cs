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
/// Trust in Table storage, one partition per agent: a <c>state|{lane}</c> row with both scores' evidence, and per
/// applied signal an <c>applied|{lane}|{digest}</c> marker keyed by the signal id alone and a
/// <c>signal|{lane}|{inverted time}|{digest}</c> row (newest first, for the trust API). Each update is one entity-group
/// transaction that adds both and replaces the state row under its ETag: a signal already applied fails an add (so it
/// counts once, even if a retry built it with another time), and a concurrent writer fails the ETag (so this one
/// re-reads and folds again: no lost update).
/// </summary>
/// <remarks>
/// Signals applied before the marker existed have only their time-keyed row: a retry of one with the same time still
/// fails that add.
/// </remarks>
public sealed class TableTrustStore : ITrustStore
{
    const string StatePrefix = "state|";
    const string SignalPrefix = "signal|";
    const string AppliedPrefix = "applied|";
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
        var marker = new TableEntity(signal.AgentId, AppliedRow(signal));
        var row = new TableEntity(signal.AgentId, SignalRow(signal))
        {
            ["Signal"] = JsonSerializer.Serialize(signal, JsonDefaults.Options),
            ["OccurredAt"] = signal.OccurredAt,
        };
        for (var attempt = 0; ; attempt++)
        {
            var (current, etag) = await ReadAsync(signal.AgentId, signal.Lane, cancellationToken).ConfigureAwait(false);
            var next = TrustFold.Apply(current ?? TrustState.New(signal.AgentId, signal.Lane), signal, parameters);
            var state = StateEntity(next);
            TableTransactionAction write = etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, e)
                : new TableTransactionAction(TableTransactionActionType.Add, state);
            try
            {
                await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, marker), new TableTransactionAction(TableTransactionActionType.Add, row), write],
                    cancellationToken).ConfigureAwait(false);
                return new TrustApplyResult(true, next);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is 0 or 1)
            {
                // The marker or signal row exists: applied before (a retry or a redelivered outcome). Nothing changes.
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

    public async Task<IReadOnlyList<StoredTrustState>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var states = new List<StoredTrustState>();
        // State rows sort between "state|" and "state}" ('}' follows '|'); signal rows are never read.
        await foreach (var entity in table.QueryAsync<TableEntity>(
            e => e.RowKey.CompareTo(StatePrefix) >= 0 && e.RowKey.CompareTo("state}") < 0,
            select: ["State"],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            states.Add(new StoredTrustState(Parse(entity), entity.ETag.ToString()));
        }

        return states;
    }

    public async Task<bool> ReplaceAsync(TrustState state, string? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await ensureTable.Value.ConfigureAwait(false);
        try
        {
            if (expectedVersion is null)
            {
                await table.AddEntityAsync(StateEntity(state), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(StateEntity(state), new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
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

    /// <summary>Keyed by the signal id alone: the same signal is one row whatever time a retry gave it.</summary>
    static string AppliedRow(TrustSignal signal) => $"{AppliedPrefix}{signal.Lane}|{Digest.Sha256Hex(signal.SignalId)[..32]}";

    /// <summary>Deterministic from the signal, so the same signal always lands on the same row.</summary>
    static string SignalRow(TrustSignal signal) => string.Create(
        CultureInfo.InvariantCulture,
        $"{SignalPrefix}{signal.Lane}|{DateTimeOffset.MaxValue.UtcTicks - signal.OccurredAt.UtcTicks:D19}|{Digest.Sha256Hex(signal.SignalId)[..32]}");
}
