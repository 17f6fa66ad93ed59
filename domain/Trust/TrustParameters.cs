using AgentTrust.Domain.Outcomes;
using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.Trust;

/// <summary>
/// The knobs of the trust model (bound from <c>AgentTrust:Trust</c>). Defaults: evidence halves in weight every 30 days,
/// a uniform Beta(1, 1) prior, losses count twice, a new pact/model/prompt version keeps half the earlier evidence, and
/// the lower bound is one-sided 95 %.
/// </summary>
public sealed record TrustParameters
{
    public static TrustParameters Default { get; } = new();

    public double HalfLifeDays { get; init; } = 30;

    /// <summary>The trend compares a fast-decaying score (this half-life) with the main one.</summary>
    public double TrendHalfLifeDays { get; init; } = 7;

    public double PriorAlpha { get; init; } = 1;

    public double PriorBeta { get; init; } = 1;

    /// <summary>Every loss is multiplied by this: trust is slow to earn and quick to lose.</summary>
    public double LossMultiplier { get; init; } = 2;

    /// <summary>Share of earlier evidence kept when the agent starts acting under a new version.</summary>
    public double VersionDiscount { get; init; } = 0.5;

    /// <summary>z of the lower confidence bound (1.645: one-sided 95 %).</summary>
    public double Z { get; init; } = 1.645;

    /// <summary>How far back an outcome on a ticket is attributed to the decisions that touched it.</summary>
    public double AttributionWindowDays { get; init; } = 30;

    /// <summary>A trend smaller than this either way is reported as steady.</summary>
    public double TrendThreshold { get; init; } = 0.05;

    /// <summary>Losses (before the multiplier) per violated or failed clause, by severity.</summary>
    public double SeverityWeight(ClauseSeverity severity) => severity switch
    {
        ClauseSeverity.Info => 0,
        ClauseSeverity.Minor => 1,
        ClauseSeverity.Major => 3,
        ClauseSeverity.Critical => 6,
        _ => 1,
    };

    /// <summary>(gain, loss before the multiplier) of one ticket outcome.</summary>
    public (double Gain, double Loss) OutcomeWeight(TicketOutcomeKind kind) => kind switch
    {
        TicketOutcomeKind.Resolved => (1, 0),
        TicketOutcomeKind.ChangeClosedSuccessful => (1, 0),
        TicketOutcomeKind.Reopened => (0, 2),
        TicketOutcomeKind.ChangeClosedFailed => (0, 3),
        TicketOutcomeKind.Reassigned => (0, 1),
        TicketOutcomeKind.Escalated => (0, 1.5),
        // Opening a ticket says nothing about the agent: it only starts the MTTR clock.
        TicketOutcomeKind.Opened => (0, 0),
        _ => (0, 0),
    };

    /// <summary>Loss (before the multiplier) of a human rejecting an action the agent proposed.</summary>
    public double HumanRejectionLoss { get; init; } = 2;

    /// <summary>Gain of a human approving an action the agent proposed.</summary>
    public double HumanApprovalGain { get; init; } = 1;
}
