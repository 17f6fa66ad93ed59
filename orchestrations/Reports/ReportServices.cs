using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>Registers the weekly report publication (job, store, read API), the same in every host.</summary>
public static class ReportServices
{
    public static IServiceCollection AddAgentTrustReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WeeklyReportOptions>().Bind(configuration.GetSection(WeeklyReportOptions.SectionName));
        services.TryAddSingleton<WeeklyReportGenerator>();
        services.TryAddSingleton<BlobWeeklyReportStore>();
        services.TryAddSingleton<WeeklyReportJob>();
        services.TryAddSingleton<ListReportsHandler>();
        services.TryAddSingleton<GetReportHandler>();
        return services;
    }
}
