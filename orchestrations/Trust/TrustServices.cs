using AgentTrust.Domain.Trust;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Evidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Trust;

/// <summary>Registers the trust engine, its Table stores, the recomputer and the trust API handlers.</summary>
public static class TrustServices
{
    public static IServiceCollection AddAgentTrustScores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TrustOptions>().Bind(configuration.GetSection(TrustOptions.SectionName));
        services.TryAddSingleton(_ => configuration.GetSection(TrustOptions.ModelSectionName).Get<TrustParameters>() ?? TrustParameters.Default);
        services.TryAddSingleton<ITrustStore, TableTrustStore>();
        services.TryAddSingleton<ITrustAttributionIndex, TableTrustAttributionIndex>();
        services.TryAddSingleton<TrustEngine>();
        services.TryAddSingleton<StorageEvidenceExporter>();
        services.TryAddSingleton(sp => new TableVerifiedWatermarkStore(sp.GetRequiredService<Storage.StorageClients>()));
        services.TryAddSingleton(sp => new TrustRecomputer(
            sp.GetRequiredService<StorageEvidenceExporter>(), sp.GetRequiredService<ITrustStore>(), sp.GetRequiredService<TrustParameters>(),
            sp.GetRequiredService<TableVerifiedWatermarkStore>(), sp.GetRequiredService<IOptions<TrustOptions>>().Value, sp.GetService<TimeProvider>()));
        services.TryAddSingleton<PostOutcomeHandler>();
        services.TryAddSingleton<GetTrustHandler>();
        return services;
    }
}
