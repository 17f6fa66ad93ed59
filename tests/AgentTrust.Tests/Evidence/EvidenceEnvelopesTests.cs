using System.Text;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Evidence.Attestation;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Hashing;
using static AgentTrust.Tests.Evidence.EvidenceTestData;

namespace AgentTrust.Tests.Evidence;

public sealed class EvidenceEnvelopesTests
{
    [Fact]
    public void PreAuthenticationEncoding_DsseSpecExample_MatchesSpec()
    {
        var pae = DsseEnvelope.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8);

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public async Task SealAsync_Draft_IsCanonicalSignedInTotoStatement()
    {
        using var signer = LocalEcdsaSigner.Generate();
        var draft = Draft("classifier-01", "act-1", 0, null);

        var content = await EvidenceEnvelopes.SealAsync(draft, signer);
        var opened = EvidenceEnvelopes.Open(content);

        using var document = System.Text.Json.JsonDocument.Parse(content);
        Assert.Equal(content, CanonicalJson.Serialize(document.RootElement));
        Assert.Equal(DsseEnvelope.InTotoPayloadType, opened.Envelope.PayloadType);
        Assert.Equal(signer.KeyId, Assert.Single(opened.Envelope.Signatures).KeyId);
        Assert.Equal(InTotoStatement.TypeV1, opened.Statement.Type);
        Assert.Equal("https://agenttrust.dev/decision/v1", opened.Statement.PredicateType);
        Assert.Equal(["ticket:servicenow/INC0000045", "action:act-1"], opened.Statement.Subject.Select(s => s.Name));
        Assert.Equal(new string('a', 64), opened.Statement.Subject[1].Digest["sha256"]);
        Assert.Equal(draft.ActionId, opened.Draft.ActionId);
        Assert.Equal(draft.OccurredAt, opened.Draft.OccurredAt);
        using var keys = new KeyRing([await signer.GetPublicKeyAsync()]);
        Assert.True(EvidenceEnvelopes.VerifySignatures(opened, keys, out _));
    }

    [Fact]
    public async Task VerifySignatures_AlteredPayload_Fails()
    {
        using var signer = LocalEcdsaSigner.Generate();
        var content = await EvidenceEnvelopes.SealAsync(Draft("classifier-01", "act-1", 1, "sha256:00"), signer);
        using var keys = new KeyRing([await signer.GetPublicKeyAsync()]);

        var opened = EvidenceEnvelopes.Open(Alter(content));

        Assert.False(EvidenceEnvelopes.VerifySignatures(opened, keys, out var problem));
        Assert.Contains("does not verify", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAnEnvelope_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => EvidenceEnvelopes.Open("{\"payloadType\":\"text/plain\",\"payload\":\"\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"\"}]}"u8));
        Assert.Throws<FormatException>(() => EvidenceEnvelopes.Open("not json"u8));
    }

    [Fact]
    public async Task LocalEcdsaSigner_FromPemFile_CreatesOnceThenReloadsTheSameKey()
    {
        var path = Path.Combine(Path.GetTempPath(), "agenttrust-key-" + Guid.NewGuid().ToString("N"), "records.pem");
        try
        {
            using var created = LocalEcdsaSigner.FromPemFile(path);
            using var reloaded = LocalEcdsaSigner.FromPemFile(path);

            Assert.Equal(created.KeyId, reloaded.KeyId);
            var signature = await reloaded.SignAsync("data"u8.ToArray());
            using var keys = new KeyRing([await created.GetPublicKeyAsync()]);
            Assert.True(keys.Verify(created.KeyId, SignatureAlgorithms.Es256, "data"u8, signature));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.DoesNotContain("PRIVATE", created.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task KeyRing_SameIdForAnotherKey_IsRefused()
    {
        using var a = LocalEcdsaSigner.Generate();
        using var b = LocalEcdsaSigner.Generate();
        using var keys = new KeyRing([await a.GetPublicKeyAsync()]);

        var other = await b.GetPublicKeyAsync() with { KeyId = a.KeyId };

        Assert.Throws<ArgumentException>(() => keys.Add(other));
    }

    [Fact]
    public async Task Checkpoint_SignedThenAltered_NoLongerVerifies()
    {
        using var signer = LocalEcdsaSigner.Generate();
        using var keys = new KeyRing([await signer.GetPublicKeyAsync()]);
        var checkpoint = await CheckpointSigning.SignAsync(signer, "classifier-01", 12, MerkleTree.EmptyRoot(), At);

        Assert.True(CheckpointSigning.Verify(checkpoint, keys));
        Assert.False(CheckpointSigning.Verify(checkpoint with { TreeSize = 13 }, keys));
        Assert.False(CheckpointSigning.Verify(checkpoint with { Timestamp = At.AddSeconds(1) }, keys));
        Assert.StartsWith("agenttrust.dev/evidence/classifier-01\n12\n", Encoding.UTF8.GetString(checkpoint.NoteBody()), StringComparison.Ordinal);
    }
}
