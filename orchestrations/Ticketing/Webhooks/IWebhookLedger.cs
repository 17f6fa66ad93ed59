namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>The replay store and the record of refused deliveries.</summary>
public interface IWebhookLedger
{
    /// <summary>Records a delivery as seen; false when it was seen before (a replay). Atomic: of two racing copies, one wins.</summary>
    Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Forgets a delivery whose processing failed, so the sender's retry is processed instead of refused as a replay.</summary>
    Task ForgetDeliveryAsync(string source, string deliveryId, CancellationToken cancellationToken = default);

    Task RecordRejectionAsync(WebhookRejection rejection, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WebhookRejection>> ListRejectionsAsync(string source, CancellationToken cancellationToken = default);
}
