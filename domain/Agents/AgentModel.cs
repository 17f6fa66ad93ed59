namespace AgentTrust.Domain.Agents;

/// <summary>The model behind an agent and who serves it, e.g. <c>gpt-4o-2024-08-06</c> from <c>azure-openai</c>.</summary>
public sealed record AgentModel(string Name, string Provider);
