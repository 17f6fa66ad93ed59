using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// The leaves one log transaction appended, kept in one table entity (<c>leaf-{first index}</c>) instead of one entity
/// per leaf: a transaction holds at most 100 operations, so one leaf entity per record capped a transaction at 49
/// records; with the leaves of a commit in one entity it holds 98 (one <c>rec-</c> entity per record, the span, the
/// head). The leaves are a JSON array in the <c>Leaves</c> property (batch names listed once in <c>Batches</c>); an
/// entity with a <c>Record</c> property is a single leaf of the earlier layout and is still read.
/// </summary>
public static class LogLeafSpan
{
    /// <summary>The longest <c>Leaves</c> value written: a string property holds at most 32 K UTF-16 characters.</summary>
    public const int MaxChars = 30_000;

    /// <summary>The entries one leaf entity holds, in index order (one for an entity of the earlier layout).</summary>
    public static IReadOnlyList<LogEntry> Read(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var first = long.Parse(entity.RowKey.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        if (entity.GetString("Leaves") is not { } json)
        {
            var location = entity.GetString("Batch") is { Length: > 0 } batch
                ? new RecordLocation(batch, entity.GetInt64("Offset") ?? 0, entity.GetInt32("Length") ?? 0)
                : null;
            return [new LogEntry(first, entity.GetString("Record") ?? string.Empty, entity.GetString("LeafHash") ?? string.Empty, location)];
        }

        var batches = entity.GetString("Batches") is { } b ? JsonSerializer.Deserialize<string[]>(b) ?? [] : [];
        var leaves = JsonSerializer.Deserialize<Leaf[]>(json) ?? [];
        var entries = new LogEntry[leaves.Length];
        for (var i = 0; i < leaves.Length; i++)
        {
            var leaf = leaves[i];
            var location = leaf.Batch is { } index && index >= 0 && index < batches.Length
                ? new RecordLocation(batches[index], leaf.Offset, leaf.Length)
                : null;
            entries[i] = new LogEntry(first + i, leaf.Record ?? string.Empty, leaf.LeafHash ?? string.Empty, location);
        }

        return entries;
    }

    /// <summary>The entity holding <paramref name="entries"/> (consecutive, from <c>entries[0].Index</c>) in log <paramref name="logId"/>.</summary>
    public static TableEntity Write(string logId, IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var (leaves, batches) = Encode(entries);
        return new TableEntity(logId, TableEvidenceLog.LeafRow(entries[0].Index))
        {
            ["Count"] = entries.Count,
            ["Leaves"] = leaves,
            ["Batches"] = batches,
        };
    }

    /// <summary>The length of the <c>Leaves</c> value for these entries (to keep it under <see cref="MaxChars"/>).</summary>
    public static int Chars(IReadOnlyList<LogEntry> entries) => Encode(entries).Leaves.Length;

    static (string Leaves, string Batches) Encode(IReadOnlyList<LogEntry> entries)
    {
        var batches = new List<string>();
        var leaves = new Leaf[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            int? batch = null;
            if (entry.Location is { } location)
            {
                batch = batches.IndexOf(location.Batch);
                if (batch < 0)
                {
                    batches.Add(location.Batch);
                    batch = batches.Count - 1;
                }
            }

            leaves[i] = new Leaf(entry.Record, entry.LeafHash, batch, entry.Location?.Offset ?? 0, entry.Location?.Length ?? 0);
        }

        return (JsonSerializer.Serialize(leaves), JsonSerializer.Serialize(batches));
    }

    sealed record Leaf(
        [property: JsonPropertyName("r")] string? Record,
        [property: JsonPropertyName("h")] string? LeafHash,
        [property: JsonPropertyName("b"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Batch,
        [property: JsonPropertyName("o")] long Offset,
        [property: JsonPropertyName("l")] int Length);
}
