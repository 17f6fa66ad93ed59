using System.Globalization;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// The replay store and rejection record in Table storage. A delivery row is added (never upserted), so the
/// storage service decides atomically which of two racing copies is first. Rejections are newest first.
/// </summary>
public sealed class TableWebhookLedger : IWebhookLedger
{
    readonly TableClient deliveries;
    readonly TableClient rejections;
    readonly Lazy<Task> ensureTables;

    public TableWebhookLedger(StorageClients clients, IOptions<WebhookOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        deliveries = clients.Tables.GetTableClient(options.Value.DeliveryTableName);
        rejections = clients.Tables.GetTableClient(options.Value.RejectionTableName);
        ensureTables = new Lazy<Task>(() => Task.WhenAll(deliveries.CreateIfNotExistsAsync(), rejections.CreateIfNotExistsAsync()));
    }

    public async Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        await ensureTables.Value.ConfigureAwait(false);
        try
        {
            await deliveries.AddEntityAsync(new TableEntity(source, deliveryId) { ["ReceivedAt"] = receivedAt }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetDeliveryAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
    {
        await ensureTables.Value.ConfigureAwait(false);
        await deliveries.DeleteEntityAsync(source, deliveryId, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordRejectionAsync(WebhookRejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        await ensureTables.Value.ConfigureAwait(false);
        // Inverted ticks sort the newest first; the random tail keeps two rejections in one tick apart.
        var row = (DateTimeOffset.MaxValue.Ticks - rejection.ReceivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..8];
        await rejections.AddEntityAsync(
            new TableEntity(rejection.Source, row)
            {
                ["Reason"] = rejection.Reason,
                ["ReceivedAt"] = rejection.ReceivedAt,
                ["BodySha256"] = rejection.BodySha256,
                ["BodyLength"] = rejection.BodyLength,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookRejection>> ListRejectionsAsync(string source, CancellationToken cancellationToken = default)
    {
        await ensureTables.Value.ConfigureAwait(false);
        var list = new List<WebhookRejection>();
        await foreach (var e in rejections.QueryAsync<TableEntity>(e => e.PartitionKey == source, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new WebhookRejection(
                e.PartitionKey, e.GetString("Reason"), e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
                e.GetString("BodySha256"), e.GetInt32("BodyLength") ?? 0));
        }

        return list;
    }
}
