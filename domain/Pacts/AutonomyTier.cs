namespace AgentTrust.Domain.Pacts;

/// <summary>How much an agent may do on its own in a lane.</summary>
public enum AutonomyTier
{
    /// <summary>Allowed actions are applied without a human.</summary>
    Autonomous,

    /// <summary>Every allowed action needs a human approval.</summary>
    Supervised,

    /// <summary>Actions are evaluated and recorded, never applied.</summary>
    Shadow,

    /// <summary>Nothing the agent proposes is applied; every action is blocked.</summary>
    Suspended,
}
