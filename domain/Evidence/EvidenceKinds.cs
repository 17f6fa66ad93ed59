namespace AgentTrust.Domain.Evidence;

/// <summary>The kinds of evidence record, each with its own versioned predicate type.</summary>
public static class EvidenceKinds
{
    public const string Evaluation = "evaluation";
    public const string JudgeVerdict = "judge-verdict";
    public const string Decision = "decision";
    public const string Approval = "approval";
    public const string WriteBack = "write-back";
    public const string Outcome = "outcome";
    public const string TrustChange = "trust-change";
    public const string Consequence = "consequence";

    public static string PredicateType(string kind) => $"https://agenttrust.dev/{kind}/v1";
}
