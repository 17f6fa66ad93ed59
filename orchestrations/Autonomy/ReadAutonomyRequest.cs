using AgentTrust.Domain.Pacts;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>The lane's pact (its rules and starting tier), the decision time, and the ticket evidence of a change names.</summary>
public sealed record ReadAutonomyRequest(Pact Pact, DateTimeOffset At, string TicketSystem, string TicketId);
