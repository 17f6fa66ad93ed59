using System.Globalization;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>Something wrong with the evidence: which log, which leaf and record (when known), and why.</summary>
public sealed record EvidenceProblem(string LogId, long? LeafIndex, string? Record, string Reason)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"log '{LogId}'{(LeafIndex is { } i ? $", leaf {i}" : string.Empty)}{(Record is null ? string.Empty : $", record '{Record}'")}: {Reason}");
}
