using System.Net;
using AgentTrust.Judges;
using AgentTrust.Judges.Local;
using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Hosting;
using AgentTrust.Orchestrations.Telemetry;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Configuration.Memory;

namespace AgentTrust.Cli.LocalHost;

/// <summary>
/// The local host: AgentTrust's HTTP API and orchestrations in one process, durable on Azure Storage through the
/// Durable Task Azure Storage backend (the one Durable Functions uses), served to a Durable Task worker by the
/// gRPC sidecar. Orchestrations and activities come from the same <c>AddAgentTrustTasks</c> as the Functions app.
/// </summary>
public sealed class LocalAgentTrustHost : IAsyncDisposable
{
    readonly WebApplication app;
    readonly IHost workerHost;
    readonly GrpcChannel[] channels;
    bool stopped;

    LocalAgentTrustHost(WebApplication app, IHost workerHost, GrpcChannel[] channels, Uri apiUrl, LocalHostOptions options)
    {
        this.app = app;
        this.workerHost = workerHost;
        this.channels = channels;
        ApiUrl = apiUrl;
        Options = options;
    }

    /// <summary>The base URL of the HTTP API, with the real port when port 0 was asked for.</summary>
    public Uri ApiUrl { get; }

    public LocalHostOptions Options { get; }

    public IServiceProvider Services => app.Services;


    public static async Task<LocalAgentTrustHost> StartAsync(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Lowest precedence first: local.settings.json (shared with `func start`), then environment and arguments.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettingsFile.Read(Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json")) });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var configuration = builder.Configuration;
        var options = configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        var connectionString = configuration["AzureWebJobsStorage"] is { Length: > 0 } webJobs ? webJobs
            : configuration["AgentTrust:Storage:ConnectionString"] is { Length: > 0 } own ? own
            : "UseDevelopmentStorage=true";
        if (string.IsNullOrWhiteSpace(configuration["AgentTrust:Storage:ConnectionString"]))
        {
            configuration["AgentTrust:Storage:ConnectionString"] = connectionString;
        }

        var apiUri = new Uri(options.Url);
        var grpcPort = FreePort.Next();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(ListenAddress(apiUri.Host), apiUri.Port, listen => listen.Protocols = HttpProtocols.Http1);
            // The sidecar speaks gRPC over cleartext HTTP/2 to the worker in this process; it listens on loopback only.
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask.Sidecar", LogLevel.Error);

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        services.AddGrpc();
        services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            // One process per task hub: the app lease only delays recovery after a crash (its lease must expire
            // before a restarted host may start), so it is off; partition leases still keep ownership exclusive.
            UseAppLease = false,
            // A worker id per process, so a restarted host never mistakes the dead one's partition lease for its own.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseInterval / 3,
            LeaseAcquireInterval = options.LeaseInterval / 3,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        // The sidecar's dispatcher reads work through a filter that drops redelivered start messages (see DuplicateStartFilter).
        services.AddSingleton<IOrchestrationService>(sp => new DuplicateStartFilter(
            sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<ILogger<DuplicateStartFilter>>()));
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<TaskHubGrpcServer>();

        // The API's client has a channel of its own: the worker's channel may sit in reconnect back-off from its
        // first attempts, made before Kestrel listened, and a shared channel would fail client calls fast meanwhile.
        var clientChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(clientChannel);
            client.UseWorkflowVersion();
            client.RegisterDirectly();
        });
        services.AddAgentTrustServices(configuration);
        services.AddAgentTrustTelemetry(configuration, "agenttrust-local");

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{grpcPort}");
        app.MapAgentTrustApi(requireHost: null);

        await app.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync().ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        // The worker starts once the sidecar listens, in a host of its own (as the Durable Task test host does),
        // so its first connection succeeds instead of backing off.
        var workerChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var workerBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        workerBuilder.Configuration.AddConfiguration(configuration);
        workerBuilder.Services.AddSingleton(app.Services.GetRequiredService<ILoggerFactory>());
        workerBuilder.Services.AddLogging();
        workerBuilder.Services.AddAgentTrustServices(configuration);
        workerBuilder.Services.AddAgentTrustJudges(configuration);
        workerBuilder.Services.AddHostedService<LocalJudgeWarmUpService>();
        workerBuilder.Services.AddHostedService<Orchestrations.Evidence.EvidenceCheckpointService>();
        workerBuilder.Services.AddHostedService<Orchestrations.Metrics.WeeklyMetricsService>();
        workerBuilder.Services.AddHostedService<Orchestrations.Reports.WeeklyReportService>();
        workerBuilder.Services.AddHostedService<Orchestrations.Trust.TrustRecomputeService>();
        workerBuilder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = workerChannel;
                // The worker drops a work-item stream that carries nothing for two minutes, expecting the backend's
                // health pings; this sidecar sends none, so every idle spell (a drain, a wait for approvers) ended in a
                // needless reconnect and a warning in the log. Sidecar and worker share this process over loopback: a
                // half-open connection, which the detection is for, cannot happen here.
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
            worker.AddTasks(registry => registry.AddAgentTrustTasks());
            worker.UseWorkflowVersioning();
        });
        var workerHost = workerBuilder.Build();
        await workerHost.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var api = addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal))).First(a => a.Port != grpcPort);
        var apiUrl = new UriBuilder(api) { Host = apiUri.Host is "0.0.0.0" or "*" or "+" ? "127.0.0.1" : apiUri.Host }.Uri;
        return new LocalAgentTrustHost(app, workerHost, [clientChannel, workerChannel], apiUrl, options);
    }

    /// <summary>
    /// Stops in the order that drains cleanly: the Azure Storage service first, while the worker is still connected so
    /// in-flight episodes finish, then the worker, then the API and the sidecar.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        var service = app.Services.GetRequiredService<AzureStorageOrchestrationService>();
        await service.StopAsync(isForced: false).ConfigureAwait(false);
        await workerHost.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var channel in channels)
        {
            await channel.ShutdownAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        workerHost.Dispose();
        await app.DisposeAsync().ConfigureAwait(false);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }

    static IPAddress ListenAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "0.0.0.0" or "*" or "+" => IPAddress.Any,
        _ => IPAddress.TryParse(host, out var address) ? address : IPAddress.Loopback,
    };
}
