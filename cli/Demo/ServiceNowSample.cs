using System.Globalization;

namespace AgentTrust.Cli.Demo;

/// <summary>
/// Reads <c>data/servicenow/incidents-sample.csv</c>, derived from the UCI "Incident management process enriched
/// event log" (CC BY 4.0; see NOTICE.md). Dates are day-first without padding; priorities read "3 - Moderate".
/// </summary>
public static class ServiceNowSample
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "servicenow", "incidents-sample.csv");

    public static IReadOnlyList<ServiceNowIncident> Read(string path)
    {
        var incidents = new List<ServiceNowIncident>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} is empty");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column '{name}'");
        int number = Column("number"), opened = Column("opened_at"), category = Column("category"), subcategory = Column("subcategory"),
            impact = Column("impact"), urgency = Column("urgency"), openedPriority = Column("opened_priority"), finalPriority = Column("final_priority"),
            reassignments = Column("reassignment_count"), reopens = Column("reopen_count");
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
                Priority(f[openedPriority]), Priority(f[finalPriority]), Int(f[reassignments]), Int(f[reopens])));
        }

        return incidents;
    }

    /// <summary>"3 - Moderate" is 3.</summary>
    public static int Priority(string value) => int.Parse(value.AsSpan(0, value.IndexOf(' ', StringComparison.Ordinal) is var i and > 0 ? i : value.Length), CultureInfo.InvariantCulture);

    static int Int(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
