namespace AgentTrust.Domain.Ticketing;

/// <summary>The ticketing systems AgentTrust integrates with, as they appear in <c>ticket.system</c>.</summary>
public static class TicketSystems
{
    public const string ServiceNow = "servicenow";
    public const string Jira = "jira";
}
