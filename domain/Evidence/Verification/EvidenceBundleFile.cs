using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Evidence.Verification;

/// <summary>
/// The exported bundle: NDJSON, one <see cref="BundleLine"/> per line, header first, then keys, then per log its
/// checkpoints and its records in leaf order (records stored but not logged last). Records keep their exact stored
/// bytes (base64), so leaf hashes and signatures check the same bytes that were written. Streams, so a
/// million-record bundle never needs to be one string.
/// </summary>
public static class EvidenceBundleFile
{
    public static async Task WriteAsync(EvidenceBundle bundle, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await WriteLineAsync(writer, new BundleLine("bundle", Format: EvidenceBundle.Format)).ConfigureAwait(false);
        foreach (var key in bundle.Keys)
        {
            await WriteLineAsync(writer, new BundleLine("key", Key: key)).ConfigureAwait(false);
        }

        foreach (var log in bundle.Logs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var checkpoint in log.Checkpoints)
            {
                await WriteLineAsync(writer, new BundleLine("checkpoint", Log: log.LogId, Checkpoint: checkpoint)).ConfigureAwait(false);
            }

            foreach (var record in log.Leaves.Concat(log.Unlogged))
            {
                await WriteLineAsync(writer, new BundleLine("record", Log: log.LogId, Index: record.Index, Name: record.Name, LeafHash: record.LeafHash, Content: record.Content)).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a bundle; a <see cref="FormatException"/> names the line that is wrong.</summary>
    public static async Task<EvidenceBundle> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16, leaveOpen: true);
        var keys = new List<PublicKeyEntry>();
        var logs = new Dictionary<string, (List<BundledRecord> Leaves, List<Checkpoint> Checkpoints, List<BundledRecord> Unlogged)>(StringComparer.Ordinal);
        var lineNumber = 0;
        string? text;
        while ((text = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (text.Length == 0)
            {
                continue;
            }

            BundleLine? line;
            try
            {
                line = JsonSerializer.Deserialize<BundleLine>(text, JsonDefaults.Options);
            }
            catch (JsonException ex)
            {
                throw new FormatException(Where(lineNumber, "is not JSON: " + ex.Message), ex);
            }

            if (line is null)
            {
                throw new FormatException(Where(lineNumber, "is empty"));
            }

            if (lineNumber == 1)
            {
                if (line.Type != "bundle" || line.Format != EvidenceBundle.Format)
                {
                    throw new FormatException(Where(lineNumber, $"must be the header {{\"type\":\"bundle\",\"format\":\"{EvidenceBundle.Format}\"}}"));
                }

                continue;
            }

            switch (line.Type)
            {
                case "key":
                    var key = line.Key ?? throw new FormatException(Where(lineNumber, "has no 'key'"));
                    // Deserialised records can hold null in non-nullable members: a key without an id crashed the key ring (found by fuzzing).
                    if (key.KeyId is null || key.Algorithm is null || key.PublicKey is null)
                    {
                        throw new FormatException(Where(lineNumber, "has a 'key' without keyId, algorithm or publicKey"));
                    }

                    keys.Add(key);
                    break;
                case "checkpoint":
                    var checkpoint = line.Checkpoint ?? throw new FormatException(Where(lineNumber, "has no 'checkpoint'"));
                    if (checkpoint.Origin is null || checkpoint.RootHash is null || checkpoint.KeyId is null || checkpoint.Algorithm is null || checkpoint.Signature is null)
                    {
                        throw new FormatException(Where(lineNumber, "has a 'checkpoint' with a missing field"));
                    }

                    Log(logs, line, lineNumber).Checkpoints.Add(checkpoint);
                    break;
                case "record":
                    var record = new BundledRecord(line.Index, line.Name ?? throw new FormatException(Where(lineNumber, "has no 'name'")), line.LeafHash, line.Content);
                    var log = Log(logs, line, lineNumber);
                    (record.Index is null ? log.Unlogged : log.Leaves).Add(record);
                    break;
                default:
                    throw new FormatException(Where(lineNumber, $"has unknown type '{line.Type}'"));
            }
        }

        if (lineNumber == 0)
        {
            throw new FormatException("The bundle is empty.");
        }

        return new EvidenceBundle(keys, [.. logs.Select(l => new EvidenceLogBundle(l.Key, l.Value.Leaves, l.Value.Checkpoints, l.Value.Unlogged))]);
    }

    static (List<BundledRecord> Leaves, List<Checkpoint> Checkpoints, List<BundledRecord> Unlogged) Log(
        Dictionary<string, (List<BundledRecord> Leaves, List<Checkpoint> Checkpoints, List<BundledRecord> Unlogged)> logs, BundleLine line, int lineNumber)
    {
        var id = line.Log ?? throw new FormatException(Where(lineNumber, "has no 'log'"));
        if (!logs.TryGetValue(id, out var log))
        {
            log = ([], [], []);
            logs[id] = log;
        }

        return log;
    }

    static async Task WriteLineAsync(StreamWriter writer, BundleLine line)
    {
        await writer.WriteAsync(JsonSerializer.Serialize(line, JsonDefaults.Options)).ConfigureAwait(false);
        await writer.WriteAsync('\n').ConfigureAwait(false);
    }

    static string Where(int line, string what) => string.Create(CultureInfo.InvariantCulture, $"Bundle line {line} {what}.");
}
