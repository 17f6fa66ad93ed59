using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.Agents;

/// <summary>Registers the agent registry (Table storage), the registrar and the registry's API handlers.</summary>
public static class AgentRegistryServices
{
    public static IServiceCollection AddAgentTrustRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentRegistryOptions>().Bind(configuration.GetSection(AgentRegistryOptions.SectionName));
        services.TryAddSingleton<IAgentRegistry, TableAgentRegistry>();
        services.TryAddSingleton<AgentRegistrar>();
        services.TryAddSingleton<RegisterAgentHandler>();
        services.TryAddSingleton<GetAgentHandler>();
        services.TryAddSingleton<ListAgentsHandler>();
        return services;
    }
}
