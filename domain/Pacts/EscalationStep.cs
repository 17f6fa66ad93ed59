namespace AgentTrust.Domain.Pacts;

/// <summary>One rung of an approval escalation: after this many seconds without an answer, these groups are asked too.</summary>
public sealed record EscalationStep(int AfterSeconds, IReadOnlyList<string> ApproverGroups);
