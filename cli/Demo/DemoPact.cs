using AgentTrust.Domain.Pacts;

namespace AgentTrust.Cli.Demo;

/// <summary>The pact the demo publishes for its classifier in the incident-classification lane.</summary>
public static class DemoPact
{
    public const string AgentId = "matrix-classifier";

    public static Pact Create(int approvalTimeoutSeconds) => new(
        AgentId,
        Domain.Lanes.Lanes.IncidentClassification,
        1,
        "service-desk-leads@example.com",
        ["classify"],
        [
            new PactClause("never-sets-p1", "action.priority in [2, 3, 4, 5]", ClauseSeverity.Critical,
                Description: "Only a person declares a P1 (critical) incident: it pages the major-incident team."),
            new PactClause("known-category", "action.category.startsWith('Category ')", ClauseSeverity.Major,
                Description: "The category must be one of the service desk's categories."),
            new PactClause("no-downgrade-of-high-impact", "!(ticket.impact == '1 - High' && action.priority >= 4)", ClauseSeverity.Major,
                Description: "A high-impact incident is never set to low priority by an agent."),
            new PactClause("priority-change-is-small", "action.priority - ticket.priority <= 1 && ticket.priority - action.priority <= 1", ClauseSeverity.Minor,
                When: "has(ticket.priority)",
                Description: "A jump of more than one priority level is checked by a person."),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, MinConfidence: 0.8),
        new ApprovalPolicy(["service-desk-leads"], approvalTimeoutSeconds),
        "Demo: ITIL-matrix classifier proposing priorities for ServiceNow incidents.",
        ActionSchema: new Dictionary<string, FieldType>
        {
            ["priority"] = FieldType.Integer,
            ["category"] = FieldType.String,
            ["subcategory"] = FieldType.String,
        },
        TicketSchema: new Dictionary<string, FieldType>
        {
            ["impact"] = FieldType.String,
            ["urgency"] = FieldType.String,
            ["priority"] = FieldType.Integer,
            ["category"] = FieldType.String,
        });
}
