using AgentTrust.Domain.Disputes;
using AgentTrust.Orchestrations.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Resolved disputes on Azure Tables (<c>AgentTrustDisputes</c>): partition <c>resolved</c>, row = dispute id.</summary>
public sealed class TableDisputeStore(StorageClients clients, IOptions<DisputeOptions> options) : IDisputeStore
{
    const string Partition = "resolved";

    readonly Lazy<Task<TableClient>> table = new(async () =>
    {
        var client = clients.Tables.GetTableClient(options.Value.TableName);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    });

    public async Task SaveAsync(DisputeResolutionRow resolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var client = await table.Value.ConfigureAwait(false);
        var row = new TableEntity(Partition, resolution.DisputeId)
        {
            ["Kind"] = resolution.Kind.ToString(),
            ["Verdict"] = resolution.Verdict.ToString(),
            ["AgentId"] = resolution.AgentId,
            ["Lane"] = resolution.Lane,
            ["TicketSystem"] = resolution.TicketSystem,
            ["TicketId"] = resolution.TicketId,
            ["TookEffect"] = resolution.TookEffect,
            ["ResolvedAt"] = resolution.ResolvedAt,
        };
        await client.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DisputeResolutionRow>> ListResolvedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var client = await table.Value.ConfigureAwait(false);
        var list = new List<DisputeResolutionRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ResolvedAt ge {since}");
        await foreach (var e in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DisputeResolutionRow(
                e.RowKey,
                Enum.Parse<DisputeTargetKind>(e.GetString("Kind")),
                Enum.Parse<DisputeVerdict>(e.GetString("Verdict")),
                e.GetString("AgentId"),
                e.GetString("Lane"),
                e.GetString("TicketSystem"),
                e.GetString("TicketId"),
                e.GetBoolean("TookEffect") ?? false,
                e.GetDateTimeOffset("ResolvedAt") ?? DateTimeOffset.MinValue));
        }

        return list;
    }
}
