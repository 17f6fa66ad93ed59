using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.Disputes;

/// <summary>Disputes' services: options, the resolution store and the three HTTP handlers.</summary>
public static class DisputeServices
{
    public static IServiceCollection AddAgentTrustDisputes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DisputeOptions>().Bind(configuration.GetSection(DisputeOptions.SectionName));
        services.TryAddSingleton<IDisputeStore, TableDisputeStore>();
        services.TryAddSingleton<FileDisputeHandler>();
        services.TryAddSingleton<GetDisputeHandler>();
        services.TryAddSingleton<ResolveDisputeHandler>();
        return services;
    }
}
