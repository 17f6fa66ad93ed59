namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>The result of one write-back, kept as evidence: what happened, after how many write attempts, and why.</summary>
public sealed record WriteBackResult(string System, string TicketId, WriteBackStatus Status, int Attempts, string? Detail = null);
