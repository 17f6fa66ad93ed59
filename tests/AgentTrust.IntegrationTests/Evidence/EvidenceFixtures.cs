using System.Text;
using System.Text.Json;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Storage;

namespace AgentTrust.IntegrationTests.Evidence;

/// <summary>Real evidence on Azurite: the store, the log and the checkpointer, with fresh local keys.</summary>
internal sealed class EvidenceFixtures : IDisposable
{
    public EvidenceFixtures(StorageClients clients)
    {
        Clients = clients;
        Signers = new EvidenceSigners(LocalEcdsaSigner.Generate(), LocalEcdsaSigner.Generate());
        Log = new TableEvidenceLog(clients);
        Store = new BlobEvidenceStore(clients, Log, Signers);
        Checkpointer = new EvidenceCheckpointer(clients, Log, Signers, TimeProvider.System);
    }

    public StorageClients Clients { get; }

    public EvidenceSigners Signers { get; }

    public TableEvidenceLog Log { get; }

    public BlobEvidenceStore Store { get; }

    public EvidenceCheckpointer Checkpointer { get; }

    public string[] StorageArgs(AzuriteFixture azurite) =>
        ["--connection-string", azurite.ConnectionString, "--container", Clients.Options.EvidenceContainerName, "--log-table", Clients.Options.EvidenceLogTableName];

    public static EvidenceDraft Draft(string agent, string action, int sequence, string? previous, string kind = EvidenceKinds.Decision) => new(
        action, sequence, kind, agent, "incident-classification", "servicenow", "INC0000045", "sha256:" + new string('b', 64), previous,
        new DateTimeOffset(2026, 11, 26, 10, 0, sequence, TimeSpan.Zero), JsonDocument.Parse($"{{\"step\":{sequence}}}").RootElement);

    /// <summary>
    /// Writes <paramref name="actions"/> chained actions of <paramref name="steps"/> records, actions in parallel, as
    /// agents work; with <paramref name="firstLayout"/>, as the first store did (one blob per record).
    /// </summary>
    public async Task<List<EvidenceReceipt>> WriteActionsAsync(string agent, int actions, int steps, bool firstLayout = false)
    {
        var receipts = await Task.WhenAll(Enumerable.Range(0, actions).Select(async a =>
        {
            var list = new List<EvidenceReceipt>();
            string? previous = null;
            for (var s = 0; s < steps; s++)
            {
                var draft = Draft(agent, $"act-{a:D4}", s, previous);
                var receipt = firstLayout ? await AppendFirstLayoutAsync(draft) : await Store.AppendAsync(draft);
                previous = receipt.Digest;
                list.Add(receipt);
            }

            return list;
        }));
        return [.. receipts.SelectMany(r => r)];
    }

    /// <summary>
    /// A record written as the first store did: its own blob at its record name (If-None-Match), then a log entry
    /// without a location. Evidence written that way must stay readable and verifiable.
    /// </summary>
    public async Task<EvidenceReceipt> AppendFirstLayoutAsync(EvidenceDraft draft)
    {
        var container = Clients.Blobs.GetBlobContainerClient(Clients.Options.EvidenceContainerName);
        await container.CreateIfNotExistsAsync();
        await new EvidenceKeyDirectory(container).PublishAsync(Signers.Records);
        var name = EvidenceLayout.RecordName(draft);
        var content = await EvidenceEnvelopes.SealAsync(draft, Signers.Records);
        await container.GetBlobClient(name).UploadAsync(new BinaryData(content));
        var leaf = await Log.AppendAsync(draft.AgentId, name, AgentTrust.Domain.Evidence.Merkle.MerkleTree.LeafHash(content));
        return new EvidenceReceipt($"{container.Name}/{name}", EvidenceEnvelopes.RecordDigest(content), draft.Sequence, leaf);
    }

    /// <summary>
    /// Rewrites the batch that holds the named records as someone with storage access but no key could: each named
    /// record's bytes replaced (null: its line dropped and its log entry pointed past the end), the other lines kept,
    /// and the locations in the log patched to the new offsets, so only the named records' contents differ.
    /// </summary>
    public async Task RewriteBatchAsync(string agent, IReadOnlyDictionary<string, byte[]?> replacements)
    {
        var entries = await Log.ReadAsync(agent);
        var batch = entries.First(e => replacements.ContainsKey(e.Record)).Location!.Batch;
        var container = Clients.Blobs.GetBlobContainerClient(Clients.Options.EvidenceContainerName);
        var bytes = (await container.GetBlobClient(batch).DownloadContentAsync()).Value.Content.ToArray();
        var table = Clients.Tables.GetTableClient(Clients.Options.EvidenceLogTableName);
        var rewritten = new MemoryStream();
        var dropped = new List<LogEntry>();
        foreach (var entry in entries.Where(e => e.Location?.Batch == batch).OrderBy(e => e.Location!.Offset))
        {
            var content = replacements.TryGetValue(entry.Record, out var replacement)
                ? replacement
                : bytes.AsSpan((int)entry.Location!.Offset, entry.Location.Length).ToArray();
            if (content is null)
            {
                dropped.Add(entry);
                continue;
            }

            await PatchAsync(table, agent, entry.Index, rewritten.Position, content.Length);
            rewritten.Write(content);
            rewritten.WriteByte((byte)'\n');
        }

        foreach (var entry in dropped)
        {
            await PatchAsync(table, agent, entry.Index, rewritten.Length + 1_000, entry.Location!.Length);
        }

        await container.GetBlobClient(batch).UploadAsync(new BinaryData(rewritten.ToArray()), overwrite: true);
    }

    static Task PatchAsync(Azure.Data.Tables.TableClient table, string agent, long index, long offset, int length) =>
        EditLeafAsync(table, agent, index, e => e with { Location = e.Location! with { Offset = offset, Length = length } });

    /// <summary>Changes one leaf of the log in the table (in the leaf entity that holds it), as someone with storage access could.</summary>
    public static async Task EditLeafAsync(Azure.Data.Tables.TableClient table, string agent, long index, Func<LogEntry, LogEntry> change)
    {
        var (_, entries) = await LeafEntityAsync(table, agent, index);
        var edited = entries.Select(e => e.Index == index ? change(e) with { Index = index } : e).ToList();
        await table.UpsertEntityAsync(LogLeafSpan.Write(agent, edited), Azure.Data.Tables.TableUpdateMode.Replace);
    }

    /// <summary>Removes one leaf of the log from the table, leaving a gap (the leaves after it keep their indexes).</summary>
    public static async Task RemoveLeafAsync(Azure.Data.Tables.TableClient table, string agent, long index)
    {
        var (entity, entries) = await LeafEntityAsync(table, agent, index);
        await table.DeleteEntityAsync(agent, entity.RowKey);
        var before = entries.Where(e => e.Index < index).ToList();
        var after = entries.Where(e => e.Index > index).ToList();
        foreach (var part in new[] { before, after }.Where(p => p.Count > 0))
        {
            await table.UpsertEntityAsync(LogLeafSpan.Write(agent, part), Azure.Data.Tables.TableUpdateMode.Replace);
        }
    }

    static async Task<(Azure.Data.Tables.TableEntity Entity, IReadOnlyList<LogEntry> Entries)> LeafEntityAsync(Azure.Data.Tables.TableClient table, string agent, long index)
    {
        var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {agent} and RowKey ge {"leaf-"} and RowKey le {TableEvidenceLog.LeafRow(index)}");
        Azure.Data.Tables.TableEntity? last = null;
        await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>(filter))
        {
            last = entity;
        }

        var entries = last is null ? [] : LogLeafSpan.Read(last);
        return entries.Any(e => e.Index == index) ? (last!, entries) : throw new InvalidOperationException($"no leaf {index} in log '{agent}'");
    }

    /// <summary>Changes a record's statement without re-signing it: what someone with storage access but no key can do.</summary>
    public static byte[] Alter(byte[] content)
    {
        var envelope = JsonSerializer.Deserialize<DsseEnvelope>(content, JsonDefaults.Options)!;
        var statement = Encoding.UTF8.GetString(Convert.FromBase64String(envelope.Payload));
        // The ticket id is in every record, whoever wrote it.
        var altered = statement.Replace("\"ticketId\":\"", "\"ticketId\":\"X", StringComparison.Ordinal);
        if (altered == statement)
        {
            throw new InvalidOperationException("the record has no ticket id to alter");
        }

        return CanonicalJson.Serialize(envelope with { Payload = Convert.ToBase64String(Encoding.UTF8.GetBytes(altered)) }, JsonDefaults.Options);
    }

    public void Dispose()
    {
        ((IDisposable)Signers.Records).Dispose();
        ((IDisposable)Signers.Checkpoints).Dispose();
    }
}
