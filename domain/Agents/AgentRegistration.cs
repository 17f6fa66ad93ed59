namespace AgentTrust.Domain.Agents;

/// <summary>
/// A registered agent as stored: the profile, its behaviour version (1, 2, ...: a new model, prompt or tool version
/// starts the next), the fingerprint that version is identified by, and the revision (every accepted change, including
/// owner or contact changes, is a revision and a piece of evidence).
/// </summary>
public sealed record AgentRegistration(
    AgentProfile Profile,
    int Version,
    string Fingerprint,
    int Revision,
    DateTimeOffset RegisteredAt,
    DateTimeOffset VersionSince,
    DateTimeOffset UpdatedAt);
