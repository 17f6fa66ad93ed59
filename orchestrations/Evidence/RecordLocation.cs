using System.Globalization;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Where a record written in a batch is stored: bytes <see cref="Offset"/> to <see cref="Offset"/> +
/// <see cref="Length"/> of the batch blob <see cref="Batch"/>. The log entry carries it, so a record is read by range;
/// the leaf hash over exactly those bytes is what the signed checkpoints vouch for.
/// </summary>
public sealed record RecordLocation(string Batch, long Offset, int Length)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Batch}#{Offset}+{Length}");
}
