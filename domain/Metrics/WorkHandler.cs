namespace AgentTrust.Domain.Metrics;

/// <summary>Who handled the work: metrics put human-handled work beside agent-handled work.</summary>
public enum WorkHandler
{
    Human,
    Agent,
}
