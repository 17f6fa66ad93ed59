namespace AgentTrust.Domain.Pacts;

/// <summary>How much harm an action can do if it is wrong: blast radius and how hard it is to undo.</summary>
public enum DownsideLevel
{
    Low,
    Medium,
    High,
}
