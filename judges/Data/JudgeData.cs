using AgentTrust.Domain.Hashing;

namespace AgentTrust.Judges.Data;

/// <summary>
/// The real records the local judges learn from, embedded in this assembly (derived subsets; attribution in NOTICE.md).
/// Their digests key the model cache, so new data never loads an old model.
/// </summary>
internal static class JudgeData
{
    public const string EndavaTickets = "AgentTrust.Judges.Data.endava-tickets.csv.gz";
    public const string IncidentFinalStates = "AgentTrust.Judges.Data.uci-incident-final-states.csv.gz";

    public static byte[] Bytes(string name)
    {
        using var stream = typeof(JudgeData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded judge data '{name}' is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static List<Dictionary<string, string>> Records(string name) => CsvRecords.ReadGzip(new MemoryStream(Bytes(name)));

    public static string DigestOf(string name) => Digest.Sha256Hex(Bytes(name))[..16];

    /// <summary>A stable 80/20 split by row key: the same rows are held out on every machine and every run.</summary>
    public static bool IsHeldOut(string key) => Convert.ToInt32(Digest.Sha256Hex("split\n" + key)[..6], 16) % 5 == 0;
}
