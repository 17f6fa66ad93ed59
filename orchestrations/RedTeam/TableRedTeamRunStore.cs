using System.Text.Json;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>
/// Runs in Table storage: <c>run/{runId}</c> holds each finished run; <c>latest|{agent}/{lane}</c> the newest one per
/// agent and lane, moved forward only (a run finishing after a newer one does not replace it) under its ETag.
/// </summary>
public sealed class TableRedTeamRunStore : IRedTeamRunStore
{
    const string RunPartition = "run";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableRedTeamRunStore(StorageClients clients, IOptions<RedTeamOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.TableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    public async Task SaveAsync(RedTeamRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await ensureTable.Value.ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(RunPartition, run.RunId, run), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        var partition = "latest|" + run.AgentId;
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partition, run.Lane, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(ToEntity(partition, run.Lane, run), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var latest = ToRun(current.Value!);
                if (latest.RunId == run.RunId || latest.CompletedAt > run.CompletedAt)
                {
                    return;
                }

                await table.UpdateEntityAsync(ToEntity(partition, run.Lane, run), current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another run of this agent and lane finished at the same moment: read again and compare again.
            }
        }
    }

    public async Task<RedTeamRun?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await ensureTable.Value.ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(RunPartition, runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToRun(response.Value!) : null;
    }

    public async Task<IReadOnlyList<RedTeamRun>> LatestAsync(string agentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentId);
        await ensureTable.Value.ConfigureAwait(false);
        var runs = new List<RedTeamRun>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == "latest|" + agentId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(ToRun(entity));
        }

        return runs;
    }

    static TableEntity ToEntity(string partition, string row, RedTeamRun run) => new(partition, row)
    {
        ["AgentId"] = run.AgentId,
        ["Lane"] = run.Lane,
        ["PassedBar"] = run.PassedBar,
        ["CompletedAt"] = run.CompletedAt,
        ["Run"] = JsonSerializer.SerializeToUtf8Bytes(run, JsonDefaults.Options),
    };

    static RedTeamRun ToRun(TableEntity entity) =>
        JsonSerializer.Deserialize<RedTeamRun>(entity.GetBinary("Run"), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Red-team row {entity.PartitionKey}/{entity.RowKey} holds no run.");
}
