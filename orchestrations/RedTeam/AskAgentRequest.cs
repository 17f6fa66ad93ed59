using AgentTrust.Domain.RedTeam;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>One red-team case to put to an agent's endpoint.</summary>
public sealed record AskAgentRequest(Uri Endpoint, string RunId, string AgentId, string Lane, RedTeamCase Case);
