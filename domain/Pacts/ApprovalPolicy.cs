namespace AgentTrust.Domain.Pacts;

/// <summary>Who approves what the agent may not do alone, and how long they have before the action fails closed.</summary>
public sealed record ApprovalPolicy(IReadOnlyList<string> ApproverGroups, int TimeoutSeconds = 14400);
