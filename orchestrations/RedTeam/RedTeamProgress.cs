namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>The custom status of a running red-team run: how many cases are done and passed, and the last one.</summary>
public sealed record RedTeamProgress(int Total, int Completed, int Passed, string? LastCase);
