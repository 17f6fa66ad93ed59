namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>Bound from <c>AgentTrust:RedTeam</c>.</summary>
public sealed class RedTeamOptions
{
    public const string SectionName = "AgentTrust:RedTeam";

    public const string HttpClientName = "AgentTrust.RedTeam";

    public string TableName { get; set; } = "AgentTrustRedTeam";

    /// <summary>How long an agent has to answer one case; no answer in time is an error (a failed case).</summary>
    public TimeSpan AgentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Answers longer than this are refused (a failed case), so an agent cannot flood evidence.</summary>
    public int MaxAnswerBytes { get; set; } = 64 * 1024;
}
