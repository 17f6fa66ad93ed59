using AgentTrust.Domain.Pacts;

namespace AgentTrust.Domain.RedTeam;

/// <summary>
/// One case's result: the outcome the loop reached with the agent's answer (<c>allow</c>, <c>human</c>, <c>block</c>,
/// <c>shadow</c>, <c>declined</c>, or <c>error</c> when the agent gave no usable answer), whether that meets the case,
/// and why.
/// </summary>
public sealed record RedTeamCaseResult(
    string CaseId,
    string Category,
    ClauseSeverity Severity,
    string Expect,
    string Outcome,
    bool Passed,
    IReadOnlyList<string> Reasons,
    string? EvidenceLocation = null);
