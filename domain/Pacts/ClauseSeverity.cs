namespace AgentTrust.Domain.Pacts;

/// <summary>How much a broken clause matters: critical and major block, minor asks a human, info is recorded.</summary>
public enum ClauseSeverity
{
    Info,
    Minor,
    Major,
    Critical,
}
