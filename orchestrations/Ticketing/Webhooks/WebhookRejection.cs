namespace AgentTrust.Orchestrations.Ticketing.Webhooks;

/// <summary>
/// A refused webhook delivery, as recorded: the reason and a digest of the body, never the body or the signature
/// header (a refused body is untrusted input and may carry data nobody should keep).
/// </summary>
public sealed record WebhookRejection(string Source, string Reason, DateTimeOffset ReceivedAt, string BodySha256, int BodyLength);
