using System.Security.Cryptography;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Merkle;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.IntegrationTests.Support;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Evidence.KeyVault;
using Azure;

namespace AgentTrust.IntegrationTests.Evidence;

[Collection(AzuriteCollection.Name)]
public sealed class KeyVaultRestSignerTests(AzuriteFixture azurite)
{
    const string Scope = "https://vault.azure.net/.default";
    static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignAsync_FakeVault_SendsTheRestShapeAndTheSignatureVerifiesLocally()
    {
        await using var vault = await FakeKeyVault.StartAsync(FakeTokenCredential.TokenFor(Scope), "v1");
        var credential = new FakeTokenCredential();
        using var signer = await KeyVaultRestSigner.CreateAsync(vault.VaultUri, FakeKeyVault.KeyName, null, credential, vault.ClientOptions());

        var checkpoint = await CheckpointSigning.SignAsync(signer, "classifier-01", 42, MerkleTree.EmptyRoot(), At);

        Assert.Equal($"{vault.VaultUri.AbsoluteUri}keys/{FakeKeyVault.KeyName}/v1", signer.KeyId);
        Assert.All(credential.RequestedScopes, s => Assert.Equal(Scope, s));
        var requests = vault.Requests.ToList();
        Assert.Equal(("GET", $"/keys/{FakeKeyVault.KeyName}", "?api-version=7.4"), (requests[0].Method, requests[0].Path, requests[0].Query));
        Assert.Equal(("POST", $"/keys/{FakeKeyVault.KeyName}/v1/sign", "?api-version=7.4"), (requests[1].Method, requests[1].Path, requests[1].Query));
        Assert.All(requests, r => Assert.Equal("Bearer " + FakeTokenCredential.TokenFor(Scope), r.Authorization));
        using var body = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("ES256", body.RootElement.GetProperty("alg").GetString());
        Assert.Equal(SHA256.HashData(checkpoint.NoteBody()), Base64Url.Decode(body.RootElement.GetProperty("value").GetString()!));

        // Verified with the vault's public key taken independently of the signer, and with the one it publishes.
        var independent = new PublicKeyEntry(signer.KeyId, SignatureAlgorithms.Es256, Convert.ToBase64String(vault.Key("v1").ExportSubjectPublicKeyInfo()));
        using var ring = new KeyRing([independent]);
        Assert.True(CheckpointSigning.Verify(checkpoint, ring));
        Assert.Equal(independent, await signer.GetPublicKeyAsync());
        Assert.False(CheckpointSigning.Verify(checkpoint with { TreeSize = 43 }, ring));
    }

    [Fact]
    public async Task CreateAsync_TokenForAnotherScope_IsRefusedByTheVault()
    {
        await using var vault = await FakeKeyVault.StartAsync(FakeTokenCredential.TokenFor(Scope), "v1");
        var options = vault.ClientOptions();
        options.Scope = "https://management.azure.com/.default";

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            KeyVaultRestSigner.CreateAsync(vault.VaultUri, FakeKeyVault.KeyName, null, new FakeTokenCredential(), options));

        Assert.Equal(401, error.Status);
    }

    [Fact]
    public async Task CreateAsync_RotatedKey_OldAndNewCheckpointsBothVerify()
    {
        await using var vault = await FakeKeyVault.StartAsync(FakeTokenCredential.TokenFor(Scope), "v1", "v2");
        using var old = await KeyVaultRestSigner.CreateAsync(vault.VaultUri, FakeKeyVault.KeyName, "v1", new FakeTokenCredential(), vault.ClientOptions());
        using var current = await KeyVaultRestSigner.CreateAsync(vault.VaultUri, FakeKeyVault.KeyName, null, new FakeTokenCredential(), vault.ClientOptions());

        var before = await CheckpointSigning.SignAsync(old, "classifier-01", 10, MerkleTree.EmptyRoot(), At);
        var after = await CheckpointSigning.SignAsync(current, "classifier-01", 20, MerkleTree.EmptyRoot(), At.AddHours(1));

        Assert.NotEqual(old.KeyId, current.KeyId);
        Assert.EndsWith("/v2", current.KeyId, StringComparison.Ordinal);
        using var ring = new KeyRing([await old.GetPublicKeyAsync(), await current.GetPublicKeyAsync()]);
        Assert.True(CheckpointSigning.Verify(before, ring));
        Assert.True(CheckpointSigning.Verify(after, ring));
    }

    [Fact]
    public async Task Checkpointer_WithKeyVaultSigner_EvidenceVerifiesAgainstTrustedKeys()
    {
        await using var vault = await FakeKeyVault.StartAsync(FakeTokenCredential.TokenFor(Scope), "v1");
        using var keyVault = await KeyVaultRestSigner.CreateAsync(vault.VaultUri, FakeKeyVault.KeyName, null, new FakeTokenCredential(), vault.ClientOptions());
        using var records = LocalEcdsaSigner.Generate();
        var clients = TestStorage.Clients(azurite);
        var log = new TableEvidenceLog(clients);
        var signers = new EvidenceSigners(records, keyVault);
        var store = new BlobEvidenceStore(clients, log, signers);
        string? previous = null;
        for (var i = 0; i < 5; i++)
        {
            previous = (await store.AppendAsync(EvidenceFixtures.Draft("classifier-01", "act-1", i, previous))).Digest;
        }

        var checkpoint = await new EvidenceCheckpointer(clients, log, signers, TimeProvider.System).CheckpointAsync("classifier-01");

        Assert.Equal(keyVault.KeyId, checkpoint!.KeyId);
        Assert.Single(vault.Requests, r => r.Method == "POST");
        using var trusted = new KeyRing([await records.GetPublicKeyAsync(), await keyVault.GetPublicKeyAsync()]);
        var report = new EvidenceVerifier(trusted).Verify(await new StorageEvidenceExporter(clients).ReadAsync());
        Assert.True(report.Valid, string.Join("; ", report.Problems));
        Assert.Equal(1, report.CheckpointsVerified);
    }
}
