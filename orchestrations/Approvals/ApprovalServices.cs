using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.Approvals;

/// <summary>Human approval's services: options, the token key and ledger, and the notifiers (Teams and email, each only when configured).</summary>
public static class ApprovalServices
{
    public static IServiceCollection AddAgentTrustApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.SectionName));
        services.TryAddSingleton(sp => new ApprovalTokens(
            ApprovalTokenKey.Load(sp.GetRequiredService<IOptions<ApprovalOptions>>().Value), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IApprovalTokenLedger, TableApprovalTokenLedger>();
        // A Teams workflow URL is itself the credential (its path and sig= query), and the client factory's logger
        // writes request URLs at Information: no request logging for this client (found by SecretLeakTests).
        services.AddHttpClient(TeamsNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, TeamsNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, SmtpNotifier>());
        services.AddHttpClient(AcsEmailNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, AcsEmailNotifier>());
        return services;
    }
}
