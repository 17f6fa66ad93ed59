using AgentTrust.Domain.Judging;
using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations.Agents;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Autonomy;
using AgentTrust.Orchestrations.Disputes;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Pacts;
using AgentTrust.Orchestrations.RedTeam;
using AgentTrust.Orchestrations.Storage;
using AgentTrust.Orchestrations.Ticketing;
using AgentTrust.Orchestrations.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations;

/// <summary>The services the activities and HTTP handlers need, the same in every host.</summary>
public static class AgentTrustServices
{
    /// <summary>Configuration section of the <see cref="JuryPolicy"/> until pacts carry their own.</summary>
    public const string JurySectionName = "AgentTrust:Jury";

    public static IServiceCollection AddAgentTrustServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AgentTrustStorageOptions>()
            .Bind(configuration.GetSection(AgentTrustStorageOptions.SectionName))
            .PostConfigure(options => StorageConfiguration.ApplyFallbacks(options, configuration));
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentTrustStorageOptions>>()));
        services.TryAddSingleton<IPactStore, TablePactStore>();
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.SectionName));
        services.TryAddSingleton(sp => EvidenceSignerFactory.Create(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value));
        services.TryAddSingleton<TableEvidenceLog>();
        services.TryAddSingleton<EvidenceCheckpointer>();
        services.TryAddSingleton<IEvidenceStore, BlobEvidenceStore>();
        services.TryAddSingleton<Governance.IActionIndex, Governance.TableActionIndex>();
        services.TryAddSingleton<CelPactCompiler>();
        services.AddAgentTrustTicketing(configuration);
        services.AddAgentTrustApprovals(configuration);
        services.AddOptions<Metrics.WeeklyMetricsOptions>().Bind(configuration.GetSection(Metrics.WeeklyMetricsOptions.SectionName));
        services.TryAddSingleton<Metrics.TableWeeklyMetricsStore>();
        services.TryAddSingleton<Metrics.OutcomeTableReader>();
        services.TryAddSingleton<Metrics.WeeklyMetricsJob>();
        services.TryAddSingleton<GetWeeklyMetricsHandler>();
        services.AddAgentTrustScores(configuration);
        services.AddAgentTrustAutonomy(configuration);
        services.AddAgentTrustDisputes(configuration);
        services.TryAddSingleton(_ => configuration.GetSection(Lanes.LaneRankingService.PolicySectionName).Get<Domain.Lanes.Readiness.LaneRankingPolicy>() ?? Domain.Lanes.Readiness.LaneRankingPolicy.Default);
        services.TryAddSingleton<Lanes.LaneRankingService>();
        services.TryAddSingleton<GetLaneRankingHandler>();
        services.AddAgentTrustRegistry(configuration);
        services.AddAgentTrustRedTeam(configuration);
        Reports.ReportServices.AddAgentTrustReports(services, configuration);
        TrustConsole.ConsoleServices.AddAgentTrustConsole(services, configuration);
        services.TryAddSingleton<AgentTrustApi>();
        // The jury: judges themselves are registered by the host (AddAgentTrustJudges); with none, judged clauses go to a human.
        services.TryAddSingleton(_ => configuration.GetSection(JurySectionName).Get<JuryPolicy>() ?? JuryPolicy.Default);
        services.TryAddSingleton<IJudgeReliabilityStore, InMemoryJudgeReliabilityStore>();
        return services;
    }
}
