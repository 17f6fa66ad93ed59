namespace AgentTrust.IntegrationTests.Support;

/// <summary>What one <c>agenttrust</c> run printed, and how it ended.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, for an assertion's message.</summary>
    public string Log => Stdout + Stderr;
}
