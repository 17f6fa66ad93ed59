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

    /// <summary>Writes <paramref name="actions"/> chained actions of <paramref name="steps"/> records, actions in parallel, as agents work.</summary>
    public async Task<List<EvidenceReceipt>> WriteActionsAsync(string agent, int actions, int steps)
    {
        var receipts = await Task.WhenAll(Enumerable.Range(0, actions).Select(async a =>
        {
            var list = new List<EvidenceReceipt>();
            string? previous = null;
            for (var s = 0; s < steps; s++)
            {
                var receipt = await Store.AppendAsync(Draft(agent, $"act-{a:D4}", s, previous));
                previous = receipt.Digest;
                list.Add(receipt);
            }

            return list;
        }));
        return [.. receipts.SelectMany(r => r)];
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
