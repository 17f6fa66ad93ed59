using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Storage;

/// <summary>
/// The storage service clients, made once from the options: a connection string where one is given (Azurite,
/// development), otherwise the account's endpoints with a token credential (managed identity in Azure).
/// </summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<AgentTrustStorageOptions> options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        Options = value;
        if (!string.IsNullOrWhiteSpace(value.ConnectionString))
        {
            Tables = new TableServiceClient(value.ConnectionString);
            Blobs = new BlobServiceClient(value.ConnectionString);
            return;
        }

        var blobUri = value.BlobServiceUri ?? AccountUri(value.AccountName, "blob");
        var tableUri = value.TableServiceUri ?? AccountUri(value.AccountName, "table");
        credential ??= new DefaultAzureCredential();
        Tables = new TableServiceClient(tableUri, credential);
        Blobs = new BlobServiceClient(blobUri, credential);
    }

    public AgentTrustStorageOptions Options { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    static Uri AccountUri(string? accountName, string service) =>
        string.IsNullOrWhiteSpace(accountName)
            ? throw new InvalidOperationException(
                "No storage is configured: set AgentTrust:Storage:ConnectionString, AzureWebJobsStorage, or AzureWebJobsStorage__accountName.")
            : new Uri($"https://{accountName}.{service}.core.windows.net");
}
