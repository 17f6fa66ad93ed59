using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Governed-action instance ids are derived from the agent and its idempotency key, so a retried request finds
/// the workflow the first one started instead of starting a second.
/// </summary>
public static class ActionIds
{
    const string Prefix = "act-";

    public static string FromIdempotencyKey(string agentId, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        // The separator cannot appear in an agent id, so ("a", "b:c") and ("a:b", "c") never collide.
        return Prefix + Digest.Sha256Hex(agentId + "\n" + idempotencyKey)[..32];
    }

    public static bool LooksValid(string? id) =>
        id is { Length: 36 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
}
