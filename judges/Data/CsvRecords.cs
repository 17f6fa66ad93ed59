using System.IO.Compression;
using System.Text;

namespace AgentTrust.Judges.Data;

/// <summary>Reads RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) from the gzip files shipped with the judges.</summary>
internal static class CsvRecords
{
    public static List<Dictionary<string, string>> ReadGzip(Stream gzip)
    {
        using var decompressed = new GZipStream(gzip, CompressionMode.Decompress);
        using var reader = new StreamReader(decompressed, Encoding.UTF8);
        return Read(reader.ReadToEnd());
    }

    public static List<Dictionary<string, string>> Read(string text)
    {
        var rows = Parse(text);
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        var records = new List<Dictionary<string, string>>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var record = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                record[header[i]] = i < row.Count ? row[i] : string.Empty;
            }

            records.Add(record);
        }

        return records;
    }

    static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
