namespace AgentTrust.Orchestrations.Approvals;

/// <summary>Makes approval tokens single use, and keeps a record of every refused token.</summary>
public interface IApprovalTokenLedger
{
    /// <summary>Marks the token used; false when it was used before (a replay). Insert-if-absent, so two racing uses cannot both win.</summary>
    Task<bool> TryUseAsync(ApprovalTokenClaims claims, CancellationToken cancellationToken);

    /// <summary>Records a refused token: the action named in the route, why, and the token's id when it could be read (never the token).</summary>
    Task RecordRefusalAsync(string actionId, ApprovalTokenRefusal reason, string? tokenId, CancellationToken cancellationToken);
}
