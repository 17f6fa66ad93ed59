using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Agents;

/// <summary>
/// The one rule of agent versions, shared by every registry store: the behaviour fingerprint is the digest of the
/// model, provider, prompt version and tool versions; a different fingerprint is the next version.
/// </summary>
public static class AgentVersioning
{
    public static string Fingerprint(AgentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tools = new SortedDictionary<string, string>(profile.ToolVersions.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        return "sha256:" + Digest.OfCanonicalJson(new { model = profile.Model.Name, provider = profile.Model.Provider, prompt = profile.PromptVersion, tools });
    }

    /// <summary>What registering <paramref name="profile"/> over <paramref name="current"/> (null: not registered) gives.</summary>
    public static (AgentRegistration Registration, AgentRegistrationChange Change) Next(AgentRegistration? current, AgentProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var fingerprint = Fingerprint(profile);
        if (current is null)
        {
            return (new AgentRegistration(profile, 1, fingerprint, 1, now, now, now), AgentRegistrationChange.Created);
        }

        if (!string.Equals(current.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return (current with { Profile = profile, Version = current.Version + 1, Fingerprint = fingerprint, Revision = current.Revision + 1, VersionSince = now, UpdatedAt = now },
                AgentRegistrationChange.NewVersion);
        }

        return SameProfile(current.Profile, profile)
            ? (current, AgentRegistrationChange.Unchanged)
            : (current with { Profile = profile, Revision = current.Revision + 1, UpdatedAt = now }, AgentRegistrationChange.Updated);
    }

    /// <summary>Canonical JSON equality: records holding lists and dictionaries do not compare by content.</summary>
    static bool SameProfile(AgentProfile a, AgentProfile b) =>
        string.Equals(Digest.OfCanonicalJson(Canonical(a)), Digest.OfCanonicalJson(Canonical(b)), StringComparison.Ordinal);

    static object Canonical(AgentProfile p) => new
    {
        p.AgentId,
        p.Owner,
        lanes = p.Lanes.ToArray(),
        p.Model,
        p.PromptVersion,
        tools = new SortedDictionary<string, string>(p.ToolVersions.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        p.Contact,
        endpoint = p.Endpoint?.AbsoluteUri,
        p.Description,
    };
}
