using AgentTrust.Domain.Outcomes;
using AgentTrust.Orchestrations.Ticketing.Mapping;
using AgentTrust.Orchestrations.Ticketing.Webhooks;

namespace AgentTrust.Tests.Ticketing;

public sealed class WebhookMapperTests
{
    static readonly DateTimeOffset SentAt = new(2026, 11, 26, 10, 5, 0, TimeSpan.Zero);
    static readonly WebhookSourceOptions Jira = new() { Secret = "unused-here-0123456789", ProposalField = "customfield_10090" };

    [Fact]
    public void ServiceNowMap_IncidentResolved_IsOneResolvedOutcomeNamingTheActionAndAgent()
    {
        var mapping = ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-incident-resolved.json"), SentAt);

        Assert.Empty(mapping.Errors);
        Assert.Empty(mapping.Actions);
        var outcome = Assert.Single(mapping.Outcomes);
        Assert.Equal(TicketOutcomeKind.Resolved, outcome.Kind);
        Assert.Equal("INC0010023", outcome.TicketId);
        Assert.Equal("Solved (Permanently)", outcome.Detail);
        Assert.Equal("beth.anglin", outcome.Actor);
        Assert.Equal("classifier-01", outcome.AgentId);
        Assert.Equal("act-0123456789abcdef0123456789abcdef", outcome.ActionId);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 4, 11, TimeSpan.Zero), outcome.OccurredAt);
        Assert.Equal("servicenow:8d3f6c1e1b8a4d10a2f0c7e5b9d1a001:resolved", outcome.EventId);
    }

    [Fact]
    public void ServiceNowMap_ReopenedToAnotherGroupWithHigherPriority_IsReopenedReassignedAndEscalated()
    {
        var mapping = ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-incident-reopened-reassigned.json"), SentAt);

        Assert.Equal(
            [TicketOutcomeKind.Reopened, TicketOutcomeKind.Reassigned, TicketOutcomeKind.Escalated],
            mapping.Outcomes.Select(o => o.Kind));
        Assert.Equal("Network", mapping.Outcomes.Single(o => o.Kind == TicketOutcomeKind.Reassigned).Detail);
        Assert.Equal(3, mapping.Outcomes.Select(o => o.EventId).Distinct().Count());
    }

    [Fact]
    public void ServiceNowMap_ChangeClosedUnsuccessful_IsChangeClosedFailed()
    {
        var outcome = Assert.Single(ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-change-closed-unsuccessful.json"), SentAt).Outcomes);

        Assert.Equal(TicketOutcomeKind.ChangeClosedFailed, outcome.Kind);
        Assert.Equal("CHG0030002", outcome.TicketId);
    }

    [Fact]
    public void ServiceNowMap_AgentProposalOnInsert_IsAGovernedActionWithTheTicketSnapshot()
    {
        var mapping = ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-incident-proposal.json"), SentAt);

        Assert.Empty(mapping.Errors);
        Assert.Empty(mapping.Outcomes);
        var action = Assert.Single(mapping.Actions);
        Assert.Equal("classifier-01", action.AgentId);
        Assert.Equal("incident-classification", action.Lane);
        Assert.Equal("classify", action.ActionType);
        Assert.Equal(0.93, action.Confidence);
        Assert.Equal(3, action.Fields.GetProperty("priority").GetInt32());
        Assert.Equal("servicenow", action.Ticket.System);
        Assert.Equal("INC0010031", action.Ticket.Id);
        var ticket = action.Ticket.Fields!.Value;
        Assert.Equal(4, ticket.GetProperty("priority").GetInt32());
        Assert.Equal("46d44a5fa9fe198101a78c0ab3a1d5d1", ticket.GetProperty("sys_id").GetString());
        Assert.Equal("incident", ticket.GetProperty("table").GetString());
        Assert.False(ticket.TryGetProperty(ServiceNowWebhookMapper.ProposalColumn, out _));
        Assert.StartsWith("servicenow:INC0010031:", action.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceNowMap_SameProposalTwice_GivesTheSameIdempotencyKey()
    {
        var first = ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-incident-proposal.json"), SentAt).Actions.Single();
        var second = ServiceNowWebhookMapper.Map(Fixtures.Json("servicenow-incident-proposal.json"), SentAt.AddMinutes(1)).Actions.Single();

        Assert.Equal(first.IdempotencyKey, second.IdempotencyKey);
    }

    [Fact]
    public void ServiceNowMap_ProposalInAnUnknownLane_IsAFieldError()
    {
        var text = Fixtures.Text("servicenow-incident-proposal.json").Replace("incident-classification", "no-such-lane", StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(text);

        var mapping = ServiceNowWebhookMapper.Map(document.RootElement, SentAt);

        Assert.Empty(mapping.Actions);
        Assert.Contains(mapping.Errors, e => e.Field == "current.u_agent_proposal.lane");
    }

    [Fact]
    public void ServiceNowMap_MissingEventIdAndUnknownTable_ListsBothErrors()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"table":"sc_task","current":{"number":"SCTASK0001"}}""");

        var mapping = ServiceNowWebhookMapper.Map(document.RootElement, SentAt);

        Assert.Equal(["event_id", "table"], mapping.Errors.Select(e => e.Field));
    }

    [Fact]
    public void JiraMap_ResolutionSet_IsResolvedFromTheChangelog()
    {
        var mapping = JiraWebhookMapper.Map(Fixtures.Json("jira-issue-resolved.json"), Jira);

        var outcome = Assert.Single(mapping.Outcomes);
        Assert.Equal(TicketOutcomeKind.Resolved, outcome.Kind);
        Assert.Equal("ITSM-42", outcome.TicketId);
        Assert.Equal("jira", outcome.TicketSystem);
        Assert.Equal("Done", outcome.Detail);
        Assert.Equal("Mia Krystof", outcome.Actor);
        Assert.Equal("jira:10042:10500:resolved", outcome.EventId);
    }

    [Fact]
    public void JiraMap_PriorityRaisedAndAssigneeChanged_IsEscalatedAndReassigned()
    {
        var mapping = JiraWebhookMapper.Map(Fixtures.Json("jira-issue-escalated-reassigned.json"), Jira);

        Assert.Equal([TicketOutcomeKind.Escalated, TicketOutcomeKind.Reassigned], mapping.Outcomes.Select(o => o.Kind));
    }

    [Fact]
    public void JiraMap_ChangeResolvedAsRolledBack_IsChangeClosedFailed()
    {
        var outcome = Assert.Single(JiraWebhookMapper.Map(Fixtures.Json("jira-change-failed.json"), Jira).Outcomes);

        Assert.Equal(TicketOutcomeKind.ChangeClosedFailed, outcome.Kind);
        Assert.Equal("Rolled back", outcome.Detail);
    }

    [Fact]
    public void JiraMap_IssueCreatedWithProposalField_IsAGovernedAction()
    {
        var action = Assert.Single(JiraWebhookMapper.Map(Fixtures.Json("jira-issue-created-proposal.json"), Jira).Actions);

        Assert.Equal("triage-02", action.AgentId);
        Assert.Equal("ITSM-45", action.Ticket.Id);
        Assert.Equal("Low", action.Ticket.Fields!.Value.GetProperty("priority").GetString());
        Assert.Equal("Medium", action.Fields.GetProperty("priority").GetProperty("name").GetString());
    }

    [Fact]
    public void JiraMap_ProposalFieldNotConfigured_StartsNothing()
    {
        var mapping = JiraWebhookMapper.Map(Fixtures.Json("jira-issue-created-proposal.json"), new WebhookSourceOptions());

        Assert.Empty(mapping.Actions);
        Assert.Empty(mapping.Errors);
    }
}
