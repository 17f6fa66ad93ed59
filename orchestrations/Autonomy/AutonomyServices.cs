using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.Autonomy;

/// <summary>Registers the autonomy governor, its red-team gate, its Table store and the autonomy API handler.</summary>
public static class AutonomyServices
{
    public static IServiceCollection AddAgentTrustAutonomy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AutonomyOptions>().Bind(configuration.GetSection(AutonomyOptions.SectionName));
        services.TryAddSingleton<IAutonomyStore, TableAutonomyStore>();
        services.TryAddSingleton<RedTeamGate>();
        services.TryAddSingleton<AutonomyGovernor>();
        services.TryAddSingleton<GetAutonomyHandler>();
        return services;
    }
}
