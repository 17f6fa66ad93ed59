namespace AgentTrust.Domain.Decisions;

/// <summary>What the governed loop does with a proposed action.</summary>
public enum DecisionKind
{
    /// <summary>Apply the action without a human.</summary>
    AutoApply,

    /// <summary>Ask a human; the action waits, and fails closed when nobody answers in time.</summary>
    RequireApproval,

    /// <summary>Record the action as if applied, never apply it.</summary>
    Shadow,

    /// <summary>Refuse the action.</summary>
    Block,
}
