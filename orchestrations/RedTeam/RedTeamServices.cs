using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.RedTeam;

/// <summary>Registers red-team runs: the run store, the agents' HTTP client and the API handlers.</summary>
public static class RedTeamServices
{
    public static IServiceCollection AddAgentTrustRedTeam(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RedTeamOptions>().Bind(configuration.GetSection(RedTeamOptions.SectionName));
        // The activity bounds each call with its own timeout; the client's is only a backstop.
        services.AddHttpClient(RedTeamOptions.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.TryAddSingleton<IRedTeamRunStore, TableRedTeamRunStore>();
        services.TryAddSingleton<StartRedTeamRunHandler>();
        services.TryAddSingleton<GetRedTeamRunHandler>();
        return services;
    }
}
