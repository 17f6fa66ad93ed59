using AgentTrust.Domain.Pacts;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>A pact and action bodies for HTTP tests.</summary>
internal static class Actions
{
    public static Pact Pact(string agentId, int timeoutSeconds = 3600) => new(
        agentId, "incident-classification", 1, "desk@example.com", ["classify"],
        [
            new PactClause("never-sets-p1", "action.priority in [2, 3, 4, 5]", ClauseSeverity.Critical),
            new PactClause("known-category", "action.category.startsWith('Category ')", ClauseSeverity.Major),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, 0.8), new ApprovalPolicy(["leads"], timeoutSeconds),
        ActionSchema: new Dictionary<string, FieldType> { ["priority"] = FieldType.Integer, ["category"] = FieldType.String });

    public static string Classify(string agentId, string key, int priority, double confidence, string ticket = "INC0000045") =>
        FormattableString.Invariant($$$"""
        {"agentId":"{{{agentId}}}","lane":"incident-classification",
         "ticket":{"system":"servicenow","id":"{{{ticket}}}","fields":{"impact":"2 - Medium","urgency":"2 - Medium","priority":3}},
         "action":{"type":"classify","fields":{"priority":{{{priority}}},"category":"Category 55"}},
         "confidence":{{{confidence}}},"idempotencyKey":"{{{key}}}"}
        """);
}
