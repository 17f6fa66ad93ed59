using System.Text.Json;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// Autonomy in Table storage: one partition per agent, one <c>autonomy|{lane}</c> row holding the state as JSON (and
/// the effective-tier inputs as columns for people browsing the table). Writes are conditional on the ETag read, so
/// two concurrent updates never lose one another: the loser re-reads and steps again.
/// </summary>
public sealed class TableAutonomyStore : IAutonomyStore
{
    const string Prefix = "autonomy|";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableAutonomyStore(StorageClients clients, IOptions<AutonomyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<VersionedAutonomy?> GetAsync(string agentId, string lane, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(agentId, Prefix + lane, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } entity ? new VersionedAutonomy(Parse(entity), entity.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<AutonomyState>> ListAsync(string agentId, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        const string end = "autonomy}";
        var list = new List<AutonomyState>();
        await foreach (var e in table.QueryAsync<TableEntity>(
            e => e.PartitionKey == agentId && e.RowKey.CompareTo(Prefix) >= 0 && e.RowKey.CompareTo(end) < 0, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(Parse(e));
        }

        return [.. list.OrderBy(s => s.Lane, StringComparer.Ordinal)];
    }

    public async Task<bool> TryPutAsync(AutonomyState state, string? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await ensureTable.Value.ConfigureAwait(false);
        var entity = new TableEntity(state.AgentId, Prefix + state.Lane)
        {
            ["State"] = JsonSerializer.Serialize(state, JsonDefaults.Options),
            ["Tier"] = state.Tier.ToString(),
            ["BudgetBreached"] = state.BudgetBreached,
            ["Since"] = state.Since,
        };
        try
        {
            if (version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    static AutonomyState Parse(TableEntity entity) =>
        JsonSerializer.Deserialize<AutonomyState>(entity.GetString("State"), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Autonomy row {entity.PartitionKey}/{entity.RowKey} is empty.");
}
