namespace AgentTrust.Domain.Lanes;

/// <summary>The ten ITSM lanes an agent can act in, by their stable identifiers.</summary>
public static class Lanes
{
    public const string IncidentClassification = "incident-classification";
    public const string ChangeRiskWarning = "change-risk-warning";
    public const string KnowledgeResponse = "knowledge-response";
    public const string ProblemTriage = "problem-triage";
    public const string AnomalyTriage = "anomaly-triage";
    public const string ComplianceEvidence = "compliance-evidence";
    public const string StakeholderCommunication = "stakeholder-communication";
    public const string RiskSignalSynthesis = "risk-signal-synthesis";
    public const string WorkflowGovernance = "workflow-governance";
    public const string EscalationReview = "escalation-review";

    /// <summary>All lanes, in the order the product lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        IncidentClassification, ChangeRiskWarning, KnowledgeResponse, ProblemTriage, AnomalyTriage,
        ComplianceEvidence, StakeholderCommunication, RiskSignalSynthesis, WorkflowGovernance, EscalationReview,
    ];

    static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string? lane) => lane is not null && Known.Contains(lane);
}
