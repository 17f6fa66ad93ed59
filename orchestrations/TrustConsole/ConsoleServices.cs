using AgentTrust.Orchestrations.Evidence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>Registers the trust console: its sign-in, the action feed (kept from evidence), its read endpoints and page.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddAgentTrustConsole(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));
        services.TryAddSingleton<ConsoleSignIn>();
        if (!services.Any(d => d.ServiceType == typeof(TableActionFeed)))
        {
            // The feed is kept from evidence as it is recorded (RecordEvidenceActivity runs every projection).
            services.AddSingleton<TableActionFeed>();
            services.AddSingleton<IEvidenceProjection>(sp => sp.GetRequiredService<TableActionFeed>());
        }

        services.TryAddSingleton<TrustStatePages>();
        services.TryAddSingleton<ConsoleHandler>();
        services.TryAddSingleton<ListActionsHandler>();
        services.TryAddSingleton<ListTrustHandler>();
        services.TryAddSingleton<GetTrustHistoryHandler>();
        services.TryAddSingleton<GetEvidenceRecordHandler>();
        return services;
    }
}
