using AgentTrust.Domain.Pacts;
using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Approvals;
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

    GovernanceTestHost(DurableTaskTestHost host, InMemoryPactStore pacts, InMemoryEvidenceStore evidence, InMemoryNotifier notifier, ApprovalTokens tokens, InMemoryTrustStore trust, InMemoryTrustAttributionIndex attribution)
    {
        this.host = host;
        Pacts = pacts;
        Evidence = evidence;
        Notifier = notifier;
        Tokens = tokens;
        Trust = trust;
        Attribution = attribution;
    }

    /// <summary>The approval channel: every notice and its links.</summary>
    public InMemoryNotifier Notifier { get; }

    /// <summary>Issues and checks approval link tokens with the host's key.</summary>
    public ApprovalTokens Tokens { get; }

    /// <summary>This host's approval token key, for tests that check tokens at another time.</summary>
    public byte[] TokenKey { get; private init; } = [];

    /// <summary>A fresh approval token key.</summary>
    public static byte[] NewTokenKey() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public DurableTaskClient Client => host.Client;

    public InMemoryPactStore Pacts { get; }

    public InMemoryEvidenceStore Evidence { get; }

    public InMemoryTrustStore Trust { get; }

    public InMemoryTrustAttributionIndex Attribution { get; }

    /// <param name="configure">Extra services, e.g. a ticket writer, registered after the defaults.</param>
    public static async Task<GovernanceTestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var pacts = new InMemoryPactStore();
        var evidence = new InMemoryEvidenceStore();
        var notifier = new InMemoryNotifier();
        var tokenKey = NewTokenKey();
        var tokens = new ApprovalTokens(tokenKey, TimeProvider.System);
        var trust = new InMemoryTrustStore();
        var attribution = new InMemoryTrustAttributionIndex();
        var host = await TestHostStarter.StartAsync(
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
                    services.AddSingleton<INotifier>(notifier);
                    services.AddSingleton(tokens);
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.ITrustStore>(trust);
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.ITrustAttributionIndex>(attribution);
                    services.AddSingleton(AgentTrust.Domain.Trust.TrustParameters.Default);
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton<AgentTrust.Orchestrations.Trust.TrustEngine>();
                    configure?.Invoke(services);
                },
            });
        return new GovernanceTestHost(host, pacts, evidence, notifier, tokens, trust, attribution) { TokenKey = tokenKey };
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
