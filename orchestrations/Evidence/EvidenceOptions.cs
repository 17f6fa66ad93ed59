namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Evidence signing, bound from <c>AgentTrust:Evidence</c>. Records are signed with a local P-256 key (PEM file,
/// created on first start). Checkpoints are signed by Key Vault when <see cref="KeyVaultUri"/> is set, else by a
/// local key. Key material never goes into logs or evidence; only key ids and public keys do.
/// </summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "AgentTrust:Evidence";

    /// <summary>PEM file of the record-signing key; created there on first start if missing.</summary>
    public string? RecordKeyPath { get; set; }

    /// <summary>PEM file of the local checkpoint key, used when no Key Vault is configured (offline, development).</summary>
    public string? CheckpointKeyPath { get; set; }

    /// <summary>e.g. <c>https://my-vault.vault.azure.net/</c>; when set, Key Vault signs checkpoints.</summary>
    public Uri? KeyVaultUri { get; set; }

    public string KeyVaultKeyName { get; set; } = "agenttrust-evidence";

    /// <summary>How often the local host signs a checkpoint of every agent's log (Functions: the timer's schedule).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pins a key version; empty means the key's current version, picked up at start (rotation).</summary>
    public string? KeyVaultKeyVersion { get; set; }

    /// <summary>Default folder for the local keys: the user's local application data.</summary>
    public static string DefaultKeyDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "agenttrust", "keys");
}
