using System.Globalization;

namespace AgentTrust.Cli.Demo;

/// <summary>
/// Reads <c>data/servicenow/incidents-sample.csv</c>, derived from the UCI "Incident management process enriched
/// event log" (CC BY 4.0; see NOTICE.md), or the replay's <c>data/replay/servicenow-incidents.csv.gz</c> (every incident,
/// same columns; gzip when the name ends in .gz). Dates are day-first without padding; priorities read "3 - Moderate";
/// <c>?</c> is missing.
/// </summary>
public static class ServiceNowSample
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "servicenow", "incidents-sample.csv");

    public static IReadOnlyList<ServiceNowIncident> Read(string path)
    {
        var incidents = new List<ServiceNowIncident>();
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : file);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} is empty");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'");
        int number = Column("number"), opened = Column("opened_at"), category = Column("category"), subcategory = Column("subcategory"),
            impact = Column("impact"), urgency = Column("urgency"), openedPriority = Column("opened_priority"), finalPriority = Column("final_priority"),
            reassignments = Column("reassignment_count"), reopens = Column("reopen_count");
        int contact = Array.IndexOf(header, "contact_type"), symptom = Array.IndexOf(header, "u_symptom"), resolved = Array.IndexOf(header, "resolved_at");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var f = text.Split(',');
            if (f.Length != header.Length
                || !DateTime.TryParseExact(f[opened], "d/M/yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var openedAt))
            {
                throw new InvalidDataException($"{path}:{line}: cannot read the row");
            }

            incidents.Add(new ServiceNowIncident(
                f[number], openedAt, f[category], f[subcategory], f[impact], f[urgency],
                Priority(f[openedPriority]), Priority(f[finalPriority]), Int(f[reassignments]), Int(f[reopens]),
                contact >= 0 ? f[contact] : "", symptom >= 0 ? f[symptom] : "", resolved >= 0 ? Date(f[resolved]) : null));
        }

        return incidents;
    }

    /// <summary>"3 - Moderate" is 3.</summary>
    public static int Priority(string value) => int.Parse(value.AsSpan(0, value.IndexOf(' ', StringComparison.Ordinal) is var i and > 0 ? i : value.Length), CultureInfo.InvariantCulture);

    static DateTime? Date(string value) =>
        DateTime.TryParseExact(value, "d/M/yyyy HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    static int Int(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
