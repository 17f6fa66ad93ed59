using System.Globalization;
using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Trust;

/// <summary>Turns what the loop saw (an evaluation, a jury, a human's answer, a ticket outcome) into trust signals.</summary>
public static class TrustSignals
{
    /// <summary>
    /// Conduct at decision time: each violated clause, and each clause the jury failed, is a loss weighted by its
    /// severity; an action with none is one gain. Clauses that erred or went to a human are not held against the agent.
    /// </summary>
    public static TrustSignal FromDecision(
        string actionId, string agentId, string lane, PactEvaluation evaluation, IReadOnlyList<JuryResult>? juries, DateTimeOffset decidedAt, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(parameters);
        var severities = evaluation.Clauses.ToDictionary(c => c.ClauseId, c => c.Severity, StringComparer.Ordinal);
        var violated = evaluation.Clauses.Where(c => c.Outcome == ClauseOutcome.Violated).Select(c => (c.ClauseId, c.Severity)).ToList();
        violated.AddRange((juries ?? []).Where(j => j.Outcome == JuryOutcome.Fail)
            .Select(j => (j.ClauseId, severities.GetValueOrDefault(j.ClauseId, ClauseSeverity.Minor))));
        var loss = violated.Sum(v => parameters.SeverityWeight(v.Item2));
        if (!evaluation.ActionAllowed)
        {
            // An action type the pact does not allow is as bad as a major violation.
            loss += parameters.SeverityWeight(ClauseSeverity.Major);
            violated.Add(("action-not-allowed", ClauseSeverity.Major));
        }

        var clean = violated.Count == 0;
        var reason = clean
            ? "no clause violated"
            : "violated: " + string.Join(", ", violated.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Item1} ({v.Item2.ToString().ToLowerInvariant()})")));
        return new TrustSignal(
            "conduct:" + actionId, agentId, lane, TrustDimension.Conduct, clean ? 1 : 0, loss, decidedAt, reason, evaluation.PactHash, actionId);
    }

    /// <summary>A human's answer to an action that waited for approval: a rejection is an outcome loss.</summary>
    public static TrustSignal FromApproval(string actionId, string agentId, string lane, bool approved, DateTimeOffset answeredAt, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new TrustSignal(
            "approval:" + actionId, agentId, lane, TrustDimension.Outcome,
            approved ? parameters.HumanApprovalGain : 0, approved ? 0 : parameters.HumanRejectionLoss,
            answeredAt, approved ? "approved by a human" : "rejected by a human", Version: null, actionId);
    }

    /// <summary>A ticket outcome attributed to one decision that touched the ticket; null when the kind weighs nothing.</summary>
    public static TrustSignal? FromOutcome(TicketOutcome outcome, string agentId, string lane, string actionId, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(parameters);
        var (gain, loss) = parameters.OutcomeWeight(outcome.Kind);
        if (gain == 0 && loss == 0)
        {
            return null;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"{outcome.Kind} on {outcome.TicketSystem} {outcome.TicketId}");
        return new TrustSignal("outcome:" + outcome.EventId, agentId, lane, TrustDimension.Outcome, gain, loss, outcome.OccurredAt, reason, Version: null, actionId);
    }

    /// <summary>Whether a decision made at <paramref name="decidedAt"/> is answerable for an outcome at <paramref name="outcomeAt"/>.</summary>
    public static bool IsAttributable(DateTimeOffset decidedAt, DateTimeOffset outcomeAt, TrustParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return decidedAt <= outcomeAt && outcomeAt - decidedAt <= TimeSpan.FromDays(parameters.AttributionWindowDays);
    }
}
