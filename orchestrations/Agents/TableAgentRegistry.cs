using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Agents;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>
/// The registry in Table storage, one partition per agent: a <c>current</c> row replaced under its ETag, and one
/// <c>v{version}</c> row per agent version, added in the same entity-group transaction as the <c>current</c> row that
/// starts it. A concurrent registration fails the ETag (or the add) and this one re-reads and decides again.
/// </summary>
public sealed class TableAgentRegistry : IAgentRegistry
{
    const string CurrentRow = "current";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;
    readonly int maxRetries;

    public TableAgentRegistry(StorageClients clients, IOptions<AgentRegistryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        maxRetries = options.Value.MaxConcurrencyRetries;
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task<AgentSaveResult> SaveAsync(AgentProfile profile, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await ensureTable.Value.ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(profile.AgentId, CurrentRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var current = response.HasValue ? ToRegistration(response.Value!) : null;
            var (next, change) = AgentVersioning.Next(current, profile, now);
            if (change == AgentRegistrationChange.Unchanged)
            {
                return new AgentSaveResult(next, change, current);
            }

            var actions = new List<TableTransactionAction>
            {
                current is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, ToEntity(CurrentRow, next))
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(CurrentRow, next), response.Value!.ETag),
            };
            if (change is AgentRegistrationChange.Created or AgentRegistrationChange.NewVersion)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(VersionRow(next.Version), next)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return new AgentSaveResult(next, change, current);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < maxRetries)
            {
                // Another registration won the race: read its result and decide again on top of it.
            }
        }
    }

    public async Task<AgentRegistration?> GetAsync(string agentId, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        await ensureTable.Value.ConfigureAwait(false);
        var row = version is { } v ? VersionRow(v) : CurrentRow;
        var response = await table.GetEntityIfExistsAsync<TableEntity>(agentId, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToRegistration(response.Value!) : null;
    }

    public async Task<IReadOnlyList<AgentRegistration>> VersionsAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        await ensureTable.Value.ConfigureAwait(false);
        var versions = new List<AgentRegistration>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {agentId} and RowKey ge 'v' and RowKey lt 'w'");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            versions.Add(ToRegistration(entity));
        }

        return [.. versions.OrderBy(r => r.Version)];
    }

    public async Task<IReadOnlyList<AgentRegistration>> ListAsync(string? lane = null, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var agents = new List<AgentRegistration>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CurrentRow}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var registration = ToRegistration(entity);
            if (lane is null || registration.Profile.Lanes.Contains(lane, StringComparer.Ordinal))
            {
                agents.Add(registration);
            }
        }

        return [.. agents.OrderBy(a => a.Profile.AgentId, StringComparer.Ordinal)];
    }

    static string VersionRow(int version) => "v" + version.ToString("D10", CultureInfo.InvariantCulture);

    static TableEntity ToEntity(string row, AgentRegistration registration) => new(registration.Profile.AgentId, row)
    {
        ["Version"] = registration.Version,
        ["Revision"] = registration.Revision,
        ["Fingerprint"] = registration.Fingerprint,
        ["UpdatedAt"] = registration.UpdatedAt,
        ["Registration"] = JsonSerializer.SerializeToUtf8Bytes(registration, JsonDefaults.Options),
    };

    static AgentRegistration ToRegistration(TableEntity entity) =>
        JsonSerializer.Deserialize<AgentRegistration>(entity.GetBinary("Registration"), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Registry row {entity.PartitionKey}/{entity.RowKey} holds no registration.");
}
