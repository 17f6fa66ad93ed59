using AgentTrust.Domain.Agents;

namespace AgentTrust.Orchestrations.Api;

/// <summary>The JSON shape of a registered agent in the API.</summary>
public static class AgentViews
{
    public static object Of(AgentRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var p = registration.Profile;
        return new
        {
            id = p.AgentId,
            owner = p.Owner,
            lanes = p.Lanes,
            model = p.Model,
            promptVersion = p.PromptVersion,
            toolVersions = p.ToolVersions,
            contact = p.Contact,
            endpoint = p.Endpoint?.AbsoluteUri,
            description = p.Description,
            version = registration.Version,
            fingerprint = registration.Fingerprint,
            revision = registration.Revision,
            registeredAt = registration.RegisteredAt,
            versionSince = registration.VersionSince,
            updatedAt = registration.UpdatedAt,
            links = new { self = $"/api/agents/{p.AgentId}", trust = $"/api/agents/{p.AgentId}/trust" },
        };
    }
}
