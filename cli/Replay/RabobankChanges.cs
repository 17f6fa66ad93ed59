using System.Globalization;
using System.IO.Compression;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// Reads <c>data/replay/rabobank-changes.csv.gz</c>, one row per change derived from the BPI Challenge 2014 Rabobank
/// change records (CC BY 4.0; see NOTICE.md and scripts/data/derive-replay-data.py). Timestamps are ISO 8601 with offsets.
/// </summary>
public static class RabobankChanges
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "replay", "rabobank-changes.csv.gz");

    public static IReadOnlyList<RabobankChange> Read(string path)
    {
        var changes = new List<RabobankChange>();
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} is empty");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'");
        int id = Column("change_id"), type = Column("change_type"), risk = Column("risk_assessment"), emergency = Column("emergency_change"),
            cab = Column("cab_approval_needed"), ciType = Column("ci_type"), ciSubtype = Column("ci_subtype"), component = Column("service_component"),
            cis = Column("affected_cis"), origin = Column("originated_from"), opened = Column("opened_at"), closed = Column("closed_at"),
            incidents = Column("related_incidents");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var f = text.Split(',');
            if (f.Length != header.Length || !DateTimeOffset.TryParse(f[opened], CultureInfo.InvariantCulture, DateTimeStyles.None, out var openedAt))
            {
                throw new InvalidDataException($"{path}:{line}: cannot read the row");
            }

            DateTimeOffset? closedAt = DateTimeOffset.TryParse(f[closed], CultureInfo.InvariantCulture, DateTimeStyles.None, out var c) ? c : null;
            changes.Add(new RabobankChange(
                f[id], f[type], f[risk], f[emergency] == "true", f[cab] == "true", f[ciType], f[ciSubtype], f[component],
                Int(f[cis]), f[origin], openedAt, closedAt, Int(f[incidents])));
        }

        return changes;
    }

    static int Int(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
