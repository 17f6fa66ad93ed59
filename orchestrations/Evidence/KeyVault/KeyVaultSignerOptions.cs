using Azure.Core;

namespace AgentTrust.Orchestrations.Evidence.KeyVault;

/// <summary>Azure.Core client options (retries, transport, diagnostics) for the Key Vault keys REST client.</summary>
public sealed class KeyVaultSignerOptions : ClientOptions
{
    /// <summary>The Key Vault REST API version this client speaks.</summary>
    public const string ApiVersion = "7.4";

    /// <summary>The scope Key Vault tokens are issued for (public cloud).</summary>
    public string Scope { get; set; } = "https://vault.azure.net/.default";
}
