namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// The result of authenticating one delivery: accepted with its delivery id (the replay-store key: the verified
/// MAC, unique to this body and timestamp) and signed time, or refused with a reason for the record.
/// </summary>
public sealed record WebhookCheck(bool Accepted, string? Reason, string? DeliveryId, DateTimeOffset? SentAt)
{
    public static WebhookCheck Refuse(string reason) => new(false, reason, null, null);
}
