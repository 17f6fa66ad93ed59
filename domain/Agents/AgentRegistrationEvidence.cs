using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Agents;

/// <summary>
/// Registrations as evidence: every revision of an agent's registration is one signed <c>agent-registration</c> record
/// in the agent's log, its own chain (<c>registration-r{revision}</c>), so writing it again (a retried request) returns
/// the first receipt. The record says what changed and the whole profile; the endpoint holds no credentials (the
/// reader refuses user info and queries). A registration spans lanes, so its record names the lane <c>registry</c>.
/// </summary>
public static class AgentRegistrationEvidence
{
    public const string TicketSystem = "registry";

    public static EvidenceDraft Draft(AgentRegistration registration, AgentRegistrationChange change, AgentRegistration? previous)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var profile = registration.Profile;
        var body = JsonSerializer.SerializeToElement(new
        {
            change,
            registration.Version,
            registration.Revision,
            registration.Fingerprint,
            previousVersion = previous?.Version,
            previousFingerprint = previous?.Fingerprint,
            registration.VersionSince,
            profile,
        }, JsonDefaults.Options);
        return new EvidenceDraft(
            ChainId(registration.Revision), 0, EvidenceKinds.AgentRegistration, profile.AgentId, TicketSystem, TicketSystem, profile.AgentId,
            "sha256:" + Digest.OfCanonicalJson(body), PreviousDigest: null, registration.UpdatedAt, body);
    }

    public static string ChainId(int revision) => string.Create(CultureInfo.InvariantCulture, $"registration-r{revision:D6}");
}
