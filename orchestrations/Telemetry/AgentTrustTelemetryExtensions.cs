using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentTrust.Orchestrations.Telemetry;

/// <summary>
/// OpenTelemetry for AgentTrust's traces and metrics (plus the HTTP clients' and Durable Task's sources). Exports to
/// Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (Azure), with Entra ID auth when
/// <c>AgentTrust:Telemetry:UseManagedIdentity</c> is true; otherwise to the console, unless
/// <c>AgentTrust:Telemetry:Console</c> is false (e.g. a CLI whose output is parsed).
/// </summary>
public static class AgentTrustTelemetryExtensions
{
    public static IServiceCollection AddAgentTrustTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName = "agenttrust")
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var useIdentity = configuration.GetValue("AgentTrust:Telemetry:UseManagedIdentity", false);
        var console = configuration.GetValue("AgentTrust:Telemetry:Console", true);
        void AzureMonitor(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            if (useIdentity)
            {
                // Local authentication is off on the Application Insights resource: ingest with the app's identity.
                options.Credential = new DefaultAzureCredential();
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(AgentTrustTelemetry.Name, "Microsoft.DurableTask*");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    tracing.AddAzureMonitorTraceExporter(AzureMonitor);
                }
                else if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AgentTrustTelemetry.Name, "System.Net.Http", "Polly");
                if (!string.IsNullOrWhiteSpace(connectionString))
                {
                    metrics.AddAzureMonitorMetricExporter(AzureMonitor);
                }
                else if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }
}
