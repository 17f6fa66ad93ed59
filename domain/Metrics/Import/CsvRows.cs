namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// A records file read row by row against its header, for the importers: the header is checked once, every data row
/// is counted, and a row that cannot be read (wrong field count, unterminated quote, or a value an importer rejects)
/// is reported with its line, never dropped silently. Columns are addressed by their position in the importer's list.
/// </summary>
public sealed class CsvRows
{
    readonly CsvRecordReader csv;
    readonly List<string> fields;
    readonly int[] at;
    readonly int width;
    readonly List<UnreadableRow> unreadable = [];

    CsvRows(CsvRecordReader csv, List<string> fields, int[] at, int width)
    {
        this.csv = csv;
        this.fields = fields;
        this.at = at;
        this.width = width;
    }

    /// <summary>Data rows read so far, readable or not.</summary>
    public long Count { get; private set; }

    /// <summary>The current row's value of the <paramref name="column"/>-th column the importer asked for.</summary>
    public string this[int column] => fields[at[column]];

    /// <summary>
    /// Reads the header, checks that <paramref name="columns"/> are all there and reads only those from then on.
    /// Returns null when the rows may be read; otherwise the result to return (an empty file, or the missing columns).
    /// </summary>
    public static ImportResult? Open(TextReader reader, IReadOnlyList<string> columns, out CsvRows rows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(columns);
        var csv = new CsvRecordReader(reader);
        var fields = new List<string>(32);
        rows = null!;
        if (!csv.TryRead(fields))
        {
            return new ImportResult([], 0, [new UnreadableRow(1, "the file is empty (no header)")]);
        }

        var header = new CsvHeader(fields);
        var at = header.Require(columns, out var missing);
        if (missing.Count > 0)
        {
            return new ImportResult([], 0, [new UnreadableRow(1, $"missing column(s): {string.Join(", ", missing)}")]);
        }

        csv.Wanted = header.Mask(at);
        rows = new CsvRows(csv, fields, at, header.Count);
        return null;
    }

    /// <summary>Moves to the next row of the right shape; rows of the wrong shape on the way are reported.</summary>
    public bool Next()
    {
        while (csv.TryRead(fields))
        {
            Count++;
            if (fields.Count == width && !csv.LastRecordUnterminated)
            {
                return true;
            }

            Reject(csv.LastRecordUnterminated ? "unterminated quoted field" : $"expected {width} fields, found {fields.Count}");
        }

        return false;
    }

    /// <summary>Reports the current row as unreadable, with its line and why.</summary>
    public void Reject(string problem) => unreadable.Add(new UnreadableRow(csv.RecordLine, problem));

    /// <summary>The import's result: the events, the rows read and every row that could not be read.</summary>
    public ImportResult Result(IReadOnlyList<LifecycleEvent> events) => new(events, Count, unreadable);
}
