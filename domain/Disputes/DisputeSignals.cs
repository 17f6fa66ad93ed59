using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Trust;

namespace AgentTrust.Domain.Disputes;

/// <summary>
/// What a resolved dispute does to trust. Only an overturn moves a score: an upheld or expired dispute leaves the
/// original standing, and its signals were counted when it happened. The weights reuse the human-answer weights, because
/// an adjudicator overturning a decision is a person answering it after the fact:
/// <list type="bullet">
/// <item>a decision that took effect (applied or approved) overturned: the agent's action was wrong and got through, an
/// outcome loss of <see cref="TrustParameters.HumanRejectionLoss"/>;</item>
/// <item>a decision that stopped the action (blocked, rejected, shadowed, expired) overturned: the agent proposed the
/// right thing, an outcome gain of <see cref="TrustParameters.HumanApprovalGain"/>. The earlier loss is not erased (the
/// pact's checks ran as recorded); the vindication adds positive evidence next to it;</item>
/// <item>an outcome overturned: the outcome was wrongly held against the agent, so its signal is retracted exactly: the
/// same weights, negated, at the outcome's own time, so the Beta masses return to what they would have been without it.</item>
/// </list>
/// Every signal's id is <c>dispute:{dispute id}</c>, so a retried resolution counts once.
/// </summary>
public static class DisputeSignals
{
    public static TrustSignal? FromResolution(string disputeId, DisputedSubject subject, DisputeVerdict verdict, DateTimeOffset resolvedAt, TrustParameters parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(disputeId);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(parameters);
        if (verdict != DisputeVerdict.Overturned)
        {
            return null;
        }

        var id = "dispute:" + disputeId;
        if (subject.Outcome is { } outcome)
        {
            var attributed = TrustSignals.FromOutcome(outcome, subject.AgentId, subject.Lane, subject.ActionId ?? string.Empty, parameters);
            return attributed is null
                ? null
                : new TrustSignal(id, subject.AgentId, subject.Lane, TrustDimension.Outcome, -attributed.Gain, -attributed.Loss, outcome.OccurredAt,
                    $"dispute overturned outcome {outcome.EventId}: retracted", Version: null, subject.ActionId);
        }

        return subject.TookEffect
            ? new TrustSignal(id, subject.AgentId, subject.Lane, TrustDimension.Outcome, 0, parameters.HumanRejectionLoss, resolvedAt,
                $"dispute overturned a decision that was {Name(subject.OriginalStatus)}", Version: null, subject.ActionId)
            : new TrustSignal(id, subject.AgentId, subject.Lane, TrustDimension.Outcome, parameters.HumanApprovalGain, 0, resolvedAt,
                $"dispute overturned a decision that was {Name(subject.OriginalStatus)}: the agent was right", Version: null, subject.ActionId);
    }

    static string Name(ActionStatus? status) => status?.ToString().ToLowerInvariant() ?? "unknown";
}
