namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>Why a delivery was refused; kept in the rejection record and as a metric tag, never told to the sender.</summary>
public static class WebhookRejectionReasons
{
    public const string NoSecretConfigured = "no-secret-configured";
    public const string MissingSignature = "missing-signature";
    public const string BadSignature = "bad-signature";
    public const string MissingTimestamp = "missing-timestamp";
    public const string StaleTimestamp = "timestamp-outside-window";
    public const string Replayed = "replayed";
}
