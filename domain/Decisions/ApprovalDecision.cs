namespace AgentTrust.Domain.Decisions;

/// <summary>
/// A human's answer to an approval request: the payload of the <c>ApprovalDecision</c> event. <paramref name="TokenId"/>
/// names the single-use link token the answer came through (never the token itself); null for API clients.
/// </summary>
public sealed record ApprovalDecision(bool Approved, string Approver, string? Comment = null, string? TokenId = null)
{
    /// <summary>The name of the external event that carries this decision to a waiting workflow.</summary>
    public const string EventName = "ApprovalDecision";
}
