using System.IO.Compression;
using System.Text;
using AgentTrust.Domain.Lanes;

namespace AgentTrust.Domain.Metrics.Import;

/// <summary>Opens a records file (<c>.csv</c> or gzip-compressed <c>.csv.gz</c>, told apart by content) and runs the importer for its format.</summary>
public static class RecordImporter
{
    /// <summary>The <c>--format</c> names.</summary>
    public static IReadOnlyDictionary<string, RecordFormat> FormatNames { get; } = new Dictionary<string, RecordFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["servicenow"] = RecordFormat.ServiceNow,
        ["rabobank-changes"] = RecordFormat.RabobankChanges,
        ["rabobank-incidents"] = RecordFormat.RabobankIncidents,
        ["volvo"] = RecordFormat.Volvo,
    };

    /// <summary>
    /// The lane each format's human work is counted in: the lane an agent would work in on the same records
    /// (classifying incidents, warning on change risk, reviewing escalations).
    /// </summary>
    public static string DefaultLane(RecordFormat format) => format switch
    {
        RecordFormat.RabobankChanges => Lanes.Lanes.ChangeRiskWarning,
        RecordFormat.Volvo => Lanes.Lanes.EscalationReview,
        _ => Lanes.Lanes.IncidentClassification,
    };

    public static ImportResult ImportFile(string path, RecordFormat format)
    {
        using var stream = File.OpenRead(path);
        return Import(stream, format);
    }

    public static ImportResult Import(Stream stream, RecordFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffered = new BufferedStream(stream, 1 << 16);
        var magic = new byte[2];
        var read = buffered.Read(magic, 0, 2);
        var head = new MemoryStream(magic, 0, read);
        Stream content = new ConcatenatedStream(head, buffered);
        if (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            content = new GZipStream(content, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Import(reader, format);
    }

    public static ImportResult Import(TextReader reader, RecordFormat format)
    {
        var lane = DefaultLane(format);
        return format switch
        {
            RecordFormat.ServiceNow => ServiceNowEventLogImporter.Read(reader, lane),
            RecordFormat.RabobankChanges => RabobankChangesImporter.Read(reader, lane),
            RecordFormat.RabobankIncidents => RabobankIncidentsImporter.Read(reader, lane),
            RecordFormat.Volvo => VolvoIncidentsImporter.Read(reader, lane),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown records format"),
        };
    }
}
