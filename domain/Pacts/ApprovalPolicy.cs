namespace AgentTrust.Domain.Pacts;

/// <summary>
/// Who approves what the agent may not do alone, how long they have before the action fails closed, and the
/// ladder of groups the request climbs when nobody answers.
/// </summary>
public sealed record ApprovalPolicy(
    IReadOnlyList<string> ApproverGroups,
    int TimeoutSeconds = 14400,
    IReadOnlyList<EscalationStep>? Escalation = null);
