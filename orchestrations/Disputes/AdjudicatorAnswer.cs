using AgentTrust.Domain.Disputes;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>The adjudicator's answer, raised to the dispute workflow as an external event.</summary>
public sealed record AdjudicatorAnswer(string Adjudicator, DisputeVerdict Verdict, string? Comment)
{
    public const string EventName = "DisputeResolution";
}
