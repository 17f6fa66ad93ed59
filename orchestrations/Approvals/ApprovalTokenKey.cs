using System.Security.Cryptography;
using AgentTrust.Orchestrations.Evidence;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>
/// The HMAC key of approval tokens: from configuration (base64) in Azure, else a local file created on first use next
/// to the evidence keys, readable only by its owner. The key is never logged.
/// </summary>
public static class ApprovalTokenKey
{
    public const string FileName = "approval-token.key";

    public static byte[] Load(ApprovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.TokenKey))
        {
            try
            {
                return Convert.FromBase64String(options.TokenKey);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{ApprovalOptions.SectionName}:TokenKey is not base64.");
            }
        }

        var path = options.TokenKeyPath ?? Path.Combine(EvidenceOptions.DefaultKeyDirectory, FileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(path, fileOptions);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both sign alike.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
