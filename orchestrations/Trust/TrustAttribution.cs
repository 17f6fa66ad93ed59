namespace AgentTrust.Orchestrations.Trust;

/// <summary>A decision that touched a ticket: what a later outcome on the ticket is attributed to.</summary>
public sealed record TrustAttribution(string TicketSystem, string TicketId, string AgentId, string Lane, string ActionId, DateTimeOffset DecidedAt);
