using AgentTrust.Domain.Evidence.Signing;
using AgentTrust.Orchestrations.Evidence.KeyVault;
using Azure.Core;
using Azure.Identity;

namespace AgentTrust.Orchestrations.Evidence;

/// <summary>Builds the evidence signers from options: local record key, and Key Vault or local checkpoint key.</summary>
public static class EvidenceSignerFactory
{
    public static EvidenceSigners Create(EvidenceOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var records = LocalEcdsaSigner.FromPemFile(options.RecordKeyPath ?? Path.Combine(EvidenceOptions.DefaultKeyDirectory, "evidence-records.pem"));
        ISigner checkpoints;
        if (options.KeyVaultUri is not null)
        {
            // Start-up work: resolving the key once here keeps the key id fixed for the process's lifetime.
            checkpoints = KeyVaultRestSigner.CreateAsync(options.KeyVaultUri, options.KeyVaultKeyName, options.KeyVaultKeyVersion, credential ?? new DefaultAzureCredential())
                .GetAwaiter().GetResult();
        }
        else
        {
            checkpoints = LocalEcdsaSigner.FromPemFile(options.CheckpointKeyPath ?? Path.Combine(EvidenceOptions.DefaultKeyDirectory, "evidence-checkpoints.pem"));
        }

        return new EvidenceSigners(records, checkpoints);
    }
}
