using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Evidence;
using AgentTrust.Orchestrations.Pacts;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentTrust.Tests.Support;

/// <summary>The in-process Durable Task test host running AgentTrust's tasks, with in-memory stores.</summary>
internal sealed class GovernanceTestHost : IAsyncDisposable
{
    readonly DurableTaskTestHost host;

    GovernanceTestHost(DurableTaskTestHost host, InMemoryPactStore pacts, InMemoryEvidenceStore evidence, InMemoryTrustStore trust, InMemoryTrustAttributionIndex attribution)
    {
        this.host = host;
        Pacts = pacts;
        Evidence = evidence;
        Trust = trust;
        Attribution = attribution;
    }

    public DurableTaskClient Client => host.Client;

    public InMemoryPactStore Pacts { get; }

    public InMemoryEvidenceStore Evidence { get; }

    public InMemoryTrustStore Trust { get; }

    public InMemoryTrustAttributionIndex Attribution { get; }

    public static async Task<GovernanceTestHost> StartAsync()
    {
        var pacts = new InMemoryPactStore();
        var evidence = new InMemoryEvidenceStore();
        var trust = new InMemoryTrustStore();
        var attribution = new InMemoryTrustAttributionIndex();
        var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddAgentTrustTasks(),
            new DurableTaskTestHostOptions
            {
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services =>
                {
                    services.AddSingleton<IPactStore>(pacts);
                    services.AddSingleton<IEvidenceStore>(evidence);
                    services.AddSingleton<AgentTrust.Orchestrations.Governance.IActionIndex>(new InMemoryActionIndex());
                    services.AddSingleton<CelPactCompiler>();
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.ITrustStore>(trust);
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.ITrustAttributionIndex>(attribution);
                    services.AddSingleton(AgentTrust.Domain.Trust.TrustParameters.Default);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.TrustEngine>();
                },
            });
        return new GovernanceTestHost(host, pacts, evidence, trust, attribution);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
