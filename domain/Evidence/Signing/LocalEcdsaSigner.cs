using System.Security.Cryptography;

namespace AgentTrust.Domain.Evidence.Signing;

/// <summary>
/// ES256 with a local P-256 key: for offline runs, tests, and per-record signing where a remote call per record
/// would cap throughput. The private key is read from (or created once at) a PEM file and is never logged.
/// </summary>
public sealed class LocalEcdsaSigner : ISigner, IDisposable
{
    readonly ECDsa key;
    readonly PublicKeyEntry publicKey;

    public LocalEcdsaSigner(ECDsa key, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("ES256 needs a P-256 key.", nameof(key));
        }

        this.key = key;
        KeyId = keyId ?? EcdsaKeys.LocalKeyId(key);
        publicKey = EcdsaKeys.PublicEntry(KeyId, key);
    }

    public string KeyId { get; }

    public string Algorithm => SignatureAlgorithms.Es256;

    /// <summary>A fresh key held in memory only (tests, benchmarks).</summary>
    public static LocalEcdsaSigner Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>
    /// Loads the PKCS#8 PEM key at <paramref name="path"/>, or creates one there on first start (owner-only
    /// permissions where the OS has them), so the key id is stable across restarts.
    /// </summary>
    public static LocalEcdsaSigner FromPemFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ecdsa = ECDsa.Create();
        if (File.Exists(path))
        {
            ecdsa.ImportFromPem(File.ReadAllText(path));
            return new LocalEcdsaSigner(ecdsa);
        }

        ecdsa.GenerateKey(ECCurve.NamedCurves.nistP256);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs so both sign with one key.
            ecdsa.Dispose();
            return FromPemFile(path);
        }

        return new LocalEcdsaSigner(ecdsa);
    }

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(key.SignData(data.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public ValueTask<PublicKeyEntry> GetPublicKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(publicKey);

    public void Dispose() => key.Dispose();

    public override string ToString() => $"LocalEcdsaSigner({KeyId})";
}
