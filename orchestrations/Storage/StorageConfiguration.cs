using Microsoft.Extensions.Configuration;

namespace AgentTrust.Orchestrations.Storage;

/// <summary>Fills storage options from the Functions-style <c>AzureWebJobsStorage</c> settings when the section is silent.</summary>
public static class StorageConfiguration
{
    public static void ApplyFallbacks(AgentTrustStorageOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) || !string.IsNullOrWhiteSpace(options.AccountName)
            || options.BlobServiceUri is not null)
        {
            return;
        }

        var webJobs = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(webJobs))
        {
            options.ConnectionString = webJobs;
            return;
        }

        // Identity-based connections: AzureWebJobsStorage__accountName (or its blob/table service URIs).
        options.AccountName = configuration["AzureWebJobsStorage:accountName"];
        if (Uri.TryCreate(configuration["AzureWebJobsStorage:blobServiceUri"], UriKind.Absolute, out var blob))
        {
            options.BlobServiceUri = blob;
        }

        if (Uri.TryCreate(configuration["AzureWebJobsStorage:tableServiceUri"], UriKind.Absolute, out var table))
        {
            options.TableServiceUri = table;
        }
    }
}
