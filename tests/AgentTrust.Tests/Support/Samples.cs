using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Support;

/// <summary>Shared test data: an incident-classification pact and actions against it.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static Pact ClassificationPact(string agentId = "classifier-01", int timeoutSeconds = 3600) => new(
        agentId,
        "incident-classification",
        1,
        "service-desk@example.com",
        ["classify"],
        [
            new PactClause("priority-not-raised-to-p1", "action.priority in [2, 3, 4, 5]", ClauseSeverity.Critical, Description: "agents never set P1 on their own"),
            new PactClause("category-required", "has(action.category) && size(action.category) > 0", ClauseSeverity.Major),
        ],
        new AutonomyPolicy(AutonomyTier.Autonomous, 0.8),
        new ApprovalPolicy(["service-desk-leads"], timeoutSeconds));

    public static ProposedAction Classify(int priority, double confidence, string key = "k-1", string agentId = "classifier-01") => new(
        agentId,
        "incident-classification",
        new TicketReference("servicenow", "INC0000045", JsonDocument.Parse("{\"category\":\"Category 55\",\"priority\":3}").RootElement),
        "classify",
        JsonDocument.Parse($"{{\"priority\":{priority},\"category\":\"Category 55\"}}").RootElement,
        confidence,
        key);
}
