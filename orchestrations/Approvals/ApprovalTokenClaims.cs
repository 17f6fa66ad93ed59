namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// What an approval link token asserts, all covered by its HMAC: this approver may give this decision
/// (<c>approve</c> or <c>reject</c>) on this action, whose content has this digest, until this time, once
/// (<see cref="Nonce"/> is also the token's public id).
/// </summary>
public sealed record ApprovalTokenClaims(string ActionId, string ActionDigest, string Approver, string Decision, long ExpiresAt, string Nonce)
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    public bool Approved => string.Equals(Decision, Approve, StringComparison.Ordinal);

    public DateTimeOffset Expires => DateTimeOffset.FromUnixTimeSeconds(ExpiresAt);
}
