using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Tests.Judging;

/// <summary>Judged clauses and actions for the jury tests.</summary>
internal static class JudgeSamples
{
    public static readonly PactClause ClassificationConsistent = new(
        "classification-consistent", "the proposed classification agrees with the ticket", ClauseSeverity.Major, VerificationMethod.Judged,
        Description: "the proposed category, urgency and impact are consistent with the ticket text");

    public static ProposedAction Action(string fieldsJson, string ticketJson, string actionType = "classify", string? rationale = "matches the ticket text") => new(
        "classifier-01",
        "incident-classification",
        new TicketReference("servicenow", "INC0000045", JsonDocument.Parse(ticketJson).RootElement.Clone()),
        actionType,
        JsonDocument.Parse(fieldsJson).RootElement.Clone(),
        0.95,
        "k-judge",
        rationale);

    public static JudgeRequest Request(string fieldsJson, string ticketJson, string actionType = "classify", string? rationale = "matches the ticket text") =>
        JudgeRequest.For(ClassificationConsistent, Action(fieldsJson, ticketJson, actionType, rationale));

    public static JudgeVerdict Verdict(string judge, Verdict verdict, double score, string clause = "c1") =>
        new(judge, "v1", clause, verdict, score, "test");
}
