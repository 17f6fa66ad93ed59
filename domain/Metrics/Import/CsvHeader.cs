namespace AgentTrust.Domain.Metrics.Import;

/// <summary>Column positions by name, read from a header record, so importers do not depend on column order.</summary>
public sealed class CsvHeader
{
    readonly Dictionary<string, int> columns;

    public CsvHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Count = header.Count;
        columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }
    }

    public int Count { get; }

    /// <summary>The position of each named column; the names that are absent go to <paramref name="missing"/>.</summary>
    public int[] Require(IReadOnlyList<string> names, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(names);
        var absent = new List<string>();
        var result = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!columns.TryGetValue(names[i], out result[i]))
            {
                absent.Add(names[i]);
            }
        }

        missing = absent;
        return result;
    }

    /// <summary>A mask of the given column positions, for <see cref="CsvRecordReader.Wanted"/>.</summary>
    public IReadOnlyList<bool> Mask(IReadOnlyList<int> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var mask = new bool[Count];
        foreach (var position in positions)
        {
            mask[position] = true;
        }

        return mask;
    }
}
