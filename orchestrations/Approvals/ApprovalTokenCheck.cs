namespace AgentTrust.Orchestrations.Approvals;

/// <summary>The result of reading a token: its claims when it is genuine and current, else why it was refused.</summary>
public sealed record ApprovalTokenCheck(ApprovalTokenClaims? Claims, ApprovalTokenRefusal? Refusal)
{
    public bool IsValid => Refusal is null && Claims is not null;
}
