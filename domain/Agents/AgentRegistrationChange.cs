namespace AgentTrust.Domain.Agents;

/// <summary>What a registration did to the registry.</summary>
public enum AgentRegistrationChange
{
    /// <summary>The agent was not registered before: version 1, revision 1.</summary>
    Created,

    /// <summary>The model, prompt or a tool version changed: a new agent version (and a new revision).</summary>
    NewVersion,

    /// <summary>Only bookkeeping changed (owner, lanes, contact, endpoint, description): a new revision, same version.</summary>
    Updated,

    /// <summary>The same profile again: nothing changed.</summary>
    Unchanged,
}
