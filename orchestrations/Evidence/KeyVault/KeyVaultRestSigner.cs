using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrust.Domain.Evidence.Signing;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AgentTrust.Orchestrations.Evidence.KeyVault;

/// <summary>
/// ES256 with an EC P-256 key held in Azure Key Vault, through the Key Vault keys REST API on Azure.Core's
/// pipeline (retries, bearer tokens for https://vault.azure.net/.default, diagnostics). The private key never
/// leaves the vault: SHA-256 is computed here and only the digest is sent to <c>POST keys/{name}/{version}/sign</c>.
/// The public key (JWK from <c>GET keys/{name}/{version}</c>) is kept, so signatures are verified locally and the
/// key can be published for offline verification. Swapping to Azure.Security.KeyVault.Keys' CryptographyClient
/// (when the package is available) changes only this file: <c>SignDataAsync(SignatureAlgorithm.ES256, data)</c>
/// and <c>KeyClient.GetKeyAsync</c> replace the two REST calls below.
/// </summary>
public sealed class KeyVaultRestSigner : ISigner, IDisposable
{
    readonly HttpPipeline pipeline;
    readonly Uri vaultUri;
    readonly string keyName;
    readonly string keyVersion;
    readonly PublicKeyEntry publicKey;
    readonly ECDsa verifier;

    KeyVaultRestSigner(HttpPipeline pipeline, Uri vaultUri, string keyName, string keyVersion, string keyId, ECDsa verifier)
    {
        this.pipeline = pipeline;
        this.vaultUri = vaultUri;
        this.keyName = keyName;
        this.keyVersion = keyVersion;
        this.verifier = verifier;
        KeyId = keyId;
        publicKey = EcdsaKeys.PublicEntry(keyId, verifier);
    }

    /// <summary>The key's full identifier with its version (<c>https://{vault}/keys/{name}/{version}</c>): a rotation is a new id.</summary>
    public string KeyId { get; }

    public string Algorithm => SignatureAlgorithms.Es256;

    /// <summary>
    /// Looks up the key (its current version unless <paramref name="keyVersion"/> pins one) and returns a signer
    /// for it. Fails when the key is not an EC P-256 key.
    /// </summary>
    public static async Task<KeyVaultRestSigner> CreateAsync(
        Uri vaultUri, string keyName, string? keyVersion, TokenCredential credential, KeyVaultSignerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new KeyVaultSignerOptions();
        var pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, options.Scope));
        var path = string.IsNullOrEmpty(keyVersion) ? $"keys/{Uri.EscapeDataString(keyName)}" : $"keys/{Uri.EscapeDataString(keyName)}/{Uri.EscapeDataString(keyVersion)}";
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(Endpoint(vaultUri, path));
        message.Request.Headers.Add("Accept", "application/json");
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }

        var bundle = JsonNode.Parse(response.Content.ToMemory().Span) ?? throw new InvalidOperationException("Key Vault returned an empty key bundle.");
        var jwk = bundle["key"] ?? throw new InvalidOperationException("Key Vault key bundle has no 'key'.");
        var kid = (string?)jwk["kid"] ?? throw new InvalidOperationException("Key Vault key has no 'kid'.");
        var kty = (string?)jwk["kty"];
        var crv = (string?)jwk["crv"];
        if (kty is not ("EC" or "EC-HSM") || crv != "P-256")
        {
            throw new InvalidOperationException($"Key '{kid}' is {kty}/{crv}; evidence checkpoints need an EC P-256 key (ES256).");
        }

        var x = Base64Url.Decode((string?)jwk["x"] ?? string.Empty);
        var y = Base64Url.Decode((string?)jwk["y"] ?? string.Empty);
        var version = kid.TrimEnd('/')[(kid.TrimEnd('/').LastIndexOf('/') + 1)..];
        return new KeyVaultRestSigner(pipeline, vaultUri, keyName, version, kid, EcdsaKeys.FromJwk(x, y));
    }

    public async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var digest = SHA256.HashData(data.Span);
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["alg"] = SignatureAlgorithms.Es256, ["value"] = Base64Url.Encode(digest) });
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(Endpoint(vaultUri, $"keys/{Uri.EscapeDataString(keyName)}/{Uri.EscapeDataString(keyVersion)}/sign"));
        message.Request.Headers.Add("Content-Type", "application/json");
        message.Request.Headers.Add("Accept", "application/json");
        message.Request.Content = RequestContent.Create(body);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }

        var result = JsonNode.Parse(response.Content.ToMemory().Span);
        var signature = Base64Url.Decode((string?)result?["value"] ?? string.Empty);
        // Check what the vault returned before it goes into evidence: a bad signature would poison a checkpoint.
        if (!verifier.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            throw new InvalidOperationException($"Key Vault returned a signature that does not verify with key '{KeyId}'.");
        }

        return signature;
    }

    public ValueTask<PublicKeyEntry> GetPublicKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(publicKey);

    public void Dispose() => verifier.Dispose();

    static Uri Endpoint(Uri vaultUri, string path) =>
        new(new Uri(vaultUri.AbsoluteUri.TrimEnd('/') + "/"), path + "?api-version=" + KeyVaultSignerOptions.ApiVersion);
}
