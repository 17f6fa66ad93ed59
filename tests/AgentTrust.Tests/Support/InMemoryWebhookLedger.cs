using System.Collections.Concurrent;
using AgentTrust.Orchestrations.Ticketing.Webhooks;

namespace AgentTrust.Tests.Support;

/// <summary>The webhook replay store and rejection record in memory: add-if-absent like the table.</summary>
internal sealed class InMemoryWebhookLedger : IWebhookLedger
{
    readonly ConcurrentDictionary<string, DateTimeOffset> deliveries = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<WebhookRejection> rejections = new();

    public int Deliveries => deliveries.Count;

    public IReadOnlyList<WebhookRejection> Rejections => [.. rejections];

    public Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        Task.FromResult(deliveries.TryAdd(source + "/" + deliveryId, receivedAt));

    public Task ForgetDeliveryAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
    {
        deliveries.TryRemove(source + "/" + deliveryId, out _);
        return Task.CompletedTask;
    }

    public Task RecordRejectionAsync(WebhookRejection rejection, CancellationToken cancellationToken = default)
    {
        rejections.Enqueue(rejection);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookRejection>> ListRejectionsAsync(string source, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<WebhookRejection>>([.. rejections.Where(r => r.Source == source)]);
}
