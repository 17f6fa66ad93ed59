namespace AgentTrust.Orchestrations.Pacts;

/// <summary>How a publish ended. Conflicts are values: a version is immutable, so republishing it differently is refused.</summary>
public enum PublishResult
{
    Published,

    /// <summary>The same version with the same content was already published: nothing changed.</summary>
    AlreadyPublished,

    /// <summary>That version exists with other content, or a newer version is current.</summary>
    Conflict,
}
