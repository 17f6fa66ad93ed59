using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Pacts;

/// <summary>Small pacts and actions for evaluator tests: one schema, clauses given as (id, condition).</summary>
internal static class PactBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, FieldType> Schema = new Dictionary<string, FieldType>
    {
        ["priority"] = FieldType.Integer,
        ["score"] = FieldType.Number,
        ["category"] = FieldType.String,
        ["urgent"] = FieldType.Boolean,
        ["kb_articles"] = FieldType.StringList,
        ["weights"] = FieldType.NumberList,
        ["start"] = FieldType.Timestamp,
        ["affected_cis"] = FieldType.Integer,
    };

    public static Pact With(params (string Id, string Condition)[] clauses) => new(
        "agent-1",
        "incident-classification",
        1,
        "owner@example.com",
        ["classify"],
        [.. clauses.Select(c => new PactClause(c.Id, c.Condition, ClauseSeverity.Major))],
        new AutonomyPolicy(),
        new ApprovalPolicy(["leads"]),
        ActionSchema: Schema,
        TicketSchema: new Dictionary<string, FieldType> { ["priority"] = FieldType.String });

    public static ProposedAction Action(string fieldsJson, double confidence = 0.9, string type = "classify", string? ticketJson = null) => new(
        "agent-1",
        "incident-classification",
        new TicketReference("servicenow", "INC0000045", ticketJson is null ? null : JsonDocument.Parse(ticketJson).RootElement),
        type,
        JsonDocument.Parse(fieldsJson).RootElement,
        confidence,
        "k-1");

    public static ClauseResult EvaluateOne(string condition, string fieldsJson, DateTimeOffset? now = null, string? ticketJson = null, int recentActions = 0)
    {
        var compiled = CelPactCompiler.CompileUncached(With(("c", condition)));
        return compiled.Evaluate(EvaluationInput.For(Action(fieldsJson, ticketJson: ticketJson), now ?? Now, recentActions)).Clauses[0];
    }
}
