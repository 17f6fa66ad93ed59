using AgentTrust.Domain.Hashing;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Dispute ids are derived from the dispute key, so filing the same dispute twice finds the first.</summary>
public static class DisputeIds
{
    const string Prefix = "dsp-";

    public static string FromKey(string disputeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(disputeKey);
        return Prefix + Digest.Sha256Hex("dispute\n" + disputeKey)[..32];
    }

    public static bool LooksValid(string? id) =>
        id is { Length: 36 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).IndexOfAnyExcept("0123456789abcdef") < 0;
}
