using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Domain.Metrics;
using AgentTrust.Orchestrations.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Metrics;

/// <summary>
/// Weekly metrics in Table storage: one partition per week (<c>yyyy-MM-dd</c> of its Monday, so a date range is a
/// partition range), one row per lane x agent x handler. Rows are replaced on every run: the newest computation wins.
/// </summary>
public sealed class TableWeeklyMetricsStore
{
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableWeeklyMetricsStore(StorageClients clients, IOptions<WeeklyMetricsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task SaveAsync(IEnumerable<StoredWeeklyMetrics> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await ensureTable.Value.ConfigureAwait(false);
        foreach (var row in rows)
        {
            var entity = new TableEntity(Week(row.WeekStart), RowKey(row.Lane, row.AgentId, row.Handler))
            {
                ["Lane"] = row.Lane,
                ["AgentId"] = row.AgentId,
                ["Handler"] = row.Handler.ToString(),
                ["ComputedAt"] = row.ComputedAt,
                ["Metrics"] = JsonSerializer.Serialize(row.Metrics, JsonDefaults.Options),
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The rows of the weeks starting from <paramref name="from"/> to <paramref name="to"/> (inclusive), optionally one lane.</summary>
    public async Task<IReadOnlyList<StoredWeeklyMetrics>> ListAsync(DateOnly from, DateOnly to, string? lane, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var low = Week(from);
        var high = Week(to);
        var list = new List<StoredWeeklyMetrics>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {low} and PartitionKey le {high}");
        if (lane is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Lane eq {lane}");
        }

        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredWeeklyMetrics(
                DateOnly.ParseExact(e.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.GetString("Lane"),
                e.GetString("AgentId"),
                Enum.Parse<WorkHandler>(e.GetString("Handler")),
                JsonSerializer.Deserialize<ItsmMetrics>(e.GetString("Metrics"), JsonDefaults.Options)
                    ?? throw new InvalidDataException($"Weekly metrics row {e.PartitionKey}/{e.RowKey} is empty."),
                e.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue));
        }

        return [.. list.OrderBy(r => r.WeekStart).ThenBy(r => r.Lane, StringComparer.Ordinal).ThenBy(r => r.AgentId, StringComparer.Ordinal).ThenBy(r => r.Handler)];
    }

    static string Week(DateOnly week) => week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Agent ids are identifiers (no '/', '\', '#', '?'); the digest keeps any other value safe as a key.</summary>
    static string RowKey(string lane, string agentId, WorkHandler handler) =>
        $"{lane}|{handler}|{Digest.Sha256Hex(agentId)[..32]}";
}
