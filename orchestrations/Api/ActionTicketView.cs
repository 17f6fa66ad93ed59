namespace AgentTrust.Orchestrations.Api;

/// <summary>The ticket an action touches, as shown in an action view.</summary>
public sealed record ActionTicketView(string System, string Id);
