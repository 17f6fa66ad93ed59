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

    /// <summary>A jury's outcome on one judged clause, with every judge's verdict, rationale, model id and prompt hash.</summary>
    public const string Jury = "jury";

    /// <summary>Human labels learned from an approval: which judges agreed with the person who settled the clause.</summary>
    public const string JudgeLabels = "judge-labels";

    /// <summary>Who was asked to approve, on which channel, and whether the notice was delivered (never tokens or webhook URLs).</summary>
    public const string Notification = "notification";

    /// <summary>A change of an agent's autonomy tier in a lane (or of its error budget's breach), with its reason and trigger.</summary>
    public const string TierChange = "tier-change";

    /// <summary>An entry of an agent's ledger: an autonomous action spent, or credits a consequence slashed from the bond.</summary>
    public const string Ledger = "ledger";
    /// <summary>A dispute as filed: who contests which decision or outcome, and why.</summary>
    public const string Dispute = "dispute";

    /// <summary>How a dispute ended: the adjudicator's verdict, the jury's view and the trust change it caused.</summary>
    public const string DisputeResolution = "dispute-resolution";

    /// <summary>A refused approval link (replayed, expired, tampered, foreign, malformed): why, never the token.</summary>
    public const string ApprovalRefusal = "approval-refusal";
    /// <summary>An agent's registration or a change to it (a new model, prompt or tool version is a new agent version).</summary>
    public const string AgentRegistration = "agent-registration";

    /// <summary>One case of a red-team run: the agent's answer, the pact's evaluation, the decision and whether the case passed.</summary>
    public const string RedTeamCase = "redteam-case";

    /// <summary>A red-team run's score per severity against the pact's promotion bar (the last record of the run's chain).</summary>
    public const string RedTeamRun = "redteam-run";

    public static string PredicateType(string kind) => $"https://agenttrust.dev/{kind}/v1";
}
