using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// A refused approval link as a signed evidence record (<c>approval-refusal</c>): which action the link named, why it was
/// refused, the token's public id and approver when the token could be read, and when. Never the token itself, nor any
/// part of its signature: whoever reads the evidence must not be able to use the link. Each refusal is a chain of its
/// own (like trust changes), because the action's own chain is numbered by its workflow. The trust console's refusals
/// of a signed-in person outside the action's approver groups are recorded the same way (reason <c>not-an-approver</c>,
/// no token, the groups asked).
/// </summary>
public static class ApprovalRefusalEvidence
{
    /// <summary>Agent named in the record when the link's action does not exist (a forged or mistyped link).</summary>
    public const string UnknownAgent = "unattributed";

    public static EvidenceDraft Draft(
        string actionId, ApprovalTokenRefusal reason, string? tokenId, string? approver, int status, DateTimeOffset refusedAt, string refusalId,
        Domain.Actions.ProposedAction? action, string? actionDigest) =>
        Draft(actionId, reason.ToString().ToLowerInvariant(), tokenId, approver, status, refusedAt, refusalId, action, actionDigest);

    /// <summary>A refusal for <paramref name="reason"/> (a token refusal's name, or <c>not-an-approver</c> from the console).</summary>
    public static EvidenceDraft Draft(
        string actionId, string reason, string? tokenId, string? approver, int status, DateTimeOffset refusedAt, string refusalId,
        Domain.Actions.ProposedAction? action, string? actionDigest, IReadOnlyList<string>? approverGroups = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionId);
        var record = new
        {
            actionId,
            reason,
            status,
            tokenId,
            approver,
            refusedAt,
            approverGroups,
        };
        var payload = JsonSerializer.SerializeToElement(new { pactHash = (string?)null, record }, JsonDefaults.Options);
        var chain = "refusal-" + Digest.Sha256Hex(string.Create(CultureInfo.InvariantCulture, $"{actionId}\n{refusalId}"))[..32];
        return new EvidenceDraft(
            chain, 0, EvidenceKinds.ApprovalRefusal, action?.AgentId ?? UnknownAgent, action?.Lane ?? "none",
            action?.Ticket.System ?? "none", action?.Ticket.Id ?? "none",
            actionDigest ?? "sha256:" + Digest.OfCanonicalJson(record), PreviousDigest: null, refusedAt, payload);
    }
}
