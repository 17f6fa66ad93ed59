using System.Text.Json;
using AgentTrust.Domain.Autonomy;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>
/// Tier changes and ledger entries as evidence: each is one chain of its own, named from its content (agent, lane,
/// kind and digest), so writing it again after a retry finds the first record instead of adding a second.
/// </summary>
public static class AutonomyEvidence
{
    public static EvidenceDraft Draft(TierChange change, string ticketSystem, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Draft(EvidenceKinds.TierChange, change.AgentId, change.Lane, change.At, change, ticketSystem, ticketId);
    }

    public static EvidenceDraft Draft(LedgerEntry entry, string ticketSystem, string ticketId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Draft(EvidenceKinds.Ledger, entry.AgentId, entry.Lane, entry.At, entry, ticketSystem, ticketId);
    }

    static EvidenceDraft Draft<T>(string kind, string agentId, string lane, DateTimeOffset at, T payload, string ticketSystem, string ticketId)
    {
        var digest = Digest.OfCanonicalJson(payload);
        var body = JsonSerializer.SerializeToElement(payload, JsonDefaults.Options);
        var chain = kind + "-" + Digest.Sha256Hex(agentId + "\n" + lane + "\n" + digest)[..32];
        return new EvidenceDraft(chain, 0, kind, agentId, lane, ticketSystem, ticketId, "sha256:" + digest, PreviousDigest: null, at, body);
    }
}
