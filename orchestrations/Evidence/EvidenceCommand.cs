using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using AgentTrust.Domain.Evidence.Packages;
using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Domain.Evidence.Verification;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Storage;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// <c>agenttrust evidence verify|export</c>: verification works offline, from a storage account (connection
/// string) or from an exported bundle, and names the first bad record. Exit codes: 0 verified, 1 the evidence
/// fails verification, 2 usage or input error.
/// </summary>
public static class EvidenceCommand
{
    public const string Usage = """
        usage:
          agenttrust evidence verify (--connection-string CS | --bundle FILE) [--trusted-keys FILE] [--all-signatures]
                                     [--agent ID] [--container NAME] [--log-table NAME]
          agenttrust evidence verify --package DIR|FILE.zip [--trusted-keys FILE]
                               a compliance evidence package (agenttrust report): the manifest's signature, every
                               file's SHA-256, every record's signature and inclusion proof; names the bad file
          agenttrust evidence export --connection-string CS --out FILE [--container NAME] [--log-table NAME]

          --trusted-keys FILE  JSON array of {"keyId","algorithm","publicKey"} (SPKI, base64): only these keys are
                               trusted; without it the keys published with the evidence are used (integrity, not origin)
          --agent ID           only this agent's log (verify, export); without it every log
          --all-signatures     also check the DSSE signature of records already vouched for by a signed checkpoint
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("verify" or "export"))
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        Dictionary<string, string?> options;
        try
        {
            options = ParseOptions(args.AsSpan(1));
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(ex.Message + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        try
        {
            return args[0] == "verify"
                ? await VerifyAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false)
                : await ExportAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or JsonException or Azure.RequestFailedException)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
    }

    static async Task<int> VerifyAsync(Dictionary<string, string?> options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var connection = options.GetValueOrDefault("connection-string");
        var bundlePath = options.GetValueOrDefault("bundle");
        var packagePath = options.GetValueOrDefault("package");
        if (new[] { connection, bundlePath, packagePath }.Count(o => o is not null) != 1)
        {
            await stderr.WriteLineAsync("verify needs exactly one of --connection-string, --bundle and --package." + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        if (packagePath is not null)
        {
            return await VerifyPackageAsync(packagePath, options, stdout, cancellationToken).ConfigureAwait(false);
        }

        EvidenceBundle bundle;
        if (bundlePath is not null)
        {
            await using var file = File.OpenRead(bundlePath);
            bundle = await EvidenceBundleFile.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            bundle = await new StorageEvidenceExporter(Clients(connection!, options)).ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        bundle = OnlyAgent(bundle, options);

        using var trusted = options.GetValueOrDefault("trusted-keys") is { } keysPath ? await ReadKeysAsync(keysPath, cancellationToken).ConfigureAwait(false) : null;
        var report = new EvidenceVerifier(trusted, options.ContainsKey("all-signatures")).Verify(bundle);
        foreach (var note in report.Notes)
        {
            await stdout.WriteLineAsync("note: " + note).ConfigureAwait(false);
        }

        if (report.Valid)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"evidence verified: {report.RecordsVerified} records in {bundle.Logs.Count} log(s), {report.CheckpointsVerified} signed checkpoint(s), {report.SignaturesVerified} record signature(s) checked")).ConfigureAwait(false);
            return 0;
        }

        await stdout.WriteLineAsync("EVIDENCE FAILS VERIFICATION").ConfigureAwait(false);
        await stdout.WriteLineAsync("first bad record: " + report.FirstProblem).ConfigureAwait(false);
        foreach (var problem in report.Problems.Take(50))
        {
            await stdout.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        if (report.Problems.Count > 50)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {report.Problems.Count - 50} more")).ConfigureAwait(false);
        }

        return 1;
    }

    static async Task<int> VerifyPackageAsync(string path, Dictionary<string, string?> options, TextWriter stdout, CancellationToken cancellationToken)
    {
        var files = await ReadPackageAsync(path, cancellationToken).ConfigureAwait(false);
        using var trusted = options.GetValueOrDefault("trusted-keys") is { } keysPath ? await ReadKeysAsync(keysPath, cancellationToken).ConfigureAwait(false) : null;
        var report = new EvidencePackageVerifier(trusted).Verify(files);
        foreach (var note in report.Notes)
        {
            await stdout.WriteLineAsync("note: " + note).ConfigureAwait(false);
        }

        if (report.Valid)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"package verified: {report.FilesVerified} files match the signed manifest, {report.RecordsVerified} evidence records signed, {report.ProofsVerified} inclusion proofs to signed checkpoints")).ConfigureAwait(false);
            return 0;
        }

        await stdout.WriteLineAsync("PACKAGE FAILS VERIFICATION").ConfigureAwait(false);
        await stdout.WriteLineAsync("first bad file: " + report.Problems[0].File).ConfigureAwait(false);
        foreach (var problem in report.Problems.Take(50))
        {
            await stdout.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        return 1;
    }

    /// <summary>A package folder, or a zip of one: every file by relative path with forward slashes.</summary>
    static async Task<IReadOnlyDictionary<string, byte[]>> ReadPackageAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return await Reports.WeeklyReportGenerator.ReadFolderAsync(path, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is neither a package folder nor a zip file.");
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                await using var stream = entry.Open();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                files[entry.FullName.Replace('\\', '/')] = buffer.ToArray();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new FormatException($"'{path}' is not a zip file: {ex.Message}", ex);
        }

        return files;
    }

    static async Task<int> ExportAsync(Dictionary<string, string?> options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.GetValueOrDefault("connection-string") is not { } connection || options.GetValueOrDefault("out") is not { } outPath)
        {
            await stderr.WriteLineAsync("export needs --connection-string and --out." + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        var bundle = OnlyAgent(await new StorageEvidenceExporter(Clients(connection, options)).ReadAsync(cancellationToken).ConfigureAwait(false), options);
        await using (var file = File.Create(outPath))
        {
            await EvidenceBundleFile.WriteAsync(bundle, file, cancellationToken).ConfigureAwait(false);
        }

        var records = bundle.Logs.Sum(l => l.Leaves.Count + l.Unlogged.Count);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"exported {records} records, {bundle.Logs.Sum(l => l.Checkpoints.Count)} checkpoints and {bundle.Keys.Count} keys from {bundle.Logs.Count} log(s) to {outPath}")).ConfigureAwait(false);
        return 0;
    }

    static StorageClients Clients(string connection, Dictionary<string, string?> options)
    {
        var storage = new AgentTrustStorageOptions { ConnectionString = connection };
        if (options.GetValueOrDefault("container") is { } container)
        {
            storage.EvidenceContainerName = container;
        }

        if (options.GetValueOrDefault("log-table") is { } table)
        {
            storage.EvidenceLogTableName = table;
        }

        return new StorageClients(Options.Create(storage));
    }

    static async Task<KeyRing> ReadKeysAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var entries = await JsonSerializer.DeserializeAsync<List<PublicKeyEntry>>(file, JsonDefaults.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new FormatException($"'{path}' holds no keys.");
        try
        {
            return new KeyRing(entries);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"'{path}': {ex.Message}", ex);
        }
    }

    /// <summary>One agent's log (its records, checkpoints and the keys), when <c>--agent</c> names one.</summary>
    static EvidenceBundle OnlyAgent(EvidenceBundle bundle, Dictionary<string, string?> options) =>
        options.GetValueOrDefault("agent") is { } agent
            ? bundle with { Logs = [.. bundle.Logs.Where(l => string.Equals(l.LogId, agent, StringComparison.Ordinal))] }
            : bundle;

    static Dictionary<string, string?> ParseOptions(ReadOnlySpan<string> args)
    {
        var flags = new HashSet<string>(StringComparer.Ordinal) { "all-signatures" };
        var valued = new HashSet<string>(StringComparer.Ordinal) { "connection-string", "bundle", "package", "trusted-keys", "container", "log-table", "out", "agent" };
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }

            var name = arg[2..];
            if (flags.Contains(name))
            {
                options[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"--{name} needs a value");
                }

                options[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown option '{arg}'");
            }
        }

        return options;
    }
}
