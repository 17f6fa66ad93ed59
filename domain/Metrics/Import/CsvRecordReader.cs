using System.Text;

namespace AgentTrust.Domain.Metrics.Import;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields (with doubled quotes and line breaks inside), CRLF or LF, and a leading
/// byte-order mark dropped. Written by hand rather than taken from a package because the importers need the physical
/// line number of every record (to report unreadable rows) and the whole ServiceNow log must be read in about a second:
/// lines without quotes (nearly all) are split on commas without a character-by-character pass, and only the columns
/// an importer asks for (<see cref="Wanted"/>) become strings.
/// </summary>
public sealed class CsvRecordReader
{
    readonly TextReader reader;
    readonly StringBuilder field = new();
    long nextLine = 1;

    public CsvRecordReader(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        this.reader = reader;
    }

    /// <summary>When set, only the fields whose index is true are read into strings; the others are empty.</summary>
    public IReadOnlyList<bool>? Wanted { get; set; }

    /// <summary>The physical line the last record returned started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>Set when the last record ended inside an open quote (the file ended first).</summary>
    public bool LastRecordUnterminated { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool TryRead(List<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        LastRecordUnterminated = false;
        var line = reader.ReadLine();
        if (line is null)
        {
            return false;
        }

        RecordLine = nextLine++;
        if (RecordLine == 1 && line.Length > 0 && line[0] == '\uFEFF')
        {
            line = line[1..];
        }

        if (!line.Contains('"', StringComparison.Ordinal))
        {
            SplitPlain(line, fields);
            return true;
        }

        ParseQuoted(line, fields);
        return true;
    }

    void SplitPlain(string line, List<string> fields)
    {
        var span = line.AsSpan();
        var start = 0;
        while (true)
        {
            var comma = span[start..].IndexOf(',');
            var end = comma < 0 ? span.Length : start + comma;
            fields.Add(IsWanted(fields.Count) ? line[start..end] : string.Empty);
            if (comma < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    void ParseQuoted(string line, List<string> fields)
    {
        field.Clear();
        var inQuotes = false;
        var current = line;
        while (true)
        {
            for (var i = 0; i < current.Length; i++)
            {
                var c = current[i];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < current.Length && current[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    inQuotes = true;
                }
                else if (c == ',')
                {
                    fields.Add(IsWanted(fields.Count) ? field.ToString() : string.Empty);
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (!inQuotes)
            {
                break;
            }

            // A line break inside quotes belongs to the field: carry on with the next physical line.
            var next = reader.ReadLine();
            if (next is null)
            {
                LastRecordUnterminated = true;
                break;
            }

            nextLine++;
            field.Append('\n');
            current = next;
        }

        fields.Add(IsWanted(fields.Count) ? field.ToString() : string.Empty);
    }

    bool IsWanted(int index) => Wanted is null || (index < Wanted.Count && Wanted[index]);
}
