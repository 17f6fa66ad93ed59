namespace AgentTrust.Domain.Disputes;

/// <summary>Who may contest: the person who asked for the work (requester) or the person who worked the ticket (resolver).</summary>
public enum DisputantRole
{
    Requester,
    Resolver,
}
